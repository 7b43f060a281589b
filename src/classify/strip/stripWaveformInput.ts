/**
 * The raw-waveform input of the strip CNN: the strip band-passed, resampled to a fixed rate and
 * scaled to a robust unit amplitude. Computed by this same code when the training inputs are
 * dumped (training/strip-rhythm/dumpWaveforms.ts) and at run time (classifyStrip).
 */
import { butterworthFilter, resample } from '../../dsp/index.js';

/** Sampling rate of the CNN input. 150 Hz keeps QRS and f-waves (< 40 Hz after the band-pass). */
export const WAVEFORM_FS_HZ = 150;
/** Largest magnitude after scaling; clips electrode pops so one spike cannot dominate. */
const CLIP_UNITS = 8;

/**
 * The CNN input of one lead (mV; NaN and +-Infinity are taken as missing, 0): zero-phase band-pass 0.5-40 Hz (as the strip
 * features), resampled to {@link WAVEFORM_FS_HZ}, divided by the strip's median absolute value
 * times 10 (a robust amplitude; handheld gains differ), clipped to +-8.
 *
 * @example
 * const x = stripWaveformInput(lead.samples, 300); // Float32Array(round(n * 150 / 300))
 */
export function stripWaveformInput(signal: Float32Array, fsHz: number): Float32Array {
  const n = signal.length;
  const x = new Float32Array(n);
  for (let i = 0; i < n; i++) { const v = signal[i]; x[i] = Number.isFinite(v) ? v : 0; } // NaN or +-Infinity: missing
  const clean = butterworthFilter(x, fsHz, 'bandpass', 2, [0.5, Math.min(40, 0.45 * fsHz)]);
  const y = fsHz === WAVEFORM_FS_HZ ? clean : resample(clean, fsHz, WAVEFORM_FS_HZ);
  const abs = Float32Array.from(y, Math.abs).sort();
  // Median |x| of an ECG sits near the baseline noise + T/P level; x10 puts R peaks around 1-5.
  const scale = 10 * (abs.length ? abs[abs.length >> 1] : 0) || 1;
  for (let i = 0; i < y.length; i++) y[i] = Math.max(-CLIP_UNITS, Math.min(CLIP_UNITS, y[i] / scale));
  return y;
}
