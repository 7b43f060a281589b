import { quantileOfSorted } from './rrIntervals.js';

/**
 * Rhythm-level "is this atrial fibrillation?" measures for each beat, from RR intervals alone (no
 * P-wave size): the irregularity of the intervals AROUND the beat, leaving out the beat's own
 * premature/pause pair. In sinus rhythm with atrial premature beats the other intervals are mostly
 * regular, so a low percentile of the successive differences stays small; in AF every interval is
 * irregular. The 35th percentile, not the median: clusters of APCs disturb up to ~65% of the
 * neighbouring differences before it rises (DS1 220; chosen on DS1, see models/beat-classes.md).
 */
export interface RrIrregularityAroundBeat {
  /** Per beat: 35th percentile of |rr[j] - rr[j-1]| / rr[j] over the neighbouring intervals (a fraction). */
  successiveDiffP35: Float64Array;
  /**
   * Per beat: median of min over lags 1..3 of |rr[j] - rr[j-lag]| / rr[j] (a fraction). Small in
   * bigeminy/trigeminy (every interval repeats one 2 or 3 intervals earlier), still large in AF.
   */
  minLagDiffMedian: Float64Array;
}

/** Longest lag (intervals) that the min-lag measure compares with: up to trigeminy. */
const MAX_LAG = 3;

/**
 * {@link RrIrregularityAroundBeat} for n beats from their n-1 RR intervals (`rrS[j]` between beat j
 * and j+1, seconds). For beat i the window holds the interval differences j in
 * [i-1-halfWindow, i+halfWindow], except j = i-1 .. i+MAX_LAG, whose differences involve the beat's
 * own pre-RR (j = i-1) or post-RR (j = i) interval. A beat with no neighbouring differences gets 0.
 *
 * @example
 * const irr = rrIrregularityAroundBeat(rrS, 16); // irr.successiveDiffP35[i] < 0.06: not AF
 */
export function rrIrregularityAroundBeat(rrS: ArrayLike<number>, halfWindow: number): RrIrregularityAroundBeat {
  const m = rrS.length;
  const n = m + 1;
  const d1 = new Float64Array(m);
  const dMin = new Float64Array(m);
  for (let j = 1; j < m; j++) {
    d1[j] = Math.abs(rrS[j] - rrS[j - 1]) / rrS[j];
    let best = d1[j];
    for (let lag = 2; lag <= MAX_LAG && j - lag >= 0; lag++) best = Math.min(best, Math.abs(rrS[j] - rrS[j - lag]) / rrS[j]);
    dMin[j] = best;
  }
  const successiveDiffP35 = new Float64Array(n);
  const minLagDiffMedian = new Float64Array(n);
  const a = new Float64Array(2 * halfWindow + 2);
  const b = new Float64Array(2 * halfWindow + 2);
  for (let i = 0; i < n; i++) {
    let c = 0;
    const to = Math.min(m, i + halfWindow + 1);
    for (let j = Math.max(1, i - 1 - halfWindow); j < to; j++) {
      if (j >= i - 1 && j <= i + MAX_LAG) continue; // the beat's own premature/pause pair
      a[c] = d1[j];
      b[c] = dMin[j];
      c++;
    }
    successiveDiffP35[i] = quantile(a.subarray(0, c), 0.35);
    minLagDiffMedian[i] = median(b.subarray(0, c));
  }
  return { successiveDiffP35, minLagDiffMedian };
}

/** Median of the values (sorted in place); 0 when there are none. */
function median(x: Float64Array): number {
  return quantile(x, 0.5);
}

/** Linear-interpolated quantile q of the values (sorted in place, as numpy's default); 0 when there are none. */
function quantile(x: Float64Array, q: number): number {
  const c = x.length;
  if (c === 0) return 0;
  return quantileOfSorted(x.sort(), q);
}
