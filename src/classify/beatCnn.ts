import { SinusError } from '../errors.js';
import { BEAT_CLASSES, FEATURE_COUNT, LEADS_USED, WAVE_CHANNELS, WINDOW_LENGTH } from './features/layout.js';
import type { BeatClassInputs } from './features/beatClassInputs.js';
import { runModel, type LoadedModel, type ModelRunner } from './onnx/modelRunner.js';

/** File name of the shipped beat-class CNN in `models/`. */
export const BEAT_CNN_MODEL = 'beat-classes.onnx';
/** Beats per model call: bounds memory without paying the per-call overhead per beat. */
const BATCH = 1024;

const loaded = new WeakMap<ModelRunner, Map<string, Promise<LoadedModel>>>();

/**
 * Loads (once per runner) a model by source; `source` defaults to the runner's shipped copy of
 * {@link BEAT_CNN_MODEL}. Throws SinusError BAD_ARGUMENT when neither is available.
 *
 * @example
 * const model = await beatCnnModel(nodeModelRunner());
 */
export function beatCnnModel(runner: ModelRunner, source?: Uint8Array | string): Promise<LoadedModel> {
  if (source instanceof Uint8Array) return runner.loadModel(source);
  const where = source ?? runner.shippedModel?.(BEAT_CNN_MODEL);
  if (!where) throw new SinusError('BAD_ARGUMENT', `runner ${runner.backend} has no shipped models: pass the model bytes or path`);
  let byRunner = loaded.get(runner);
  if (!byRunner) loaded.set(runner, (byRunner = new Map()));
  let p = byRunner.get(where);
  if (!p) {
    p = runner.loadModel(where);
    // A failed load is not cached, so a corrected path can be tried again.
    p.catch(() => byRunner!.delete(where));
    byRunner.set(where, p);
  }
  return p;
}

/**
 * Class probabilities (n × 5, order N, S, V, F, Q) from the beat CNN for prepared inputs.
 *
 * @example
 * const p = await beatCnnProbabilities(await beatCnnModel(runner), beatClassInputs(record, beats));
 */
export async function beatCnnProbabilities(model: LoadedModel, inputs: BeatClassInputs): Promise<Float32Array> {
  const n = inputs.count;
  const K = BEAT_CLASSES.length;
  const out = new Float32Array(n * K);
  const waveSize = LEADS_USED * WAVE_CHANNELS * WINDOW_LENGTH;
  for (let s = 0; s < n; s += BATCH) {
    const m = Math.min(BATCH, n - s);
    const res = await runModel(model, {
      waves: { dims: [m, LEADS_USED, WAVE_CHANNELS, WINDOW_LENGTH], data: inputs.waves.subarray(s * waveSize, (s + m) * waveSize) },
      features: { dims: [m, FEATURE_COUNT], data: inputs.features.subarray(s * FEATURE_COUNT, (s + m) * FEATURE_COUNT) },
    });
    const p = res.probabilities ?? res[model.outputNames[0]];
    if (!p || p.data.length !== m * K) throw new SinusError('BAD_ARGUMENT', `model output has ${p?.data.length ?? 0} values, expected ${m * K}: not the beat-class model`);
    out.set(p.data, s * K);
  }
  return out;
}
