/**
 * The part of onnxruntime's API that node and web builds share, so both runners wrap a session the
 * same way without importing either package here.
 */
import type { LoadedModel, ModelTensor } from './modelRunner.js';

/** Structural view of an onnxruntime Tensor constructor (node and web have the same shape). */
export interface OrtTensorCtor {
  new (type: 'float32', data: Float32Array, dims: readonly number[]): unknown;
}

/** Structural view of an onnxruntime InferenceSession. */
export interface OrtSessionLike {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, unknown>): Promise<Record<string, { dims: readonly number[]; data: unknown; type: string }>>;
  release(): Promise<void>;
}

/** Wraps an onnxruntime session as a {@link LoadedModel}; outputs are copied to float32. */
export function loadedModelFromOrtSession(session: OrtSessionLike, Tensor: OrtTensorCtor, backend: string): LoadedModel {
  return {
    backend,
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    async run(inputs) {
      const feeds: Record<string, unknown> = {};
      for (const [name, t] of Object.entries(inputs)) feeds[name] = new Tensor('float32', t.data, t.dims);
      const out = await session.run(feeds);
      const result: Record<string, ModelTensor> = {};
      for (const [name, t] of Object.entries(out)) {
        const d = t.data as ArrayLike<number>;
        result[name] = { dims: [...t.dims], data: d instanceof Float32Array ? d : Float32Array.from(d) };
      }
      return result;
    },
    release: () => session.release(),
  };
}
