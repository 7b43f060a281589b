/** Public API of the classify stage. */
export {};

// rhythm
export { analyzeRhythm, PAUSE_S } from './rhythm/analyzeRhythm.js';
export type { BeatClass, HolterSummary, RhythmAnalysis, RhythmEpisode, RhythmInput, RhythmLabel } from './rhythm/types.js';
export { EVENT_LABELS } from './rhythm/types.js';
