/**
 * ONNX model runner on onnxruntime-node (native CPU). Node only: it reads model files from disk.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SinusError } from '../../errors.js';
import type { LoadedModel, ModelRunner } from './modelRunner.js';
import { loadedModelFromOrtSession, type OrtSessionLike, type OrtTensorCtor } from './ortSession.js';

export interface NodeRunnerOptions {
  /** Intra-op threads; default 1 (the service runs many requests side by side). */
  threads?: number;
}

/**
 * A {@link ModelRunner} on onnxruntime-node. `loadModel` takes bytes or a file path.
 *
 * @example
 * const runner = nodeModelRunner();
 * const model = await runner.loadModel(shippedModelPath('beat-classes.onnx'));
 */
export function nodeModelRunner(options: NodeRunnerOptions = {}): ModelRunner {
  return {
    backend: 'onnxruntime-node',
    shippedModel: (fileName) => shippedModelPath(fileName),
    async loadModel(source): Promise<LoadedModel> {
      const ort = await import('onnxruntime-node');
      let bytes: Uint8Array;
      if (typeof source === 'string') {
        try {
          bytes = new Uint8Array(await readFile(source));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new SinusError('FILE_NOT_FOUND', 'model file not found', source);
          throw e;
        }
      } else bytes = source;
      let session: OrtSessionLike;
      try {
        session = (await ort.InferenceSession.create(bytes, {
          intraOpNumThreads: options.threads ?? 1,
          interOpNumThreads: 1,
          graphOptimizationLevel: 'all',
        })) as unknown as OrtSessionLike;
      } catch (e) {
        throw new SinusError('UNSUPPORTED_FORMAT', `not a loadable ONNX model: ${(e as Error).message}`, typeof source === 'string' ? source : undefined);
      }
      return loadedModelFromOrtSession(session, ort.Tensor as unknown as OrtTensorCtor, 'onnxruntime-node');
    },
  };
}

/**
 * Path of a model shipped in the package's `models/` folder (works from `src/` and `dist/`).
 *
 * @example
 * shippedModelPath('beat-classes.onnx'); // '/…/sinus/models/beat-classes.onnx'
 */
export function shippedModelPath(fileName: string): string {
  return fileURLToPath(new URL(`../../../models/${fileName}`, import.meta.url));
}
