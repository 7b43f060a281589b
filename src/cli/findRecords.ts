import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { SinusError } from '../errors.js';

/** Extensions that name a record; companion files (.dat, .atr, .mat beside a .hea) are not listed. */
const RECORD_EXTENSIONS = new Set(['.hea', '.edf', '.rec', '.csv', '.tsv', '.xml', '.dcm', '.scp', '.ecg']);

/**
 * Expands command-line paths into record files: files are kept as given, folders are searched
 * (recursively) for record files, sorted by name. Paths that do not exist come back with their error,
 * so a batch reports them and goes on.
 */
export async function findRecords(paths: string[]): Promise<Array<{ path: string; error: SinusError | null }>> {
  const out: Array<{ path: string; error: SinusError | null }> = [];
  for (const p of paths) {
    let s;
    try {
      s = await stat(p);
    } catch {
      out.push({ path: p, error: new SinusError('FILE_NOT_FOUND', 'no such file or folder', p) });
      continue;
    }
    if (s.isDirectory()) out.push(...(await walk(p)).map((path) => ({ path, error: null })));
    else out.push({ path: p, error: null });
  }
  return out;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  const out: string[] = [];
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && e.name !== 'node_modules') out.push(...(await walk(p)));
      continue;
    }
    const ext = extname(e.name).toLowerCase();
    if (!RECORD_EXTENSIONS.has(ext)) continue;
    // A CSV or XML beside a same-named .hea is a companion, not a record of its own.
    if (ext !== '.hea' && names.has(e.name.slice(0, -ext.length).toLowerCase() + '.hea')) continue;
    out.push(p);
  }
  return out;
}
