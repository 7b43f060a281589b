/**
 * A copy of a lead with missing samples (NaN, +-Infinity) replaced by the last valid value (or the
 * first valid one at the start), so filters run; the replaced stretches then read as flat line,
 * which is what a lead without data is. Returns the count of replaced samples.
 */
export function leadWithGapsHeld(samples: Float32Array): { x: Float32Array; missingCount: number } {
  const n = samples.length;
  const x = new Float32Array(n);
  let missingCount = 0;
  let first = 0;
  while (first < n && !Number.isFinite(samples[first])) first++;
  let last = first < n ? samples[first] : 0;
  for (let i = 0; i < n; i++) {
    const v = samples[i];
    if (Number.isFinite(v)) last = v;
    else missingCount++;
    x[i] = last;
  }
  return { x, missingCount };
}

/** Trimmed mean of `values` dropping the lowest and highest `trim` share (WFDB sigamp uses 5%). */
export function trimmedMean(values: ArrayLike<number>, trim = 0.05): number | null {
  const v = Array.from(values).filter((a) => Number.isFinite(a)).sort((p, q) => p - q);
  if (v.length === 0) return null;
  const lo = Math.floor(v.length * trim);
  const hi = v.length - lo;
  let s = 0;
  for (let i = lo; i < hi; i++) s += v[i];
  return s / (hi - lo);
}

/**
 * SNR in dB as the MIT-BIH Noise Stress Test defines it: signal power from the QRS peak-to-peak
 * amplitude as for a sine wave (pp^2 / 8), noise power as the mean-square in 1 s windows.
 *
 * @example nstdbSnrDb(1.0, 0.0354) // ~ 20 dB
 */
export function nstdbSnrDb(qrsPeakToPeakMv: number, noiseRmsMv: number): number {
  return 20 * Math.log10(qrsPeakToPeakMv / (Math.SQRT2 * 2 * Math.max(noiseRmsMv, 1e-6)));
}
