/**
 * Brings a signal stored at a lower rate up to the record's rate by linear interpolation between
 * neighbouring stored samples, aligned in time (stored sample j sits at output position j*up/down).
 * Output positions past the last stored sample hold its value; a NaN neighbour gives NaN.
 * Used for WFDB multi-frequency records and EDF signals with fewer samples per data record, where
 * repeating samples would invent steps that are not in the signal.
 *
 * @example
 * upsampleLinear(Float32Array.from([0, 1]), 1, 2, 4); // [0, 0.5, 1, 1]
 */
export function upsampleLinear(x: Float32Array, down: number, up: number, outLength: number): Float32Array {
  const out = new Float32Array(outLength);
  const n = x.length;
  if (n === 0) { out.fill(Number.NaN); return out; }
  for (let i = 0; i < outLength; i++) {
    const num = i * down;
    const j = Math.floor(num / up);
    if (j >= n - 1) { out[i] = x[n - 1]; continue; }
    const frac = (num - j * up) / up;
    out[i] = frac === 0 ? x[j] : x[j] + frac * (x[j + 1] - x[j]);
  }
  return out;
}
