import { readFile, stat } from 'node:fs/promises';
import { join, isAbsolute } from 'node:path';
import { SinusError } from '../errors.js';
import type { FileSource } from './source.js';

/** A FileSource reading files relative to `dir` on the local file system (Node only). */
export function nodeFileSource(dir: string): FileSource {
  const path = (name: string) => (isAbsolute(name) ? name : join(dir, name));
  return {
    async read(name) {
      try {
        const buf = await readFile(path(name));
        return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new SinusError('FILE_NOT_FOUND', 'file not found', path(name));
        if (code === 'EISDIR') throw new SinusError('BAD_ARGUMENT', 'is a directory, not a file', path(name));
        throw e;
      }
    },
    async exists(name) {
      try {
        return (await stat(path(name))).isFile();
      } catch {
        return false;
      }
    },
  };
}
