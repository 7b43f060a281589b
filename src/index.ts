/**
 * sinus-ecg: the browser-safe public API. Node-only helpers (file system, native ONNX) are in
 * `sinus-ecg/node`.
 */
export * from './errors.js';
export * from './record/types.js';
export * from './record/leadNames.js';
export * from './record/deriveLeads.js';
export * from './record/sliceRecord.js';
export * from './io/index.js';
export * from './dsp/index.js';
export * from './beats/index.js';
export * from './waves/index.js';
export * from './measure/index.js';
export * from './quality/index.js';
export * from './classify/index.js';
export * from './render/index.js';
export * from './eval/index.js';
export * from './analyze.js';
export { SINUS_VERSION, ANALYSIS_SCHEMA_VERSION } from './version.js';
export {
  reconstructTwelveLeads, applyLeadTransform, LeadTransformFit, korsVcg, spatialQrsTAngle, medianBeatQrsTAngle, STANDARD_TWELVE_LEADS, SHIPPED_LEAD_TRANSFORMS,
  type LeadTransform, type FitLeadTransformOptions, type ReconstructOptions, type Reconstruction, type Vectorcardiogram, type SpatialQrsTAngle,
} from './reconstruct/index.js';
export {
  synthesizeEcg, SYNTH_RHYTHMS, MORPHOLOGY_PRESETS, fitBeatMorphology, dowerTwelveLeads, DOWER_MATRIX, DOWER_LEADS,
  type SynthOptions, type SynthNoise, type SyntheticEcg, type SynthBeatTruth, type SynthRhythm, type BeatMorphology, type WaveKernel, type MorphologyBoundariesMs,
} from './synth/index.js';
export { interpretEcg } from './interpret/interpretEcg.js';
export { CATALOGUE, CATALOGUE_VERSION, catalogueEntry, statementText, type CatalogueEntry } from './interpret/catalogue.js';
export { deviceStatement, deviceAgreement } from './interpret/deviceStatements.js';
export { patientFromMetadata, deviceStatementsFromMetadata, type InterpretInput, type PatientData } from './interpret/interpretInput.js';
export type { Interpretation, Statement, StatementEvidence, RhythmStatement, RhythmOpinion, UndeterminedStatement, SummaryClass, DeviceStatement, DeviceAgreement, StatementCategory, StatementLanguage, StatementQualifier } from './interpret/types.js';
export { buildReport, HOLTER_MIN_DURATION_S } from './report/buildReport.js';
export { reportText } from './report/reportText.js';
export { reportHtml } from './report/reportHtml.js';
export { rateTrendSvg } from './report/rateTrendSvg.js';
export { analysisSections, type AnalysisSections } from './report/analysisSections.js';
export type { ClinicalReport, HolterReport, ReportMeasurementRow, ReportStatement } from './report/types.js';
export { askEcg, type AskOptions } from './ask/askEcg.js';
export { parseQuestion } from './ask/parseQuestion.js';
export { catalogueQuestionLexicon } from './ask/catalogueQuestionLexicon.js';
export { guardQuestion, MAX_QUESTION_CHARS } from './ask/guardQuestion.js';
export type { Answer, AnswerEvidence, QuestionIntent, QuestionType, AttributeType } from './ask/types.js';
export { featureVector, FEATURE_EMBEDDING_KIND, FEATURE_VECTOR_LENGTH, EMBEDDING_LEADS, STATEMENT_SLOTS } from './similar/featureVector.js';
export { exactNeighbours, TopK, distance2 } from './similar/exactNeighbours.js';
export type { Neighbour } from './similar/exactNeighbours.js';
export { buildIvfIndex, searchIvfIndex } from './similar/ivfIndex.js';
export type { IvfIndex, IvfOptions } from './similar/ivfIndex.js';
export { parseStoreQuery } from './similar/parseStoreQuery.js';
export type { StoreQuery, MeasurementFilter } from './similar/parseStoreQuery.js';
export { recordStatements } from './similar/recordStatements.js';
export { precisionAtK, averagePrecision, ndcgAtK, jaccard } from './similar/retrievalScores.js';
