import { SinusError } from '../errors.js';
import { readRecordFromFiles, type ReadRecordOptions } from '../io/detect.js';
import type { EcgRecord } from '../record/types.js';

/**
 * Keeps only the last path component of an uploaded file name, so a name can never point at a
 * folder (uploads are matched by name only; nothing is read from a file system).
 *
 * @example safeFileName('../../etc/100.hea') // '100.hea'
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  if (!base || base === '.' || base === '..' || base.length > 255 || /[\u0000-\u001f]/.test(base)) {
    throw new SinusError('BAD_ARGUMENT', `"${name.slice(0, 80)}" is not a usable file name`);
  }
  return base;
}

/** A multi-segment WFDB master header names its segments ("name/segments ..." on the record line). */
function isMasterHeader(bytes: Uint8Array): boolean {
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^#.*$/gm, '');
  return /^\s*\S+\/\d+\s/m.test(text);
}

/**
 * Builds a record from files held in memory (uploads, files dropped on a page), browser-safe:
 * the files of ONE record in any format the io stage reads (WFDB .hea with .dat/.mat and
 * annotation files, EDF, CSV, the clinical formats). Names are reduced to their last path part.
 *
 * @example const rec = await recordFromFiles({ '100.hea': hea, '100.dat': dat });
 */
export async function recordFromFiles(files: Record<string, Uint8Array>, options: ReadRecordOptions = {}): Promise<EcgRecord> {
  // No prototype: an uploaded file called __proto__ is a file, not the object's prototype.
  const byName: Record<string, Uint8Array> = Object.create(null);
  for (const [name, bytes] of Object.entries(files)) byName[safeFileName(name)] = bytes;
  const names = Object.keys(byName);
  if (names.length === 0) throw new SinusError('NOT_ENOUGH_DATA', 'no file was given');
  const headers = names.filter((n) => n.toLowerCase().endsWith('.hea'));
  if (headers.length > 1 && !headers.some((h) => isMasterHeader(byName[h]))) {
    throw new SinusError('BAD_ARGUMENT', `one record at a time: got ${headers.length} headers (${headers.join(', ')})`);
  }
  const signal = names.find((n) => /\.(dat|mat)$/i.test(n));
  if (headers.length === 0 && signal && names.every((n) => !/\.(edf|rec|csv|tsv|xml|dcm|scp|ecg|json)$/i.test(n))) {
    throw new SinusError('FILE_NOT_FOUND', `a WFDB signal file needs its header: add ${signal.replace(/\.(dat|mat)$/i, '.hea')}`, signal);
  }
  return readRecordFromFiles(byName, options);
}
