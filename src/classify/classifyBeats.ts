import { SinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import { beatCnnModel, beatCnnProbabilities } from './beatCnn.js';
import { featureBaselineProbabilities, type FeatureBaselineWeights } from './featureBaseline.js';
import { featureMlpProbabilities, type FeatureMlpWeights } from './featureMlp.js';
import { beatClassInputs } from './features/beatClassInputs.js';
import { BEAT_CLASSES, type BeatClass } from './features/layout.js';
import { sinusContextFeatures } from './features/sinusContextFeatures.js';
import type { LoadedModel, ModelRunner } from './onnx/modelRunner.js';
import { FEATURE_BASELINE_WEIGHTS } from './weights/featureBaselineWeights.js';
import { FEATURE_MLP_WEIGHTS } from './weights/featureMlpWeights.js';

/** The classification methods: see {@link ClassifyBeatsOptions.method}. */
export const BEAT_CLASS_METHODS = ['mlp', 'cnn', 'features'] as const;
export type BeatClassMethod = (typeof BEAT_CLASS_METHODS)[number];

export interface ClassifyBeatsOptions {
  /**
   * 'mlp' (recommended): small neural nets on the beat features plus the patient's sinus-context
   * features (pure TypeScript, best SVEB and VEB +P); 'cnn': the ONNX model on beat windows (needs
   * `runner`); 'features': the logistic-regression baseline (pure TypeScript).
   */
  method: BeatClassMethod;
  /** ONNX backend for 'cnn' (nodeModelRunner() in Node, webModelRunner() in the browser). */
  runner?: ModelRunner;
  /** The CNN as a loaded model, bytes or path/URL; default: the runner's shipped `models/beat-classes.onnx`. */
  model?: LoadedModel | Uint8Array | string;
  /** Other baseline weights than the shipped ones. */
  featureWeights?: FeatureBaselineWeights;
  /** Other feature-MLP weights than the shipped ones. */
  mlpWeights?: FeatureMlpWeights;
}

/** Per-beat AAMI EC57 classes of a record. */
export interface BeatClassification {
  method: BeatClassMethod;
  /** Class order of every probability row. */
  classes: readonly BeatClass[];
  /** The beats classified (sample indices, as given). */
  samples: Int32Array;
  /** Most probable class per beat. */
  labels: BeatClass[];
  /** n × 5 probabilities, rows summing to 1, in the order of `classes`. */
  probabilities: Float32Array;
  /** Beats per class. */
  counts: Record<BeatClass, number>;
  /** Names of the leads the classifier looked at (one lead is given twice on one-lead records). */
  leadsUsed: string[];
  /** Why a result is limited (too few beats for RR context, ...); empty when nothing to say. */
  notes: string[];
}

/**
 * Classifies beats into the AAMI EC57 classes N, S, V, F, Q with a probability per class, from the
 * beat's morphology on two leads, its RR context and its difference from the patient's dominant
 * beat. Beat positions are sample indices (strictly increasing), e.g. from a QRS detector or a
 * reference annotation. Zero beats give an empty result with a note.
 *
 * Throws SinusError BAD_ARGUMENT for unusable positions or a 'cnn' call without a runner.
 *
 * @example
 * const res = await classifyBeats(record, beats, { method: 'mlp' }); // no runner needed
 * const cnn = await classifyBeats(record, beats, { method: 'cnn', runner: nodeModelRunner() });
 * console.log(res.counts.V, res.labels[10], res.probabilities.subarray(50, 55));
 */
export async function classifyBeats(record: EcgRecord, beatSamples: ArrayLike<number>, options: ClassifyBeatsOptions): Promise<BeatClassification> {
  const { method } = options;
  if (!BEAT_CLASS_METHODS.includes(method)) throw new SinusError('BAD_ARGUMENT', `unknown classification method "${String(method)}" (${BEAT_CLASS_METHODS.join(', ')})`);
  if (method === 'cnn' && !options.runner && !(options.model && typeof options.model === 'object' && 'run' in options.model)) {
    throw new SinusError('BAD_ARGUMENT', "method 'cnn' needs a runner (nodeModelRunner() or webModelRunner()) or a loaded model");
  }
  const n = beatSamples.length;
  const inputs = beatClassInputs(record, beatSamples);
  const notes: string[] = [];
  if (n === 0) notes.push('no beats to classify');
  else if (n < 12) notes.push(`only ${n} beats: the RR context and the dominant beat rest on few beats, classes are less reliable`);
  let probabilities: Float32Array;
  if (n === 0) probabilities = new Float32Array(0);
  else if (method === 'mlp') {
    const context = sinusContextFeatures(beatSamples, record.fs, inputs.waves);
    probabilities = featureMlpProbabilities(inputs.features, context, n, options.mlpWeights ?? FEATURE_MLP_WEIGHTS);
  } else if (method === 'features') {
    probabilities = featureBaselineProbabilities(inputs.features, n, options.featureWeights ?? FEATURE_BASELINE_WEIGHTS);
  } else {
    const m = options.model;
    const model = m && typeof m === 'object' && 'run' in m ? m : await beatCnnModel(options.runner!, m as Uint8Array | string | undefined);
    probabilities = await beatCnnProbabilities(model, inputs);
  }
  const K = BEAT_CLASSES.length;
  const labels: BeatClass[] = new Array(n);
  const counts = { N: 0, S: 0, V: 0, F: 0, Q: 0 } as Record<BeatClass, number>;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < K; c++) if (probabilities[i * K + c] > probabilities[i * K + best]) best = c;
    labels[i] = BEAT_CLASSES[best];
    counts[labels[i]]++;
  }
  return {
    method,
    classes: BEAT_CLASSES,
    samples: Int32Array.from(beatSamples),
    labels,
    probabilities,
    counts,
    leadsUsed: inputs.leadIndices.map((i) => record.leads[i].name),
    notes,
  };
}
