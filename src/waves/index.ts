/** Public API of the waves stage. */
export type { Delineation, LeadDelineation, LeadBeatDelineation, GlobalBeatBoundaries, QrsPoints, WavePoints, TPolarity } from './types.js';
export { DEFAULT_DELINEATION_OPTIONS, type DelineationOptions } from './options.js';
export { delineateBeats, delineateBeatsWithTemplate, type DelineationWithTemplate } from './delineateBeats.js';
export { recordMedianBeat, type MedianBeat, type RecordMedianBeatInput } from './recordMedianBeat.js';
export { delineateLeadSignal } from './delineateLeadSignal.js';
export { fuseGlobalBoundaries, type FusionTolerances } from './globalBoundaries.js';
export { smoothedDerivative } from './smoothedDerivative.js';
export { annotatedWaves, annotatedGlobalWaves, type AnnotatedWave, type AnnotatedGlobalBeat } from './annotatedWaves.js';
export { medianBeats, type MedianBeats, type MedianBeatOptions } from './medianBeats.js';
export { delineateMedianBeats } from './delineateMedianBeats.js';
export { atrialLocking, atrialLockingIndex } from './atrialLocking.js';
export { shrinkToLeadMedian } from './shrinkToLeadMedian.js';
export { beatTemplate, type BeatTemplate } from './beatTemplate.js';
export { jointLag, type JointLag } from './jointLag.js';
export { pacingSpikeSamples, withoutPacingSpikes } from './pacingSpikes.js';
export { diastolicActivityRatios } from './diastolicActivity.js';
