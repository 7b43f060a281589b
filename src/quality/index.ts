/** Public API of the quality stage. */
export type {
  QualityFinding,
  QualityFindingKind,
  QualitySeverity,
  QualityVerdict,
  QualityIndices,
  QualitySegment,
  QualityReport,
  QualityOptions,
  LeadQuality,
  SampleSpan,
  BeatDetectorFn,
} from './types.js';
export { assessQuality } from './assessQuality.js';
export { unusableSegments, isInSpans } from './unusableSegments.js';
export { hasUsableSignal, MAX_UNUSABLE_TIME_SHARE } from './hasUsableSignal.js';
export { curveLengthBeats } from './curveLengthBeats.js';
export { beatAgreementSqi } from './beatAgreement.js';
export { nstdbSnrDb } from './signalPreparation.js';
export { leadScore, LEAD_SCORE_WEIGHTS } from './qualityScore.js';
