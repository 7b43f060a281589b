/** Heart-rate variability: time, frequency and nonlinear domains. */
export { heartRateVariability, type HeartRateVariability } from './heartRateVariability.js';
export { nnIntervals, type NnIntervals } from './nnIntervals.js';
export { hrvTimeDomain, type HrvTimeDomain } from './timeDomain.js';
export { hrvFrequencyDomain, type HrvFrequencyDomain } from './frequencyDomain.js';
export { hrvNonlinear, poincareMs, sampleEntropy, dfaAlpha, type HrvNonlinear } from './nonlinear.js';
export { lombScarglePsd } from './lombScargle.js';
