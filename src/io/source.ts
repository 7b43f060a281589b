import { SinusError } from '../errors.js';

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

/**
 * A FileSource over files already in memory (uploads, tests, the browser). Names are looked up in
 * a Map of the object's own entries, so a header naming its signal file `__proto__`,
 * `constructor` or `toString` finds that file or nothing, never an inherited property.
 *
 * @example
 * const source = memoryFileSource({ '100.hea': hea, '100.dat': dat });
 * await source.exists('constructor'); // false
 */
export function memoryFileSource(files: Record<string, Uint8Array>): FileSource {
  const byName = new Map<string, Uint8Array>(Object.entries(files));
  return {
    async read(name) {
      const f = byName.get(name);
      if (!(f instanceof Uint8Array)) throw new SinusError('FILE_NOT_FOUND', 'file not found', name);
      return f;
    },
    async exists(name) {
      return byName.get(name) instanceof Uint8Array;
    },
  };
}
