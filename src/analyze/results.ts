import type { BeatDetection } from '../beats/types.js';
import type { BeatClassification } from '../classify/classifyBeats.js';
import type { AfEpisodeOpinion } from '../classify/rhythm/afStripOpinion.js';
import type { RhythmAnalysis } from '../classify/rhythm/types.js';
import type { StripRhythm } from '../classify/strip/classifyStrip.js';
import type { Interpretation } from '../interpret/types.js';
import type { EcgMeasurements } from '../measure/measureEcg.js';
import type { HeartRateVariability } from '../measure/hrv/heartRateVariability.js';
import type { BeatsWithConfidence } from '../beats/beatsWithConfidence.js';
import type { QualityReport } from '../quality/types.js';
import type { MedianBeat } from '../waves/recordMedianBeat.js';
import type { Delineation } from '../waves/types.js';
import type { JsonOf, JsonValue } from './jsonOf.js';

/**
 * The beats stage's result: the detection with a confidence per beat (lower in signal the quality stage
 * judged unusable), less detections on calibration pulses, in flat signal, or in a strip without usable signal.
 */
export type BeatsResult = BeatsWithConfidence;

/** The hrv stage's result, with a caveat when the rhythm it was measured over is not sinus. */
export interface HrvResult extends HeartRateVariability {
  /** Why these figures are not sinus-node variability (AF, flutter, pacing, a P-less rhythm); null when sinus. */
  rhythmCaveat: string | null;
}

/** The rhythm stage's result; `afOpinions` only when the strip models gave their second opinion on AF episodes. */
export interface RhythmResult extends RhythmAnalysis {
  afOpinions?: AfEpisodeOpinion[];
}

/**
 * What each built-in stage produces, as typed values (typed arrays and all), by stage name. The
 * Analysis holds their JSON forms ({@link AnalysisResults}); a stage a caller adds reads these values.
 */
export interface PipelineValues {
  /** Per-lead and record signal quality (src/quality `assessQuality`). */
  quality: QualityReport;
  /** QRS fiducials fused over leads (src/beats `detectBeats`), beats in unusable signal left out. */
  beats: BeatsResult;
  /** AAMI beat classes with probabilities (src/classify `classifyBeats`). */
  beatClasses: BeatClassification;
  /** P/QRS/T boundaries of every beat in every lead and the fused global ones (src/waves `delineateBeats`). */
  waves: Delineation;
  /** The record's median beat per lead and its delineation (src/waves `recordMedianBeat`). */
  medianBeat: MedianBeat;
  /** Median-beat intervals, QTc, axes, amplitudes, voltages (src/measure `measureEcg`). */
  measurements: EcgMeasurements;
  /** Rhythm episodes, events and Holter counts (src/classify `analyzeRhythm`). */
  rhythm: RhythmResult;
  /** Record-level label of a short strip (src/classify `classifyStrip`). */
  stripRhythm: StripRhythm;
  /** Heart-rate variability from NN intervals (src/measure `heartRateVariability`). */
  hrv: HrvResult;
  /** Diagnostic statements with their evidence (src/interpret; null until that stage is in the pipeline). */
  interpretation: Interpretation;
}

/** Names of the built-in stages' sections. */
export type StageName = keyof PipelineValues;

/** JSON form of the beats section. */
export type BeatsJson = JsonOf<BeatsResult>;
/** JSON form of the quality section. */
export type QualityJson = JsonOf<QualityReport>;
/** JSON form of the beatClasses section. */
export type BeatClassesJson = JsonOf<BeatClassification>;
/** JSON form of the waves section. */
export type WavesJson = JsonOf<Delineation>;
/** JSON form of the medianBeat section. */
export type MedianBeatJson = JsonOf<MedianBeat>;
/** JSON form of the measurements section. */
export type MeasurementsJson = JsonOf<EcgMeasurements>;
/** JSON form of the rhythm section. */
export type RhythmJson = JsonOf<RhythmResult>;
/** JSON form of the stripRhythm section. */
export type StripRhythmJson = JsonOf<StripRhythm>;
/** JSON form of the hrv section. */
export type HrvJson = JsonOf<HrvResult>;
/** JSON form of the interpretation section. */
export type InterpretationJson = JsonOf<Interpretation>;

/**
 * `Analysis.results`: each built-in stage's section in its JSON form, or null when the stage gave
 * nothing (its entry in `Analysis.stages` says why), and the sections of stages the caller added.
 */
export interface AnalysisResults {
  quality: QualityJson | null;
  beats: BeatsJson | null;
  beatClasses: BeatClassesJson | null;
  waves: WavesJson | null;
  medianBeat: MedianBeatJson | null;
  measurements: MeasurementsJson | null;
  rhythm: RhythmJson | null;
  stripRhythm: StripRhythmJson | null;
  hrv: HrvJson | null;
  interpretation: InterpretationJson | null;
  /** Sections of the stages given in `AnalyzeOptions.stages`, by stage name; null when that stage gave nothing. */
  extra: { [stage: string]: JsonValue };
}

/**
 * `Analysis.results` with each section as its stage's own type: what the JSON Schema is generated
 * from (typed arrays are written as JSON arrays, see {@link JsonOf}).
 */
export type AnalysisSections = { [K in StageName]: PipelineValues[K] | null } & {
  /** Sections of the stages given in `AnalyzeOptions.stages`, by stage name; null when that stage gave nothing. */
  extra: { [stage: string]: JsonValue };
};
