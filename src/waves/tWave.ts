import type { DelineationOptions } from './options.js';
import { boxWidthSamples, heldWindowSlope, slopeScratch, type SlopeScratch } from './smoothedDerivative.js';
import { findSlopeWave } from './slopeWave.js';
import type { TPolarity, WavePoints } from './types.js';

/** Reusable buffers for {@link findTWave}. */
export type TWaveScratch = SlopeScratch;

/** What the T search needs to know about its beat (sample indices; baselines in mV). */
export interface TWaveContext {
  fiducial: number;
  qrsOnset: number;
  qrsOffset: number;
  /** RR to the next beat (or a typical RR for the last beat), samples. */
  rrSamples: number;
  nextQrsOnset: number | null;
  baselineMv: number | null;
  nextBaselineMv: number | null;
}

/** A T wave, or null points and the reason. */
export interface TWaveResult {
  t: WavePoints | null;
  polarity: TPolarity | null;
  reason: string | null;
  /**
   * Height (mV) of the T lobe over the higher of its two flanks (the smoothed signal at its slope
   * maxima): how clearly this lead shows the lobe it took; absent without a T.
   */
  prominenceMv?: number;
}

const ms = (v: number, fsHz: number) => Math.round((v * fsHz) / 1000);

export function tWaveScratch(fsHz: number, o: DelineationOptions): TWaveScratch {
  const len = ms(o.tMaxMs + 200, fsHz) + 4 * boxWidthSamples(o.waveScaleMs, fsHz) + 4;
  return slopeScratch(len);
}

/**
 * The T wave after a QRS: the pair of largest opposite slopes at the T scale between QRS offset
 * and min(RR fraction, tMaxMs) after the fiducial, the QRS and the next beat held flat. With
 * `hintPeak` (the other leads' T peak), the search is narrowed to +-100 ms around it so a stray
 * slope elsewhere (next P, U wave, noise) cannot win.
 *
 * @example const r = findTWave(x, 500, ctx, DEFAULT_DELINEATION_OPTIONS, tWaveScratch(500, o), null);
 */
export function findTWave(x: ArrayLike<number>, fsHz: number, c: TWaveContext, o: DelineationOptions, s: TWaveScratch, hintPeak: number | null): TWaveResult {
  const n = x.length;
  const wT = boxWidthSamples(o.waveScaleMs, fsHz);
  const pad = 2 * wT;
  const start = c.qrsOffset + ms(o.tStartAfterQrsMs, fsHz);
  const holdAfter = c.nextQrsOnset !== null ? c.nextQrsOnset - 1 : n - 1;
  let end = c.fiducial + Math.min(Math.round(o.tEndRrFraction * c.rrSamples), ms(o.tMaxMs, fsHz));
  end = Math.min(end, holdAfter - ms(40, fsHz), n - 2);
  if (end - start < ms(60, fsHz)) return { t: null, polarity: null, reason: end >= n - 2 - ms(60, fsHz) ? 'T runs past the record end' : 'no room for a T wave' };
  const spanEnd = Math.min(holdAfter, n - 1);
  const from = c.qrsOffset - pad;
  const len = Math.min(s.seg.length, end + pad - from + 1);
  const { sm, dd } = heldWindowSlope(x, from, len, c.qrsOffset, holdAfter, wT, fsHz, s);
  let ws = start - from, we = end - from;
  if (hintPeak !== null) { ws = Math.max(ws, hintPeak - ms(100, fsHz) - from); we = Math.min(we, hintPeak + ms(100, fsHz) - from); }
  if (we - ws < ms(40, fsHz)) return { t: null, polarity: null, reason: 'no room for a T wave' };
  const w = findSlopeWave(dd, sm, ws, we, c.qrsOffset - from, Math.min(len - 1, spanEnd - from), o.tOnsetFraction, o.tOffsetFraction);
  if (!w) return { t: null, polarity: 'flat', reason: 'no T slopes' };
  if (w.offsetAtEdge && w.offset + from >= n - 1) return { t: null, polarity: null, reason: 'T runs past the record end' };
  const base0 = c.baselineMv ?? x[c.qrsOnset];
  const base1 = c.nextBaselineMv ?? base0;
  const span = c.nextQrsOnset !== null ? Math.max(1, c.nextQrsOnset - c.qrsOnset) : 1;
  const baseAt = (j: number) => base0 + ((base1 - base0) * (j + from - c.qrsOnset)) / span;
  const prominenceMv = Math.min(w.sign * (sm[w.peak] - sm[w.firstSlope]), w.sign * (sm[w.peak] - sm[w.lastSlope]));
  return { t: { onset: w.onset + from, peak: w.peak + from, offset: w.offset + from }, polarity: tPolarity(sm, w.onset, w.offset, baseAt, o.tFlatMv), reason: null, prominenceMv };
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
