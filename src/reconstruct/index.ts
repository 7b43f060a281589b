export { applyLeadTransform, type LeadTransform } from './leadTransform.js';
export { LeadTransformFit, type FitLeadTransformOptions } from './fitLeadTransform.js';
export { reconstructTwelveLeads, STANDARD_TWELVE_LEADS, type ReconstructOptions, type Reconstruction } from './reconstructTwelveLeads.js';
export { korsVcg, spatialQrsTAngle, KORS_LEADS, KORS_MATRIX, type Vectorcardiogram, type SpatialQrsTAngle } from './korsVcg.js';
export { SHIPPED_LEAD_TRANSFORMS } from './shippedLeadTransforms.js';
export { medianBeatQrsTAngle } from './medianBeatQrsTAngle.js';
