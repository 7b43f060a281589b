/**
 * Zero-phase moving-average smoothing with a running sum: O(n) whatever the width, no allocation
 * beyond the output. Used for baselines and for the own detector's band-pass (difference of two
 * moving averages), where a linear phase keeps positions aligned with the raw signal.
 */

/**
 * Centred moving average of `x` over `width` samples (rounded up to odd), written to `out`.
 * Edges average over the part of the window that exists.
 *
 * @example
 * const base = centredMovingAverage(x, 361, new Float32Array(x.length));
 */
export function centredMovingAverage(x: ArrayLike<number>, width: number, out: Float32Array): Float32Array {
  const n = x.length;
  const half = Math.max(0, Math.floor(width / 2));
  let sum = 0;
  let lo = 0;
  let hi = -1; // inclusive window [lo, hi]
  for (let i = 0; i < n; i++) {
    const wantHi = Math.min(n - 1, i + half);
    while (hi < wantHi) sum += x[++hi];
    const wantLo = Math.max(0, i - half);
    while (lo < wantLo) sum -= x[lo++];
    out[i] = sum / (hi - lo + 1);
  }
  return out;
}
