/** Public API of the beats stage. */
export type { BeatDetection, BeatDetectorOptions, DetectBeatsOptions } from './types.js';
export { detectBeats, detectBeatsInSignal, MIN_DURATION_S } from './detectBeats.js';
export { StreamingBeatDetector } from './streamingBeatDetector.js';
export { calibrationPulses, type CalibrationPulse } from './calibrationPulses.js';
export { beatsWithConfidence, USABLE_BEAT_CONFIDENCE, UNUSABLE_SIGNAL_BEAT_CONFIDENCE, type BeatEvidence, type BeatSpan, type BeatsWithConfidence } from './beatsWithConfidence.js';
