import type { EcgRecord } from '../record/types.js';
import { detectBeats, detectBeatsInSignal, type BeatDetection } from '../beats/index.js';
import { assessQuality, isInSpans, unusableSegments, type QualityReport } from '../quality/index.js';
import { analyzeRhythm, classifyBeats, classifyStrip, stripNotDeterminable, STRIP_RHYTHM_CNN_MODEL, STRIP_RHYTHM_MODEL } from '../classify/index.js';
import { MIN_UNREADABLE_S } from '../classify/rhythm/analyzeRhythm.js';
import { beatsInUnreadable } from '../classify/rhythm/unreadableSpans.js';
import { analyzeRhythmWithStripOpinion } from '../classify/rhythm/afStripOpinion.js';
import type { LoadedModel } from '../classify/onnx/modelRunner.js';
import { delineateBeats } from '../waves/index.js';
import { heartRateVariability, measureEcg } from '../measure/index.js';
import { interpretEcg } from '../interpret/interpretEcg.js';
import { interpretInputFromStages } from '../interpret/interpretStage.js';
import { StageNotApplicableError, type AnalysisStage, type EarlierResults, type ModelInfo, type StageContext } from './stage.js';

/** Per-stage options as the stage function takes them (they arrive untyped from `AnalyzeOptions.stageOptions`). */
function optionsFor<F extends (...args: never[]) => unknown, K extends number>(_fn: F, _argIndex: K, options: Readonly<Record<string, unknown>>): Partial<NonNullable<Parameters<F>[K]>> {
  return options as Partial<NonNullable<Parameters<F>[K]>>;
}

/** Models a stage result names in a `model`/`models` field ({ name, version?, sha256? }). */
function modelsNamedIn(result: unknown) {
  if (!result || typeof result !== 'object') return [];
  const r = result as { model?: unknown; models?: unknown };
  const list = Array.isArray(r.models) ? r.models : r.model ? [r.model] : [];
  return list
    .filter((m): m is { name: string; version?: string; sha256?: string } => !!m && typeof (m as { name?: unknown }).name === 'string')
    .map((m) => ({ name: m.name, version: m.version ?? null, sha256: m.sha256 ?? null }));
}

function stage(
  name: string,
  dependsOn: string[],
  description: string,
  run: (record: EcgRecord, earlier: EarlierResults, context: StageContext) => unknown,
): AnalysisStage {
  return { name, dependsOn, description, run, modelsUsed: modelsNamedIn };
}

/** Longest record given a short-strip rhythm label (the strip classifier's own limit is 60 s). */
const STRIP_MAX_S = 61;

/**
 * A detection with the beats that lie in unusable signal removed (and counted), so later stages never
 * read noise as beats. Only spans of at least MIN_UNREADABLE_S count: the quality stage often calls
 * a lone 1-s window unusable because it holds one wide ectopic beat, and dropping those beats lost
 * real PVCs and VT on MIT-BIH (BENCHMARKS.md, classify, "with quality spans").
 */
function withoutBeatsInUnusableSignal(detection: BeatDetection, quality: QualityReport | undefined): BeatDetection & { beatsInUnusableSignal: number } {
  // Short spans are often one wide ectopic beat, so only long ones count; a span that covers (nearly)
  // the whole record counts whatever its length: a 2 s strip of noise has no readable beat.
  const minSamples = quality ? Math.min(MIN_UNREADABLE_S * quality.fsHz, 0.9 * quality.length) : 0;
  // A strip the quality stage rejects as a whole (every lead unusable, or most of it without a
  // usable lead) has no beat worth reading, even where its 1-s windows alternate: 10 s of NSTDB
  // electrode motion otherwise gave a rate and a rhythm. Long records keep their usable spans.
  const wholeStripUnusable = quality !== undefined && quality.verdict === 'unusable' && quality.length <= STRIP_MAX_S * quality.fsHz;
  const spans = !quality ? [] : wholeStripUnusable
    ? [{ startSample: 0, endSample: quality.length }]
    : unusableSegments(quality).filter((s) => s.endSample - s.startSample >= minSamples);
  if (spans.length === 0) return { ...detection, beatsInUnusableSignal: 0 };
  const kept = detection.samples.filter((s) => !isInSpans(spans, s));
  const dropped = detection.samples.length - kept.length;
  const reason = kept.length === 0 && dropped > 0
    ? wholeStripUnusable
      ? `all ${dropped} detected beats dropped: the record is judged unusable (${quality!.reasons.join('; ')})`
      : `all ${dropped} detected beats lie in signal judged unusable (see quality)`
    : detection.reason;
  return { ...detection, samples: kept, reason, beatsInUnusableSignal: dropped };
}

/** Beat positions from the beats section (`samples`), or an empty list. */
function beatSamplesOf(beats: unknown): ArrayLike<number> {
  const s = (beats as { samples?: unknown } | undefined)?.samples;
  return s && typeof (s as ArrayLike<number>).length === 'number' ? (s as ArrayLike<number>) : new Int32Array(0);
}

/** Per-beat AAMI labels from the beatClasses section, when it ran. */
function beatLabelsOf(classes: unknown): string[] | undefined {
  const l = (classes as { labels?: unknown } | undefined)?.labels;
  return Array.isArray(l) ? (l as string[]) : undefined;
}

/**
 * Spans of the quality section where no lead is usable (with the quality stage's reason), or none
 * when the quality stage did not run; later stages claim nothing there.
 */
function unusableSpansOf(quality: unknown): Array<{ startSample: number; endSample: number; reason?: string }> {
  const segs = (quality as { segments?: unknown } | undefined)?.segments;
  if (!Array.isArray(segs)) return [];
  return (segs as Array<{ startSample?: unknown; endSample?: unknown; usable?: unknown; reasons?: unknown }>)
    .filter((s) => s.usable === false && typeof s.startSample === 'number' && typeof s.endSample === 'number')
    .map((s) => ({
      startSample: s.startSample as number,
      endSample: s.endSample as number,
      reason: Array.isArray(s.reasons) && s.reasons.length ? s.reasons.filter((r) => typeof r === 'string').join('; ') : undefined,
    }));
}

/**
 * Beat classes with the beats inside `spans` turned into 'Q' (unclassifiable), so NN intervals and
 * ectopic counts skip them; undefined when there are neither classes nor spans.
 */
function classesOutsideSpans(beats: ArrayLike<number>, classes: string[] | undefined, spans: Array<{ startSample: number; endSample: number }>): string[] | undefined {
  if (spans.length === 0) return classes;
  const inSpan = beatsInUnreadable(beats, [...spans].sort((a, b) => a.startSample - b.startSample));
  return Array.from(inSpan, (q, i) => (q ? 'Q' : (classes?.[i] ?? 'N')));
}

/**
 * The default pipeline, in run order. Each entry calls one stage's public function.
 * Stage options come from `AnalyzeOptions.stageOptions[name]` and are passed to the function.
 * Replace or extend the list with `AnalyzeOptions.stages`.
 *
 * @example
 * const stages = [...defaultStages(), myStage]; // myStage: { name, dependsOn: ['beats'], description, run }
 * const a = await analyze(record, { stages });
 */
/** The strip rhythm models as listed in an Analysis: the feature model, and the waveform CNN when it was used. */
function stripModelsUsed(withWaveformModel: boolean): Omit<ModelInfo, 'stage'>[] {
  const info = (file: string): Omit<ModelInfo, 'stage'> => ({ name: `models/${file}`, version: null, sha256: null });
  return withWaveformModel ? [info(STRIP_RHYTHM_MODEL), info(STRIP_RHYTHM_CNN_MODEL)] : [info(STRIP_RHYTHM_MODEL)];
}

export function defaultStages(): AnalysisStage[] {
  return [
    stage('quality', [], 'signal quality per lead and segment (src/quality assessQuality)', (record, _e, ctx) => {
      // bSQI compares the pipeline's own detector with the quality stage's independent one.
      const primaryDetector = (x: Float32Array, fs: number) => detectBeatsInSignal(x, fs).samples;
      return assessQuality(record, { primaryDetector, ...optionsFor(assessQuality, 1, ctx.options) });
    }),
    stage('beats', [], 'QRS detection with lead fusion (src/beats detectBeats); beats inside signal the quality stage judged unusable are left out and counted', (record, e, ctx) => {
      const detection = detectBeats(record, optionsFor(detectBeats, 1, ctx.options));
      return withoutBeatsInUnusableSignal(detection, e.quality as QualityReport | undefined);
    }),
    {
      ...stage('beatClasses', ['beats'], 'AAMI beat classes N/S/V/F/Q with probabilities (src/classify classifyBeats; default the feature MLP with sinus-context features, browser-safe)', (record, e, ctx) =>
        classifyBeats(record, beatSamplesOf(e.beats), { method: 'mlp', ...optionsFor(classifyBeats, 2, ctx.options) }),
      ),
      modelsUsed: (r: unknown) => {
        const m = (r as { method?: string }).method;
        return m === 'cnn' ? [{ name: 'models/beat-classes.onnx', version: null, sha256: null }] : m === 'mlp' ? [{ name: 'beat-class feature MLP (models/beat-classes-mlp.json)', version: null, sha256: null }] : m === 'features' ? [{ name: 'beat-class feature baseline (logistic regression)', version: null, sha256: null }] : [];
      },
    },
    stage('waves', ['beats'], 'P/QRS/T delineation of every beat in every lead, global boundaries (src/waves delineateBeats)', (record, e, ctx) =>
      delineateBeats(record, beatSamplesOf(e.beats), optionsFor(delineateBeats, 2, ctx.options)),
    ),
    stage('measurements', ['beats'], 'median-beat intervals, QTc, axes, amplitudes, ST, voltages (src/measure measureEcg)', (record, e, ctx) => {
      const labels = beatLabelsOf(e.beatClasses);
      // The median beat is built from normal beats when classes are known, as 12-lead programs do.
      const normal = labels ? labels.flatMap((l, i) => (l === 'N' ? [i] : [])) : undefined;
      return measureEcg(record, beatSamplesOf(e.beats), {
        delineation: (e.waves as NonNullable<Parameters<typeof measureEcg>[2]>['delineation']) ?? undefined,
        use: normal && normal.length >= 3 ? normal : undefined,
        ...optionsFor(measureEcg, 2, ctx.options),
      });
    }),
    {
      ...stage('rhythm', ['beats'], "rhythm episodes, events and Holter counts; signal the quality stage found unusable is a 'noise' episode; with the strip models given (options stripModel, stripWaveformModel), their second opinion on AF episodes (src/classify analyzeRhythm, analyzeRhythmWithStripOpinion)", (record, e, ctx) => {
        const input = {
          fsHz: record.fs, beatSamples: beatSamplesOf(e.beats), beatClasses: beatLabelsOf(e.beatClasses), record, lengthSamples: record.length,
          unusableSpans: unusableSpansOf(e.quality),
        };
        const { stripModel, stripWaveformModel } = ctx.options as { stripModel?: LoadedModel; stripWaveformModel?: LoadedModel };
        return stripModel ? analyzeRhythmWithStripOpinion(input, { model: stripModel, waveformModel: stripWaveformModel }) : analyzeRhythm(input);
      }),
      modelsUsed: (r: unknown) => {
        const opinions = (r as { afOpinions?: unknown[] }).afOpinions;
        if (!Array.isArray(opinions) || opinions.length === 0) return [];
        return stripModelsUsed(true);
      },
    },
    {
      ...stage('stripRhythm', [], 'record-level rhythm label of a short strip: normal, AF, other, noisy; not determinable when the quality stage rejects the record (src/classify classifyStrip; default the rule baseline)', (record, e, ctx) => {
        const durationS = record.length / record.fs;
        // The label was made for 9-60 s handheld strips; longer records get rhythm episodes instead.
        if (durationS > STRIP_MAX_S) throw new StageNotApplicableError(`a strip label is for records up to ${STRIP_MAX_S} s; this one is ${durationS.toFixed(0)} s (see rhythm episodes)`);
        const quality = e.quality as QualityReport | undefined;
        if (quality?.verdict === 'unusable') {
          const lead = record.leads.find((l) => !l.derived) ?? record.leads[0];
          return stripNotDeterminable(`the record is judged unusable (${quality.reasons.join('; ')})`, lead?.name ?? null);
        }
        return classifyStrip(record, optionsFor(classifyStrip, 1, ctx.options));
      }),
      modelsUsed: (r: unknown) => {
        const s = r as { method?: string; usedWaveformModel?: boolean };
        if (s.method !== 'model') return [];
        return stripModelsUsed(s.usedWaveformModel === true);
      },
    },
    stage('hrv', ['beats'], 'heart-rate variability from NN intervals, beats in unusable signal left out (src/measure heartRateVariability)', (record, e) => {
      const beats = beatSamplesOf(e.beats);
      // An interval touching a beat in unusable signal is not an NN interval (missed or extra beats).
      return heartRateVariability(beats, record.fs, classesOutsideSpans(beats, beatLabelsOf(e.beatClasses), unusableSpansOf(e.quality)));
    }),
    stage('interpretation', [], 'diagnostic statements with evidence, one reconciled rhythm statement, summary (src/interpret interpretEcg)', (record, e) =>
      interpretEcg(interpretInputFromStages(record, e)),
    ),
  ];
}
