/**
 * Centred moving average by prefix sums (O(n) for any width), writing into caller-owned buffers so
 * inner loops allocate nothing.
 */

/**
 * Centred moving average of odd width `w` with edges averaged over the part inside the signal.
 * `prefix` needs at least x.length + 1 elements.
 *
 * @example boxSmooth(x, 5, new Float32Array(x.length), new Float64Array(x.length + 1))
 */
export function boxSmooth(x: ArrayLike<number>, w: number, out: Float32Array, prefix: Float64Array): Float32Array {
  const n = x.length;
  const h = Math.max(0, (w - 1) >> 1);
  prefix[0] = 0;
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + x[i];
  for (let i = 0; i < n; i++) {
    const a = i - h < 0 ? 0 : i - h;
    const b = i + h + 1 > n ? n : i + h + 1;
    out[i] = (prefix[b] - prefix[a]) / (b - a);
  }
  return out;
}
