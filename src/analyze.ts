/**
 * `analyze()`: one call from a record to an {@link Analysis}. The pipeline is an ordered list of
 * stages (see {@link AnalysisStage}); each adds one section to `results`. A stage that is missing,
 * fails, or depends on one that gave nothing leaves its section `null` and says why in `stages`,
 * so the rest of the analysis still arrives.
 */
import { SinusError } from './errors.js';
import type { EcgRecord } from './record/types.js';
import { ANALYSIS_SCHEMA_VERSION, SINUS_VERSION } from './version.js';
import { defaultStages } from './analyze/defaultStages.js';
import { summarizeRecord, type RecordSummary } from './analyze/recordSummary.js';
import { StageNotApplicableError, StageUnavailableError, type AnalysisStage, type ModelInfo } from './analyze/stage.js';
import { toJsonValue, type JsonValue } from './analyze/toJsonValue.js';

export { defaultStages } from './analyze/defaultStages.js';
export { summarizeRecord, type RecordSummary } from './analyze/recordSummary.js';
export { StageNotApplicableError, StageUnavailableError, type AnalysisStage, type ModelInfo, type StageContext, type EarlierResults } from './analyze/stage.js';
export { toJsonValue, type JsonValue } from './analyze/toJsonValue.js';

/** How a stage ended. */
export type StageStatus = 'ok' | 'unavailable' | 'skipped' | 'failed';

/** One stage's line in the Analysis: what happened and how long it took. */
export interface StageReport {
  name: string;
  dependsOn: string[];
  status: StageStatus;
  /** Why the section is null (for every status but 'ok'); null when ok. */
  reason: string | null;
  /** SinusError code when the stage failed on the input. */
  errorCode: string | null;
  /** Wall time of the stage's own work in milliseconds (0 when it did not run; JSON conversion excluded). */
  timeMs: number;
}

/** The result of {@link analyze}; plain JSON, described by `schema/analysis.schema.json`. */
export interface Analysis {
  schemaVersion: string;
  software: { name: 'sinus-ecg'; version: string };
  /** ISO 8601 time the analysis was made. */
  createdAt: string;
  record: RecordSummary;
  /** One entry per pipeline stage, in run order. */
  stages: StageReport[];
  /** Models used by any stage. */
  models: ModelInfo[];
  timingsMs: { total: number; stages: Record<string, number> };
  /** Each stage's section by stage name; null when the stage gave nothing (see `stages` for why). */
  results: Record<string, JsonValue>;
}

/** Progress of a running analysis. */
export interface AnalyzeProgress {
  /** Stage running now (or the last one, when done). */
  stage: string;
  /** Overall fraction done in [0, 1]. */
  fraction: number;
  stageIndex: number;
  stageCount: number;
}

export interface AnalyzeOptions {
  /** The pipeline; default {@link defaultStages}. */
  stages?: AnalysisStage[];
  /** Run only these stages (their dependencies must be listed too). */
  only?: string[];
  /** Leave these stages out (their sections say 'skipped'). */
  skip?: string[];
  /** Called between stages and when a stage reports progress. */
  onProgress?: (p: AnalyzeProgress) => void;
  /** Abort the analysis (throws the signal's reason between stages). */
  signal?: AbortSignal;
  /** Options passed to each stage by name. */
  stageOptions?: Record<string, Record<string, unknown>>;
}

/** Records longer than this yield to the event loop between stages, so pages and servers stay responsive. */
const YIELD_AFTER_S = 60;

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

function checkOrder(stages: AnalysisStage[]): void {
  const seen = new Set<string>();
  for (const s of stages) {
    if (seen.has(s.name)) throw new SinusError('BAD_ARGUMENT', `stage "${s.name}" is listed twice`);
    for (const d of s.dependsOn) {
      if (!seen.has(d) && !stages.some((t) => t.name === d)) throw new SinusError('BAD_ARGUMENT', `stage "${s.name}" depends on unknown stage "${d}"`);
      if (!seen.has(d)) throw new SinusError('BAD_ARGUMENT', `stage "${s.name}" must come after "${d}", which it depends on`);
    }
    seen.add(s.name);
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Runs the analysis pipeline over a record and returns one JSON-serialisable {@link Analysis}.
 * Throws {@link SinusError} only for a record that cannot be analysed at all (no leads, no
 * samples, bad rate) or a malformed stage list; everything else ends up in `stages[].reason`.
 *
 * @example
 * const a = await analyze(record, { onProgress: (p) => console.error(p.stage, p.fraction) });
 * if (a.results.beats === null) console.log(a.stages.find((s) => s.name === 'beats')?.reason);
 */
export async function analyze(record: EcgRecord, options: AnalyzeOptions = {}): Promise<Analysis> {
  const t0 = now();
  checkRecord(record);
  const stages = options.stages ?? defaultStages();
  checkOrder(stages);
  const only = options.only ? new Set(options.only) : null;
  const skip = new Set(options.skip ?? []);
  const longRecord = record.length / record.fs > YIELD_AFTER_S;

  const raw: Record<string, unknown> = {};
  const results: Record<string, JsonValue> = {};
  const reports: StageReport[] = [];
  const models: ModelInfo[] = [];
  const timings: Record<string, number> = {};
  const stageCount = stages.length;

  const report = (stage: string, stageIndex: number, inStage: number) =>
    options.onProgress?.({ stage, stageIndex, stageCount, fraction: Math.min(1, (stageIndex + Math.max(0, Math.min(1, inStage))) / stageCount) });

  for (let i = 0; i < stages.length; i++) {
    const s = stages[i];
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
    const entry: StageReport = { name: s.name, dependsOn: [...s.dependsOn], status: 'ok', reason: null, errorCode: null, timeMs: 0 };
    reports.push(entry);
    results[s.name] = null;
    timings[s.name] = 0;
    report(s.name, i, 0);
    if (skip.has(s.name) || (only && !only.has(s.name))) {
      entry.status = 'skipped';
      entry.reason = 'left out by the caller';
      continue;
    }
    const missing = s.dependsOn.filter((d) => !(d in raw));
    if (missing.length) {
      entry.status = 'skipped';
      entry.reason = `needs ${missing.map((d) => `${d} (${reports.find((r) => r.name === d)?.status ?? 'no result'})`).join(', ')}`;
      continue;
    }
    if (longRecord) await yieldToEventLoop();
    const ts = now();
    let stageMs: number | null = null;
    try {
      const value = await s.run(record, raw, {
        progress: (f) => report(s.name, i, f),
        signal: options.signal,
        options: options.stageOptions?.[s.name] ?? {},
      });
      // The stage's own time; converting its result to JSON counts in the total only.
      stageMs = now() - ts;
      if (value === undefined || value === null) {
        entry.status = 'failed';
        entry.reason = 'the stage returned nothing';
      } else {
        const json = toJsonValue(value);
        const used = s.modelsUsed?.(value) ?? [];
        // Published only once everything about the result worked, so later stages never see half a section.
        raw[s.name] = value;
        results[s.name] = json;
        for (const m of used) models.push({ ...m, stage: s.name });
      }
    } catch (e) {
      if (e instanceof StageUnavailableError) {
        entry.status = 'unavailable';
        entry.reason = e.message;
      } else if (e instanceof StageNotApplicableError) {
        entry.status = 'skipped';
        entry.reason = e.message;
      } else if (options.signal?.aborted) {
        throw e;
      } else {
        entry.status = 'failed';
        entry.reason = e instanceof Error ? e.message : String(e);
        entry.errorCode = e instanceof SinusError ? e.code : null;
      }
    }
    entry.timeMs = entry.status === 'ok' && stageMs !== null ? stageMs : now() - ts;
    timings[s.name] = entry.timeMs;
  }
  report(stages[stages.length - 1]?.name ?? 'done', stageCount, 0);

  return {
    schemaVersion: ANALYSIS_SCHEMA_VERSION,
    software: { name: 'sinus-ecg', version: SINUS_VERSION },
    createdAt: new Date().toISOString(),
    record: summarizeRecord(record),
    stages: reports,
    models,
    timingsMs: { total: now() - t0, stages: timings },
    results,
  };
}
export { recordFromFiles, safeFileName } from './analyze/recordFromFiles.js';
export { sectionSummary } from './analyze/sectionSummary.js';
