import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { SinusError } from '../errors.js';

async function realDir(dir: string): Promise<string> {
  try {
    return await realpath(dir);
  } catch {
    return resolve(dir);
  }
}

const recordBase = (name: string) => basename(name, extname(name));

/**
 * Throws SinusError BAD_ARGUMENT when writing `outNames` into `outDir` would overwrite a file of
 * the input record: the input file itself (by any path: same device and inode), or, for an input
 * read with companion files (WFDB `.hea`/`.dat`/annotations, MAT + `.hea`), any existing file of
 * the same record name in the same folder. Node only.
 *
 * @example
 * await refuseOverwritingInput('samples/100.hea', 'samples', ['100.hea', '100.dat']); // throws BAD_ARGUMENT
 */
export async function refuseOverwritingInput(inputPath: string, outDir: string, outNames: string[]): Promise<void> {
  const input = await stat(inputPath).catch(() => null);
  const inDir = await realDir(dirname(inputPath));
  const targetDir = await realDir(outDir);
  const multiFile = /^\.(hea|dat|mat)$/i.test(extname(inputPath)) || extname(inputPath) === '';
  for (const name of outNames) {
    const target = join(targetDir, name);
    const t = await stat(target).catch(() => null);
    if (!t) continue;
    const sameFile = input !== null && t.dev === input.dev && t.ino === input.ino;
    // A WFDB output (header, signal, annotation files) of the same name in the same folder is the input record.
    const wfdbPart = !/\.(edf|csv|tsv|json)$/i.test(name);
    const sameRecord = multiFile && wfdbPart && targetDir === inDir && recordBase(name) === recordBase(inputPath);
    if (sameFile || sameRecord) {
      throw new SinusError('BAD_ARGUMENT', `the output ${name} would overwrite the input record ${basename(inputPath)}: choose another name or folder`, inputPath);
    }
  }
}
