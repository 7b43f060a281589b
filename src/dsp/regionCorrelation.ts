/**
 * Pearson correlation between x[xo + from, xo + to) and y[yo + from, yo + to): a beat against a
 * template, two beats against each other, over one region of the beat (e.g. the QRS). NaN when
 * either side is constant (no shape to compare); callers that need a number choose their own value.
 *
 * @example regionCorrelation(signal, beat - half, template, 0, 0, template.length) // ~0.97 for a beat like the template
 */
export function regionCorrelation(x: Float32Array, xo: number, y: Float32Array | Float64Array, yo: number, from: number, to: number): number {
  const len = to - from;
  let sx = 0, sy = 0;
  for (let k = from; k < to; k++) { sx += x[xo + k]; sy += y[yo + k]; }
  const mx = sx / len, my = sy / len;
  let sxy = 0, sxx = 0, syy = 0;
  for (let k = from; k < to; k++) {
    const a = x[xo + k] - mx, b = y[yo + k] - my;
    sxy += a * b; sxx += a * a; syy += b * b;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}
