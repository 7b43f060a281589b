/** RR intervals shorter or longer than these are clipped: they are detection errors or pauses. */
const MIN_RR_S = 0.15;
const MAX_RR_S = 3;

/**
 * The n-1 RR intervals (seconds) of n beat positions, rr[i] = beat i+1 - beat i, each clipped to
 * 0.15..3 s (shorter: detection errors; longer: pauses).
 *
 * @example clippedRrIntervals([0, 360, 720], 360) // Float64Array [1, 1]
 */
export function clippedRrIntervals(beatSamples: ArrayLike<number>, fsHz: number): Float64Array {
  const m = Math.max(0, beatSamples.length - 1);
  const rr = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const s = (beatSamples[i + 1] - beatSamples[i]) / fsHz;
    rr[i] = s < MIN_RR_S ? MIN_RR_S : s > MAX_RR_S ? MAX_RR_S : s;
  }
  return rr;
}

/** Linear-interpolated quantile q of a non-empty sorted array (numpy's default). */
export function quantileOfSorted(sorted: Float64Array, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
}
