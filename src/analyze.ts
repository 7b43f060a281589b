/**
 * `analyze()`: one call from a record to an {@link Analysis}. The built-in pipeline is straight typed
 * code below, one line per stage: each stage's function gets the typed values of the stages before
 * it, and its JSON form becomes one section of `results`. A stage that is left out, fails, or needs
 * one that gave nothing leaves its section `null` and says why in `stages`, so the rest still arrives.
 * Stages a caller adds ({@link AnalysisStage}) run after the built-in ones, into `results.extra`.
 */
import { SinusError } from './errors.js';
import type { EcgRecord } from './record/types.js';
import { ANALYSIS_SCHEMA_VERSION, SINUS_VERSION } from './version.js';
import { detectBeats, detectBeatsInSignal } from './beats/index.js';
import { assessQuality, type QualityOptions } from './quality/index.js';
import { analyzeRhythm, classifyBeats, classifyStrip, MIN_STRIP_S, stripNotDeterminable } from './classify/index.js';
import { hrvRhythmCaveat } from './classify/rhythm/hrvRhythmCaveat.js';
import { hasUsableSignal } from './quality/index.js';
import { analyzeRhythmWithStripOpinion } from './classify/rhythm/afStripOpinion.js';
import type { BeatClassification } from './classify/classifyBeats.js';
import { delineateBeatsWithTemplate } from './waves/delineateBeats.js';
import { recordMedianBeat } from './waves/recordMedianBeat.js';
import { interpretEcg } from './interpret/interpretEcg.js';
import { interpretInputFromStages } from './interpret/interpretStage.js';
import { heartRateVariability, measureEcg } from './measure/index.js';
import { summarizeRecord, type RecordSummary } from './analyze/recordSummary.js';
import { StageNotApplicableError, type AnalysisStage, type ModelInfo } from './analyze/stage.js';
import { PipelineRun, type AnalyzeProgress, type Prepared, type StageReport } from './analyze/pipelineRun.js';
import type { AnalysisResults, AnalysisSections } from './analyze/results.js';
import type { StageOptions } from './analyze/stageOptions.js';
import { BUILT_IN_STAGES } from './analyze/builtInStages.js';
import { STRIP_MAX_S, usableBeats } from './analyze/usableBeats.js';
import { classesOutsideSpans, unclassifiedWhereUnreadable, unusableSpansOf } from './analyze/unusableSpans.js';
import { beatClassModels, interpretationModels, rhythmModels, stripRhythmModels } from './analyze/stageModels.js';

export { BUILT_IN_STAGES } from './analyze/builtInStages.js';
export { summarizeRecord, type RecordSummary } from './analyze/recordSummary.js';
export { StageNotApplicableError, StageUnavailableError, type AnalysisStage, type ModelInfo, type StageContext, type EarlierResults } from './analyze/stage.js';
export type { StageStatus, StageReport, AnalyzeProgress } from './analyze/pipelineRun.js';
export type { StageOptions } from './analyze/stageOptions.js';
export type {
  AnalysisResults, AnalysisSections, PipelineValues, StageName, BeatsResult, RhythmResult, BeatsJson, QualityJson, BeatClassesJson, WavesJson,
  MedianBeatJson, MeasurementsJson, RhythmJson, StripRhythmJson, HrvJson, InterpretationJson,
} from './analyze/results.js';
export { toJsonValue, type JsonValue, type JsonOf } from './analyze/toJsonValue.js';
export { usableBeats } from './analyze/usableBeats.js';
export { unusableSpansOf, classesOutsideSpans } from './analyze/unusableSpans.js';

/**
 * The layout of an Analysis around its results `R`: {@link Analysis} holds the sections' JSON
 * forms; {@link AnalysisDocument} (what the JSON Schema is generated from) their stages' own types.
 */
export interface AnalysisOf<R> {
  /**
   * Version of this layout (semver); a breaking change bumps the major version.
   * @pattern ^2\.[0-9]+\.[0-9]+$
   */
  schemaVersion: string;
  software: { name: 'sinus-ecg'; version: string };
  /**
   * ISO 8601 time the analysis was made.
   * @format date-time
   */
  createdAt: string;
  record: RecordSummary;
  /** One entry per pipeline stage, in run order (built-in stages first, then the added ones). */
  stages: StageReport[];
  /** Models used by any stage. */
  models: ModelInfo[];
  /** Wall time in milliseconds: the whole analysis and each stage. */
  timingsMs: { total: number; stages: Record<string, number> };
  /** Each stage's section; null when the stage gave nothing (see `stages` for why). */
  results: R;
}

/**
 * The result of {@link analyze}: plain JSON, described by `schema/analysis.schema.json` (generated
 * from these types by `npm run schema`). Each section of `results` is typed.
 *
 * @example
 * const a: Analysis = await analyze(record);
 * const qrsMs: number | null | undefined = a.results.measurements?.qrsDurationMs;
 */
export type Analysis = AnalysisOf<AnalysisResults>;

/**
 * The Analysis with each section as its stage's own type (typed arrays where the JSON has number
 * arrays): what the JSON Schema is generated from.
 *
 * @example const json: Analysis = toJsonValue(document as AnalysisDocument) as Analysis;
 */
export type AnalysisDocument = AnalysisOf<AnalysisSections>;

export interface AnalyzeOptions {
  /** Stages to run after the built-in ones (their sections go to `results.extra`). */
  stages?: AnalysisStage[];
  /** Run only these stages (their dependencies must be listed too; `measurements` brings `medianBeat` with it). */
  only?: string[];
  /** Leave these stages out (their sections say 'skipped'). */
  skip?: string[];
  /** Called between stages and when a stage reports progress. */
  onProgress?: (p: AnalyzeProgress) => void;
  /** Abort the analysis (throws the signal's reason between stages). */
  signal?: AbortSignal;
  /** Options passed to each stage by name. */
  stageOptions?: StageOptions;
}

const now: () => number = typeof performance !== 'undefined' ? () => performance.now() : () => Date.now();

function checkRecord(record: EcgRecord): void {
  if (!record || !Array.isArray(record.leads)) throw new SinusError('BAD_ARGUMENT', 'not an EcgRecord');
  if (!(record.fs > 0) || !Number.isFinite(record.fs)) throw new SinusError('BAD_SIGNAL', `sampling rate ${record.fs} Hz is not a positive number`);
  if (record.leads.length === 0) throw new SinusError('NOT_ENOUGH_DATA', 'the record has no leads');
  if (!(record.length > 0)) throw new SinusError('NOT_ENOUGH_DATA', 'the record has no samples');
  for (const l of record.leads) {
    if (l.samples.length !== record.length) throw new SinusError('BAD_SIGNAL', `lead ${l.name} has ${l.samples.length} samples, the record says ${record.length}`);
  }
}

/** Added stages: unique names that are not built-in ones, each after the stages it depends on. */
function checkAddedStages(stages: readonly AnalysisStage[]): void {
  const seen = new Set<string>(BUILT_IN_STAGES.map((s) => s.name));
  const reserved = new Set<string>([...seen, 'interpretation', 'extra']);
  for (const s of stages) {
    if (reserved.has(s.name)) throw new SinusError('BAD_ARGUMENT', `stage "${s.name}" is a built-in stage's name`);
    if (seen.has(s.name)) throw new SinusError('BAD_ARGUMENT', `stage "${s.name}" is listed twice`);
    for (const d of s.dependsOn) {
      if (!seen.has(d) && !stages.some((t) => t.name === d)) throw new SinusError('BAD_ARGUMENT', `stage "${s.name}" depends on unknown stage "${d}"`);
      if (!seen.has(d)) throw new SinusError('BAD_ARGUMENT', `stage "${s.name}" must come after "${d}", which it depends on`);
    }
    seen.add(s.name);
  }
}

/** The value computed ahead of its stage, or the error it threw (so that stage fails with it). */
function valueOf<T>(prepared: Prepared<T> | null): T {
  if (prepared === null || prepared.value === null) throw prepared?.error ?? new Error('not computed');
  return prepared.value;
}

/**
 * The beats quality judges each lead against. Default: the primary detector run on each lead (bSQI
 * compares it with quality's own detector), as before. With `useRecordBeats` (and the beats
 * detected), the record's fused beats instead, so nothing is detected twice: 13 % faster and more
 * specific on PTB-XL, but on two-lead MIT-BIH more time called unusable around ventricular beats
 * (docs/notes/typed-pipeline.md), so it is not the default until quality is re-fitted for it.
 */
function qualityBeats(detection: Prepared<{ samples: Int32Array }> | null, useRecordBeats = false): QualityOptions {
  return useRecordBeats && detection?.value ? { primaryBeats: detection.value.samples } : { primaryDetector: (x, fs) => detectBeatsInSignal(x, fs).samples };
}

/** Indices of the normal beats, which the median beat is built from (as 12-lead programs do), when there are at least 3. */
function normalBeatIndices(classes: BeatClassification | null, enabled = true): number[] | undefined {
  const normal = enabled && classes ? classes.labels.flatMap((l, i) => (l === 'N' ? [i] : [])) : [];
  return normal.length >= 3 ? normal : undefined;
}

/**
 * Runs the analysis pipeline over a record and returns one JSON-serialisable {@link Analysis}.
 * Throws {@link SinusError} only for a record that cannot be analysed at all (no leads, no
 * samples, bad rate) or a malformed list of added stages; everything else ends up in `stages[].reason`.
 *
 * @example
 * const a = await analyze(record, { onProgress: (p) => console.error(p.stage, p.fraction) });
 * if (a.results.beats === null) console.log(a.stages.find((s) => s.name === 'beats')?.reason);
 * else console.log(a.results.beats.samples.length, a.results.measurements?.qrsDurationMs);
 */
export async function analyze(record: EcgRecord, options: AnalyzeOptions = {}): Promise<Analysis> {
  const t0 = now();
  checkRecord(record);
  const added = options.stages ?? [];
  checkAddedStages(added);
  const o = options.stageOptions ?? {};
  const run = new PipelineRun(record, options, BUILT_IN_STAGES.length + added.length);

  // Beats are detected on all leads fused before quality (which can judge every lead against them,
  // option useRecordBeats); the beats stage then keeps beats in unusable signal at a lower confidence and
  // withholds only detections without cardiac information (calibration pulses, flat signal, a rejected strip).
  const detection = run.prepare('beats', () => detectBeats(record, o.beats));
  const { useRecordBeats, ...qualityOptions } = o.quality ?? {};
  const quality = await run.step('quality', {}, () => assessQuality(record, { ...qualityBeats(detection, useRecordBeats), ...qualityOptions }));
  const beats = await run.step('beats', {}, () => usableBeats(record, valueOf(detection), quality), undefined, detection?.timeMs);
  const beatClasses = await run.step('beatClasses', { beats }, async ({ beats }) => unclassifiedWhereUnreadable(record, await classifyBeats(record, beats.samples, { method: 'mlp', ...o.beatClasses }), quality), beatClassModels);
  const delineated = await run.stepKeeping('waves', { beats }, ({ beats }) => delineateBeatsWithTemplate(record, beats.samples, o.waves), (d) => d.delineation);
  const medianBeat = await run.step('medianBeat', { beats, waves: delineated }, ({ beats, waves }) =>
    recordMedianBeat(record, beats.samples, { template: waves.template, use: normalBeatIndices(beatClasses, o.medianBeat?.fromNormalBeats) }));
  const measurements = await run.step('measurements', { beats, waves: delineated, medianBeat }, ({ beats, waves, medianBeat }) =>
    measureEcg(record, beats.samples, { delineation: waves.delineation, medianBeat, pacingSpikes: waves.pacingSpikes, ...o.measurements }));
  const rhythm = await run.step('rhythm', { beats }, ({ beats }) => {
    const input = { fsHz: record.fs, beatSamples: beats.samples, beatClasses: beatClasses?.labels, record, lengthSamples: record.length, unusableSpans: unusableSpansOf(quality) };
    const { stripModel, stripWaveformModel } = o.rhythm ?? {};
    return stripModel ? analyzeRhythmWithStripOpinion(input, { model: stripModel, waveformModel: stripWaveformModel }) : analyzeRhythm(input);
  }, rhythmModels);
  const stripRhythm = await run.step('stripRhythm', {}, () => {
    const durationS = record.length / record.fs;
    // The label was made for 9-60 s handheld strips; longer records get rhythm episodes instead.
    if (durationS > STRIP_MAX_S) throw new StageNotApplicableError(`a strip label is for records up to ${STRIP_MAX_S} s; this one is ${durationS.toFixed(0)} s (see rhythm episodes)`);
    // Too short to judge is "cannot determine" (classifyStrip says so), whatever the quality; a
    // record without usable signal is "noisy" when noise hides it, "cannot determine" when flat.
    if (!quality || durationS < MIN_STRIP_S || hasUsableSignal(quality)) return classifyStrip(record, o.stripRhythm);
    const lead = record.leads.find((l) => !l.derived) ?? record.leads[0];
    const flat = quality.leads.length > 0 && quality.leads.every((l) => l.findings.some((f) => f.kind === 'flat-line' && f.severity === 'severe'));
    return stripNotDeterminable(`the record is judged unusable (${quality.reasons.join('; ')})`, lead?.name ?? null, 0, flat ? 'undetermined' : 'noisy');
  }, stripRhythmModels);
  // An interval touching a beat in unusable signal is not an NN interval (missed or extra beats).
  // Over AF, flutter, pacing or a P-less rhythm the figures are not sinus-node variability.
  await run.step('hrv', { beats }, ({ beats }) => ({
    ...heartRateVariability(beats.samples, record.fs, classesOutsideSpans(beats.samples, beatClasses?.labels, unusableSpansOf(quality))),
    rhythmCaveat: hrvRhythmCaveat(rhythm ?? undefined),
  }));
  // Statements with their evidence and one reconciled rhythm statement, from everything above.
  await run.step('interpretation', {}, () => interpretEcg(interpretInputFromStages(record, {
    quality, beats, beatClasses, pacingSpikes: delineated?.pacingSpikes ?? null, measurements, median: medianBeat?.median ?? null, rhythm, stripRhythm,
  })), interpretationModels);

  for (const s of added) {
    const stageOptions = (o[s.name] ?? {}) as Readonly<Record<string, unknown>>;
    await run.extraStep(s.name, s.dependsOn, stageOptions, (ctx) => s.run(record, { builtIn: run.values, extra: run.extraValues }, ctx), s.modelsUsed?.bind(s));
  }
  run.done();

  return {
    schemaVersion: ANALYSIS_SCHEMA_VERSION,
    software: { name: 'sinus-ecg', version: SINUS_VERSION },
    createdAt: new Date().toISOString(),
    record: summarizeRecord(record),
    stages: run.reports,
    models: run.models,
    timingsMs: { total: now() - t0, stages: run.timings },
    results: run.results,
  };
}
export { recordFromFiles, safeFileName } from './analyze/recordFromFiles.js';
export { sectionSummary } from './analyze/sectionSummary.js';
