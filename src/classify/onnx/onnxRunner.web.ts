/**
 * ONNX model runner on onnxruntime-web (WebAssembly). Browser-safe; also works in Node.
 */
import { SinusError } from '../../errors.js';
import type { LoadedModel, ModelRunner } from './modelRunner.js';
import { loadedModelFromOrtSession, type OrtSessionLike, type OrtTensorCtor } from './ortSession.js';

export interface WebRunnerOptions {
  /** WebAssembly threads; default 1 (multi-threading needs cross-origin isolation in browsers). */
  threads?: number;
  /** Where the .wasm files are served from, when not beside the bundle. */
  wasmPaths?: string;
  /** URL of the folder the package's `models/` are served from (e.g. '/models/'), for shipped models. */
  modelsUrl?: string;
}

/**
 * A {@link ModelRunner} on onnxruntime-web (wasm). `loadModel` takes bytes or a URL.
 *
 * @example
 * const runner = webModelRunner({ wasmPaths: '/ort/' });
 * const model = await runner.loadModel(await (await fetch('/models/beat-classes.onnx')).arrayBuffer().then((b) => new Uint8Array(b)));
 */
export function webModelRunner(options: WebRunnerOptions = {}): ModelRunner {
  return {
    backend: 'onnxruntime-web',
    shippedModel: (fileName) => (options.modelsUrl ? `${options.modelsUrl.replace(/\/?$/, '/')}${fileName}` : undefined),
    async loadModel(source): Promise<LoadedModel> {
      const ort = await import('onnxruntime-web');
      ort.env.wasm.numThreads = options.threads ?? 1;
      if (options.wasmPaths) ort.env.wasm.wasmPaths = options.wasmPaths;
      let session: OrtSessionLike;
      try {
        session = (await (typeof source === 'string'
          ? ort.InferenceSession.create(source, { executionProviders: ['wasm'] })
          : ort.InferenceSession.create(source, { executionProviders: ['wasm'] }))) as unknown as OrtSessionLike;
      } catch (e) {
        throw new SinusError('UNSUPPORTED_FORMAT', `not a loadable ONNX model: ${(e as Error).message}`, typeof source === 'string' ? source : undefined);
      }
      return loadedModelFromOrtSession(session, ort.Tensor as unknown as OrtTensorCtor, 'onnxruntime-web');
    },
  };
}
