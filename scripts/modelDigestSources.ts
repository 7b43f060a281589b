// What each model name an Analysis uses is digested from: a file path (ONNX) or the weights object in the code.
import { FEATURE_MLP_WEIGHTS } from '../src/classify/weights/featureMlpWeights.js';
import { FEATURE_BASELINE_WEIGHTS } from '../src/classify/weights/featureBaselineWeights.js';
import { CERTAINTY_MODELS } from '../src/interpret/certaintyModel.js';

export function modelDigestSources(): Record<string, string | { weights: unknown }> {
  return {
    'models/beat-classes.onnx': 'models/beat-classes.onnx',
    'models/strip-rhythm.onnx': 'models/strip-rhythm.onnx',
    'models/strip-rhythm-cnn.onnx': 'models/strip-rhythm-cnn.onnx',
    'beat-class feature MLP (models/beat-classes-mlp.json)': { weights: FEATURE_MLP_WEIGHTS },
    'beat-class feature baseline (logistic regression)': { weights: FEATURE_BASELINE_WEIGHTS },
    'statement certainty (models/interpretation-certainty.json)': { weights: CERTAINTY_MODELS },
  };
}
