import { applyBiquads, highPassBiquad, lowPassBiquad } from './biquad.js';

/**
 * kSQI: kurtosis (fourth standardised moment, not excess) of a baseline-free lead. A clean ECG is
 * spiky (kurtosis well above 5); Gaussian noise sits at 3, a sine-like artefact below 2.
 * Returns null for a constant signal.
 *
 * @example kurtosisSqi(baselineFree) // ~ 15 for a clean MIT-BIH lead
 */
export function kurtosisSqi(x: Float32Array): number | null {
  const n = x.length;
  if (n < 4) return null;
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i];
  const m = s / n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = (x[i] - m) * (x[i] - m);
    m2 += d;
    m4 += d * d;
  }
  m2 /= n;
  m4 /= n;
  return m2 > 1e-12 ? m4 / (m2 * m2) : null;
}

/**
 * pSQI and basSQI from band energies (4th-order Butterworth-type band edges, mean removed):
 * pSQI = E(5-15 Hz) / E(5-40 Hz), basSQI = 1 - E(<1 Hz) / E(<40 Hz). The 40 Hz edge is clipped to
 * 0.45 fs. `baseline` is the lead's low-pass (< 1 Hz) baseline estimate, reused to save passes.
 * Null with a reason when the rate is too low (< 30 Hz). `scratch` is overwritten.
 */
export function bandPowerSqis(
  x: Float32Array,
  baseline: Float32Array,
  fsHz: number,
  scratch: Float32Array,
): { pSqi: number | null; basSqi: number | null; note?: string } {
  if (fsHz < 30) return { pSqi: null, basSqi: null, note: `sampling rate ${fsHz} Hz is too low for the 5-40 Hz bands` };
  const n = x.length;
  const top = Math.min(40, 0.45 * fsHz);
  const skip = Math.min(Math.round(0.5 * fsHz), n >> 2);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n || 1;
  const below40 = scratch;
  for (let i = 0; i < n; i++) below40[i] = x[i] - mean;
  applyBiquads(below40, [lowPassBiquad(top, fsHz), lowPassBiquad(top, fsHz)], below40);
  let eBelow40 = 0;
  let eBelow1 = 0;
  let bMean = 0;
  for (let i = skip; i < n; i++) bMean += baseline[i];
  bMean /= Math.max(1, n - skip);
  for (let i = skip; i < n; i++) {
    eBelow40 += below40[i] * below40[i];
    const b = baseline[i] - bMean;
    eBelow1 += b * b;
  }
  const band = applyBiquads(below40, [highPassBiquad(5, fsHz), highPassBiquad(5, fsHz)], below40);
  let e5to40 = 0;
  for (let i = skip; i < n; i++) e5to40 += band[i] * band[i];
  applyBiquads(band, [lowPassBiquad(15, fsHz), lowPassBiquad(15, fsHz)], band);
  let e5to15 = 0;
  for (let i = skip; i < n; i++) e5to15 += band[i] * band[i];
  return {
    pSqi: e5to40 > 0 ? Math.min(1, e5to15 / e5to40) : null,
    basSqi: eBelow40 > 0 ? Math.max(0, 1 - eBelow1 / eBelow40) : null,
  };
}
