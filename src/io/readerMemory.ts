import type { EcgRecord } from '../record/types.js';

/**
 * Each reader's worst-case memory for the record it returns, in bytes per byte of input files, for
 * signals actually stored in the files (a sample costs 4 bytes as Float32 plus 4 as Int32 raw):
 * WFDB 11 (format 310/311 pack 3 samples in 4 bytes), EDF/ISHNE/DICOM 4-8 (16-bit samples),
 * text formats 8 (a sample takes at least 2 characters), and compressed formats (SCP-ECG Huffman,
 * Philips XLI, MRx archives) 64. What a header can declare beyond its bytes (WFDB '~' signals and
 * multi-segment records, multi-frequency interpolation, EDF+D gaps, decompression) is bounded by
 * {@link RecordLimits} `maxTotalSamples` instead, checked before decoding.
 *
 * @example
 * READER_BYTES_PER_INPUT_BYTE.edf; // 4
 */
export const READER_BYTES_PER_INPUT_BYTE: Readonly<Record<string, number>> = {
  wfdb: 11,
  mat: 8,
  edf: 4,
  csv: 8,
  json: 8,
  ishne: 8,
  dicom: 8,
  'hl7-aecg': 8,
  muse: 8,
  scp: 64,
  philips: 64,
  'philips-mrx': 64,
};

/**
 * Bytes a record's signals take in memory: every lead's samples and raw values (representative
 * beats and annotations are small beside them and not counted).
 *
 * @example
 * recordSignalBytes(rec); // 12 leads x 5000 samples x 8 = 480000 for LUDB 1
 */
export function recordSignalBytes(rec: EcgRecord): number {
  return rec.leads.reduce((s, l) => s + l.samples.byteLength + (l.raw?.byteLength ?? 0), 0);
}
