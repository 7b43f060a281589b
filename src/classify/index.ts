/** Public API of the classify stage. */
// beat classes + ONNX runner (beatcls)
export { loadModel, runModel, tensorSize } from './onnx/modelRunner.js';
export type { LoadedModel, ModelRunner, ModelTensor } from './onnx/modelRunner.js';
export { webModelRunner } from './onnx/onnxRunner.web.js';
export type { WebRunnerOptions } from './onnx/onnxRunner.web.js';
// end beatcls
