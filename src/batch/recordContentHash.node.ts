import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';

/**
 * SHA-256 (hex) over a record file and its companions: every file in the same folder whose name
 * has the same stem (`100.hea`, `100.dat`, `100.atr`), in name order, each as its name and bytes.
 * With the software version it keys a batch row, so a rerun skips records already done and redoes
 * any whose bytes changed. (A multi-segment WFDB record's segments have other stems and are not
 * covered: a changed segment behind an unchanged master header is not noticed.)
 *
 * @example
 * const sha = await recordContentHash('../shared/data/mitdb/100.hea'); // 64 hex digits
 */
export async function recordContentHash(path: string): Promise<string> {
  const dir = dirname(path);
  const stem = basename(path, extname(path));
  const names = (await readdir(dir)).filter((n) => n === basename(path) || basename(n, extname(n)) === stem).sort();
  const h = createHash('sha256');
  for (const n of names) {
    const bytes = await readFile(join(dir, n));
    h.update(`${n}\0${bytes.length}\0`);
    h.update(bytes);
  }
  return h.digest('hex');
}
