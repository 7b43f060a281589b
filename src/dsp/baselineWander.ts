import { SinusError } from '../errors.js';
import { butterworthSos } from './butterworth.js';
import { movingMedian } from './movingStatistics.js';
import { zeroPhaseFilter } from './zeroPhaseFilter.js';

/** How baseline wander is removed. */
export interface BaselineOptions {
  /**
   * 'highpass' (default): zero-phase 2nd-order Butterworth high-pass at `cutoffHz` (0.5 Hz), run
   * forward and backward so the ST segment is not shifted.
   * 'median': the baseline is a 200 ms then 600 ms moving median (removes QRS, then P/T), which
   * keeps slow ST changes below 0.5 Hz better at the cost of speed.
   */
  method?: 'highpass' | 'median';
  cutoffHz?: number;
}

/**
 * Returns `x` with baseline wander removed (same length, mV). Throws SinusError BAD_ARGUMENT for a
 * bad rate and NOT_ENOUGH_DATA for fewer than 2 samples.
 *
 * @example
 * const flat = removeBaselineWander(lead.samples, rec.fs);
 */
export function removeBaselineWander(x: ArrayLike<number>, fsHz: number, options: BaselineOptions = {}): Float32Array {
  if (!(fsHz > 0)) throw new SinusError('BAD_ARGUMENT', `sampling rate must be positive, got ${fsHz}`);
  if (x.length < 2) throw new SinusError('NOT_ENOUGH_DATA', `baseline removal needs at least 2 samples, got ${x.length}`);
  if ((options.method ?? 'highpass') === 'median') {
    const baseline = estimateBaselineByMedians(x, fsHz);
    const y = new Float32Array(x.length);
    for (let i = 0; i < y.length; i++) y[i] = x[i] - baseline[i];
    return y;
  }
  return zeroPhaseFilter(butterworthSos('highpass', 2, options.cutoffHz ?? 0.5, fsHz), x);
}

/**
 * The baseline under `x` as two cascaded moving medians (200 ms, then 600 ms), the method of
 * de Chazal et al. 2004: the first removes the QRS, the second the P and T waves.
 *
 * @example
 * const baselineMv = estimateBaselineByMedians(lead.samples, 360);
 */
export function estimateBaselineByMedians(x: ArrayLike<number>, fsHz: number): Float32Array {
  const w1 = Math.max(1, Math.round(0.2 * fsHz)) | 1;
  const w2 = Math.max(1, Math.round(0.6 * fsHz)) | 1;
  return movingMedian(movingMedian(x, w1), w2);
}
