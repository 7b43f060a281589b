import { basename, dirname } from 'node:path';
import type { EcgRecord } from '../record/types.js';
import { DEFAULT_ANNOTATORS } from './coreReaders.js';
import { readRecordFromSource, type ReadRecordOptions } from './detect.js';
import { nodeFileSource } from './nodeFileSource.js';

export { DEFAULT_ANNOTATORS };

/** Options for {@link openRecord}. */
export type OpenOptions = ReadRecordOptions;

/**
 * Opens an ECG record from a path (Node only). The format is detected from the content and the
 * extension (WFDB, PhysioNet MAT v4 + .hea, EDF/EDF+, CSV/TSV, sinus JSON, and the clinical formats);
 * a WFDB `.dat` or annotation file opens its record. Throws {@link SinusError} with a code naming
 * the problem and the file.
 *
 * @example
 * const rec = await openRecord('samples/100.hea', { deriveLeads: true });
 * console.log(rec.fs, rec.leads.map((l) => l.name));
 */
export async function openRecord(path: string, options: OpenOptions = {}): Promise<EcgRecord> {
  return readRecordFromSource(basename(path), nodeFileSource(dirname(path)), options);
}
