/**
 * Dower's transform from the Frank vectorcardiogram (X, Y, Z) to the standard 12 leads (rows in
 * `DOWER_LEADS` order, columns X, Y, Z). Dower GE, Machado HB, Osborne JA. On deriving the
 * electrocardiogram from vectorcardiographic leads. Clin Cardiol 1980;3:87-95.
 */
export const DOWER_LEADS = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const;
export const DOWER_MATRIX: readonly (readonly [number, number, number])[] = [
  [0.632, -0.235, 0.059],
  [0.235, 1.066, -0.132],
  [-0.397, 1.301, -0.191],
  [-0.434, -0.415, 0.037],
  [0.515, -0.768, 0.125],
  [-0.081, 1.184, -0.162],
  [-0.515, 0.157, -0.917],
  [0.044, 0.164, -1.387],
  [0.882, 0.098, -1.277],
  [1.213, 0.127, -0.601],
  [1.125, 0.127, -0.086],
  [0.831, 0.076, 0.23],
];

/**
 * The 12 standard leads (mV) from X, Y, Z (mV) by Dower's matrix.
 *
 * @example
 * const leads = dowerTwelveLeads(x, y, z); // leads[6] is V1
 */
export function dowerTwelveLeads(x: Float32Array, y: Float32Array, z: Float32Array): Float32Array[] {
  return DOWER_MATRIX.map(([a, b, c]) => {
    const out = new Float32Array(x.length);
    for (let i = 0; i < x.length; i++) out[i] = a * x[i] + b * y[i] + c * z[i];
    return out;
  });
}
