import { test } from 'node:test';
import assert from 'node:assert/strict';
import { featureMlpProbabilities } from './featureMlp.js';
import { FEATURE_MLP_WEIGHTS } from './weights/featureMlpWeights.js';
import { FEATURE_COUNT, MORPHOLOGY_FEATURE_NAMES, RR_FEATURE_NAMES } from './features/layout.js';
import { SINUS_CONTEXT_FEATURE_NAMES } from './features/sinusContextFeatures.js';
import { RECORD_STD_FEATURE_NAMES } from './features/recordStandardisedFeatures.js';

const F = FEATURE_COUNT;
const C = SINUS_CONTEXT_FEATURE_NAMES.length;
const mK = MORPHOLOGY_FEATURE_NAMES.length;
const iCorr = RR_FEATURE_NAMES.length + MORPHOLOGY_FEATURE_NAMES.indexOf('corrQrs');
const iWidth = RR_FEATURE_NAMES.length + MORPHOLOGY_FEATURE_NAMES.indexOf('logWidthRatio');
const iPre = SINUS_CONTEXT_FEATURE_NAMES.indexOf('logPreOverSinusP90');
const iPost = SINUS_CONTEXT_FEATURE_NAMES.indexOf('logPostOverSinusP75');

/** One beat at the training means, with the given timing and QRS correlation (both leads) and the dominant beat's QRS width. */
function beat(preOverSinus: number, postOverSinus: number, qrsCorr: number) {
  const features = Float32Array.from(FEATURE_MLP_WEIGHTS.mean.slice(0, F));
  const context = Float32Array.from(FEATURE_MLP_WEIGHTS.mean.slice(F, F + C));
  features[iCorr] = qrsCorr;
  features[iCorr + mK] = qrsCorr;
  features[iWidth] = 0;
  features[iWidth + mK] = 0;
  context[iPre] = Math.log(preOverSinus);
  context[iPost] = Math.log(postOverSinus);
  return { features, context };
}

/** The DS1-CV choice of round 4 (not shipped: the shipped weights have the gate off, see the model card). */
const GATE = { ...FEATURE_MLP_WEIGHTS.vGate, up: 2, down: 8 };

/** log(p(V) / p(N)) with the V gate GATE minus the same without it: the gate's shift of the V logit. */
function vShift(preOverSinus: number, postOverSinus: number, qrsCorr: number): number {
  const { features, context } = beat(preOverSinus, postOverSinus, qrsCorr);
  const on = featureMlpProbabilities(features, context, 1, { ...FEATURE_MLP_WEIGHTS, vGate: GATE });
  const off = featureMlpProbabilities(features, context, 1, { ...FEATURE_MLP_WEIGHTS, vGate: { ...FEATURE_MLP_WEIGHTS.vGate, up: 0, down: 0 } });
  return Math.log(on[2] / on[0]) - Math.log(off[2] / off[0]);
}

test('V gate: lowers V on beats that are neither early nor followed by a pause, raises it on early beats with a different QRS', () => {
  const g = GATE;
  // Float32 probabilities: the log ratio is exact to ~1e-3 as long as p(V) is not denormal.
  assert.ok(Math.abs(vShift(1.0, 1.0, 0.2) + g.down) < 1e-3, 'on time, different QRS');
  assert.ok(Math.abs(vShift(1.0, 1.0, 0.99) + g.down) < 1e-3, 'on time, dominant-like QRS');
  assert.ok(Math.abs(vShift(0.6, 1.0, 0.2) - g.up) < 1e-3, 'premature, different QRS');
  assert.ok(Math.abs(vShift(1.0, 1.5, 0.2) - g.up) < 1e-3, 'followed by a pause, different QRS');
  assert.ok(Math.abs(vShift(0.6, 1.0, 0.99)) < 1e-3, 'premature, dominant-like QRS: unchanged');
});

test('record-standardised inputs: zero weights on them reproduce the plain model; a layout mismatch throws', () => {
  const R = RECORD_STD_FEATURE_NAMES.length;
  const n = 20;
  const features = new Float32Array(n * F);
  const context = new Float32Array(n * C);
  for (let i = 0; i < n; i++) {
    const b = beat(0.7 + 0.03 * i, 1.0 + 0.02 * i, 0.5 + 0.025 * i);
    features.set(b.features, i * F);
    context.set(b.context, i * C);
  }
  const padded = {
    ...FEATURE_MLP_WEIGHTS,
    recordStandardised: true,
    mean: [...FEATURE_MLP_WEIGHTS.mean, ...new Array(R).fill(0)],
    std: [...FEATURE_MLP_WEIGHTS.std, ...new Array(R).fill(1)],
    members: FEATURE_MLP_WEIGHTS.members.map(([first, ...rest]) => [{ weight: first.weight.map((row) => [...row, ...new Array(R).fill(0)]), bias: first.bias }, ...rest]),
  };
  const plain = featureMlpProbabilities(features, context, n, FEATURE_MLP_WEIGHTS);
  const withStd = featureMlpProbabilities(features, context, n, padded);
  for (let k = 0; k < plain.length; k++) assert.ok(Math.abs(plain[k] - withStd[k]) < 1e-6, `output ${k}`);
  // Non-zero weights on them change the output: the record-standardised inputs do reach the nets.
  const used = { ...padded, members: FEATURE_MLP_WEIGHTS.members.map(([first, ...rest]) => [{ weight: first.weight.map((row) => [...row, ...new Array(R).fill(1)]), bias: first.bias }, ...rest]) };
  const withUsed = featureMlpProbabilities(features, context, n, used);
  assert.ok(plain.some((v, k) => Math.abs(v - withUsed[k]) > 1e-3), 'record-standardised inputs have no effect');
  assert.throws(() => featureMlpProbabilities(features, context, n, { ...FEATURE_MLP_WEIGHTS, recordStandardised: true }), /input version/);
});
