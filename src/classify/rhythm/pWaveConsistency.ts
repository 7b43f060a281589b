/**
 * P-wave consistency per beat: how alike the segments before successive QRS complexes are.
 * In sinus rhythm each QRS is preceded by the same P wave, so the mean of the pre-QRS segments
 * keeps their energy (ratio near 1); in AF the fibrillatory baseline is unrelated to the QRS and
 * averages out (ratio near 1/beats). This is the "absence of P waves" evidence for AF.
 */

const P_FROM_S = 0.3;
const P_TO_S = 0.08;

/**
 * Per-beat consistency (0..1) of the P window (300 to 80 ms before each beat) over a centred
 * window of `windowBeats` beats: energy of the mean segment over mean segment energy. NaN where
 * fewer than 6 usable beats. `useBeat` leaves beats out (e.g. V beats, which have no P wave);
 * with `windowOfUsableBeats` the window holds `windowBeats` usable beats instead (within twice as
 * many beats).
 *
 * @example
 * const pc = pWaveConsistencyByBeat(lead, 360, beats); // ~0.6-0.9 sinus, ~0.1-0.3 AF
 */
export function pWaveConsistencyByBeat(signal: Float32Array, fsHz: number, beats: Int32Array, windowBeats = 16, useBeat?: (k: number) => boolean, options: { windowOfUsableBeats?: boolean } = {}): Float64Array {
  const n = beats.length;
  const out = new Float64Array(n).fill(NaN);
  const a = Math.round(P_FROM_S * fsHz), b = Math.round(P_TO_S * fsHz);
  const len = a - b;
  if (len < 4 || n < 6) return out;
  // Detrended P-window segments, one row per beat (NaN row when the window is out of range).
  const segs = new Float32Array(n * len);
  const energy = new Float64Array(n).fill(NaN);
  const xMean = (len - 1) / 2;
  let sxx = 0;
  for (let i = 0; i < len; i++) sxx += (i - xMean) * (i - xMean);
  for (let k = 0; k < n; k++) {
    const s0 = beats[k] - a;
    // A P window reaching into the previous QRS holds QRS energy, not atrial activity.
    if ((useBeat && !useBeat(k)) || s0 < 0 || beats[k] - b > signal.length || (k > 0 && s0 < beats[k - 1] + Math.round(0.1 * fsHz))) continue;
    let my = 0, sxy = 0, ok = true;
    for (let i = 0; i < len; i++) { const v = signal[s0 + i]; if (v !== v) { ok = false; break; } my += v; }
    if (!ok) continue;
    my /= len;
    for (let i = 0; i < len; i++) sxy += (i - xMean) * (signal[s0 + i] - my);
    const slope = sxy / sxx;
    let e = 0;
    for (let i = 0; i < len; i++) {
      const v = signal[s0 + i] - my - slope * (i - xMean);
      segs[k * len + i] = v;
      e += v * v;
    }
    energy[k] = e / len;
  }
  const mean = new Float64Array(len);
  const half = windowBeats >> 1;
  // The ratio of unrelated segments is about 1/m for m segments, so with many beats left out a
  // window of beats would read higher on the same AF; `windowOfUsableBeats` keeps m at
  // `windowBeats` by widening the window over usable beats (at most twice as many beats).
  const usable: number[] = [];
  for (let k = 0; k < n; k++) if (energy[k] === energy[k]) usable.push(k);
  for (let k = 0, u = 0; k < n; k++) {
    let lo = Math.max(0, Math.min(k - half, n - windowBeats));
    let hi = Math.min(n, lo + windowBeats);
    if (options.windowOfUsableBeats) {
      while (u < usable.length && usable[u] < k) u++;
      const a = Math.max(0, Math.min(u - half, usable.length - windowBeats));
      const b = Math.min(usable.length, a + windowBeats);
      if (b <= a) continue;
      lo = Math.max(usable[a], k - windowBeats);
      hi = Math.min(usable[b - 1] + 1, k + windowBeats + 1);
    }
    mean.fill(0);
    let m = 0, eSum = 0;
    for (let j = lo; j < hi; j++) {
      if (energy[j] !== energy[j]) continue;
      for (let i = 0; i < len; i++) mean[i] += segs[j * len + i];
      eSum += energy[j];
      m++;
    }
    if (m < 6 || !(eSum > 0)) continue;
    let em = 0;
    for (let i = 0; i < len; i++) { const v = mean[i] / m; em += v * v; }
    out[k] = em / len / (eSum / m);
  }
  return out;
}
