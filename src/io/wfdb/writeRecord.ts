import { SinusError } from '../../errors.js';
import type { Annotation, EcgRecord, Lead } from '../../record/types.js';
import { codeOf } from './annotationCodes.js';
import { encodeStream, formatRange } from './encodeSignals.js';
import { chooseWfdbGain, PrecisionLossError } from './exactGain.js';
import { formatWfdbHeader } from './formatHeader.js';
import type { WfdbHeader, WfdbSignalSpec } from './header.js';
import { unitsToMv, wfdbChecksum } from './readRecord.js';
import { invalidSampleValue } from './signalFormats.js';
import { writeMitAnnotations } from './writeAnnotations.js';

/** Options for {@link writeWfdbRecord}. */
export interface WriteWfdbOptions {
  /** Storage format of the `.dat` file: 16 (default), 212 (12-bit, MIT-BIH's), 24 or 32. */
  format?: 16 | 212 | 24 | 32;
  /**
   * A lead that no gain stores exactly in `format` is an error ({@link PrecisionLossError}) unless
   * this is true; then it is written at the gain with the smallest error, reported to `onPrecisionLoss`.
   */
  allowPrecisionLoss?: boolean;
  onPrecisionLoss?: (loss: { lead: string; gain: number; maxErrorMv: number }) => void;
  /** Record name used for the file names; default the record's name. */
  recordName?: string;
  /** Also write leads computed from others (Einthoven/Goldberger); default false. */
  includeDerived?: boolean;
  /** Write each annotation set as `<record>.<annotator>`; default true. */
  annotations?: boolean;
}

const NOTE = 22;

/** Raw values are only reused when they still give the lead's samples (nobody filtered them since). */
function rawMatchesSamples(lead: Lead, invalid: number): boolean {
  const { raw, samples, info } = lead;
  if (!raw || raw.length !== samples.length || !Number.isInteger(info.baseline)) return false;
  const gain = info.gain === 0 ? 200 : info.gain;
  const scale = unitsToMv(info.units);
  for (let i = 0; i < raw.length; i++) {
    const s = samples[i];
    if (raw[i] === invalid) { if (!Number.isNaN(s)) return false; continue; }
    const expected = ((raw[i] - info.baseline) / gain) * scale;
    if (!(Math.abs(expected - s) <= 1e-6 * Math.max(1, Math.abs(expected)))) return false;
  }
  return true;
}

/** The raw values re-marked for `format`'s invalid value, or null when one does not fit it. */
function rawForFormat(src: Int32Array, srcInvalid: number, invalid: number, lo: number, hi: number): Int32Array | null {
  const out = new Int32Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    if (v === srcInvalid) out[i] = invalid;
    else if (v > lo && v <= hi) out[i] = v;
    else return null;
  }
  return out;
}

function quantise(lead: Lead, gain: number, format: number): Int32Array {
  const [lo, hi] = formatRange(format);
  const invalid = invalidSampleValue(format);
  const out = new Int32Array(lead.samples.length);
  for (let i = 0; i < out.length; i++) {
    const s = lead.samples[i];
    if (Number.isNaN(s)) { out[i] = invalid; continue; }
    const v = Math.round(s * gain);
    // The smallest value is WFDB's missing-sample marker, so a real sample may not take it.
    if (!(v > lo && v <= hi)) {
      throw new SinusError('BAD_SIGNAL', `lead ${lead.name}: ${s} mV at sample ${i} does not fit format ${format} at ${gain} adu/mV (use format 16 or a lower gain)`);
    }
    out[i] = v;
  }
  return out;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function toWfdbAnnotation(a: Annotation): Annotation {
  if (a.codeNum !== undefined || codeOf(a.code) !== undefined) return a;
  // EDF+ keeps a WFDB annotation as the text "<code> <aux>" (e.g. "+ (AFIB"): split it back.
  const m = /^(\S+) (.+)$/s.exec(a.code);
  if (m && !a.aux && codeOf(m[1]) !== undefined) return { ...a, code: m[1], aux: m[2] };
  // Free-text annotations (EDF+ TAL, CSV) become WFDB notes carrying their text.
  return { ...a, code: '"', codeNum: NOTE, aux: a.aux ? `${a.code} ${a.aux}` : a.code, wfdbBytes: undefined };
}

/**
 * Writes an {@link EcgRecord} as a WFDB record: `<name>.hea`, `<name>.dat` in format 16 or 212,
 * and one MIT annotation file per annotation set. Leads whose raw ADC values still match their
 * samples are written from those values with their own gain and baseline (exact round trip);
 * other leads are quantised at a gain that gives their samples back exactly ({@link chooseWfdbGain});
 * when none does, {@link PrecisionLossError} unless `allowPrecisionLoss`. Values that do not fit
 * the format are an error (BAD_SIGNAL), never clipped. NaN samples are written as WFDB's
 * missing-sample value.
 *
 * @example
 * const files = writeWfdbRecord(rec, { format: 212 }); // { '100.hea': ..., '100.dat': ..., '100.atr': ... }
 */
export function writeWfdbRecord(record: EcgRecord, options: WriteWfdbOptions = {}): Record<string, Uint8Array> {
  const format = options.format ?? 16;
  if (![16, 212, 24, 32].includes(format)) throw new SinusError('BAD_ARGUMENT', `WFDB writing supports formats 16, 212, 24 and 32, not ${format}`);
  const name = (options.recordName ?? record.name).replace(/[^A-Za-z0-9_-]/g, '_') || 'record';
  const leads = record.leads.filter((l) => options.includeDerived || !l.derived);
  if (leads.length === 0) throw new SinusError('NOT_ENOUGH_DATA', 'record has no leads to write');
  if (leads.some((l) => l.info.nativeFsHz !== undefined)) {
    throw new SinusError('BAD_ARGUMENT', 'writing multi-frequency (interpolated) leads back to WFDB is not supported; their interpolated samples are not stored data');
  }
  const invalid = invalidSampleValue(format);
  const [lo, hi] = formatRange(format);
  const n = record.length;
  const raws: Int32Array[] = [];
  const specs: WfdbSignalSpec[] = leads.map((lead) => {
    const srcFormat = Number(lead.info.storageFormat);
    const srcInvalid = Number.isFinite(srcFormat) ? invalidSampleValue(srcFormat) : Number.NaN;
    let raw: Int32Array;
    let gain: number, baseline: number, units: string, adcRes: number, adcZero: number;
    const reusable = lead.raw ? rawForFormat(lead.raw, srcInvalid, invalid, lo, hi) : null;
    if (reusable && rawMatchesSamples(lead, srcInvalid)) {
      raw = reusable;
      ({ gain, baseline, units } = lead.info);
      adcRes = lead.info.adcResolutionBits ?? (format === 212 ? 12 : format);
      adcZero = lead.info.adcZero ?? 0;
    } else {
      // The gain is chosen so that the samples read back unchanged, or the loss is refused/reported.
      const fit = chooseWfdbGain(lead, format);
      if (!fit.exact) {
        if (!options.allowPrecisionLoss) throw new PrecisionLossError(lead.name, format, fit.gain, fit.maxErrorMv);
        options.onPrecisionLoss?.({ lead: lead.name, gain: fit.gain, maxErrorMv: fit.maxErrorMv });
      }
      gain = fit.gain;
      raw = quantise(lead, gain, format);
      baseline = 0;
      units = 'mV';
      adcRes = format === 212 ? 12 : format;
      adcZero = 0;
    }
    if (raw.length !== n) throw new SinusError('BAD_SIGNAL', `lead ${lead.name} has ${raw.length} samples, the record ${n}`);
    raws.push(raw);
    return {
      fileName: `${name}.dat`, format, samplesPerFrame: 1, skew: 0, byteOffset: 0, adcGain: gain, baseline, units,
      adcResolution: adcRes, adcZero, initialValue: n > 0 ? raw[0] : 0, checksum: wfdbChecksum(raw), blockSize: 0,
      description: (lead.originalName || lead.name).replace(/\s+/g, ' ').trim(),
    };
  });
  const nSig = leads.length;
  const stream = new Int32Array(n * nSig);
  for (let s = 0; s < nSig; s++) {
    const r = raws[s];
    for (let i = 0, j = s; i < n; i++, j += nSig) stream[j] = r[i];
  }
  const t = record.startTime;
  const comments = Array.isArray(record.metadata.comments) ? (record.metadata.comments as unknown[]).map(String) : [];
  const header: WfdbHeader = {
    recordName: name, nSignals: nSig, fs: record.fs, nSamples: n,
    baseTime: t ? `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}:${two(t.getUTCSeconds())}${t.getUTCMilliseconds() ? '.' + String(t.getUTCMilliseconds()).padStart(3, '0') : ''}` : undefined,
    baseDate: t ? `${two(t.getUTCDate())}/${two(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}` : undefined,
    signals: specs, comments: comments.flatMap((c) => c.split(/\r?\n/)),
  };
  const files: Record<string, Uint8Array> = {
    [`${name}.hea`]: new TextEncoder().encode(formatWfdbHeader(header)),
    [`${name}.dat`]: encodeStream(stream, format),
  };
  if (options.annotations !== false) {
    for (const set of record.annotations) {
      const annotator = set.annotator.replace(/[^A-Za-z0-9_]/g, '_') || 'ann';
      files[`${name}.${annotator}`] = writeMitAnnotations({ annotations: set.annotations.map(toWfdbAnnotation), wfdbFraming: set.wfdbFraming });
    }
  }
  return files;
}
