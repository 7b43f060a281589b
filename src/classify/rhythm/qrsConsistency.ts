import { regionCorrelation } from '../../dsp/regionCorrelation.js';
import { median } from './median.js';
/**
 * How alike neighbouring QRS complexes are: each beat's correlation with the median of the beats
 * around it. Real beats of one rhythm correlate at 0.8-1 (ectopic beats lower); "beats" a detector
 * found in noise do not resemble each other (around 0-0.4). Used to refuse a rhythm label on noise.
 */

const HALF_QRS_S = 0.08;

/**
 * Per-beat QRS correlation (-1..1) with the sample-wise median of the `windowBeats` beats around
 * it; NaN where the beat's window leaves the signal.
 *
 * @example
 * const c = qrsConsistencyByBeat(lead, 360, beats); // ~0.95 for clean sinus beats
 */
export function qrsConsistencyByBeat(signal: Float32Array, fsHz: number, beats: Int32Array, windowBeats = 9): Float64Array {
  const n = beats.length;
  const out = new Float64Array(n).fill(NaN);
  const h = Math.round(HALF_QRS_S * fsHz);
  const len = 2 * h + 1;
  if (n < 3 || len < 5) return out;
  const ok = new Uint8Array(n);
  for (let k = 0; k < n; k++) ok[k] = beats[k] - h >= 0 && beats[k] + h < signal.length ? 1 : 0;
  const tmpl = new Float64Array(len);
  const col = new Float64Array(windowBeats + 1);
  const half = windowBeats >> 1;
  for (let k = 0; k < n; k++) {
    if (!ok[k]) continue;
    const lo = Math.max(0, Math.min(k - half, n - windowBeats));
    const hi = Math.min(n, lo + windowBeats);
    for (let i = 0; i < len; i++) {
      let m = 0;
      for (let j = lo; j < hi; j++) if (ok[j] && j !== k) col[m++] = signal[beats[j] - h + i];
      if (m === 0) { tmpl[i] = NaN; continue; }
      tmpl[i] = median(col, m);
    }
    out[k] = regionCorrelation(signal, beats[k] - h, tmpl, 0, 0, len);
  }
  return out;
}

