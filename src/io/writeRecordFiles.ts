import { SinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import { writeCsv } from './csv/writeCsv.js';
import { writeEdf } from './edf/writeEdf.js';
import { recordToJson } from './json/recordToJson.js';
import { PrecisionLossError } from './wfdb/exactGain.js';
import { writeWfdbRecord } from './wfdb/writeRecord.js';

/** Options for {@link writeRecordFiles}. */
export interface WriteRecordFilesOptions {
  /**
   * WFDB storage format for `.hea`/`.dat` outputs. Default: 212 when every lead was read from
   * 12-bit storage, else the first of 16, 24, 32 that stores every lead exactly.
   */
  wfdbFormat?: 16 | 212 | 24 | 32;
  /** Also write leads computed from others; default false. */
  includeDerived?: boolean;
  /** Write WFDB even when no gain stores a lead exactly (the loss goes to `onWarning`); default false: refuse. */
  allowPrecisionLoss?: boolean;
  /** Told, by name, what the output cannot hold (annotations in CSV) and any precision given up. */
  onWarning?: (message: string) => void;
}

/** The first format of `formats` in which the record's leads are written exactly. */
function writeWfdbExactly(record: EcgRecord, formats: (16 | 212 | 24 | 32)[], base: string, options: WriteRecordFilesOptions): Record<string, Uint8Array> {
  let first: unknown;
  for (const format of formats) {
    try {
      return writeWfdbRecord(record, { format, recordName: base, includeDerived: options.includeDerived });
    } catch (e) {
      if (!(e instanceof PrecisionLossError)) throw e;
      first ??= e;
    }
  }
  if (!options.allowPrecisionLoss) throw first;
  return writeWfdbRecord(record, {
    format: formats[0], recordName: base, includeDerived: options.includeDerived, allowPrecisionLoss: true,
    onPrecisionLoss: (l) => options.onWarning?.(`lead ${l.lead} written in WFDB format ${formats[0]} at ${l.gain} adu/mV: samples move by up to ${l.maxErrorMv.toPrecision(3)} mV (precision loss allowed)`),
  });
}

/** Says by name which annotations a format that cannot hold them leaves out. */
function warnDroppedAnnotations(record: EcgRecord, format: string, options: WriteRecordFilesOptions): void {
  const sets = record.annotations.filter((s) => s.annotations.length > 0);
  if (sets.length === 0) return;
  options.onWarning?.(`${format} cannot hold annotations: ${sets.map((s) => `${s.annotator} (${s.annotations.length})`).join(', ')} not written`);
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
      const formats: (16 | 212 | 24 | 32)[] = options.wfdbFormat ? [options.wfdbFormat] : fits212(record) ? [212, 16, 24, 32] : [16, 24, 32];
      return writeWfdbExactly(record, formats, base, options);
    }
    case '.edf':
      return { [file]: writeEdf(record, { includeDerived: options.includeDerived }) };
    case '.csv':
      warnDroppedAnnotations(record, 'CSV', options);
      return { [file]: utf8(writeCsv(record, { includeDerived: options.includeDerived })) };
    case '.tsv':
      warnDroppedAnnotations(record, 'TSV', options);
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
