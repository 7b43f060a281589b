/**
 * Beat-by-beat RR irregularity for AF detection.
 *
 * AF makes successive RR intervals differ at every lag; ectopy and bigeminy/trigeminy make them
 * differ at lag 1 but repeat at lag 2 or 3. So the irregularity of a window is the smallest, over
 * lags 1-3, of the median relative difference |RR[i+k] - RR[i]| / mean: medians ignore isolated
 * ectopic intervals (up to ~40% of them), and the minimum over lags ignores periodic patterns.
 * This is close in spirit to the normalised successive-difference features of Dash et al. 2009
 * and Sarkar et al. 2008, made robust to ectopy. The turning-point ratio (Dash et al. 2009) tells
 * AF's random sequence (about 2/3) from the smooth swing of sinus arrhythmia (well below).
 */
import { median } from './median.js';
import { VENTRICULAR, type RrSeries } from './rrIntervals.js';

const MAX_LAG = 3;

export interface RrIrregularity {
  /** Per interval: ~0.02 sinus, ~0.15-0.3 AF; NaN where the window is too short. */
  irregularity: Float64Array;
  /** Per interval: share of turning points in the window (random sequence: 2/3). */
  turningPointRatio: Float64Array;
}

/**
 * Per-interval irregularity and turning-point ratio over a centred window of `windowBeats`
 * intervals. Intervals flagged ectopic are skipped; when too few remain, those at S beats are
 * taken back (a classifier that calls AF beats S must not hide the AF), never those at V beats.
 *
 * @example
 * const { irregularity } = rrIrregularityByBeat(rrSeriesFromBeats(beats, 360), 24);
 */
export function rrIrregularityByBeat(series: RrSeries, windowBeats = 24): RrIrregularity {
  const { rrS, ectopic } = series;
  const n = rrS.length;
  const irregularity = new Float64Array(n).fill(NaN);
  const turningPointRatio = new Float64Array(n).fill(NaN);
  if (n < 6) return { irregularity, turningPointRatio };
  const clean: Float64Array[] = [];
  const all: Float64Array[] = [];
  for (let k = 1; k <= MAX_LAG; k++) {
    const dc = new Float64Array(n).fill(NaN);
    const da = new Float64Array(n).fill(NaN);
    for (let i = 0; i + k < n; i++) {
      const m = 0.5 * (rrS[i] + rrS[i + k]);
      if (!(m > 0)) continue;
      const d = Math.abs(rrS[i + k] - rrS[i]) / m;
      if (ectopic[i] !== VENTRICULAR && ectopic[i + k] !== VENTRICULAR) da[i] = d;
      if (!ectopic[i] && !ectopic[i + k]) dc[i] = d;
    }
    clean.push(dc);
    all.push(da);
  }
  const tp = new Uint8Array(n);
  for (let i = 1; i + 1 < n; i++) {
    const a = rrS[i - 1], b = rrS[i], c = rrS[i + 1];
    if ((b > a && b > c) || (b < a && b < c)) tp[i] = 1;
  }
  const half = windowBeats >> 1;
  const minUsable = Math.max(6, windowBeats >> 1);
  const buf = new Float64Array(windowBeats + 1);
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, Math.min(i - half, n - windowBeats));
    const hi = Math.min(n, lo + windowBeats);
    let best = lagMinimum(clean, lo, hi, buf, minUsable);
    if (best === Infinity) best = lagMinimum(all, lo, hi, buf, Math.min(minUsable, hi - lo - MAX_LAG));
    if (best !== Infinity) irregularity[i] = best;
    let t = 0;
    for (let j = Math.max(1, lo); j < Math.min(hi, n - 1); j++) t += tp[j];
    const span = Math.min(hi, n - 1) - Math.max(1, lo);
    if (span >= 4) turningPointRatio[i] = t / span;
  }
  return { irregularity, turningPointRatio };
}

function lagMinimum(diffs: Float64Array[], lo: number, hi: number, buf: Float64Array, minUsable: number): number {
  let best = Infinity;
  for (let k = 0; k < diffs.length; k++) {
    const d = diffs[k];
    let m = 0;
    for (let j = lo; j < hi; j++) if (d[j] === d[j]) buf[m++] = d[j];
    if (m < minUsable || m < 3) continue;
    const med = median(buf, m);
    if (med < best) best = med;
  }
  return best;
}
