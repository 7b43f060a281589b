import { centredMovingAverage } from './smoothing.js';
import { scratchFloat32 } from './scratchBuffers.js';

/**
 * The quality stage's own QRS detector, built to fail differently from the pipeline's primary one
 * so that their agreement (bSQI) means something: a curve-length transform (after Zong et al.,
 * "A QRS detection and R point recognition method for wearable single-lead ECG devices", 2003) on
 * a difference-of-moving-averages band-pass, with a block-median adaptive threshold and one
 * search-back pass. No squaring and no IIR filtering, unlike Pan-Tompkins style detectors.
 *
 * Returns R positions (sample indices, increasing). Returns an empty array for a flat or too-short
 * signal rather than inventing beats. NaN samples must be replaced by the caller.
 *
 * @example
 * const beats = curveLengthBeats(record.leads[0].samples, record.fs);
 */
export function curveLengthBeats(x: Float32Array, fsHz: number): Int32Array {
  const n = x.length;
  if (n < Math.round(1.5 * fsHz)) return new Int32Array(0);
  // Band-pass ~3-18 Hz as the difference of a 25 ms and a 150 ms centred moving average.
  const narrow = centredMovingAverage(x, Math.max(1, Math.round(0.025 * fsHz)), scratchFloat32('clt.narrow', n));
  const wide = centredMovingAverage(x, Math.round(0.15 * fsHz), scratchFloat32('clt.wide', n));
  const band = narrow;
  for (let i = 0; i < n; i++) band[i] = narrow[i] - wide[i];
  // Curve length: sum of |first difference| over a centred 120 ms window (reuse `wide`).
  const diffAbs = wide;
  diffAbs[0] = 0;
  for (let i = 1; i < n; i++) diffAbs[i] = Math.abs(band[i] - band[i - 1]);
  const lt = centredMovingAverage(diffAbs, Math.round(0.12 * fsHz), scratchFloat32('clt.lt', n));

  // Adaptive threshold: 0.35 x the median of 2 s block maxima around each block.
  const blockLen = Math.round(2 * fsHz);
  const nBlocks = Math.ceil(n / blockLen);
  const blockMax = new Float64Array(nBlocks);
  for (let b = 0; b < nBlocks; b++) {
    let m = 0;
    const end = Math.min(n, (b + 1) * blockLen);
    for (let i = b * blockLen; i < end; i++) if (lt[i] > m) m = lt[i];
    blockMax[b] = m;
  }
  const thr = new Float64Array(nBlocks);
  const scratch: number[] = [];
  for (let b = 0; b < nBlocks; b++) {
    scratch.length = 0;
    for (let k = Math.max(0, b - 4); k <= Math.min(nBlocks - 1, b + 4); k++) scratch.push(blockMax[k]);
    scratch.sort((p, q) => p - q);
    thr[b] = 0.35 * scratch[scratch.length >> 1];
  }
  // Curve length of a QRS is of the order of its amplitude in mV; below ~0.02 mV nothing is a beat.
  const floor = 0.02 / Math.max(1, Math.round(0.12 * fsHz));

  const refractory = Math.round(0.25 * fsHz);
  const peaks: number[] = [];
  const pickPeaks = (from: number, to: number, scale: number, out: number[]) => {
    let last = -refractory - 1;
    let lastVal = 0;
    for (let i = Math.max(1, from); i < Math.min(n - 1, to); i++) {
      const v = lt[i];
      const t = Math.max(thr[(i / blockLen) | 0] * scale, floor);
      if (v < t || v < lt[i - 1] || v < lt[i + 1]) continue;
      if (i - last < refractory) {
        if (v > lastVal) {
          out[out.length - 1] = i;
          last = i;
          lastVal = v;
        }
        continue;
      }
      out.push(i);
      last = i;
      lastVal = v;
    }
  };
  pickPeaks(0, n, 1, peaks);

  // Search back once in gaps longer than 1.66 median RR, with half the threshold.
  if (peaks.length >= 3) {
    const rr = new Float64Array(peaks.length - 1);
    for (let k = 1; k < peaks.length; k++) rr[k - 1] = peaks[k] - peaks[k - 1];
    const sorted = Array.from(rr).sort((p, q) => p - q);
    const medRr = sorted[sorted.length >> 1];
    const added: number[] = [];
    for (let k = 1; k < peaks.length; k++) {
      if (peaks[k] - peaks[k - 1] > 1.66 * medRr) {
        const found: number[] = [];
        pickPeaks(peaks[k - 1] + refractory, peaks[k] - refractory + 1, 0.5, found);
        for (const f of found) added.push(f);
      }
    }
    if (added.length) {
      for (const a of added) peaks.push(a);
      peaks.sort((p, q) => p - q);
    }
  }

  // R position: largest |band| within +-80 ms of the curve-length peak (band-pass is zero-phase).
  const half = Math.round(0.08 * fsHz);
  const out = new Int32Array(peaks.length);
  let m = 0;
  for (const p of peaks) {
    let best = p;
    let bestV = -1;
    for (let i = Math.max(0, p - half); i <= Math.min(n - 1, p + half); i++) {
      const v = Math.abs(band[i]);
      if (v > bestV) {
        bestV = v;
        best = i;
      }
    }
    if (m === 0 || best - out[m - 1] >= refractory) out[m++] = best;
  }
  return out.slice(0, m);
}
