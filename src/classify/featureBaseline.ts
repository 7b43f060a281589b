import { SinusError } from '../errors.js';
import { BEAT_CLASSES, BEAT_INPUT_VERSION, FEATURE_COUNT } from './features/layout.js';

/** Weights of the feature baseline (multinomial logistic regression on standardised features). */
export interface FeatureBaselineWeights {
  inputVersion: number;
  classes: readonly string[];
  featureNames: readonly string[];
  mean: readonly number[];
  std: readonly number[];
  /** classes × features. */
  weights: readonly (readonly number[])[];
  bias: readonly number[];
}

/**
 * Class probabilities (n × 5, order N, S, V, F, Q) of the feature baseline for n beats' feature rows.
 * Throws SinusError BAD_ARGUMENT when the weights were trained on another input layout.
 *
 * @example
 * const p = featureBaselineProbabilities(inputs.features, inputs.count, FEATURE_BASELINE_WEIGHTS);
 */
export function featureBaselineProbabilities(features: Float32Array, n: number, model: FeatureBaselineWeights): Float32Array {
  const K = BEAT_CLASSES.length;
  const F = FEATURE_COUNT;
  if (model.inputVersion !== BEAT_INPUT_VERSION || model.mean.length !== F || model.weights.length !== K) {
    throw new SinusError('BAD_ARGUMENT', `feature baseline weights are for input version ${model.inputVersion} with ${model.mean.length} features; this build makes version ${BEAT_INPUT_VERSION} with ${F}`);
  }
  // Fold standardisation into the weights once: w'·x + b' = w·((x - mean) / std) + b.
  const w = new Float64Array(K * F);
  const b = new Float64Array(K);
  for (let c = 0; c < K; c++) {
    let bias = model.bias[c];
    for (let j = 0; j < F; j++) {
      const wj = model.weights[c][j] / model.std[j];
      w[c * F + j] = wj;
      bias -= wj * model.mean[j];
    }
    b[c] = bias;
  }
  const out = new Float32Array(n * K);
  const z = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    const o = i * F;
    let max = -Infinity;
    for (let c = 0; c < K; c++) {
      let s = b[c];
      for (let j = 0; j < F; j++) s += w[c * F + j] * features[o + j];
      z[c] = s;
      if (s > max) max = s;
    }
    let sum = 0;
    for (let c = 0; c < K; c++) { z[c] = Math.exp(z[c] - max); sum += z[c]; }
    for (let c = 0; c < K; c++) out[i * K + c] = z[c] / sum;
  }
  return out;
}
