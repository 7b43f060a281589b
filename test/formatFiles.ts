import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMATS } from './dataPaths.js';

/** Bytes of a file under the shared formats folder (tests only). */
export function formatFile(...parts: string[]): Uint8Array {
  const b = readFileSync(join(FORMATS, ...parts));
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
}
