import { loadModel } from '../classify/onnx/modelRunner.js';
import { nodeModelRunner, shippedModelPath } from '../classify/onnx/onnxRunner.node.js';
import { STRIP_RHYTHM_CNN_MODEL, STRIP_RHYTHM_MODEL } from '../classify/strip/classifyStrip.js';
import type { AnalyzeOptions } from '../analyze.js';

let cached: Promise<NonNullable<AnalyzeOptions['stageOptions']>> | undefined;

/**
 * Stage options that hand the shipped ONNX models to the stages that use them (Node: onnxruntime-node).
 * Loaded once per process and shared by every analysis; without them those stages fall back to their
 * rule baselines and say so (`method: 'rules'`).
 *
 * @example
 * const a = await analyze(record, { stageOptions: await shippedModelStageOptions() });
 */
export function shippedModelStageOptions(): Promise<NonNullable<AnalyzeOptions['stageOptions']>> {
  cached ??= (async () => {
    const model = await loadModel(nodeModelRunner(), shippedModelPath(STRIP_RHYTHM_MODEL));
    const waveformModel = await loadModel(nodeModelRunner(), shippedModelPath(STRIP_RHYTHM_CNN_MODEL));
    // The rhythm stage's second opinion on AF episodes from the same models (rhythm: { stripModel,
    // stripWaveformModel }) is opt-in: it missed its DS1 gate (BENCHMARKS.md, rhythm round 3).
    return { stripRhythm: { model, waveformModel } };
  })();
  return cached;
}
