/**
 * Median of the first `m` values of `buf` (reorders them).
 *
 * @example
 * median(Float64Array.from([3, 1, 2]), 3); // 2
 */
export function median(buf: Float64Array, m: number): number {
  const a = buf.subarray(0, m).sort();
  return m % 2 ? a[(m - 1) >> 1] : 0.5 * (a[m / 2 - 1] + a[m / 2]);
}
