/** Public API of the measure stage. */
export { measureEcg, type EcgMeasurements, type LeadMeasurements, type MeasureOptions } from './measureEcg.js';
export { measureWithMedianBeat } from './measureWithMedianBeat.js';
export { qtcMs, type QtcMs } from './qtc.js';
export { frontalAxisDeg } from './frontalAxis.js';
export { waveAmplitudesMv, type WaveAmplitudesMv } from './waveAmplitudes.js';
export { voltageCriteriaMv, type VoltageCriteriaMv } from './voltageCriteria.js';
export * from './hrv/index.js';
export { spatialMedianBoundaries, spatialLeadNames, SPATIAL_BOUNDARY_OPTIONS, type SpatialMedianBoundaries, type SpatialBoundaryOptions } from './spatialMedianBoundaries.js';
export { globalTEnd, type GlobalTEndOptions } from './globalTEnd.js';
export { withSpatialGlobalBoundaries } from './withSpatialGlobalBoundaries.js';
