/**
 * Pearson correlation between `len` samples of `x` starting at `start` and a template `t` of the same
 * length. NaN when either side is constant (no shape to compare).
 *
 * @example windowCorrelation(signal, beat - half, template, template.length) // 0.97 for a beat like the template
 */
export function windowCorrelation(x: Float32Array, start: number, t: Float32Array | Float64Array, len: number): number {
  let mx = 0, mt = 0;
  for (let i = 0; i < len; i++) { mx += x[start + i]; mt += t[i]; }
  mx /= len; mt /= len;
  let sxy = 0, sxx = 0, stt = 0;
  for (let i = 0; i < len; i++) {
    const a = x[start + i] - mx, b = t[i] - mt;
    sxy += a * b; sxx += a * a; stt += b * b;
  }
  return sxx > 0 && stt > 0 ? sxy / Math.sqrt(sxx * stt) : Number.NaN;
}
