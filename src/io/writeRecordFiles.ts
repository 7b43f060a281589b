import { SinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import { writeCsv } from './csv/writeCsv.js';
import { writeEdf } from './edf/writeEdf.js';
import { recordToJson } from './json/recordToJson.js';
import { writeWfdbRecord } from './wfdb/writeRecord.js';

/** Options for {@link writeRecordFiles}. */
export interface WriteRecordFilesOptions {
  /** WFDB storage format for `.hea`/`.dat` outputs; default 212 when every lead fits it losslessly, else 16. */
  wfdbFormat?: 16 | 212;
  /** Also write leads computed from others; default false. */
  includeDerived?: boolean;
}

/**
 * Encodes a record in the format its output name asks for: `.hea`/`.dat` (WFDB, with annotation
 * files), `.edf` (EDF+), `.csv`, `.tsv`, `.json`. Returns the files by name (browser-safe; the CLI
 * writes them to disk).
 *
 * @example
 * const files = writeRecordFiles(rec, 'out/100.edf'); // { '100.edf': Uint8Array }
 */
export function writeRecordFiles(record: EcgRecord, outName: string, options: WriteRecordFilesOptions = {}): Record<string, Uint8Array> {
  const file = outName.replace(/^.*[\\/]/, '');
  const m = /^(.*?)(\.[^.]+)?$/.exec(file)!;
  const base = m[1] || record.name;
  const ext = (m[2] ?? '').toLowerCase();
  const utf8 = (s: string) => new TextEncoder().encode(s);
  switch (ext) {
    case '.hea':
    case '.dat': {
      const format = options.wfdbFormat ?? (fits212(record) ? 212 : 16);
      return writeWfdbRecord(record, { format, recordName: base, includeDerived: options.includeDerived });
    }
    case '.edf':
      return { [file]: writeEdf(record, { includeDerived: options.includeDerived }) };
    case '.csv':
      return { [file]: utf8(writeCsv(record, { includeDerived: options.includeDerived })) };
    case '.tsv':
      return { [file]: utf8(writeCsv(record, { delimiter: '\t', includeDerived: options.includeDerived })) };
    case '.json':
      return { [file]: utf8(JSON.stringify(recordToJson(record))) };
    default:
      throw new SinusError('BAD_ARGUMENT', `cannot tell the output format from "${file}": use .hea, .dat, .edf, .csv, .tsv or .json`);
  }
}

/** True when every lead was read from 12-bit storage, so format 212 loses nothing. */
function fits212(record: EcgRecord): boolean {
  return record.leads.every((l) => l.info.storageFormat === '212' || l.info.storageFormat === '310' || l.info.storageFormat === '311');
}
