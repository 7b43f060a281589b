import { hrvFrequencyDomain, type HrvFrequencyDomain } from './frequencyDomain.js';
import { hrvNonlinear, type HrvNonlinear } from './nonlinear.js';
import { nnIntervals } from './nnIntervals.js';
import { hrvTimeDomain, type HrvTimeDomain } from './timeDomain.js';

/** Heart-rate variability of a recording. */
export interface HeartRateVariability {
  nnCount: number;
  /** RR intervals left out of NN (ectopic or implausible). */
  excludedCount: number;
  timeDomain: HrvTimeDomain;
  frequencyDomain: HrvFrequencyDomain;
  nonlinear: HrvNonlinear;
}

/**
 * HRV from beat positions (sample indices) at `fsHz`; with `classes` (AAMI class per beat) only
 * N-to-N intervals are used. Every metric the data cannot support is null with a reason that gives
 * the count it had and the count it needs.
 *
 * @example
 * const hrv = heartRateVariability(beats.samples, record.fs, beatClasses);
 * hrv.timeDomain.rmssdMs; hrv.frequencyDomain.lfHfRatio; hrv.nonlinear.dfaAlpha1;
 */
export function heartRateVariability(beatSamples: ArrayLike<number>, fsHz: number, classes?: ArrayLike<string>): HeartRateVariability {
  const nn = nnIntervals(beatSamples, fsHz, classes);
  return {
    nnCount: nn.nnMs.length,
    excludedCount: nn.excluded,
    timeDomain: hrvTimeDomain(nn.nnMs, nn.timesS),
    frequencyDomain: hrvFrequencyDomain(nn.nnMs, nn.timesS),
    nonlinear: hrvNonlinear(nn.nnMs),
  };
}
