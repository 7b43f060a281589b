import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { SinusError } from '../errors.js';

/**
 * The files of the record at `path`, read as bytes for storing: the file itself and every file
 * beside it with the same base name (a WFDB header's signal and annotation files: `100.hea`,
 * `100.dat`, `100.atr`). Node only.
 *
 * @example Object.keys(recordFilesAt('samples/100.hea')) // ['100.atr', '100.dat', '100.hea']
 */
export function recordFilesAt(path: string): Record<string, Uint8Array> {
  const dir = dirname(path);
  const base = basename(path, extname(path));
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n === basename(path) || (n.startsWith(base + '.') && !n.slice(base.length + 1).includes('.')));
  } catch {
    throw new SinusError('FILE_NOT_FOUND', 'no such file', path);
  }
  if (!names.includes(basename(path))) throw new SinusError('FILE_NOT_FOUND', 'no such file', path);
  return Object.fromEntries(names.sort().map((n) => [n, new Uint8Array(readFileSync(join(dir, n)))]));
}
