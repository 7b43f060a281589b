import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes files produced by the browser-safe writers into a folder (Node only); creates the folder.
 *
 * @example
 * await writeFilesToDir('out', writeRecordFiles(rec, '100.hea'));
 */
export async function writeFilesToDir(dir: string, files: Record<string, Uint8Array>): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, bytes] of Object.entries(files)) {
    const p = join(dir, name);
    await writeFile(p, bytes);
    written.push(p);
  }
  return written;
}
