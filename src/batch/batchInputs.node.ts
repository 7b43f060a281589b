import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { findRecords } from '../cli/findRecords.js';
import type { SinusError } from '../errors.js';

/** One record a batch will analyse: its path, or the error that makes it unreadable (missing file). */
export interface BatchInput {
  path: string;
  error: SinusError | null;
}

/** The path column of a manifest CSV header, or -1 when the CSV is not a manifest (a record CSV). */
function manifestPathColumn(headerLine: string): number {
  const names = headerLine.split(',').map((s) => s.trim().replace(/^"|"$/g, '').toLowerCase());
  return names.findIndex((n) => n === 'path' || n === 'file');
}

/**
 * Expands `sinus batch` arguments into the records to analyse, in order, each once: record files as
 * given, folders searched recursively (as `sinus analyze` does), and manifest CSVs (a header with a
 * `path` or `file` column; relative paths are relative to the manifest's folder).
 *
 * @example const inputs = await batchInputs(['../shared/data/ptb-xl/records100', 'more.csv']);
 */
export async function batchInputs(args: string[]): Promise<BatchInput[]> {
  const expanded: string[] = [];
  for (const a of args) {
    if (a.toLowerCase().endsWith('.csv')) {
      const text = await readFile(a, 'utf8').catch(() => null);
      const lines = text?.split(/\r?\n/) ?? [];
      const col = lines.length ? manifestPathColumn(lines[0]) : -1;
      if (col >= 0) {
        for (const line of lines.slice(1)) {
          const cell = line.split(',')[col]?.trim().replace(/^"|"$/g, '');
          if (cell) expanded.push(isAbsolute(cell) ? cell : resolve(dirname(a), cell));
        }
        continue;
      }
    }
    expanded.push(a);
  }
  const found = await findRecords(expanded);
  const seen = new Set<string>();
  return found.filter((f) => (seen.has(f.path) ? false : (seen.add(f.path), true)));
}
