/**
 * A small, backend-neutral way to run an ONNX model. Core code (classifiers) only sees these
 * interfaces; the caller picks the backend: {@link webModelRunner} (onnxruntime-web, browser and
 * Node) or `nodeModelRunner` in `onnxRunner.node.ts` (onnxruntime-node, native, faster).
 */
import { SinusError } from '../../errors.js';

/** A dense float32 tensor, row-major. */
export interface ModelTensor {
  dims: readonly number[];
  data: Float32Array;
}

/** A model loaded into a backend session, ready to run. */
export interface LoadedModel {
  /** Backend that runs it, e.g. 'onnxruntime-node', 'onnxruntime-web'. */
  readonly backend: string;
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  /** Runs the model once on named float32 inputs; returns every output by name. */
  run(inputs: Record<string, ModelTensor>): Promise<Record<string, ModelTensor>>;
  /** Frees the backend session. The model cannot be run afterwards. */
  release(): Promise<void>;
}

/** Loads models into one backend. `source` is the model's bytes, or a path (Node) / URL (web). */
export interface ModelRunner {
  readonly backend: string;
  loadModel(source: Uint8Array | string): Promise<LoadedModel>;
  /** Where this runner finds a model shipped in the package's `models/` folder (path or URL), if it knows. */
  shippedModel?(fileName: string): string | undefined;
}

/** Number of elements a tensor of these dims holds. */
export function tensorSize(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

/**
 * Loads a model with the given runner.
 *
 * @example
 * const model = await loadModel(nodeModelRunner(), 'models/beat-classes.onnx');
 */
export async function loadModel(runner: ModelRunner, source: Uint8Array | string): Promise<LoadedModel> {
  if (typeof source !== 'string' && !(source instanceof Uint8Array)) {
    throw new SinusError('BAD_ARGUMENT', 'a model source is bytes (Uint8Array) or a path/URL string');
  }
  if (source instanceof Uint8Array && source.length === 0) throw new SinusError('FILE_EMPTY', 'model bytes are empty');
  return runner.loadModel(source);
}

/**
 * Runs a loaded model after checking that every declared input is given with a consistent size,
 * so a shape mistake is a {@link SinusError} rather than a backend crash.
 *
 * @example
 * const out = await runModel(model, { x: { dims: [1, 4], data: new Float32Array(4) } });
 * console.log(out.logits.data);
 */
export async function runModel(model: LoadedModel, inputs: Record<string, ModelTensor>): Promise<Record<string, ModelTensor>> {
  for (const name of model.inputNames) {
    const t = inputs[name];
    if (!t) throw new SinusError('BAD_ARGUMENT', `model input "${name}" is missing (needs ${model.inputNames.join(', ')})`);
    if (t.data.length !== tensorSize(t.dims)) {
      throw new SinusError('BAD_ARGUMENT', `model input "${name}" has ${t.data.length} values for dims [${t.dims.join(', ')}]`);
    }
  }
  return model.run(inputs);
}
