import { DEFAULT_DELINEATION_OPTIONS, type DelineationOptions } from './options.js';
import { findQrsBoundaries } from './qrsBoundaries.js';
import { findTWave, tWaveScratch, type TWaveContext } from './tWave.js';
import { findPWave, pWaveScratch } from './pWave.js';
import { smoothedDerivative } from './smoothedDerivative.js';
import type { LeadBeatDelineation } from './types.js';

const ms = (v: number, fsHz: number) => Math.round((v * fsHz) / 1000);

function emptyBeat(reason: string): LeadBeatDelineation {
  return {
    p: { onset: null, peak: null, offset: null }, pReason: reason,
    qrs: { onset: null, offset: null, qPeak: null, rPeak: null, sPeak: null, rPrimePeak: null }, qrsReason: reason,
    t: { onset: null, peak: null, offset: null }, tPolarity: null, tReason: reason,
    baselineMv: null,
  };
}

/** Why a lead cannot be delineated at all, or null when it can. NaNs are bridged in `x` in place. */
export function leadProblem(x: Float32Array): string | null {
  const n = x.length;
  if (n === 0) return 'empty lead';
  let nan = 0, lo = Infinity, hi = -Infinity, last = Number.NaN;
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (Number.isNaN(v)) nan++;
    else { if (v < lo) lo = v; if (v > hi) hi = v; }
  }
  if (nan > 0.2 * n) return `missing samples (${nan} of ${n})`;
  if (!(hi - lo >= 0.02)) return 'flat lead (range under 0.02 mV)';
  if (nan > 0) {
    let firstValid = 0;
    while (Number.isNaN(x[firstValid])) firstValid++;
    last = x[firstValid];
    for (let i = 0; i < n; i++) { if (Number.isNaN(x[i])) x[i] = last; else last = x[i]; }
  }
  return null;
}

/**
 * Delineates every beat in one lead's samples (mV). `beats` are fiducial sample indices, sorted.
 * Each beat gets its own result with null points and reasons where a wave is not measurable.
 *
 * @example
 * const beats = delineateLeadSignal(record.leads[1].samples, 500, Int32Array.from([512, 1010]));
 */
export function delineateLeadSignal(
  samples: Float32Array, fsHz: number, beats: Int32Array,
  options: DelineationOptions = DEFAULT_DELINEATION_OPTIONS, medianRrSamples: number | null = null, shift = true,
): { beats: LeadBeatDelineation[]; reason: string | null; prSdMs: number | null } {
  const n = samples.length;
  const x = Float32Array.from(samples);
  const problem = leadProblem(x);
  if (problem) return { beats: Array.from(beats, () => emptyBeat(problem)), reason: problem, prSdMs: null };
  const o = options;
  const q = smoothedDerivative(x, fsHz, o.qrsScaleMs);
  const nb = beats.length;
  const out: LeadBeatDelineation[] = new Array(nb);
  const maxGap = ms(o.qrsMaxGapMs, fsHz);
  const search = ms(o.qrsSearchMs, fsHz);
  const minPeakMv = 0.02;
  const typicalRr = medianRrSamples ?? medianRrOf(beats) ?? ms(1000, fsHz);
  // Pass 1: QRS and the isoelectric level before it.
  for (let k = 0; k < nb; k++) {
    const r = beats[k];
    if (!(r >= 0 && r < n)) { out[k] = emptyBeat('beat outside the record'); continue; }
    // A QRS cut by the record edge has no measurable onset/offset (and the P/T beside it neither).
    if (r - search < 0) { out[k] = emptyBeat('QRS too close to the record start'); continue; }
    if (r + search > n - 1) { out[k] = emptyBeat('QRS too close to the record end'); continue; }
    const prev = k > 0 ? beats[k - 1] : -Infinity;
    const next = k + 1 < nb ? beats[k + 1] : Infinity;
    const limitStart = Math.max(0, Math.ceil(prev === -Infinity ? r - ms(300, fsHz) : (prev + r) / 2));
    const limitEnd = Math.min(n - 1, Math.floor(next === Infinity ? r + ms(300, fsHz) : (r + next) / 2));
    const ss = Math.max(limitStart, r - search), se = Math.min(limitEnd, r + search);
    const res = findQrsBoundaries(x, q.derivativeMvPerS, r, ss, se, limitStart, limitEnd,
      o.qrsSignificantFraction, maxGap, o.qrsOnsetFraction, o.qrsOffsetFraction, minPeakMv);
    const b = emptyBeat('no QRS');
    b.qrs = res.points;
    b.qrsReason = res.reason;
    if (res.points.onset !== null) {
      const a = Math.max(0, res.points.onset - ms(16, fsHz)), e = Math.max(a + 1, res.points.onset - ms(4, fsHz));
      let s = 0;
      for (let i = a; i < e; i++) s += x[i];
      b.baselineMv = s / (e - a);
      b.pReason = null; b.tReason = null;
    } else {
      b.pReason = 'no QRS onset'; b.tReason = 'no QRS offset';
    }
    out[k] = b;
  }
  // Pass 2: T waves.
  const ts = tWaveScratch(fsHz, o);
  for (let k = 0; k < nb; k++) {
    const b = out[k];
    if (b.qrs.offset === null || b.qrs.onset === null) continue;
    const r = findTWave(x, fsHz, tContext(beats, out, k, typicalRr), o, ts, null);
    b.t = r.t ?? { onset: null, peak: null, offset: null };
    b.tPolarity = r.polarity;
    b.tReason = r.reason;
  }
  // Pass 3: P waves, between the previous T offset and the QRS onset.
  const prOffsets: number[] = [];
  const ps = pWaveScratch(fsHz, o);
  for (let k = 0; k < nb; k++) {
    const b = out[k];
    if (b.qrs.onset === null) continue;
    const start = pSearchStart(b.qrs.onset, k > 0 ? out[k - 1].t.offset : null, k > 0 ? beats[k - 1] : null, fsHz, o);
    if (start < 0) { b.pReason = 'P search before the record start'; continue; }
    const p = findPWave(x, fsHz, b.qrs.onset, start, o, ps, null);
    if (!p) { b.pReason = 'no P'; continue; }
    b.p = p;
    prOffsets.push(b.qrs.onset - p.peak!);
  }
  // A true P keeps its distance to the QRS; atrial fibrillation/flutter waves do not.
  let prSdMs: number | null = null;
  if (prOffsets.length >= 3) {
    const sd = robustSd(prOffsets);
    prSdMs = (sd * 1000) / fsHz;
    if (sd > ms(o.pMaxPrSdMs, fsHz)) {
      for (const b of out) {
        if (b.p.peak !== null) { b.p = { onset: null, peak: null, offset: null }; b.pReason = 'no P: P-QRS interval inconsistent across beats'; }
      }
    }
  }
  if (shift) shiftToReferenceConvention(out, n, fsHz, o);
  return { beats: out, reason: null, prSdMs };
}

/** Where the P search before a QRS onset starts: after the previous T, or a fixed span before the QRS. */
export function pSearchStart(qrsOnset: number, prevTOffset: number | null, prevBeat: number | null, fsHz: number, o: DelineationOptions): number {
  let start = qrsOnset - ms(o.pSearchMs, fsHz);
  if (prevTOffset !== null) start = Math.max(start, prevTOffset + ms(10, fsHz));
  else if (prevBeat !== null) start = Math.max(start, prevBeat + ms(250, fsHz));
  return start;
}

/** The T search context of beat k (its QRS must be delineated). */
export function tContext(beats: Int32Array, out: LeadBeatDelineation[], k: number, typicalRr: number): TWaveContext {
  const b = out[k];
  const next = k + 1 < beats.length ? out[k + 1] : null;
  return {
    fiducial: beats[k], qrsOnset: b.qrs.onset!, qrsOffset: b.qrs.offset!,
    rrSamples: next ? beats[k + 1] - beats[k] : typicalRr,
    nextQrsOnset: next ? next.qrs.onset : null, baselineMv: b.baselineMv, nextBaselineMv: next ? next.baselineMv : null,
  };
}

/**
 * Constant shifts that bring threshold-based boundaries onto the reference annotators' convention
 * (measured on LUDB's odd records, see BENCHMARKS.md). Applied once, after every search.
 */
export function shiftToReferenceConvention(out: LeadBeatDelineation[], n: number, fsHz: number, o: DelineationOptions): void {
  const shift = (v: number | null, shiftMs: number) => (v === null ? null : Math.min(n - 1, Math.max(0, v + ms(shiftMs, fsHz))));
  for (const b of out) {
    b.qrs.onset = shift(b.qrs.onset, o.qrsOnsetShiftMs);
    b.qrs.offset = shift(b.qrs.offset, o.qrsOffsetShiftMs);
    b.p.onset = shift(b.p.onset, o.pOnsetShiftMs);
    b.p.offset = shift(b.p.offset, o.pOffsetShiftMs);
    b.t.offset = shift(b.t.offset, o.tOffsetShiftMs);
  }
}

/** Median RR (samples; the upper median for an even count) of sorted beat positions, or null with fewer than two beats. */
export function medianRrOf(beats: ArrayLike<number>): number | null {
  if (beats.length < 2) return null;
  const rr: number[] = [];
  for (let i = 1; i < beats.length; i++) rr.push(beats[i] - beats[i - 1]);
  rr.sort((a, b) => a - b);
  return rr[rr.length >> 1];
}

/** SD estimated from the interquartile range (1.349 IQR for a normal law), robust to one stray beat. */
function robustSd(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const qa = s[Math.floor(0.25 * (s.length - 1))], qb = s[Math.ceil(0.75 * (s.length - 1))];
  return (qb - qa) / 1.349;
}
