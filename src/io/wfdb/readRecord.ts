import { SinusError, isSinusError } from '../../errors.js';
import { normalizeLeadName } from '../../record/leadNames.js';
import type { ChecksumStatus, EcgRecord, Lead } from '../../record/types.js';
import type { FileSource } from '../source.js';
import { checkMatV4AgainstWfdb } from '../mat/matV4.js';
import { checkDeclaredRecordSize, recordLimits, type RecordLimits } from '../recordLimits.js';
import { upsampleLinear } from '../upsampleLinear.js';
import { parseWfdbHeader, type WfdbHeader, type WfdbSignalSpec } from './header.js';
import { bytesForSamples, decodeStream, invalidSampleValue, samplesInBytes } from './signalFormats.js';
import { readMultiSegmentRecord } from './readMultiSegment.js';
import type { ReadWfdbOptions } from './readOptions.js';
import { parseWfdbStartTime } from './startTime.js';

export { parseWfdbStartTime } from './startTime.js';

const textDecoder = new TextDecoder('latin1');

export type { ReadWfdbOptions } from './readOptions.js';

/**
 * Signed 16-bit sum of raw samples, as WFDB stores in the header's checksum field.
 *
 * @example
 * wfdbChecksum(Int32Array.from([1, 2, 3])); // 6
 */
export function wfdbChecksum(raw: Int32Array): number {
  let s = 0;
  for (let i = 0; i < raw.length; i++) s = (s + raw[i]) & 0xffff;
  return (s << 16) >> 16;
}

/** Raw signals of a single-segment WFDB record at their stored rates. */
export interface WfdbRawSignals {
  /** Frames in the record (samples per signal at the frame rate). */
  nFrames: number;
  /** One array per header signal, `nFrames * samplesPerFrame` values long. */
  raw: Int32Array[];
  /** Things a reader should know that are not errors (extra bytes after the data, skew padding). */
  warnings: string[];
}

/**
 * Reads a WFDB record: its header `<record>.hea` and signal files, through a {@link FileSource}.
 * Handles signal formats 8, 16, 24, 32, 61, 80, 160, 212, 310, 311, multi-frequency signals (see
 * {@link ReadWfdbOptions}), skew, byte offsets, PhysioNet challenge `.mat` signal files and
 * multi-segment records (fixed or variable layout; null segments read as NaN). Samples are
 * converted to mV; raw ADC values are kept. Each signal's checksum and initial value are checked
 * against the header and reported in `checksums` (a mismatch is reported there, not thrown).
 * Throws {@link SinusError}: FILE_NOT_FOUND for a missing header or signal file, FILE_EMPTY,
 * FILE_TRUNCATED when a signal file holds fewer samples than the header says, BAD_HEADER,
 * UNSUPPORTED_FORMAT for an unknown format code.
 *
 * @example
 * const rec = await readWfdbRecord('100', nodeFileSource('../shared/data/mitdb'));
 */
export async function readWfdbRecord(recordName: string, source: FileSource, options: ReadWfdbOptions = {}): Promise<EcgRecord> {
  const base = recordName.replace(/\.hea$/, '');
  const headerFile = `${base}.hea`;
  const headerBytes = await source.read(headerFile);
  if (headerBytes.length === 0) throw new SinusError('FILE_EMPTY', 'header file is empty', headerFile);
  const header = parseWfdbHeader(textDecoder.decode(headerBytes), headerFile);
  if (header.segments) return readMultiSegmentRecord(header, headerFile, source, options, readWfdbRecord);
  const limits = recordLimits(options.limits);
  const maxSpf = header.signals.reduce((m, s) => Math.max(m, s.samplesPerFrame), 1);
  // Declared size first: a '~' signal or a long nSamples must not allocate before it is judged.
  checkDeclaredRecordSize(header.nSignals, (header.nSamples ?? 0) * maxSpf, limits, headerFile);
  const signals = await readWfdbRawSignals(header, headerFile, source, limits);
  return buildWfdbRecord(header, signals, options);
}

/**
 * Reads and decodes the signal files of a single-segment header into raw ADC values at each
 * signal's stored rate, applying byte offsets, skew and format 8's first differences.
 *
 * @example
 * const { nFrames, raw } = await readWfdbRawSignals(parseWfdbHeader(text, '100.hea'), '100.hea', source);
 */
export async function readWfdbRawSignals(header: WfdbHeader, headerFile: string, source: FileSource, limits: RecordLimits = recordLimits()): Promise<WfdbRawSignals> {
  const maxSpf = header.signals.reduce((m, s) => Math.max(m, s.samplesPerFrame), 1);
  const groups = new Map<string, { spec: WfdbSignalSpec; index: number }[]>();
  header.signals.forEach((spec, index) => {
    const g = groups.get(spec.fileName) ?? [];
    g.push({ spec, index });
    groups.set(spec.fileName, g);
  });
  const raw: Int32Array[] = new Array(header.nSignals);
  const warnings: string[] = [];
  let nFrames = header.nSamples !== undefined && header.nSamples > 0 ? header.nSamples : undefined;
  const deferred: [string, { spec: WfdbSignalSpec; index: number }[]][] = [];
  for (const entry of groups) {
    // Files without data ('~' or format 0) take the record length from the others.
    if (entry[0] === '~' || entry[1][0].spec.format === 0) deferred.push(entry);
    else nFrames = await readGroup(entry[0], entry[1], nFrames);
  }
  const n = nFrames ?? 0;
  for (const [, members] of deferred) {
    for (const m of members) {
      const r = new Int32Array(n * m.spec.samplesPerFrame);
      r.fill(-32768);
      raw[m.index] = r;
    }
  }
  return { nFrames: n, raw, warnings };

  async function readGroup(fileName: string, members: { spec: WfdbSignalSpec; index: number }[], frames: number | undefined): Promise<number> {
    const fmt = members[0].spec.format;
    if (members.some((m) => m.spec.format !== fmt)) throw new SinusError('BAD_HEADER', `signals in ${fileName} use different formats`, headerFile);
    let bytesAll: Uint8Array;
    try {
      bytesAll = await source.read(fileName);
    } catch (e) {
      if (isSinusError(e, 'FILE_NOT_FOUND')) throw new SinusError('FILE_NOT_FOUND', `signal file named in ${headerFile} is missing`, fileName);
      throw e;
    }
    if (bytesAll.length === 0) throw new SinusError('FILE_EMPTY', 'signal file is empty', fileName);
    const offset = members[0].spec.byteOffset;
    if (/\.mat$/i.test(fileName)) checkMatV4AgainstWfdb(bytesAll, fileName, { nSignals: members.length, nFrames: header.nSamples, byteOffset: offset, format: fmt });
    if (offset > bytesAll.length) throw new SinusError('FILE_TRUNCATED', `byte offset ${offset} is past the end of the file (${bytesAll.length} bytes)`, fileName);
    const bytes = bytesAll.subarray(offset);
    const perFrame = members.reduce((s, m) => s + m.spec.samplesPerFrame, 0);
    let available: number;
    try {
      available = Math.floor(samplesInBytes(fmt, bytes.length) / perFrame);
    } catch (e) {
      if (isSinusError(e, 'UNSUPPORTED_FORMAT')) {
        const why = fmt === 508 || fmt === 516 || fmt === 524 ? 'FLAC-compressed WFDB formats are not supported' : 'not a WFDB format this reader knows';
        throw new SinusError('UNSUPPORTED_FORMAT', `signal format ${fmt} (used by ${fileName}): ${why}`, headerFile);
      }
      throw e;
    }
    const need = frames ?? available;
    checkDeclaredRecordSize(header.nSignals, need * maxSpf, limits, headerFile);
    if (available < need) {
      throw new SinusError('FILE_TRUNCATED', `holds ${available} samples per signal but ${headerFile} says ${need} (${bytes.length} bytes after the ${offset}-byte offset, ${bytesForSamples(fmt, need * perFrame)} needed)`, fileName);
    }
    const maxSkew = Math.max(...members.map((m) => m.spec.skew));
    const decodeFrames = Math.min(available, need + maxSkew);
    const used = bytesForSamples(fmt, decodeFrames * perFrame);
    if (bytes.length > used && decodeFrames === need + maxSkew) {
      warnings.push(`${fileName}: ${bytes.length - used} bytes after the ${need} samples per signal that ${headerFile} declares were not read`);
    }
    const stream = decodeStream(bytes, fmt, decodeFrames * perFrame);
    let frameOffset = 0;
    for (const m of members) {
      const spf = m.spec.samplesPerFrame;
      const skew = m.spec.skew;
      const r = new Int32Array(need * spf);
      if (spf === 1 && skew === 0) deinterleave(stream, r, frameOffset, perFrame, need);
      else {
        const invalid = invalidSampleValue(fmt);
        let padded = 0;
        for (let f = 0; f < need; f++) {
          const src = f + skew;
          for (let k = 0; k < spf; k++) {
            if (src < decodeFrames) r[f * spf + k] = stream[src * perFrame + frameOffset + k];
            else { r[f * spf + k] = invalid; padded++; }
          }
        }
        // WFDB semantics: a skewed signal runs past the stored frames; those samples are invalid.
        if (padded) warnings.push(`${fileName}: signal ${m.index} (skew ${skew}) has ${padded} samples past the stored frames, read as missing (NaN)`);
      }
      if (fmt === 8) {
        // Format 8 stores first differences from the initial value.
        let acc = m.spec.initialValue ?? 0;
        for (let i = 0; i < r.length; i++) { acc += r[i]; r[i] = acc; }
      }
      raw[m.index] = r;
      frameOffset += spf;
    }
    return need;
  }
}

/** Copies every `step`-th value of `stream` from `offset` into `out` (one signal of a frame stream). */
function deinterleave(stream: Int32Array, out: Int32Array, offset: number, step: number, n: number): void {
  for (let f = 0, j = offset; f < n; f++, j += step) out[f] = stream[j];
}

/** Physical values of raw samples: ((raw - baseline) / gain) * unitScale, NaN for the invalid marker. */
function toPhysical(r: Int32Array, invalid: number, baseline: number, gain: number, unitScale: number): Float32Array {
  const n = r.length;
  const out = new Float32Array(n);
  if (unitScale === 1) {
    for (let i = 0; i < n; i++) { const v = r[i]; out[i] = v === invalid ? Number.NaN : (v - baseline) / gain; }
  } else {
    for (let i = 0; i < n; i++) { const v = r[i]; out[i] = v === invalid ? Number.NaN : ((v - baseline) / gain) * unitScale; }
  }
  return out;
}

/**
 * Multiplier from a WFDB units string to millivolts; unknown units are taken as mV.
 *
 * @example
 * unitsToMv('uV'); // 0.001
 */
export function unitsToMv(units: string): number {
  const u = units.trim().toLowerCase();
  if (u === 'uv' || u === 'µv' || u === 'μv' || u === 'microvolts') return 1e-3;
  if (u === 'v' || u === 'volts') return 1e3;
  if (u === 'nv') return 1e-6;
  return 1;
}

/**
 * Turns decoded raw signals into an {@link EcgRecord}: physical units, the multi-frequency policy,
 * checksum and initial-value verification.
 *
 * @example
 * const rec = buildWfdbRecord(header, await readWfdbRawSignals(header, '100.hea', source));
 */
export function buildWfdbRecord(header: WfdbHeader, signals: WfdbRawSignals, options: ReadWfdbOptions = {}): EcgRecord {
  const { nFrames, raw } = signals;
  const warnings = [...signals.warnings];
  const maxSpf = header.signals.reduce((m, s) => Math.max(m, s.samplesPerFrame), 1);
  const multiRate = header.signals.some((s) => s.samplesPerFrame !== maxSpf);
  if (multiRate && options.multiFrequency === 'reject') {
    throw new SinusError('UNSUPPORTED_FORMAT', `signals are stored at different rates (samples per frame ${header.signals.map((s) => s.samplesPerFrame).join(', ')}); multiFrequency is 'reject'`, `${header.recordName}.hea`);
  }
  const fs = header.fs * maxSpf;
  const n = nFrames * maxSpf;
  const checksums: ChecksumStatus[] = [];
  const interpolated: string[] = [];
  const leads: Lead[] = header.signals.map((spec, s) => {
    const r = raw[s];
    const name = normalizeLeadName(spec.description || `sig${s}`);
    const invalid = spec.format === 8 ? Number.NaN : invalidSampleValue(spec.format === 0 ? 16 : spec.format);
    const unitScale = unitsToMv(spec.units);
    // WFDB: gain 0 means "not calibrated"; it uses the default 200 adu per unit, and so do we.
    const gain = spec.adcGain === 0 ? 200 : spec.adcGain;
    if (spec.adcGain === 0 && spec.fileName !== '~') warnings.push(`signal ${s} (${name}) is uncalibrated (gain 0); read with WFDB's default 200 adu/${spec.units}`);
    const native = toPhysical(r, invalid, spec.baseline, gain, unitScale);
    let samples: Float32Array = native;
    if (spec.samplesPerFrame !== maxSpf) {
      samples = upsampleLinear(native, spec.samplesPerFrame, maxSpf, n);
      interpolated.push(name);
    }
    const actual = wfdbChecksum(r);
    // PhysioNet challenge headers for .mat files write 0 in the checksum field for every record
    // (CinC 2017: all 3000); there it means "not computed", and only the initial value is checked.
    const unset = spec.checksum === 0 && /\.mat$/i.test(spec.fileName) && actual !== 0;
    const expected = unset ? undefined : spec.checksum;
    const status: ChecksumStatus = { lead: name, expected, actual, ok: expected === undefined ? null : ((actual - expected) & 0xffff) === 0 };
    // Some writers (PTB-XL's) store the 16-bit sum unsigned (65365 for -171): compare modulo 2^16.
    const problems: string[] = [];
    if (unset) problems.push('checksum field is 0 (not set by the challenge header writer); not verified');
    if (status.ok === false) problems.push(`checksum ${actual} differs from the header's ${spec.checksum}`);
    if (spec.initialValue !== undefined && spec.format !== 8 && r.length > 0) {
      status.initialValueExpected = spec.initialValue;
      status.initialValueActual = r[0];
      if (r[0] !== spec.initialValue) {
        status.ok = false;
        problems.push(`first sample ${r[0]} differs from the header's initial value ${spec.initialValue}`);
      }
    }
    if (problems.length) status.problem = problems.join('; ');
    checksums.push(status);
    return {
      name,
      originalName: spec.description,
      samples,
      raw: r,
      info: {
        gain: spec.adcGain,
        baseline: spec.baseline,
        adcResolutionBits: spec.adcResolution || undefined,
        adcZero: spec.adcZero,
        units: spec.units,
        initialValue: spec.initialValue,
        checksum: spec.checksum,
        storageFormat: String(spec.format),
        description: spec.description,
        ...(spec.samplesPerFrame !== maxSpf ? { nativeFsHz: header.fs * spec.samplesPerFrame } : {}),
      },
    };
  });
  const matFiles = header.signals.some((s) => /\.mat$/i.test(s.fileName));
  return {
    name: header.recordName,
    fs,
    leads,
    length: n,
    startTime: parseWfdbStartTime(header.baseTime, header.baseDate),
    annotations: [],
    sourceFormat: matFiles ? 'mat' : 'wfdb',
    checksums,
    metadata: {
      comments: header.comments,
      wfdbHeader: header,
      ...(interpolated.length ? { interpolatedLeads: interpolated, multiFrequencyPolicy: 'linear interpolation to the highest signal rate' } : {}),
      ...(warnings.length ? { warnings } : {}),
    },
  };
}

