/**
 * The fixed analysis grid of the quality stage: consecutive windows of `windowSamples`; a trailing
 * piece shorter than half a window joins the window before it.
 */
export function analysisWindowStarts(length: number, windowSamples: number): Int32Array {
  const w = Math.max(1, windowSamples);
  let count = Math.floor(length / w);
  if (length - count * w >= w / 2 || count === 0) count++;
  const starts = new Int32Array(count + 1);
  for (let k = 0; k < count; k++) starts[k] = k * w;
  starts[count] = length;
  return starts;
}

/** Root mean square of `x` over [from, to) after removing its mean there (as WFDB sigamp does). */
export function centredRms(x: Float32Array, from: number, to: number): number {
  const n = to - from;
  if (n <= 0) return 0;
  let s = 0;
  let ss = 0;
  for (let i = from; i < to; i++) {
    const v = x[i];
    s += v;
    ss += v * v;
  }
  const m = s / n;
  return Math.sqrt(Math.max(0, ss / n - m * m));
}

/**
 * {@link centredRms} over the samples of [from, to) where `mask` is 0. Noise is measured outside
 * QRS complexes, where a template's small misfit (a steep QRS one sample off) would pass for noise;
 * additive noise is stationary over a window, so leaving QRS samples out does not bias it. Falls
 * back to all samples when fewer than 30% are outside.
 */
export function centredRmsOutside(x: Float32Array, mask: Uint8Array, from: number, to: number): number {
  let s = 0;
  let ss = 0;
  let c = 0;
  for (let i = from; i < to; i++) {
    if (mask[i]) continue;
    const v = x[i];
    s += v;
    ss += v * v;
    c++;
  }
  if (c < 0.3 * (to - from)) return centredRms(x, from, to);
  const m = s / c;
  return Math.sqrt(Math.max(0, ss / c - m * m));
}

/**
 * Amplitude (peak, same unit as `x`) of the sinusoid at `freqHz` in x[from, to), by the Goertzel
 * recurrence.
 */
export function goertzelAmplitude(x: Float32Array, from: number, to: number, freqHz: number, fsHz: number): number {
  const n = to - from;
  if (n <= 0) return 0;
  const w = (2 * Math.PI * freqHz) / fsHz;
  const c = 2 * Math.cos(w);
  let s1 = 0;
  let s2 = 0;
  for (let i = from; i < to; i++) {
    const s0 = x[i] + c * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const re = s1 - s2 * Math.cos(w);
  const im = s2 * Math.sin(w);
  return (2 * Math.sqrt(re * re + im * im)) / n;
}
