import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A file could not be written (disk full, no permission, a folder in the way): not an input error. */
export class OutputWriteError extends Error {
  /** The operating system's error code, e.g. 'ENOSPC', 'EACCES', 'ENOTDIR'. */
  readonly code: string;
  readonly path: string;
  constructor(path: string, cause: NodeJS.ErrnoException) {
    super(`cannot write ${path}: ${cause.code ?? 'error'} ${cause.syscall ? `(${cause.syscall})` : ''}`.trim());
    this.name = 'OutputWriteError';
    this.code = cause.code ?? 'EIO';
    this.path = path;
  }
}

/** Header files make a record visible: they are put in place last. */
const isHeader = (name: string) => /\.hea$/i.test(name);

/**
 * Writes files produced by the browser-safe writers into a folder (Node only), atomically: every
 * file goes to a temporary name first, then each is renamed into place (headers last, so a reader
 * never finds a header without its signal file). On any failure the temporary files are removed
 * and an {@link OutputWriteError} names the path and the system error; creates the folder.
 *
 * @example
 * await writeFilesToDir('out', writeRecordFiles(rec, '100.hea')); // ['out/100.dat', 'out/100.atr', 'out/100.hea']
 */
export async function writeFilesToDir(dir: string, files: Record<string, Uint8Array>): Promise<string[]> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw new OutputWriteError(dir, e as NodeJS.ErrnoException);
  }
  const names = Object.keys(files).sort((a, b) => Number(isHeader(a)) - Number(isHeader(b)));
  const temps = new Map(names.map((n) => [n, join(dir, `.${n}.${process.pid}.${Date.now()}.tmp`)]));
  let current = dir;
  try {
    for (const n of names) {
      current = join(dir, n);
      await writeFile(temps.get(n)!, files[n], { flag: 'wx' });
    }
    const written: string[] = [];
    for (const n of names) {
      current = join(dir, n);
      await rename(temps.get(n)!, current);
      temps.delete(n);
      written.push(current);
    }
    return written;
  } catch (e) {
    await Promise.all([...temps.values()].map((t) => rm(t, { force: true }).catch(() => undefined)));
    throw new OutputWriteError(current, e as NodeJS.ErrnoException);
  }
}
