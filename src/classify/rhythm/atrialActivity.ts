/**
 * Atrial activity by QRST cancellation (average beat subtraction, as in Slocum et al. 1992 and
 * Stridh & Sornmo 2001): from each beat, subtract the mean of its neighbours of the same kind,
 * aligned at the beat. What is locked to the QRS (QRS, T, and in sinus rhythm the P wave) cancels;
 * what is not (flutter F waves with a varying block, fibrillatory f waves) is left. The residual's
 * spectrum then tells flutter (one narrow peak at 3.5-6 Hz, 210-360 /min, with its harmonic) from
 * fibrillation (broad power at 4-9 Hz) and from sinus rhythm (little left at all).
 */
import { butterworthFilter } from '../../dsp/butterworthFilter.js';
import { powerSpectrumInto, spectrumWorkspace } from './powerSpectrum.js';

/** Template window before the fiducial (QRS onset and a PR-locked P wave) and after it (QRS and T). */
const PRE_S = 0.12;
const POST_S = 0.45;
/** Neighbours on each side averaged into a beat's template. */
const HALF_NEIGHBOURS = 10;

/**
 * The QRST-cancelled signal (same length, high-passed at 1 Hz): each beat's neighbours of the same
 * class (when `classes` are given) are averaged into its template and subtracted over
 * [beat - 120 ms, beat + 450 ms), cut short where the next beat's window starts. Samples outside
 * any beat window keep the high-passed signal.
 *
 * @example
 * const residual = qrstCancelledResidual(lead, 360, beats, classes);
 */
export function qrstCancelledResidual(signal: Float32Array, fsHz: number, beats: Int32Array, classes?: ArrayLike<string>): Float32Array {
  const clean = new Float32Array(signal.length);
  for (let i = 0; i < signal.length; i++) { const v = signal[i]; clean[i] = v === v ? v : 0; }
  const x = butterworthFilter(clean, fsHz, 'highpass', 2, 1);
  const out = Float32Array.from(x);
  const pre = Math.round(PRE_S * fsHz), post = Math.round(POST_S * fsHz);
  const len = pre + post;
  const template = new Float64Array(len);
  const n = beats.length;
  const fits = (k: number): boolean => beats[k] - pre >= 0 && beats[k] + post <= x.length;
  const averageNeighbours = (k: number, sameKind: boolean): number => {
    template.fill(0);
    let m = 0;
    for (const dir of [-1, 1]) {
      let got = 0;
      for (let j = k + dir; j >= 0 && j < n && Math.abs(j - k) <= 4 * HALF_NEIGHBOURS && got < HALF_NEIGHBOURS; j += dir) {
        if (!fits(j) || (sameKind && classes && classes[j] !== classes[k])) continue;
        const o = beats[j] - pre;
        for (let i = 0; i < len; i++) template[i] += x[o + i];
        got++;
      }
      m += got;
    }
    return m;
  };
  for (let k = 0; k < n; k++) {
    if (!fits(k)) continue;
    // Nearest neighbours of the same kind, up to HALF_NEIGHBOURS on each side, looking at most 4x
    // as far; a beat with too few of its kind (a rare ectopic, or one misjudged) takes any beats.
    let m = averageNeighbours(k, true);
    if (m < 4 && classes) m = averageNeighbours(k, false);
    if (m < 4) continue;
    const o = beats[k] - pre;
    const end = Math.min(len, k + 1 < n ? beats[k + 1] - pre - o : len);
    for (let i = 0; i < end; i++) out[o + i] = x[o + i] - template[i] / m;
  }
  // The QRS itself cancels worst (small shifts of a steep complex leave large spikes): bridge it.
  const qa = Math.round(0.05 * fsHz), qb = Math.round(0.07 * fsHz);
  for (let k = 0; k < n; k++) {
    const a = Math.max(0, beats[k] - qa), b = Math.min(out.length - 1, beats[k] + qb);
    const va = out[a], vb = out[b];
    for (let i = a; i <= b; i++) out[i] = va + ((vb - va) * (i - a)) / Math.max(1, b - a);
  }
  return out;
}

/** Spectral description of the atrial residual over one window. */
export interface AtrialSpectrumWindow {
  startSample: number;
  endSample: number;
  /** Frequency (Hz) of the largest peak in 3-10 Hz. */
  dominantHz: number;
  /**
   * Share (0..1) of the 3-12 Hz power within +-0.3 Hz of the dominant peak and of its second
   * harmonic: high for flutter's regular saw-tooth, low for fibrillation and noise.
   */
  organisation: number;
  /** RMS of the residual in 3-12 Hz, in the signal's units (mV). */
  bandRms: number;
}

/**
 * Residual spectrum over windows of `windowS` seconds every `stepS` seconds.
 *
 * @example
 * const w = atrialSpectrumWindows(qrstCancelledResidual(lead, 360, beats), 360);
 */
export function atrialSpectrumWindows(residual: Float32Array, fsHz: number, windowS = 10, stepS = 5): AtrialSpectrumWindow[] {
  const len = Math.round(windowS * fsHz), step = Math.round(stepS * fsHz);
  const out: AtrialSpectrumWindow[] = [];
  if (residual.length < len) return out;
  const ws = spectrumWorkspace(len);
  const binHz = fsHz / ws.n;
  let wSum = 0;
  for (let i = 0; i < len; i++) wSum += ws.window[i] * ws.window[i];
  const halfW = Math.max(1, Math.round(0.3 / binHz));
  for (let s = 0; s + len <= residual.length; s += step) {
    const p = powerSpectrumInto(residual, s, ws);
    // Below 24 Hz sampling the spectrum ends before 12 Hz: only the bins there are are read.
    const last = p.length - 1;
    const lo = Math.min(last, Math.ceil(3 / binHz)), hi = Math.min(last, Math.floor(12 / binHz)), peakHi = Math.min(hi, Math.floor(10 / binHz));
    let band = 0, best = -1, bestK = lo;
    for (let k = lo; k <= hi; k++) {
      band += p[k];
      if (k <= peakHi && p[k] > best) { best = p[k]; bestK = k; }
    }
    let peak = 0;
    for (let k = Math.max(0, bestK - halfW); k <= Math.min(last, bestK + halfW); k++) peak += p[k];
    const h2 = 2 * bestK;
    if (h2 + halfW <= hi) for (let k = h2 - halfW; k <= h2 + halfW; k++) peak += p[k];
    // Parseval with the Hann window: one-sided band power -> mean square.
    const bandRms = Math.sqrt((2 * band) / (ws.n * wSum));
    out.push({ startSample: s, endSample: s + len, dominantHz: bestK * binHz, organisation: band > 0 ? peak / band : 0, bandRms });
  }
  return out;
}
