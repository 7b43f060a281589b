import { DEFAULT_DELINEATION_OPTIONS, type DelineationOptions } from './options.js';
import { findQrsBoundaries } from './qrsBoundaries.js';
import { findSlopeWave } from './slopeWave.js';
import { findPWave, pWaveScratch } from './pWave.js';
import { boxSmooth, boxWidthSamples, smoothedDerivative } from './smoothedDerivative.js';
import type { LeadBeatDelineation, TPolarity } from './types.js';

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
  options: DelineationOptions = DEFAULT_DELINEATION_OPTIONS, medianRrSamples: number | null = null,
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
  const typicalRr = medianRrSamples ?? medianRr(beats) ?? ms(1000, fsHz);
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
  // Local buffers for the P and T searches (QRS held flat so its slopes cannot leak in).
  const wT = boxWidthSamples(o.waveScaleMs, fsHz);
  const pad = 2 * wT;
  const maxLen = ms(o.tMaxMs + 200, fsHz) + 2 * pad + 4;
  const seg = new Float32Array(maxLen), tmp = new Float32Array(maxLen), sm = new Float32Array(maxLen), dd = new Float32Array(maxLen);
  const prefix = new Float64Array(maxLen + 1);
  const localScale = (from: number, len: number, holdBefore: number, holdAfter: number, wW: number) => {
    const lag = Math.max(1, wW >> 1);
    for (let j = 0; j < len; j++) {
      const i = from + j;
      const c = i < holdBefore ? holdBefore : i > holdAfter ? holdAfter : i;
      seg[j] = x[c < 0 ? 0 : c >= n ? n - 1 : c];
    }
    const view = seg.subarray(0, len), t = tmp.subarray(0, len), s = sm.subarray(0, len);
    boxSmooth(view, wW, t, prefix);
    boxSmooth(t, wW, s, prefix);
    const f = fsHz / (2 * lag);
    for (let j = 0; j < len; j++) {
      const a = j - lag < 0 ? 0 : j - lag, b = j + lag >= len ? len - 1 : j + lag;
      dd[j] = (s[b] - s[a]) * f;
    }
  };
  // Pass 2: T waves.
  for (let k = 0; k < nb; k++) {
    const b = out[k];
    if (b.qrs.offset === null || b.qrs.onset === null) continue;
    const r = beats[k];
    const nextOn = k + 1 < nb ? out[k + 1].qrs.onset : null;
    const rr = k + 1 < nb ? beats[k + 1] - r : typicalRr;
    const start = b.qrs.offset + ms(o.tStartAfterQrsMs, fsHz);
    let end = r + Math.min(Math.round(o.tEndRrFraction * rr), ms(o.tMaxMs, fsHz));
    const holdAfter = nextOn !== null ? nextOn - 1 : n - 1;
    end = Math.min(end, holdAfter - ms(40, fsHz), n - 2);
    if (end - start < ms(60, fsHz)) { b.tReason = end >= n - 2 - ms(60, fsHz) ? 'T runs past the record end' : 'no room for a T wave'; continue; }
    const spanEnd = Math.min(holdAfter, n - 1);
    const from = b.qrs.offset - pad;
    const len = Math.min(maxLen, end + pad - from + 1);
    localScale(from, len, b.qrs.offset, holdAfter, wT);
    const nextBase = k + 1 < nb ? out[k + 1].baselineMv : null;
    const w = findSlopeWave(dd, sm, start - from, end - from, b.qrs.offset - from, Math.min(len - 1, spanEnd - from),
      o.tOnsetFraction, o.tOffsetFraction);
    if (!w) { b.tReason = 'no T slopes'; b.tPolarity = 'flat'; continue; }
    if (w.offsetAtEdge && w.offset + from >= n - 1) { b.tReason = 'T runs past the record end'; continue; }
    const base0 = b.baselineMv ?? x[b.qrs.onset];
    const base1 = nextBase ?? base0;
    const span = nextOn !== null ? Math.max(1, nextOn - b.qrs.onset) : 1;
    const baseAt = (j: number) => base0 + ((base1 - base0) * (j + from - b.qrs.onset!)) / span;
    b.t = { onset: w.onset + from, peak: w.peak + from, offset: w.offset + from };
    b.tPolarity = tPolarity(sm, w.onset, w.offset, baseAt, o.tFlatMv);
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
  // Calibration to the reference convention (measured on LUDB's odd records, see BENCHMARKS.md).
  const shift = (v: number | null, shiftMs: number) => (v === null ? null : Math.min(n - 1, Math.max(0, v + ms(shiftMs, fsHz))));
  for (const b of out) {
    b.qrs.onset = shift(b.qrs.onset, o.qrsOnsetShiftMs);
    b.qrs.offset = shift(b.qrs.offset, o.qrsOffsetShiftMs);
    b.p.onset = shift(b.p.onset, o.pOnsetShiftMs);
    b.p.offset = shift(b.p.offset, o.pOffsetShiftMs);
    b.t.offset = shift(b.t.offset, o.tOffsetShiftMs);
  }
  return { beats: out, reason: null, prSdMs };
}

/** Where the P search before a QRS onset starts: after the previous T, or a fixed span before the QRS. */
export function pSearchStart(qrsOnset: number, prevTOffset: number | null, prevBeat: number | null, fsHz: number, o: DelineationOptions): number {
  let start = qrsOnset - ms(o.pSearchMs, fsHz);
  if (prevTOffset !== null) start = Math.max(start, prevTOffset + ms(10, fsHz));
  else if (prevBeat !== null) start = Math.max(start, prevBeat + ms(250, fsHz));
  return start;
}

function tPolarity(sm: Float32Array, on: number, off: number, baseAt: (j: number) => number, flatMv: number): TPolarity {
  let hi = -Infinity, lo = Infinity, iHi = on, iLo = on;
  for (let j = on; j <= off; j++) {
    const v = sm[j] - baseAt(j);
    if (v > hi) { hi = v; iHi = j; }
    if (v < lo) { lo = v; iLo = j; }
  }
  const pos = Math.max(0, hi), neg = Math.max(0, -lo);
  if (Math.max(pos, neg) < flatMv) return 'flat';
  if (Math.min(pos, neg) >= 0.3 * Math.max(pos, neg) && Math.min(pos, neg) >= flatMv / 2 && iHi !== iLo) return 'biphasic';
  return pos >= neg ? 'positive' : 'negative';
}

function medianRr(beats: Int32Array): number | null {
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
