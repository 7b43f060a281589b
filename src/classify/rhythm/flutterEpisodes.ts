/**
 * Atrial flutter from the atrial activity spectrum: with the QRS complexes blanked, flutter leaves
 * a regular saw-tooth at 240-350 /min (4-5.8 Hz) whose power sits in one narrow peak, while sinus
 * rhythm leaves P and T waves whose power lies below 3 Hz and AF leaves a broad 4-9 Hz band.
 * Conservative by design: a window counts only with a sharp, dominant peak.
 */
import { powerSpectrumInto, spectrumWorkspace } from './powerSpectrum.js';

const WINDOW_S = 8;
const STEP_S = 4;

/**
 * Atrial flutter runs (sample spans) from one lead and its beats.
 *
 * @example
 * const runs = flutterRuns(lead, 360, beats);
 */
export function flutterRuns(signal: Float32Array, fsHz: number, beats: Int32Array): Array<{ startSample: number; endSample: number; confidence: number; reason: string }> {
  const len = Math.round(WINDOW_S * fsHz);
  const step = Math.round(STEP_S * fsHz);
  const out: Array<{ startSample: number; endSample: number; confidence: number; reason: string }> = [];
  if (signal.length < len || beats.length < 4) return out;
  const ws = spectrumWorkspace(len);
  const binHz = fsHz / ws.n;
  const seg = new Float64Array(len);
  const halfBlank = Math.round(0.06 * fsHz);
  let bi = 0;
  let open: { startSample: number; endSample: number; score: number; n: number; hz: number } | null = null;
  for (let s = 0; s + len <= signal.length; s += step) {
    for (let i = 0; i < len; i++) { const v = signal[s + i]; seg[i] = v === v ? v : 0; }
    // Blank each QRS by linear interpolation across +-60 ms.
    while (bi < beats.length && beats[bi] < s - halfBlank) bi++;
    for (let j = bi; j < beats.length && beats[j] - halfBlank < s + len; j++) {
      const a = Math.max(0, beats[j] - s - halfBlank), b = Math.min(len - 1, beats[j] - s + halfBlank);
      const va = seg[a], vb = seg[b];
      for (let i = a; i <= b; i++) seg[i] = va + ((vb - va) * (i - a)) / Math.max(1, b - a);
    }
    const p = powerSpectrumInto(seg, 0, ws);
    let band = 0, best = 0, bestK = 0;
    for (let k = Math.ceil(2 / binHz); k * binHz <= 15; k++) {
      band += p[k];
      const f = k * binHz;
      if (f >= 3.8 && f <= 6 && p[k] > best) { best = p[k]; bestK = k; }
    }
    let peak = 0;
    const w = Math.max(1, Math.round(0.3 / binHz));
    for (let k = bestK - w; k <= bestK + w; k++) peak += p[k];
    const concentration = band > 0 ? peak / band : 0;
    // P and T waves repeat at the heart rate, so their harmonics make sharp peaks too: a peak at
    // a multiple of the ventricular rate is not taken as flutter (this gives up 2:1 and 4:1
    // flutter with a perfectly fixed block, which the spectrum alone cannot tell from sinus).
    const hrHz = meanRateHz(beats, bi, s + len, fsHz);
    const ratio = hrHz > 0 ? (bestK * binHz) / hrHz : 0;
    const harmonic = hrHz > 0 && Math.abs(ratio - Math.round(ratio)) * hrHz < 0.2;
    const flutter = concentration > 0.5 && !harmonic;
    if (flutter) {
      if (open && s <= open.endSample) { open.endSample = s + len; open.score += concentration; open.n++; open.hz += bestK * binHz; }
      else { if (open) close(open); open = { startSample: s, endSample: s + len, score: concentration, n: 1, hz: bestK * binHz }; }
    }
  }
  if (open) close(open);
  return out;

  function close(o: { startSample: number; endSample: number; score: number; n: number; hz: number }): void {
    if (o.n < 2) return;
    out.push({ startSample: o.startSample, endSample: o.endSample, confidence: Math.min(1, o.score / o.n), reason: `regular atrial waves at ${((60 * o.hz) / o.n).toFixed(0)} /min with the QRS blanked` });
  }
}

/** Mean beat rate (Hz) of the beats from index `first` up to sample `end`; 0 with < 2 beats. */
function meanRateHz(beats: Int32Array, first: number, end: number, fsHz: number): number {
  let last = first;
  while (last + 1 < beats.length && beats[last + 1] < end) last++;
  return last > first ? ((last - first) * fsHz) / (beats[last] - beats[first]) : 0;
}
