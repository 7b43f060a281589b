import { basename, dirname, extname } from 'node:path';
import { SinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import { nodeFileSource } from './nodeFileSource.js';
import { readWfdbRecord } from './wfdb/readRecord.js';
import { readWfdbAnnotationSets } from './wfdb/readAnnotations.js';

/** Annotators looked for next to a WFDB record (MIT-BIH 'atr', LUDB per-lead files, ...). */
export const DEFAULT_ANNOTATORS = ['atr', 'qrs', 'ecg', 'i', 'ii', 'iii', 'avr', 'avl', 'avf', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6'];

export interface OpenOptions {
  /** Annotators to read next to a WFDB record; default {@link DEFAULT_ANNOTATORS}. */
  annotators?: string[];
}

/**
 * Opens an ECG record from a path (Node only). The format is detected from the extension and the
 * content. Throws {@link SinusError} with a code naming the problem.
 *
 * @example
 * const rec = await openRecord('samples/100.hea');
 * console.log(rec.fs, rec.leads.map((l) => l.name));
 */
export async function openRecord(path: string, options: OpenOptions = {}): Promise<EcgRecord> {
  const dir = dirname(path);
  const ext = extname(path).toLowerCase();
  const source = nodeFileSource(dir);
  const base = basename(path, extname(path));
  if (ext === '.hea' || ext === '.dat' || ext === '') {
    const rec = await readWfdbRecord(base, source);
    rec.annotations = await readWfdbAnnotationSets(base, options.annotators ?? DEFAULT_ANNOTATORS, source);
    return rec;
  }
  throw new SinusError('UNKNOWN_FORMAT', `cannot tell the format of "${basename(path)}"`, path);
}
