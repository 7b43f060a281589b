/**
 * The RR-interval channel of the strip CNN: the instantaneous RR interval, sample by sample at the
 * CNN input rate, beside the waveform. It writes the training inputs
 * (training/strip-rhythm/dumpWaveforms.ts --rr); classifyStrip does not use it (the RR branch was
 * not shipped, models/strip-rhythm.md round 4).
 */
import { WAVEFORM_FS_HZ } from './stripWaveformInput.js';

/** RR interval (s) that maps to 0: a typical resting rate (75 bpm). */
const RR_REFERENCE_S = 0.8;
/** Largest magnitude of log2(RR / reference): 0.1-6.4 s; longer gaps and double counts clip. */
const CLIP_UNITS = 3;

/**
 * The RR channel for a CNN input of `lengthSamples` samples at {@link WAVEFORM_FS_HZ}: every
 * sample between beats k and k+1 holds log2(RR_k / 0.8 s) (rate and irregularity in one trace;
 * log so that a premature beat and its pause are symmetric), clipped to +-3; samples before the
 * first RR interval take the first value, after the last the last. Fewer than 2 beats: all 0.
 *
 * @param beatSamples beat positions in samples at `fsHz` (ascending, e.g. detectBeats().samples)
 * @example
 * const rr = stripRrChannel(detectBeats(rec).samples, 300, stripWaveformInput(x, 300).length);
 */
export function stripRrChannel(beatSamples: Int32Array, fsHz: number, lengthSamples: number): Float32Array {
  const out = new Float32Array(lengthSamples);
  if (beatSamples.length < 2 || !(fsHz > 0)) return out;
  const toOut = WAVEFORM_FS_HZ / fsHz;
  let prev = -1;
  let value = 0;
  for (let k = 1; k < beatSamples.length; k++) {
    const rrS = (beatSamples[k] - beatSamples[k - 1]) / fsHz;
    value = rrS > 0 ? Math.max(-CLIP_UNITS, Math.min(CLIP_UNITS, Math.log2(rrS / RR_REFERENCE_S))) : 0;
    // Interval k spans (beat k-1, beat k]; the first interval also fills everything before it.
    const end = Math.min(lengthSamples - 1, Math.round(beatSamples[k] * toOut));
    for (let i = prev + 1; i <= end; i++) out[i] = value;
    prev = Math.max(prev, end);
  }
  for (let i = prev + 1; i < lengthSamples; i++) out[i] = value;
  return out;
}
