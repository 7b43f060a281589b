import { SinusError } from '../../errors.js';
import { normalizeLeadName } from '../../record/leadNames.js';
import type { Annotation, EcgRecord, Lead } from '../../record/types.js';
import { checkDeclaredRecordSize, recordLimits, type RecordLimits } from '../recordLimits.js';
import { upsampleLinear } from '../upsampleLinear.js';
import { unitsToMv } from '../wfdb/readRecord.js';
import { parseTals, type EdfTal } from './tal.js';

const latin1 = new TextDecoder('latin1');

/** Text of the EDF+ annotation with which sinus marks samples added to fill the last data record. */
export const PADDING_TEXT = 'sinus: padding';

/** One signal of an EDF header, fields as stored. */
export interface EdfSignalHeader {
  label: string;
  transducer: string;
  physicalDimension: string;
  physicalMin: string;
  physicalMax: string;
  digitalMin: number;
  digitalMax: number;
  prefiltering: string;
  samplesPerRecord: number;
}

/** The fixed and per-signal parts of an EDF/EDF+ header. */
export interface EdfHeader {
  version: string;
  patient: string;
  recording: string;
  startDate: string;
  startTime: string;
  headerBytes: number;
  reserved: string;
  /** -1 in the file means "unknown"; here it is the number of records actually present then. */
  nRecords: number;
  recordDurationS: number;
  signals: EdfSignalHeader[];
  /** 'edf', 'edf+c' or 'edf+d'. */
  variant: 'edf' | 'edf+c' | 'edf+d';
}

/**
 * True when the first bytes look like an EDF or EDF+ header ("0" and seven spaces, then ASCII).
 *
 * @example
 * looksLikeEdf(bytes.subarray(0, 256)); // true for an .edf file
 */
export function looksLikeEdf(head: Uint8Array): boolean {
  if (head.length < 8) return false;
  if (head[0] !== 0x30) return false;
  for (let i = 1; i < 8; i++) if (head[i] !== 0x20) return false;
  for (let i = 8; i < Math.min(head.length, 256); i++) if (head[i] < 0x20 || head[i] > 0x7e) return false;
  return true;
}

/**
 * Parses an EDF/EDF+ header. Throws {@link SinusError} BAD_HEADER naming the field that does not
 * parse, FILE_TRUNCATED when the file is shorter than its header.
 *
 * @example
 * parseEdfHeader(bytes, 'rec.edf').signals.map((s) => s.label); // ['I', 'II', ...]
 */
export function parseEdfHeader(b: Uint8Array, fileName: string): EdfHeader {
  if (b.length === 0) throw new SinusError('FILE_EMPTY', 'file is empty', fileName);
  if (b.length < 256) throw new SinusError('FILE_TRUNCATED', `EDF header needs 256 bytes, file has ${b.length}`, fileName);
  if (!looksLikeEdf(b)) throw new SinusError('BAD_HEADER', 'not an EDF file (version field is not "0")', fileName);
  const str = (o: number, w: number) => latin1.decode(b.subarray(o, o + w)).trim();
  const int = (o: number, w: number, what: string) => {
    const s = str(o, w);
    const v = Number(s);
    if (s === '' || !Number.isInteger(v)) throw new SinusError('BAD_HEADER', `${what} "${s}" is not an integer`, fileName);
    return v;
  };
  const ns = int(252, 4, 'number of signals');
  if (ns < 1) throw new SinusError('BAD_HEADER', `number of signals is ${ns}`, fileName);
  const headerBytes = int(184, 8, 'header size');
  if (headerBytes !== 256 * (ns + 1)) throw new SinusError('BAD_HEADER', `header size ${headerBytes} does not match ${ns} signals (${256 * (ns + 1)})`, fileName);
  if (b.length < headerBytes) throw new SinusError('FILE_TRUNCATED', `header needs ${headerBytes} bytes, file has ${b.length}`, fileName);
  const durS = Number(str(244, 8));
  if (!Number.isFinite(durS) || durS < 0) throw new SinusError('BAD_HEADER', `data record duration "${str(244, 8)}" is not a number`, fileName);
  const reserved = str(192, 44);
  const variant = reserved.startsWith('EDF+D') ? 'edf+d' : reserved.startsWith('EDF+C') ? 'edf+c' : 'edf';
  const signals: EdfSignalHeader[] = [];
  let o = 256;
  const field = (w: number) => {
    const start = o;
    o += w * ns;
    return (k: number) => str(start + k * w, w);
  };
  const label = field(16), transducer = field(80), dim = field(8), pmin = field(8), pmax = field(8), dmin = field(8), dmax = field(8), pre = field(80), spr = field(8);
  for (let k = 0; k < ns; k++) {
    const num = (s: string, what: string) => {
      const v = Number(s);
      if (s === '' || !Number.isFinite(v)) throw new SinusError('BAD_HEADER', `signal ${k + 1} (${label(k)}): ${what} "${s}" is not a number`, fileName);
      return v;
    };
    const sig: EdfSignalHeader = {
      label: label(k), transducer: transducer(k), physicalDimension: dim(k), physicalMin: pmin(k), physicalMax: pmax(k),
      digitalMin: num(dmin(k), 'digital minimum'), digitalMax: num(dmax(k), 'digital maximum'), prefiltering: pre(k),
      samplesPerRecord: num(spr(k), 'samples per record'),
    };
    num(sig.physicalMin, 'physical minimum');
    num(sig.physicalMax, 'physical maximum');
    if (!Number.isInteger(sig.samplesPerRecord) || sig.samplesPerRecord < 1) throw new SinusError('BAD_HEADER', `signal ${k + 1}: samples per record ${sig.samplesPerRecord}`, fileName);
    if (sig.digitalMax <= sig.digitalMin) throw new SinusError('BAD_HEADER', `signal ${k + 1} (${sig.label}): digital maximum ${sig.digitalMax} is not above the minimum ${sig.digitalMin}`, fileName);
    signals.push(sig);
  }
  const recordBytes = signals.reduce((s, x) => s + x.samplesPerRecord * 2, 0);
  let nRecords = int(236, 8, 'number of data records');
  const present = Math.floor((b.length - headerBytes) / recordBytes);
  if (nRecords === -1) nRecords = present;
  if (nRecords < 0) throw new SinusError('BAD_HEADER', `number of data records is ${nRecords}`, fileName);
  if (present < nRecords) throw new SinusError('FILE_TRUNCATED', `header says ${nRecords} data records of ${recordBytes} bytes, file holds ${present} (${b.length} bytes)`, fileName);
  return {
    version: str(0, 8), patient: str(8, 80), recording: str(88, 80), startDate: str(168, 8), startTime: str(176, 8),
    headerBytes, reserved, nRecords, recordDurationS: durS, signals, variant,
  };
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

function edfStartTime(h: EdfHeader, subsecondS: number): Date | undefined {
  const d = /^(\d\d)\.(\d\d)\.(\d\d)$/.exec(h.startDate);
  const t = /^(\d\d)\.(\d\d)\.(\d\d)$/.exec(h.startTime);
  if (!d || !t) return undefined;
  let year = Number(d[3]);
  year += year >= 85 ? 1900 : 2000;
  // EDF+ keeps the 4-digit year in the recording field ("Startdate 16-NOV-2020 ..."); "X" means unknown.
  const rec = /^Startdate\s+(\S+)/.exec(h.recording);
  if (h.variant !== 'edf' && rec && rec[1] === 'X') return undefined;
  const full = rec ? /^(\d\d)-([A-Z]{3})-(\d{4})$/i.exec(rec[1]) : null;
  if (full && MONTHS.indexOf(full[2].toUpperCase()) === Number(d[2]) - 1) year = Number(full[3]);
  const ms = Date.UTC(year, Number(d[2]) - 1, Number(d[1]), Number(t[1]), Number(t[2]), Number(t[3])) + Math.round(subsecondS * 1000);
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}

/**
 * Reads an EDF or EDF+ file (continuous or discontinuous) into an {@link EcgRecord}. Signals are
 * converted to mV when their physical dimension is a voltage (uV, mV, V); others are kept in their
 * own units (listed in `metadata.warnings`). Signals with fewer samples per data record than the
 * fastest are linearly interpolated up to its rate (`info.nativeFsHz`). EDF+ annotations (TALs)
 * become the 'tal' annotation set with `durationS`. In EDF+D files each data record is placed at
 * its time-keeping onset and the gaps between records are NaN (`metadata.gaps`).
 * Throws {@link SinusError} for a malformed or truncated file.
 *
 * @example
 * const rec = readEdf(bytes, 'rec.edf');
 */
export function readEdf(bytes: Uint8Array, fileName = 'record.edf', options: { limits?: Partial<RecordLimits> } = {}): EcgRecord {
  const h = parseEdfHeader(bytes, fileName);
  const limits = recordLimits(options.limits);
  const warnings: string[] = [];
  const isAnn = h.signals.map((s) => h.variant !== 'edf' && s.label === 'EDF Annotations');
  const dataIdx = h.signals.map((_, k) => k).filter((k) => !isAnn[k]);
  if (dataIdx.length === 0) throw new SinusError('NOT_ENOUGH_DATA', 'file has no signals, only annotations', fileName);
  if (!(h.recordDurationS > 0)) throw new SinusError('BAD_HEADER', 'data record duration is 0 but the file has signals', fileName);
  const recordBytes = h.signals.reduce((s, x) => s + x.samplesPerRecord * 2, 0);
  const extra = bytes.length - h.headerBytes - h.nRecords * recordBytes;
  if (extra > 0) warnings.push(`${extra} bytes after the ${h.nRecords} data records the header declares were not read`);
  const sigOffset: number[] = [];
  let acc = 0;
  for (const s of h.signals) { sigOffset.push(acc); acc += s.samplesPerRecord * 2; }
  // Annotations and record onsets.
  const tals: EdfTal[] = [];
  const onsets: number[] = [];
  for (let r = 0; r < h.nRecords; r++) {
    let onset: number | undefined;
    h.signals.forEach((s, k) => {
      if (!isAnn[k]) return;
      const start = h.headerBytes + r * recordBytes + sigOffset[k];
      const { tals: t, errors } = parseTals(bytes.subarray(start, start + s.samplesPerRecord * 2));
      for (const e of errors) warnings.push(`data record ${r}: ${e}`);
      t.forEach((x, i) => {
        if (i === 0 && onset === undefined && x.text === '') onset = x.onsetS;
        else tals.push(x);
      });
    });
    onsets.push(onset ?? r * h.recordDurationS);
  }
  const firstOnset = h.variant === 'edf' ? 0 : onsets[0] ?? 0;
  const maxSpr = Math.max(...dataIdx.map((k) => h.signals[k].samplesPerRecord));
  const fs = maxSpr / h.recordDurationS;
  // Where each data record starts, in output samples.
  const recStart = onsets.map((t, r) => (h.variant === 'edf+d' ? Math.round((t - firstOnset) * fs) : r * maxSpr));
  for (let r = 1; r < recStart.length; r++) {
    if (recStart[r] < recStart[r - 1] + maxSpr) throw new SinusError('BAD_HEADER', `data record ${r} starts at ${onsets[r]} s, inside the previous record`, fileName);
  }
  const fullLength = h.nRecords === 0 ? 0 : recStart[recStart.length - 1] + maxSpr;
  // Slow signals are interpolated up and EDF+D gaps filled: the output can outgrow the file.
  checkDeclaredRecordSize(dataIdx.length, fullLength, limits, fileName);
  const gaps: { startSample: number; length: number }[] = [];
  for (let r = 1; r < recStart.length; r++) {
    const gap = recStart[r] - (recStart[r - 1] + maxSpr);
    if (gap > 0) gaps.push({ startSample: recStart[r - 1] + maxSpr, length: gap });
  }
  const leads: Lead[] = dataIdx.map((k) => {
    const s = h.signals[k];
    const spr = s.samplesPerRecord;
    const raw = new Int32Array(h.nRecords * spr);
    for (let r = 0; r < h.nRecords; r++) {
      const base = h.headerBytes + r * recordBytes + sigOffset[k];
      for (let i = 0, j = base; i < spr; i++, j += 2) raw[r * spr + i] = ((bytes[j] | (bytes[j + 1] << 8)) << 16) >> 16;
    }
    const pmin = Number(s.physicalMin), pmax = Number(s.physicalMax);
    // phys = (dig - offset) / gain, the same arithmetic as WFDB's, so WFDB->EDF->record is exact.
    const gain = (s.digitalMax - s.digitalMin) / (pmax - pmin);
    const offset = s.digitalMin - pmin * gain;
    const voltage = /^(u|µ|μ|m|n)?v$/i.test(s.physicalDimension);
    if (!voltage) warnings.push(`signal ${s.label}: physical dimension "${s.physicalDimension}" is not a voltage; kept unscaled`);
    const scale = voltage ? unitsToMv(s.physicalDimension) : 1;
    const native = new Float32Array(raw.length);
    for (let i = 0; i < raw.length; i++) native[i] = ((raw[i] - offset) / gain) * scale;
    let samples: Float32Array = native;
    const contiguous = gaps.length === 0;
    if (spr !== maxSpr || !contiguous) {
      const up = spr !== maxSpr ? upsampleLinear(native, spr, maxSpr, h.nRecords * maxSpr) : native;
      if (contiguous) samples = up;
      else {
        samples = new Float32Array(fullLength).fill(Number.NaN);
        for (let r = 0; r < h.nRecords; r++) samples.set(up.subarray(r * maxSpr, (r + 1) * maxSpr), recStart[r]);
      }
    }
    return {
      name: normalizeLeadName(s.label.replace(/^ECG\s+/i, '')),
      originalName: s.label,
      samples,
      raw: contiguous ? raw : undefined,
      info: {
        gain, baseline: offset, units: s.physicalDimension || 'mV', storageFormat: 'edf',
        description: s.transducer || undefined,
        ...(spr !== maxSpr ? { nativeFsHz: spr / h.recordDurationS } : {}),
        edf: { physicalMin: s.physicalMin, physicalMax: s.physicalMax, digitalMin: s.digitalMin, digitalMax: s.digitalMax, transducer: s.transducer, prefiltering: s.prefiltering },
      },
    };
  });
  // A file written by sinus marks the padding of its last data record; drop those samples again.
  let length = fullLength;
  const padIdx = tals.findIndex((t) => t.text === PADDING_TEXT);
  if (padIdx >= 0) {
    const pad = tals[padIdx];
    const start = Math.round((pad.onsetS - firstOnset) * fs);
    if (pad.durationS !== undefined && start + Math.round(pad.durationS * fs) === fullLength && start > fullLength - maxSpr) {
      length = start;
      tals.splice(padIdx, 1);
      for (const l of leads) {
        l.samples = l.samples.subarray(0, length);
        if (l.raw) l.raw = l.raw.subarray(0, l.info.nativeFsHz ? Math.round((length * l.info.nativeFsHz) / fs) : length);
      }
    }
  }
  const annotations: Annotation[] = tals
    .map((t) => ({
      sample: Math.round((t.onsetS - firstOnset) * fs), code: t.text, subtype: 0, channel: 0, num: 0,
      ...(t.durationS !== undefined ? { durationS: t.durationS } : {}),
    }))
    .sort((a, b) => a.sample - b.sample);
  return {
    name: fileName.replace(/^.*[\\/]/, '').replace(/\.(edf|rec|bdf)$/i, ''),
    fs,
    leads,
    length,
    startTime: edfStartTime(h, firstOnset),
    annotations: annotations.length ? [{ annotator: 'tal', annotations }] : [],
    sourceFormat: h.variant,
    metadata: {
      patient: h.patient,
      recording: h.recording,
      edfHeader: { ...h, signals: h.signals },
      ...(gaps.length ? { gaps } : {}),
      ...(dataIdx.some((k) => h.signals[k].samplesPerRecord !== maxSpr) ? { interpolatedLeads: dataIdx.filter((k) => h.signals[k].samplesPerRecord !== maxSpr).map((k) => h.signals[k].label), multiFrequencyPolicy: 'linear interpolation to the highest signal rate' } : {}),
      ...(warnings.length ? { warnings } : {}),
    },
  };
}
