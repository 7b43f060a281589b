/** Public API of the classify stage. */
// beat classes + ONNX runner (beatcls)
export { loadModel, runModel, tensorSize } from './onnx/modelRunner.js';
export type { LoadedModel, ModelRunner, ModelTensor } from './onnx/modelRunner.js';
export { webModelRunner } from './onnx/onnxRunner.web.js';
export type { WebRunnerOptions } from './onnx/onnxRunner.web.js';
export { classifyBeats, BEAT_CLASS_METHODS } from './classifyBeats.js';
export type { BeatClassification, BeatClassMethod, ClassifyBeatsOptions } from './classifyBeats.js';
export { featureMlpProbabilities } from './featureMlp.js';
export type { DenseLayer, FeatureMlpWeights } from './featureMlp.js';
export { FEATURE_MLP_WEIGHTS } from './weights/featureMlpWeights.js';
export { sinusContextFeatures, SINUS_CONTEXT_FEATURE_NAMES, SINUS_CONTEXT_VERSION } from './features/sinusContextFeatures.js';
export { beatCnnModel, beatCnnProbabilities, BEAT_CNN_MODEL } from './beatCnn.js';
export { featureBaselineProbabilities } from './featureBaseline.js';
export type { FeatureBaselineWeights } from './featureBaseline.js';
export { FEATURE_BASELINE_WEIGHTS } from './weights/featureBaselineWeights.js';
export { beatClassInputs } from './features/beatClassInputs.js';
export type { BeatClassInputs } from './features/beatClassInputs.js';
export { rrFeatures } from './features/rrFeatures.js';
export { chooseLeads } from './features/chooseLeads.js';
export { BEAT_CLASSES, BEAT_INPUT_VERSION, RR_FEATURE_NAMES, MORPHOLOGY_FEATURE_NAMES } from './features/layout.js';
export type { BeatClass } from './features/layout.js';
export { referenceBeats as referenceBeatClasses } from './referenceBeats.js';
export type { ReferenceBeats as ReferenceBeatClasses } from './referenceBeats.js';
// end beatcls

// rhythm
export { analyzeRhythm, PAUSE_S } from './rhythm/analyzeRhythm.js';
export { analyzeRhythmWithStripOpinion, reviewAfWithStripOpinion, afEpisodeOpinions, AF_VETO_BELOW } from './rhythm/afStripOpinion.js';
export type { AfEpisodeOpinion, StripOpinionModels } from './rhythm/afStripOpinion.js';
export type { HolterSummary, RhythmAnalysis, RhythmEpisode, RhythmInput, RhythmLabel, UnreadableSpan } from './rhythm/types.js';
export { EVENT_LABELS } from './rhythm/types.js';
export { classifyStrip, stripNotDeterminable, ruleLabel as stripRuleLabel, STRIP_RHYTHM_MODEL, STRIP_RHYTHM_CNN_MODEL, STRIP_CNN_WEIGHT, MIN_STRIP_S, MAX_STRIP_S } from './strip/classifyStrip.js';
export { stripWaveformInput, WAVEFORM_FS_HZ } from './strip/stripWaveformInput.js';
export type { ClassifyStripOptions, StripLabel, StripRhythm } from './strip/classifyStrip.js';
export { stripFeatures, STRIP_FEATURE_COUNT, STRIP_SCALAR_FEATURES } from './strip/stripFeatures.js';
// rhythm on short and paced records (issue 20)
export { pacedBeats } from './rhythm/pacedBeats.js';
export { recordAtrialEvidence } from './rhythm/recordAtrialEvidence.js';
export { paintShortRecordAtrialVerdict, paintPacedRuns, SHORT_RECORD_S, P_ABSENT_BELOW, AF_MIN_IRREGULARITY } from './rhythm/shortRecordAtrialVerdict.js';
export { ventricularRunsUnderNoise } from './rhythm/ventricularRunsUnderNoise.js';
export { hrvRhythmCaveat } from './rhythm/hrvRhythmCaveat.js';
export { flutterConduction } from './rhythm/flutterEpisodes.js';
export type { AtrialEvidence, PacingFinding, PacingMode } from './rhythm/types.js';
export type { StripModelLabel } from './strip/classifyStrip.js';
