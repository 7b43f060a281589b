import { SinusError } from '../errors.js';
import { memoryFileSource } from '../io/source.js';
import { readWfdbAnnotationSets } from '../io/wfdb/readAnnotations.js';
import { readWfdbRecord } from '../io/wfdb/readRecord.js';
import type { EcgRecord } from '../record/types.js';

/** Annotators read beside an uploaded WFDB record (MIT-BIH 'atr', LUDB per-lead wave files). */
const UPLOAD_ANNOTATORS = ['atr', 'qrs', 'ecg', 'i', 'ii', 'iii', 'avr', 'avl', 'avf', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6'];

/**
 * Keeps only the last path component of an uploaded file name, so a name can never point at a
 * folder (uploads are matched by name only; nothing is read from a file system).
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  if (!base || base === '.' || base === '..' || base.length > 255 || /[\u0000-\u001f]/.test(base)) {
    throw new SinusError('BAD_ARGUMENT', `"${name.slice(0, 80)}" is not a usable file name`);
  }
  return base;
}

/**
 * Builds a record from files held in memory (uploads, files dropped on a page), browser-safe.
 * A WFDB record needs its `.hea` and the signal files it names (`.dat`, `.mat`); annotation files
 * (`.atr`, LUDB `.i` ...) are read when present.
 *
 * @example const rec = await recordFromFiles({ '100.hea': hea, '100.dat': dat });
 */
export async function recordFromFiles(files: Record<string, Uint8Array>): Promise<EcgRecord> {
  const byName: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(files)) byName[safeFileName(name)] = bytes;
  const names = Object.keys(byName);
  if (names.length === 0) throw new SinusError('NOT_ENOUGH_DATA', 'no file was given');
  const headers = names.filter((n) => n.toLowerCase().endsWith('.hea'));
  if (headers.length > 1) throw new SinusError('BAD_ARGUMENT', `one record at a time: got ${headers.length} headers (${headers.join(', ')})`);
  if (headers.length === 1) {
    const base = headers[0].slice(0, -4);
    const source = memoryFileSource(byName);
    const rec = await readWfdbRecord(base, source);
    rec.annotations = await readWfdbAnnotationSets(base, UPLOAD_ANNOTATORS, source);
    return rec;
  }
  const dat = names.find((n) => /\.(dat|mat)$/i.test(n));
  if (dat) throw new SinusError('FILE_NOT_FOUND', `a WFDB signal file needs its header: add ${dat.replace(/\.(dat|mat)$/i, '.hea')}`, dat);
  throw new SinusError('UNSUPPORTED_FORMAT', `cannot read ${names.join(', ')}: this build reads WFDB records (.hea with its .dat/.mat)`, names[0]);
}
