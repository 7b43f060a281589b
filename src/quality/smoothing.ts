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
  if (n === 0) return out;
  if (2 * half + 1 > n) {
    // Window wider than the signal: the general form with moving edges.
    let sum = 0;
    let lo = 0;
    let hi = -1;
    for (let i = 0; i < n; i++) {
      const wantHi = Math.min(n - 1, i + half);
      while (hi < wantHi) sum += x[++hi];
      const wantLo = Math.max(0, i - half);
      while (lo < wantLo) sum -= x[lo++];
      out[i] = sum / (hi - lo + 1);
    }
    return out;
  }
  // Head: the window grows from half+1 samples.
  let sum = 0;
  for (let i = 0; i <= half; i++) sum += x[i];
  out[0] = sum / (half + 1);
  for (let i = 1; i <= half; i++) {
    sum += x[i + half];
    out[i] = sum / (i + half + 1);
  }
  // Middle: full windows, one add and one subtract per sample.
  const w = 2 * half + 1;
  const inv = 1 / w;
  for (let i = half + 1; i < n - half; i++) {
    sum += x[i + half] - x[i - half - 1];
    out[i] = sum * inv;
  }
  // Tail: the window shrinks.
  for (let i = Math.max(half + 1, n - half); i < n; i++) {
    sum -= x[i - half - 1];
    out[i] = sum / (n - (i - half));
  }
  return out;
}
