/**
 * Noise-stress mixtures built as the MIT-BIH Noise Stress Test Database was (WFDB `nst`): the
 * signal is the QRS peak-to-peak amplitude as WFDB `sigamp` measures it, the noise its RMS about the
 * mean in 1 s windows, both as 5%-trimmed means; SNR = 20 log10(pp / (sqrt(8) rms)), i.e.
 * S = pp^2 / 8 against the noise power. Shared by the beat and quality benchmarks so both stress
 * the same way.
 */

/** Mean of the values left after dropping the lowest and highest 5% (as `sigamp` does). */
export function trimmedMean5(values: ArrayLike<number>): number {
  const s = Array.from(values).sort((a, b) => a - b);
  const lo = Math.floor(s.length / 20);
  const hi = s.length - lo;
  let t = 0;
  for (let i = lo; i < hi; i++) t += s[i];
  return hi > lo ? t / (hi - lo) : Number.NaN;
}

/**
 * QRS peak-to-peak amplitude (signal units) as `sigamp -a`: max - min within +-50 ms of each of the
 * first `maxBeats` given beats, 5%-trimmed mean.
 */
export function nstSignalPeakToPeak(x: Float32Array, fsHz: number, beatSamples: ArrayLike<number>, maxBeats = 300): number {
  const d = Math.round(0.05 * fsHz);
  const amps: number[] = [];
  for (let k = 0; k < beatSamples.length && amps.length < maxBeats; k++) {
    const b = beatSamples[k];
    if (b - d < 0 || b + d >= x.length) continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = b - d; i <= b + d; i++) {
      if (x[i] < lo) lo = x[i];
      if (x[i] > hi) hi = x[i];
    }
    amps.push(hi - lo);
  }
  return trimmedMean5(amps);
}

/** Noise RMS as `sigamp`: RMS about the mean in consecutive 1 s windows (first `maxWindows`), 5%-trimmed mean. */
export function nstNoiseRms(x: Float32Array, fsHz: number, maxWindows = 300): number {
  const w = Math.round(fsHz);
  const r: number[] = [];
  for (let a = 0; a + w <= x.length && r.length < maxWindows; a += w) {
    let s = 0;
    let ss = 0;
    for (let i = a; i < a + w; i++) {
      s += x[i];
      ss += x[i] * x[i];
    }
    const m = s / w;
    r.push(Math.sqrt(Math.max(0, ss / w - m * m)));
  }
  return trimmedMean5(r);
}

/** Gain that puts noise of RMS `noiseRms` at `snrDb` below a signal of QRS peak-to-peak `signalPp`. */
export function nstNoiseGain(signalPp: number, noiseRms: number, snrDb: number): number {
  return signalPp / (Math.SQRT2 * 2 * noiseRms * 10 ** (snrDb / 20));
}

export interface StressMixtureOptions {
  /** Sample where noise starts (NSTDB: 5 min). Default 0. */
  startSample?: number;
  /** Noise on/off block length in samples (NSTDB: 2 min on, 2 min off). Default: noise everywhere. */
  blockSamples?: number;
}

/**
 * Adds `noise` (mean removed) to `clean` at `snrDb` by the NSTDB definition, optionally in alternating
 * on/off blocks from `startSample`. `beatSamples` are the clean record's reference beats (normal beats
 * preferred), used to measure the signal amplitude. Returns a new array; the noise must be at least as long
 * as the part of `clean` it covers (the shorter of the two bounds the mixture).
 *
 * @example
 * const noisy = nstStressMixture(mlii, emChannel0, 360, normalBeats, 6, { startSample: 300 * 360, blockSamples: 120 * 360 });
 */
export function nstStressMixture(clean: Float32Array, noise: Float32Array, fsHz: number, beatSamples: ArrayLike<number>, snrDb: number, options: StressMixtureOptions = {}): Float32Array {
  const gain = nstNoiseGain(nstSignalPeakToPeak(clean, fsHz, beatSamples), nstNoiseRms(noise, fsHz), snrDb);
  let mean = 0;
  for (let i = 0; i < noise.length; i++) mean += noise[i];
  mean /= noise.length || 1;
  const start = options.startSample ?? 0;
  const block = options.blockSamples ?? Infinity;
  const out = clean.slice();
  const end = Math.min(clean.length, noise.length);
  for (let i = start; i < end; i++) {
    if (Math.floor((i - start) / block) % 2 === 0) out[i] += gain * (noise[i] - mean);
  }
  return out;
}
