import { SinusError } from '../errors.js';

/** Options for {@link resample}. */
export interface ResampleOptions {
  /** Zero crossings of the interpolating sinc on each side at the cut-off (default 16). */
  zeroCrossings?: number;
  /** Anti-alias cut-off as a fraction of the lower of the two Nyquist rates (default 0.9). */
  cutoffFraction?: number;
  /** Kaiser window beta (default 8.6, about 90 dB stop-band). */
  kaiserBeta?: number;
}

function besselI0(x: number): number {
  let sum = 1, term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 50; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < 1e-12 * sum) break;
  }
  return sum;
}

/**
 * Resamples `x` from `fromHz` to `toHz` (any ratio, not only integers) by band-limited
 * interpolation with a Kaiser-windowed sinc whose cut-off sits below the lower Nyquist rate, so
 * downsampling is anti-aliased. Output sample `j` lies at time `j / toHz` s, like input sample `i`
 * at `i / fromHz`; the output has `round(n * toHz / fromHz)` samples. The ends are extended with
 * the end values. Throws SinusError BAD_ARGUMENT for non-positive rates.
 *
 * @example
 * const at250 = resample(lead.samples, 360, 250);
 */
export function resample(x: ArrayLike<number>, fromHz: number, toHz: number, options: ResampleOptions = {}): Float32Array {
  if (!(fromHz > 0) || !(toHz > 0) || !Number.isFinite(fromHz) || !Number.isFinite(toHz)) {
    throw new SinusError('BAD_ARGUMENT', `sampling rates must be positive, got ${fromHz} -> ${toHz}`);
  }
  const n = x.length;
  const outLen = Math.round((n * toHz) / fromHz);
  const y = new Float32Array(outLen);
  if (n === 0 || outLen === 0) return y;
  if (fromHz === toHz) { for (let i = 0; i < n; i++) y[i] = x[i]; return y; }
  const zc = options.zeroCrossings ?? 16;
  const fc = Math.min(1, toHz / fromHz) * (options.cutoffFraction ?? 0.9); // cycles per input sample x2
  const beta = options.kaiserBeta ?? 8.6;
  const half = Math.ceil(zc / fc); // half-width in input samples
  // Kernel table over [0, half] at `over` points per input sample; linear interpolation between.
  const over = 512;
  const tableLen = half * over + 2;
  const table = new Float64Array(tableLen);
  const i0b = besselI0(beta);
  for (let k = 0; k < tableLen; k++) {
    const t = k / over;
    const r = t / half;
    if (r >= 1) { table[k] = 0; continue; }
    const arg = Math.PI * fc * t;
    const sinc = t === 0 ? 1 : Math.sin(arg) / arg;
    table[k] = fc * sinc * (besselI0(beta * Math.sqrt(1 - r * r)) / i0b);
  }
  const step = fromHz / toHz;
  const first = x[0], last = x[n - 1];
  for (let j = 0; j < outLen; j++) {
    const t = j * step;
    const k0 = Math.floor(t);
    let acc = 0, wsum = 0;
    for (let i = k0 - half + 1; i <= k0 + half; i++) {
      const d = Math.abs(t - i) * over;
      const di = d | 0;
      if (di >= tableLen - 1) continue;
      const f = d - di;
      const h = table[di] + f * (table[di + 1] - table[di]);
      const v = i < 0 ? first : i >= n ? last : x[i];
      acc += h * v;
      wsum += h;
    }
    y[j] = wsum !== 0 ? acc / wsum : 0;
  }
  return y;
}
