/**
 * Lomb-Scargle periodogram of unevenly sampled `y` at times `tS`, for frequencies `freqsHz`,
 * scaled as a one-sided power spectral density (units of y^2 per Hz) so that band integrals
 * approximate the variance in the band, as for a resampled Welch spectrum. The mean is removed first.
 *
 * @example const psd = lombScarglePsd(t, nn, freqs);
 */
export function lombScarglePsd(tS: ArrayLike<number>, y: ArrayLike<number>, freqsHz: ArrayLike<number>): Float64Array {
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i];
  mean /= n;
  const out = new Float64Array(freqsHz.length);
  const duration = n > 1 ? tS[n - 1] - tS[0] : 1;
  for (let k = 0; k < freqsHz.length; k++) {
    const w = 2 * Math.PI * freqsHz[k];
    let s2 = 0, c2 = 0;
    for (let i = 0; i < n; i++) { s2 += Math.sin(2 * w * tS[i]); c2 += Math.cos(2 * w * tS[i]); }
    const tau = Math.atan2(s2, c2) / (2 * w);
    let yc = 0, ys = 0, cc = 0, ss = 0;
    for (let i = 0; i < n; i++) {
      const a = w * (tS[i] - tau);
      const c = Math.cos(a), s = Math.sin(a), v = y[i] - mean;
      yc += v * c; ys += v * s; cc += c * c; ss += s * s;
    }
    const p = 0.5 * ((cc > 0 ? (yc * yc) / cc : 0) + (ss > 0 ? (ys * ys) / ss : 0));
    // 2p/n is the power (A^2/2) of a sinusoid at this frequency; its peak is ~1/T wide, so the
    // one-sided density is that power times T.
    out[k] = ((2 * p) / n) * duration;
  }
  return out;
}
