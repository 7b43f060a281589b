/** Public API of the classify stage. */
// beat classes + ONNX runner (beatcls)
export { loadModel, runModel, tensorSize } from './onnx/modelRunner.js';
export type { LoadedModel, ModelRunner, ModelTensor } from './onnx/modelRunner.js';
export { webModelRunner } from './onnx/onnxRunner.web.js';
export type { WebRunnerOptions } from './onnx/onnxRunner.web.js';
// end beatcls

// rhythm
export { analyzeRhythm, PAUSE_S } from './rhythm/analyzeRhythm.js';
export type { HolterSummary, RhythmAnalysis, RhythmEpisode, RhythmInput, RhythmLabel } from './rhythm/types.js';
export { EVENT_LABELS } from './rhythm/types.js';
