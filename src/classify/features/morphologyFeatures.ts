import { MODEL_FS_HZ, MORPHOLOGY_FEATURE_NAMES, WINDOW_BEFORE, WINDOW_LENGTH } from './layout.js';
import { regionCorrelation } from '../../dsp/regionCorrelation.js';

const MS = MODEL_FS_HZ / 1000;
const QRS_FROM = WINDOW_BEFORE - Math.round(100 * MS);
const QRS_TO = WINDOW_BEFORE + Math.round(150 * MS);
const P_TO = WINDOW_BEFORE - Math.round(80 * MS);
const SAMPLE_OFFSETS_MS = [-100, -50, 0, 50, 100, 150, 200, 250];

/**
 * Morphology features of one beat on one lead ({@link MORPHOLOGY_FEATURE_NAMES}), written into
 * `out` at `outOffset`. The beat and its dominant-beat template are already scaled so the template's
 * QRS spans about 1, which makes every feature relative to the patient's own beat: correlation with
 * the template, difference energy over P, QRS and T, QRS size, width and area against the template's,
 * and 8 samples of the beat from -100 to +250 ms.
 *
 * @example
 * morphologyFeatures(windows, b * 176, templates, b * 176, features, b * F + 12);
 */
export function morphologyFeatures(beat: Float32Array, beatOffset: number, template: Float32Array, templateOffset: number, out: Float32Array, outOffset: number): void {
  const w = beat, wo = beatOffset, t = template, to = templateOffset;
  let o = outOffset;
  out[o++] = (regionCorrelation(w, wo, t, to, QRS_FROM, QRS_TO) || 0);
  out[o++] = (regionCorrelation(w, wo, t, to, 0, WINDOW_LENGTH) || 0);
  out[o++] = diffRms(w, wo, t, to, QRS_FROM, QRS_TO);
  out[o++] = diffRms(w, wo, t, to, 0, P_TO);
  out[o++] = diffRms(w, wo, t, to, QRS_TO, WINDOW_LENGTH);
  let wMax = -Infinity, wMin = Infinity, tMax = -Infinity, tMin = Infinity, wArea = 0, tArea = 0;
  for (let k = QRS_FROM; k < QRS_TO; k++) {
    const a = w[wo + k], b = t[to + k];
    if (a > wMax) wMax = a;
    if (a < wMin) wMin = a;
    if (b > tMax) tMax = b;
    if (b < tMin) tMin = b;
    wArea += Math.abs(a);
    tArea += Math.abs(b);
  }
  out[o++] = Math.log((wMax - wMin + 0.02) / (tMax - tMin + 0.02));
  const wWidth = qrsWidthMs(w, wo);
  const tWidth = qrsWidthMs(t, to);
  out[o++] = wWidth;
  out[o++] = Math.log((wWidth + 4) / (tWidth + 4));
  out[o++] = wMax;
  out[o++] = wMin;
  out[o++] = Math.log((wArea + 0.1) / (tArea + 0.1));
  for (const ms of SAMPLE_OFFSETS_MS) out[o++] = w[wo + WINDOW_BEFORE + Math.round(ms * MS)];
  if (o - outOffset !== MORPHOLOGY_FEATURE_NAMES.length) throw new Error('morphology feature layout mismatch');
}

/** Span of steep slope around the fiducial point: where |central difference| exceeds 20% of its peak. */
function qrsWidthMs(x: Float32Array, xo: number): number {
  let peak = 0;
  for (let k = QRS_FROM + 1; k < QRS_TO - 1; k++) {
    const d = Math.abs(x[xo + k + 1] - x[xo + k - 1]);
    if (d > peak) peak = d;
  }
  if (peak === 0) return 0;
  const thr = 0.2 * peak;
  let first = -1, last = -1;
  for (let k = QRS_FROM + 1; k < QRS_TO - 1; k++) {
    if (Math.abs(x[xo + k + 1] - x[xo + k - 1]) >= thr) {
      if (first < 0) first = k;
      last = k;
    }
  }
  return ((last - first + 1) / MODEL_FS_HZ) * 1000;
}


function diffRms(x: Float32Array, xo: number, y: Float32Array, yo: number, from: number, to: number): number {
  let s = 0;
  for (let k = from; k < to; k++) {
    const d = x[xo + k] - y[yo + k];
    s += d * d;
  }
  return Math.sqrt(s / (to - from));
}
