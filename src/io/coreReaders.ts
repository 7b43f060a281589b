import { SinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import { readCsv } from './csv/readCsv.js';
import { looksLikeEdf, readEdf } from './edf/readEdf.js';
import { looksLikeRecordJson, recordFromJson } from './json/recordFromJson.js';
import { parseMatV4Header } from './mat/matV4.js';
import type { RecordReader } from './reader.js';
import type { FileSource } from './source.js';
import { readWfdbAnnotationSets } from './wfdb/readAnnotations.js';
import { readWfdbRecord, type ReadWfdbOptions } from './wfdb/readRecord.js';

/** Annotators looked for next to a WFDB record (MIT-BIH 'atr', LUDB per-lead files, and the sets sinus writes from EDF+ and the clinical formats). */
export const DEFAULT_ANNOTATORS = ['atr', 'qrs', 'ecg', 'tal', 'i', 'ii', 'iii', 'avr', 'avl', 'avf', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'aecg', 'dicom', 'muse', 'ishne'];

/** Options the core readers understand. */
export interface CoreReadOptions extends ReadWfdbOptions {
  /** Annotators to read next to a WFDB record; default {@link DEFAULT_ANNOTATORS}. */
  annotators?: string[];
  /** Sampling rate for CSV files without a time column. */
  fsHz?: number;
}

const ascii = new TextDecoder('latin1');

function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
}

/** A source that answers the file already in hand without asking `source` again. */
function withFile(source: FileSource, fileName: string, bytes: Uint8Array): FileSource {
  const short = fileName.replace(/^.*[\\/]/, '');
  return {
    read: (name) => (name === short || name === fileName ? Promise.resolve(bytes) : source.read(name)),
    exists: (name) => (name === short || name === fileName ? Promise.resolve(true) : source.exists(name)),
  };
}

async function readWfdbWithAnnotations(base: string, source: FileSource, options: CoreReadOptions): Promise<EcgRecord> {
  const rec = await readWfdbRecord(base, source, options);
  rec.annotations = await readWfdbAnnotationSets(base, options.annotators ?? DEFAULT_ANNOTATORS, source);
  return rec;
}

const RECORD_LINE = /^\s*[A-Za-z0-9_.~-]+(\/\d+)?\s+\d+(\s+[\d.]+(\/[\d.]+)?(\([\d.]+\))?)?(\s+\d+)?/;

/**
 * The built-in readers (WFDB, MAT v4, EDF, sinus JSON, CSV). Options are taken once here, so each
 * `read` keeps the RecordReader signature.
 *
 * @example
 * const { edf } = coreReaders();
 * const rec = await edf.read(bytes, 'x.edf', memoryFileSource({}));
 */
export function coreReaders(options: CoreReadOptions = {}): { wfdb: RecordReader; mat: RecordReader; edf: RecordReader; json: RecordReader; csv: RecordReader } {
  const wfdb: RecordReader = {
    format: 'wfdb',
    extensions: ['.hea'],
    sniff(head, fileName) {
      const text = ascii.decode(head.subarray(0, 1024));
      if (/[\x00-\x08\x0e-\x1f]/.test(text)) return false;
      const first = text.split(/\r?\n/).find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
      return !!first && RECORD_LINE.test(first) && (/\.hea$/i.test(fileName) || /\n\S+\s+\d+/.test(text));
    },
    read: (bytes, fileName, source) => readWfdbWithAnnotations(baseName(fileName), withFile(source, fileName, bytes), options),
  };
  const mat: RecordReader = {
    format: 'mat',
    extensions: ['.mat'],
    sniff: (head) => parseMatV4Header(head) !== null,
    async read(bytes, fileName, source) {
      const base = baseName(fileName);
      if (!(await source.exists(`${base}.hea`))) {
        throw new SinusError('FILE_NOT_FOUND', `companion header ${base}.hea is missing (a MAT v4 file carries no sampling rate or gain)`, fileName);
      }
      return readWfdbWithAnnotations(base, withFile(source, fileName, bytes), options);
    },
  };
  const edf: RecordReader = {
    format: 'edf',
    extensions: ['.edf', '.rec'],
    sniff: (head) => looksLikeEdf(head),
    read: async (bytes, fileName) => readEdf(bytes, fileName, { limits: options.limits }),
  };
  const json: RecordReader = {
    format: 'json',
    extensions: ['.json'],
    sniff: (head) => looksLikeRecordJson(head),
    async read(bytes, fileName) {
      let doc: unknown;
      try {
        doc = JSON.parse(new TextDecoder().decode(bytes));
      } catch (e) {
        throw new SinusError('BAD_HEADER', `not valid JSON: ${(e as Error).message}`, fileName);
      }
      return recordFromJson(doc, fileName);
    },
  };
  const csv: RecordReader = {
    format: 'csv',
    extensions: ['.csv', '.tsv', '.txt'],
    sniff(head) {
      const text = ascii.decode(head);
      if (/[\x00-\x08\x0e-\x1f]/.test(text)) return false;
      const lines = text.split(/\r?\n/).filter((l) => l.trim() && !l.trim().startsWith('#')).slice(0, 6);
      if (lines.length < 2) return false;
      const numericRows = lines.slice(1, -1).filter((l) => /^[\s\d.eE+\-,;\t]+$/.test(l) && /[,;\t]/.test(l));
      return numericRows.length >= Math.max(1, lines.length - 2);
    },
    read: async (bytes, fileName) => readCsv(new TextDecoder().decode(bytes), fileName, { fsHz: options.fsHz }),
  };
  return { wfdb, mat, edf, json, csv };
}
