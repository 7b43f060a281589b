/** Node-only API: everything in the browser-safe API plus file-system access. */
export * from './index.js';
export { nodeFileSource } from './io/nodeFileSource.js';
export { openRecord } from './io/openRecord.js';
export type { OpenOptions } from './io/openRecord.js';
export { writeFilesToDir, OutputWriteError } from './io/nodeWriteFiles.js';
export { refuseOverwritingInput } from './io/nodeRefuseOverwritingInput.js';
export { svgToPng } from './render/png.node.js';
export { svgToPdf } from './render/pdf.node.js';
export { nodeModelRunner, shippedModelPath } from './classify/onnx/onnxRunner.node.js';
export { shippedModelStageOptions } from './analyze/shippedModels.node.js';
