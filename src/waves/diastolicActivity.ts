import type { LeadBeatDelineation } from './types.js';

/**
 * How large the atrial activity between beats is next to the P wave: for each beat, the largest
 * peak-to-peak deflection (lightly smoothed, detrended) in any P-length stretch of the diastolic
 * interval (previous T offset + 40 ms to P onset - 20 ms), over the peak-to-peak of the P itself.
 * In sinus rhythm that interval is isoelectric and the ratio stays well under 1; fibrillatory and
 * flutter waves fill it, so whatever deflection was taken for a P has rivals as large (ratio >= 1).
 * Beats with under 120 ms of diastole (fast rates, P on T) are not used. Pushes one ratio per usable
 * beat into `into` (positions are unshifted sample indices of one lead's delineation).
 *
 * @example
 * const r: number[] = [];
 * diastolicActivityRatios(lead.samples, 500, delineation.leads[1].beats, r);
 */
export function diastolicActivityRatios(x: ArrayLike<number>, fsHz: number, beats: LeadBeatDelineation[], into: number[]): void {
  const n = x.length;
  const w = Math.max(1, Math.round(0.012 * fsHz));
  const gapT = Math.round(0.04 * fsHz), gapP = Math.round(0.02 * fsHz), minLen = Math.round(0.12 * fsHz);
  let buf = new Float64Array(0);
  for (let k = 1; k < beats.length; k++) {
    const b = beats[k], t = beats[k - 1].t.offset;
    if (b.p.onset === null || b.p.offset === null || t === null) continue;
    const a = t + gapT, e = b.p.onset - gapP, L = b.p.offset - b.p.onset;
    if (e - a < minLen || L < 4 || a - w < 0 || b.p.offset + w >= n) continue;
    // Smoothed copy of [a, P offset] (running mean of 2w+1 samples).
    const len = b.p.offset - a + 1;
    if (buf.length < len) buf = new Float64Array(len);
    let s = 0;
    for (let i = a - w; i <= a + w; i++) s += x[i];
    for (let j = 0; j < len; j++) {
      buf[j] = s / (2 * w + 1);
      s += x[a + j + w + 1 < n ? a + j + w + 1 : n - 1] - x[a + j - w];
    }
    const pAmp = detrendedPeakToPeak(buf, b.p.onset - a, b.p.offset - a);
    if (!(pAmp > 0)) continue;
    let rival = 0;
    for (let st = 0; st + L <= e - a; st += Math.max(1, L >> 1)) rival = Math.max(rival, detrendedPeakToPeak(buf, st, st + L));
    into.push(rival / pAmp);
  }
}

/** Peak-to-peak of y[s..t] around the line through its ends. */
function detrendedPeakToPeak(y: Float64Array, s: number, t: number): number {
  let lo = Infinity, hi = -Infinity;
  const slope = (y[t] - y[s]) / (t - s);
  for (let i = s; i <= t; i++) {
    const v = y[i] - (y[s] + slope * (i - s));
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi - lo;
}
