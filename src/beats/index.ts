/** Public API of the beats stage. */
export type { BeatDetection, BeatDetectorOptions, DetectBeatsOptions } from './types.js';
export { detectBeats, detectBeatsInSignal, MIN_DURATION_S } from './detectBeats.js';
export { StreamingBeatDetector } from './streamingBeatDetector.js';
