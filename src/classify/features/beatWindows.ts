import { MODEL_FS_HZ, WINDOW_BEFORE, WINDOW_LENGTH } from './layout.js';

/**
 * Beat-centred windows of one lead, resampled to {@link MODEL_FS_HZ} by linear interpolation:
 * row b holds {@link WINDOW_LENGTH} samples, the fiducial point of beat b at index
 * {@link WINDOW_BEFORE}. Parts of a window outside the record are 0 (the baseline after
 * {@link baselineRemovedLead}).
 *
 * @example
 * const w = beatWindows(baselineRemovedLead(lead.samples, fs), beats, fs); // beats.length × 176
 */
export function beatWindows(lead: Float32Array, beatSamples: ArrayLike<number>, fsHz: number): Float32Array {
  const n = beatSamples.length;
  const out = new Float32Array(n * WINDOW_LENGTH);
  const step = fsHz / MODEL_FS_HZ;
  const last = lead.length - 1;
  for (let b = 0; b < n; b++) {
    const centre = beatSamples[b];
    const o = b * WINDOW_LENGTH;
    for (let k = 0; k < WINDOW_LENGTH; k++) {
      const t = centre + (k - WINDOW_BEFORE) * step;
      if (t < 0 || t > last) continue;
      const i = Math.floor(t);
      const f = t - i;
      out[o + k] = i >= last ? lead[last] : lead[i] + f * (lead[i + 1] - lead[i]);
    }
  }
  return out;
}
