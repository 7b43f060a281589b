import { STRIP_RHYTHM_CNN_MODEL, STRIP_RHYTHM_MODEL } from '../classify/strip/classifyStrip.js';
import type { BeatClassification } from '../classify/classifyBeats.js';
import type { StripRhythm } from '../classify/strip/classifyStrip.js';
import type { ModelInfo } from './stage.js';
import { MODEL_SHA256 } from './modelDigests.js';
import type { RhythmResult } from './results.js';

type Model = Omit<ModelInfo, 'stage'>;

/** A model as an Analysis lists it: its name and the SHA-256 of its weights (src/analyze/modelDigests.ts). */
const model = (name: string): Model => ({ name, version: null, sha256: MODEL_SHA256[name] ?? null });

/** The strip rhythm models as listed in an Analysis: the feature model, and the waveform CNN when it was used. */
function stripModels(withWaveformModel: boolean): Model[] {
  const info = (file: string): Model => model(`models/${file}`);
  return withWaveformModel ? [info(STRIP_RHYTHM_MODEL), info(STRIP_RHYTHM_CNN_MODEL)] : [info(STRIP_RHYTHM_MODEL)];
}

/**
 * The model the beatClasses stage used, by its method.
 *
 * @example beatClassModels(await classifyBeats(record, beats, { method: 'mlp' }))[0].name
 */
export function beatClassModels(r: BeatClassification): Model[] {
  const name = r.method === 'cnn' ? 'models/beat-classes.onnx'
    : r.method === 'mlp' ? 'beat-class feature MLP (models/beat-classes-mlp.json)'
      : 'beat-class feature baseline (logistic regression)';
  return [model(name)];
}

/**
 * The strip models the rhythm stage used for its second opinion on AF episodes; none without it.
 *
 * @example rhythmModels(analyzeRhythm(input)) // []
 */
export function rhythmModels(r: RhythmResult): Model[] {
  return r.afOpinions && r.afOpinions.length > 0 ? stripModels(true) : [];
}

/**
 * The strip models the stripRhythm stage used; none for the rule baseline.
 *
 * @example stripRhythmModels(classifyStrip(record)) // [] (rules)
 */
export function stripRhythmModels(r: StripRhythm): Model[] {
  return r.method === 'model' ? stripModels(r.usedWaveformModel) : [];
}

/**
 * The certainty models the interpretation stage used (every statement's certainty comes from them).
 *
 * @example interpretationModels()[0].name // 'statement certainty (models/interpretation-certainty.json)'
 */
export function interpretationModels(): Model[] {
  return [model('statement certainty (models/interpretation-certainty.json)')];
}
