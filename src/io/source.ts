/**
 * Where a reader gets its bytes. Readers take a FileSource instead of touching the file system, so
 * they run unchanged in the browser (files dropped on a page) and in Node (see `nodeFileSource`).
 */
export interface FileSource {
  /** Reads a whole file by name (relative to the record's folder). Rejects with SinusError FILE_NOT_FOUND. */
  read(name: string): Promise<Uint8Array>;
  /** True when the named file exists. */
  exists(name: string): Promise<boolean>;
}

/** A FileSource over files already in memory (uploads, tests, the browser). */
export function memoryFileSource(files: Record<string, Uint8Array>): FileSource {
  return {
    async read(name) {
      const f = files[name];
      if (!f) {
        const { SinusError } = await import('../errors.js');
        throw new SinusError('FILE_NOT_FOUND', 'file not found', name);
      }
      return f;
    },
    async exists(name) {
      return name in files;
    },
  };
}
