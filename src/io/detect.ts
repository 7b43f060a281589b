import { SinusError } from '../errors.js';
import { withDerivedLimbLeads } from '../record/deriveLeads.js';
import type { EcgRecord } from '../record/types.js';
import { CLINICAL_READERS } from './clinical/index.js';
import { coreReaders, DEFAULT_ANNOTATORS, type CoreReadOptions } from './coreReaders.js';
import type { RecordReader } from './reader.js';
import { recordLimits } from './recordLimits.js';
import { validatedRecord } from './validateRecord.js';
import { memoryFileSource, type FileSource } from './source.js';

/** Options for reading a record through format detection. */
export interface ReadRecordOptions extends CoreReadOptions {
  /** Add the limb leads missing from I/II/III and aVR/aVL/aVF when two of I, II, III are present. */
  deriveLeads?: boolean;
  /** Readers to detect among; default {@link recordReaders}. */
  readers?: RecordReader[];
  /**
   * 'report' (default): checksum and initial-value mismatches are listed in `record.checksums`.
   * 'throw': any mismatch is a SinusError CHECKSUM_MISMATCH naming the file and the leads.
   */
  checksums?: 'report' | 'throw';
}

const registered: RecordReader[] = [];

/**
 * Adds a reader that detection consults before the built-in ones (for formats outside this
 * package).
 *
 * @example
 * registerRecordReader({ format: 'mine', extensions: ['.mine'], sniff: (h) => h[0] === 0x4d, read: readMine });
 */
export function registerRecordReader(reader: RecordReader): void {
  registered.push(reader);
}

/**
 * The readers format detection tries, most specific first: registered readers, WFDB, MAT v4, EDF,
 * sinus JSON, the clinical formats ({@link CLINICAL_READERS}), and CSV/TSV last (its sniffing is
 * the loosest).
 *
 * @example
 * recordReaders().map((r) => r.format); // ['wfdb', 'mat', 'edf', 'json', 'hl7-aecg', ..., 'csv']
 */
export function recordReaders(options: CoreReadOptions = {}): RecordReader[] {
  const c = coreReaders(options);
  return [...registered, c.wfdb, c.mat, c.edf, c.json, ...CLINICAL_READERS, c.csv];
}

function extensionOf(fileName: string): string {
  const m = /(\.[^./\\]+)$/.exec(fileName);
  return m ? m[1].toLowerCase() : '';
}

/**
 * Picks the reader for a file from its first bytes and its name: a reader whose content test and
 * extension both match wins, then one whose content test matches, then one whose extension does
 * (its own parser then says precisely what is wrong). Null when none fits.
 *
 * @example
 * detectRecordReader(bytes.subarray(0, 4096), 'x.edf', recordReaders())?.format; // 'edf'
 */
export function detectRecordReader(head: Uint8Array, fileName: string, readers: RecordReader[]): RecordReader | null {
  const ext = extensionOf(fileName);
  const sniffed = readers.filter((r) => {
    try {
      return r.sniff(head, fileName);
    } catch {
      return false;
    }
  });
  return sniffed.find((r) => r.extensions.includes(ext)) ?? sniffed[0] ?? readers.find((r) => r.extensions.includes(ext)) ?? null;
}

function sniffs(reader: RecordReader, bytes: Uint8Array, fileName: string): boolean {
  try {
    return reader.sniff(bytes.subarray(0, 4096), fileName);
  } catch {
    return false;
  }
}

/** Extensions of files that belong to a WFDB record rather than being one. */
function isWfdbCompanion(fileName: string, annotators: string[]): boolean {
  const ext = extensionOf(fileName).slice(1);
  return ext === 'dat' || ext === '' || annotators.includes(ext);
}

/**
 * Reads a record from `fileName` through a {@link FileSource}, detecting its format (browser-safe;
 * `openRecord` is the Node entry point). A WFDB signal or annotation file (`.dat`, `.atr`, ...) is
 * read through its `.hea`. Limits (`options.limits`) are checked from the header before decoding,
 * and what the reader returns is validated ({@link validatedRecord}). Throws {@link SinusError}:
 * FILE_NOT_FOUND (also for a missing companion file), FILE_EMPTY, UNKNOWN_FORMAT,
 * LIMIT_EXCEEDED, and whatever the format's reader raises.
 *
 * @example
 * const rec = await readRecordFromSource('100.hea', nodeFileSource('samples'));
 */
export async function readRecordFromSource(fileName: string, source: FileSource, options: ReadRecordOptions = {}): Promise<EcgRecord> {
  const annotators = options.annotators ?? DEFAULT_ANNOTATORS;
  let name = fileName;
  if (isWfdbCompanion(name, annotators)) {
    const base = extensionOf(name) ? name.slice(0, -extensionOf(name).length) : name;
    if (await source.exists(`${base}.hea`)) name = `${base}.hea`;
    else if (extensionOf(name) === '.dat') throw new SinusError('FILE_NOT_FOUND', `companion header ${base.replace(/^.*[\\/]/, '')}.hea is missing`, fileName);
  }
  const bytes = await source.read(name);
  if (bytes.length === 0) throw new SinusError('FILE_EMPTY', 'file is empty', name);
  const readers = options.readers ?? recordReaders(options);
  const reader = detectRecordReader(bytes.subarray(0, 4096), name, readers);
  if (!reader) {
    throw new SinusError('UNKNOWN_FORMAT', `cannot tell the format: not ${readers.map((r) => r.format).join(', ')} by content or extension`, name);
  }
  const rec = validatedRecord(await reader.read(bytes, name, source, { limits: options.limits }), name, recordLimits(options.limits));
  const bad = (rec.checksums ?? []).filter((c) => c.ok === false);
  if (options.checksums === 'throw' && bad.length) {
    throw new SinusError('CHECKSUM_MISMATCH', bad.map((c) => `${c.lead}: ${c.problem ?? `checksum ${c.actual}, header ${c.expected}`}`).join('; '), name);
  }
  return options.deriveLeads ? withDerivedLimbLeads(rec) : rec;
}

/**
 * Reads a record from files already in memory (uploads, the web viewer), detecting the format.
 * `main` names the file to open; by default a WFDB header (the master header of a multi-segment
 * record when there are several), else the first file that is not a WFDB companion.
 *
 * @example
 * const rec = await readRecordFromFiles({ '100.hea': hea, '100.dat': dat, '100.atr': atr });
 */
export async function readRecordFromFiles(files: Record<string, Uint8Array>, options: ReadRecordOptions & { main?: string } = {}): Promise<EcgRecord> {
  const names = Object.keys(files).sort();
  if (names.length === 0) throw new SinusError('BAD_ARGUMENT', 'no files given');
  let main = options.main;
  if (main === undefined) {
    const heas = names.filter((n) => extensionOf(n) === '.hea');
    const latin1 = new TextDecoder('latin1');
    const master = heas.find((n) => /^\s*\S+\/\d+\s/m.test(latin1.decode(files[n].subarray(0, 512)).replace(/^#.*$/gm, '')));
    const annotators = options.annotators ?? DEFAULT_ANNOTATORS;
    // Without a header, WFDB companions do not apply: an ISHNE .ecg (with its .ann) is the record.
    const readers = options.readers ?? recordReaders(options);
    const byContent = heas.length ? undefined : names.find((n) => readers.some((r) => r.format !== 'csv' && sniffs(r, files[n], n)));
    main = master ?? heas[0] ?? byContent ?? names.find((n) => !isWfdbCompanion(n, annotators) && !(extensionOf(n) === '.mat' && heas.length)) ?? names[0];
  }
  if (!Object.hasOwn(files, main)) throw new SinusError('FILE_NOT_FOUND', 'not among the given files', main);
  return readRecordFromSource(main, memoryFileSource(files), options);
}
