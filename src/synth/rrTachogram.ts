import type { Random } from '../dsp/seededRandom.js';

/** Parameters of ECGSYN's RR process (McSharry et al. 2003, defaults from its reference code). */
export interface RrProcessOptions {
  meanRateBpm: number;
  /** SD of the heart rate, bpm (ECGSYN default 1). */
  rateSdBpm?: number;
  /** Centre and SD (Hz) of the Mayer-wave (LF) and respiratory (HF) peaks; ECGSYN 0.1/0.01 and 0.25/0.01. */
  lfHz?: number;
  lfSdHz?: number;
  hfHz?: number;
  hfSdHz?: number;
  /** LF/HF power ratio (ECGSYN default 0.5). */
  lfHfRatio?: number;
}

/**
 * RR intervals (s) covering at least `durationS`, from ECGSYN's bimodal power spectrum: two Gaussian
 * peaks (LF, HF) with random phases, inverse-FFT'd (here as a direct sum of cosines) at 1 Hz-equivalent
 * resolution, scaled to the requested mean and SD. McSharry PE, Clifford GD, Tarassenko L, Smith LA.
 * A dynamical model for generating synthetic electrocardiogram signals. IEEE TBME 2003;50:289-294.
 *
 * @example
 * const rr = rrTachogram({ meanRateBpm: 72 }, 10, seededRandom(1)); // [0.83, 0.84, ...]
 */
export function rrTachogram(options: RrProcessOptions, durationS: number, rng: Random): number[] {
  const meanRr = 60 / options.meanRateBpm;
  const sdRr = (60 * (options.rateSdBpm ?? 1)) / (options.meanRateBpm * options.meanRateBpm);
  const lf = options.lfHz ?? 0.1, lfSd = options.lfSdHz ?? 0.01, hf = options.hfHz ?? 0.25, hfSd = options.hfSdHz ?? 0.01;
  const ratio = options.lfHfRatio ?? 0.5;
  // The spectrum sampled on a 1/256 Hz grid up to 0.5 Hz, as a sum of cosines with random phases.
  const df = 1 / 256;
  const comps: { f: number; amp: number; phase: number }[] = [];
  for (let f = df; f <= 0.5; f += df) {
    const s = (ratio / (1 + ratio)) * Math.exp(-((f - lf) ** 2) / (2 * lfSd * lfSd)) / lfSd + (1 / (1 + ratio)) * Math.exp(-((f - hf) ** 2) / (2 * hfSd * hfSd)) / hfSd;
    comps.push({ f, amp: Math.sqrt(s), phase: 2 * Math.PI * rng.next() });
  }
  const series = (t: number) => comps.reduce((acc, c) => acc + c.amp * Math.cos(2 * Math.PI * c.f * t + c.phase), 0);
  // Normalise the process over a window long enough for its statistics.
  const probe: number[] = [];
  for (let t = 0; t < Math.max(durationS, 256); t += 1) probe.push(series(t));
  const m = probe.reduce((a, b) => a + b, 0) / probe.length;
  const sd = Math.sqrt(probe.reduce((a, b) => a + (b - m) ** 2, 0) / probe.length) || 1;
  const out: number[] = [];
  let t = 0;
  while (t < durationS + 2 * meanRr) {
    const rr = Math.max(0.25, meanRr + (sdRr * (series(t) - m)) / sd);
    out.push(rr);
    t += rr;
  }
  return out;
}
