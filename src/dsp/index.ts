/** Public API of the dsp stage. */
export { type Sos, sectionCount, sosSteadyState, sosFilterInPlace, sosResponseAt, sosGroupDelaySamples } from './sos.js';
export { type FilterKind, butterworthSos } from './butterworth.js';
export { zeroPhaseFilter } from './zeroPhaseFilter.js';
export { notchSos, removeMains } from './notch.js';
export { type BaselineOptions, removeBaselineWander, estimateBaselineByMedians } from './baselineWander.js';
export { type ResampleOptions, resample } from './resample.js';
export { movingMean, movingRms, movingMax, movingMin, movingMedian } from './movingStatistics.js';
export { butterworthFilter } from './butterworthFilter.js';
export { regionCorrelation } from './regionCorrelation.js';
export { boxSmooth } from './boxSmooth.js';
