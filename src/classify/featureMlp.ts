import { SinusError } from '../errors.js';
import { BEAT_CLASSES, BEAT_INPUT_VERSION, FEATURE_COUNT, MORPHOLOGY_FEATURE_NAMES, RR_FEATURE_NAMES } from './features/layout.js';
import { SINUS_CONTEXT_FEATURE_NAMES, SINUS_CONTEXT_VERSION } from './features/sinusContextFeatures.js';
import { RECORD_STD_FEATURE_NAMES, recordStandardisedFeatures } from './features/recordStandardisedFeatures.js';

/** One dense layer: weight is outputs × inputs. */
export interface DenseLayer {
  weight: readonly (readonly number[])[];
  bias: readonly number[];
}

/**
 * Weights of the feature MLP: an average of small ReLU nets on standardised, clipped features, with
 * an SVEB gate on the S logit.
 */
export interface FeatureMlpWeights {
  inputVersion: number;
  contextVersion: number;
  classes: readonly string[];
  featureNames: readonly string[];
  mean: readonly number[];
  std: readonly number[];
  /** Standardised features are clipped to ±clip (as in training), so one wild value cannot dominate. */
  clip: number;
  /** Added to the S logit: the SVEB decision point chosen on DS1 patient-wise cross-validation. */
  sLogitOffset: number;
  /**
   * SVEB gate: where a beat is premature against the patient's sinus cycle (pre-RR / sinus cycle, the 90th
   * percentile of nearby sinus-like RR intervals, below `maxPreOverSinus`), its QRS is like the dominant beat's (first-lead correlation at least
   * `minQrsCorr`) and the rhythm around it is not atrial fibrillation (the RR intervals around the beat, its own premature/pause pair left out,
   * have a 35th-percentile successive difference below `maxRrSuccessiveDiffP35` of the interval, or repeat with a lag of 1-3 intervals within
   * `maxRrMinLagDiff`: bigeminy/trigeminy), the S logit is raised by `shift`; elsewhere it is lowered by `shift`.
   */
  sGate: { maxPreOverSinus: number; minQrsCorr: number; maxRrSuccessiveDiffP35: number; maxRrMinLagDiff: number; shift: number };
  /**
   * VEB gate (round 4): a beat is "on time" for a ventricular ectopic beat when it is premature (pre-RR / sinus
   * cycle P90 below `maxPreOverSinus`) or followed by a pause (post-RR / sinus cycle P75 above `minPostOverSinus`).
   * Elsewhere the V logit is lowered by `down`; where it is on time and its QRS is clearly unlike the dominant beat's
   * (lower QRS correlation of the two leads below `maxQrsCorr`, or the larger QRS width ratio above `minWidthRatio`),
   * the V logit is raised by `up`. The shipped weights have up = down = 0 (gate off; see models/beat-classes.md, round 4).
   */
  vGate: { maxPreOverSinus: number; minPostOverSinus: number; maxQrsCorr: number; minWidthRatio: number; up: number; down: number };
  /**
   * Round 5: when true, the inputs end with the per-record robust z-scores of {@link recordStandardisedFeatures},
   * computed over the n beats passed in (absent or false: round 3's inputs).
   */
  recordStandardised?: boolean;
  /** Ensemble members, each a list of dense layers (ReLU between them); their logits are averaged. */
  members: readonly (readonly DenseLayer[])[];
}

/**
 * Class probabilities (n × 5, order N, S, V, F, Q) of the feature MLP for n beats, from the beat
 * features of {@link beatClassInputs} (n × FEATURE_COUNT) and the {@link sinusContextFeatures}
 * (n × SINUS_CONTEXT_FEATURE_NAMES.length). Throws SinusError BAD_ARGUMENT when the weights were trained on another input layout.
 *
 * @example
 * const inputs = beatClassInputs(record, beats);
 * const ctx = sinusContextFeatures(beats, record.fs, inputs.waves);
 * const p = featureMlpProbabilities(inputs.features, ctx, inputs.count, FEATURE_MLP_WEIGHTS);
 */
export function featureMlpProbabilities(features: Float32Array, context: Float32Array, n: number, model: FeatureMlpWeights): Float32Array {
  const K = BEAT_CLASSES.length;
  const F = FEATURE_COUNT;
  const C = SINUS_CONTEXT_FEATURE_NAMES.length;
  const R = model.recordStandardised ? RECORD_STD_FEATURE_NAMES.length : 0;
  const D = F + C + R;
  if (model.inputVersion !== BEAT_INPUT_VERSION || model.contextVersion !== SINUS_CONTEXT_VERSION || model.mean.length !== D) {
    throw new SinusError('BAD_ARGUMENT', `feature MLP weights are for input version ${model.inputVersion}/${model.contextVersion} with ${model.mean.length} features; this build makes ${BEAT_INPUT_VERSION}/${SINUS_CONTEXT_VERSION} with ${D}`);
  }
  if (features.length < n * F || context.length < n * C) throw new SinusError('BAD_ARGUMENT', `feature arrays are shorter than ${n} beats`);
  // Patient-relative morphology: each beat against the spread of the beats given (the record).
  const recordStd = R ? recordStandardisedFeatures(features, n) : new Float32Array(0);
  const members = model.members.map((layers) => layers.map((l) => ({ out: l.bias.length, inp: l.weight[0].length, w: Float64Array.from(l.weight.flat()), b: Float64Array.from(l.bias) })));
  const width = Math.max(D, ...members.flatMap((m) => m.map((l) => l.out)));
  const x = new Float64Array(D);
  let a = new Float64Array(width);
  let b = new Float64Array(width);
  const logits = new Float64Array(K);
  const out = new Float32Array(n * K);
  const clip = model.clip;
  const gate = model.sGate;
  const iCorr = RR_FEATURE_NAMES.length; // first lead's corrQrs
  const iPre = SINUS_CONTEXT_FEATURE_NAMES.indexOf('logPreOverSinusP90');
  const iIrr = SINUS_CONTEXT_FEATURE_NAMES.indexOf('rrSuccessiveDiffP35Around');
  const iLag = SINUS_CONTEXT_FEATURE_NAMES.indexOf('rrMinLagDiffAround');
  const logMaxPre = Math.log(gate.maxPreOverSinus);
  const vGate = model.vGate;
  const mK = MORPHOLOGY_FEATURE_NAMES.length;
  const iCorr1 = iCorr + mK; // second lead's corrQrs
  const iWidth0 = RR_FEATURE_NAMES.length + MORPHOLOGY_FEATURE_NAMES.indexOf('logWidthRatio');
  const iWidth1 = iWidth0 + mK;
  const iPost = SINUS_CONTEXT_FEATURE_NAMES.indexOf('logPostOverSinusP75');
  const vLogMaxPre = Math.log(vGate.maxPreOverSinus);
  const vLogMinPost = Math.log(vGate.minPostOverSinus);
  const vLogMinWidth = Math.log(vGate.minWidthRatio);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < F; j++) x[j] = features[i * F + j];
    for (let j = 0; j < C; j++) x[F + j] = context[i * C + j];
    for (let j = 0; j < R; j++) x[F + C + j] = recordStd[i * R + j];
    for (let j = 0; j < D; j++) {
      const z = (x[j] - model.mean[j]) / model.std[j];
      x[j] = z > clip ? clip : z < -clip ? -clip : Number.isFinite(z) ? z : 0;
    }
    logits.fill(0);
    for (const layers of members) {
      a.set(x);
      for (let li = 0; li < layers.length; li++) {
        const l = layers[li];
        const last = li === layers.length - 1;
        for (let o = 0; o < l.out; o++) {
          let s = l.b[o];
          const wo = o * l.inp;
          for (let j = 0; j < l.inp; j++) s += l.w[wo + j] * a[j];
          b[o] = last || s > 0 ? s : 0;
        }
        const t = a; a = b; b = t;
      }
      for (let c = 0; c < K; c++) logits[c] += a[c] / members.length;
    }
    // Not AF: regular surrounding intervals, or ones that repeat with a short lag (bigeminy, trigeminy).
    const notAf = context[i * C + iIrr] < gate.maxRrSuccessiveDiffP35 || context[i * C + iLag] < gate.maxRrMinLagDiff;
    const open = context[i * C + iPre] < logMaxPre && features[i * F + iCorr] >= gate.minQrsCorr && notAf;
    logits[1] += model.sLogitOffset + (open ? gate.shift : -gate.shift);
    // A PVC comes early or leaves a pause: on-time beats that only look different are mostly noise (DS1 108, 230).
    const onTime = context[i * C + iPre] < vLogMaxPre || context[i * C + iPost] > vLogMinPost;
    const different = Math.min(features[i * F + iCorr], features[i * F + iCorr1]) < vGate.maxQrsCorr
      || Math.max(features[i * F + iWidth0], features[i * F + iWidth1]) > vLogMinWidth;
    logits[2] += !onTime ? -vGate.down : different ? vGate.up : 0;
    let max = -Infinity;
    for (let c = 0; c < K; c++) if (logits[c] > max) max = logits[c];
    let sum = 0;
    for (let c = 0; c < K; c++) { logits[c] = Math.exp(logits[c] - max); sum += logits[c]; }
    for (let c = 0; c < K; c++) out[i * K + c] = logits[c] / sum;
  }
  return out;
}
