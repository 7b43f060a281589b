import { SinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import type { AnalysisResults, PipelineValues, StageName } from './results.js';
import { StageNotApplicableError, StageUnavailableError, type ModelInfo, type StageContext } from './stage.js';
import { toJsonValue } from './toJsonValue.js';

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
  /**
   * Wall time of the stage's own work in milliseconds (0 when it did not run; JSON conversion excluded).
   * @minimum 0
   */
  timeMs: number;
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

/** What controls a run: which stages run, progress, abort. */
export interface RunControl {
  only?: string[];
  skip?: string[];
  onProgress?: (p: AnalyzeProgress) => void;
  signal?: AbortSignal;
}

/** A value computed ahead of its stage (beats are detected before quality judges them), or the error it threw. */
export interface Prepared<T> {
  value: T | null;
  error: unknown;
  timeMs: number;
}

/** Records longer than this yield to the event loop between stages, so pages and servers stay responsive. */
const YIELD_AFTER_S = 60;

const now: () => number = typeof performance !== 'undefined' ? () => performance.now() : () => Date.now();
const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Values by stage name of the stages a step needs; the step runs only when none is null. */
type Needs = { [name: string]: unknown };
type Got<N extends Needs> = { [K in keyof N]: NonNullable<N[K]> };

/**
 * The bookkeeping of one analysis: runs each stage's step when the caller wants it and its inputs
 * exist, catches what it throws, and records status, reason, time, models and the JSON section.
 * `analyze()` calls {@link step} once per built-in stage, in order, then {@link extraStep} per added stage.
 */
export class PipelineRun {
  readonly reports: StageReport[] = [];
  readonly models: ModelInfo[] = [];
  readonly timings: Record<string, number> = {};
  readonly values: Partial<PipelineValues> = {};
  readonly extraValues: Record<string, unknown> = {};
  readonly results: AnalysisResults = {
    quality: null, beats: null, beatClasses: null, waves: null, medianBeat: null, measurements: null,
    rhythm: null, stripRhythm: null, hrv: null, interpretation: null, extra: {},
  };
  private readonly only: Set<string> | null;
  private readonly skip: Set<string>;
  private readonly longRecord: boolean;

  constructor(record: EcgRecord, private readonly control: RunControl, private readonly stageCount: number) {
    this.only = control.only ? new Set(control.only) : null;
    // The median beat was part of the measurements stage before schema 2: asking for measurements asks for it.
    if (this.only?.has('measurements')) this.only.add('medianBeat');
    this.skip = new Set(control.skip ?? []);
    this.longRecord = record.length / record.fs > YIELD_AFTER_S;
  }

  /** Whether the caller wants stage `name` to run (not left out by `only`/`skip`). */
  wanted(name: string): boolean {
    return !this.skip.has(name) && (!this.only || this.only.has(name));
  }

  /** Runs `compute` now for stage `name` when that stage is wanted, keeping its value or error for the stage's step. */
  prepare<T>(name: string, compute: () => T): Prepared<T> | null {
    if (!this.wanted(name)) return null;
    const t0 = now();
    try {
      return { value: compute(), error: null, timeMs: now() - t0 };
    } catch (e) {
      return { value: null, error: e, timeMs: now() - t0 };
    }
  }

  /**
   * Runs built-in stage `name` with the values it `needs` (by stage name) and returns its value, or
   * null when it was left out, a needed value is null, or it threw (the reason goes to `stages`).
   */
  step<K extends StageName, N extends Needs>(
    name: K, needs: N, run: (got: Got<N>, context: StageContext) => PipelineValues[K] | Promise<PipelineValues[K]>,
    models?: (value: PipelineValues[K]) => Array<Omit<ModelInfo, 'stage'>>, aheadMs = 0,
  ): Promise<PipelineValues[K] | null> {
    return this.stepKeeping(name, needs, run, (v) => v, models, aheadMs);
  }

  /**
   * {@link step} for a stage whose work returns more than its section (the delineation also returns
   * the beat template and pacing stimuli later stages reuse): `sectionOf` picks the stage's value,
   * and the whole result comes back to the caller.
   */
  async stepKeeping<K extends StageName, N extends Needs, R extends object>(
    name: K, needs: N, run: (got: Got<N>, context: StageContext) => R | Promise<R>, sectionOf: (result: R) => PipelineValues[K],
    models?: (value: PipelineValues[K]) => Array<Omit<ModelInfo, 'stage'>>, aheadMs = 0,
  ): Promise<R | null> {
    const result = await this.run(name, Object.keys(needs), needs, {}, (ctx) => run(needs as Got<N>, ctx), models && ((r: R) => models(sectionOf(r))), aheadMs);
    if (result === null) return null;
    const value = sectionOf(result);
    this.values[name] = value;
    this.results[name] = toJsonValue(value) as AnalysisResults[K];
    return result;
  }

  /** Runs a stage the caller added; its section goes to `results.extra[name]`. */
  async extraStep<T>(name: string, dependsOn: readonly string[], options: Readonly<Record<string, unknown>>, run: (context: StageContext) => T | Promise<T>, models?: (value: T) => Array<Omit<ModelInfo, 'stage'>>): Promise<void> {
    const have = (d: string) => (d in this.extraValues ? this.extraValues[d] : (this.values as Record<string, unknown>)[d] ?? null);
    const needs = Object.fromEntries(dependsOn.map((d) => [d, have(d)]));
    this.results.extra[name] = null;
    const value = await this.run(name, [...dependsOn], needs, options, run, models, 0);
    if (value === null) return;
    this.extraValues[name] = value;
    this.results.extra[name] = toJsonValue(value as unknown);
  }

  /** Marks the end of the run for progress listeners. */
  done(): void {
    this.report(this.reports.at(-1)?.name ?? 'done', this.stageCount, 0);
  }

  private report(stage: string, stageIndex: number, inStage: number): void {
    this.control.onProgress?.({ stage, stageIndex, stageCount: this.stageCount, fraction: Math.min(1, (stageIndex + Math.max(0, Math.min(1, inStage))) / this.stageCount) });
  }

  private async run<T>(name: string, dependsOn: string[], needs: Needs, options: Readonly<Record<string, unknown>>, run: (context: StageContext) => T | Promise<T>, models: ((value: T) => Array<Omit<ModelInfo, 'stage'>>) | undefined, aheadMs: number): Promise<T | null> {
    const { signal } = this.control;
    if (signal?.aborted) throw signal.reason ?? new Error('aborted');
    const index = this.reports.length;
    const entry: StageReport = { name, dependsOn, status: 'ok', reason: null, errorCode: null, timeMs: 0 };
    this.reports.push(entry);
    this.timings[name] = 0;
    this.report(name, index, 0);
    if (!this.wanted(name)) return this.skipped(entry, 'left out by the caller');
    const missing = dependsOn.filter((d) => needs[d] === null || needs[d] === undefined);
    if (missing.length) return this.skipped(entry, `needs ${missing.map((d) => `${d} (${this.reports.find((r) => r.name === d)?.status ?? 'no result'})`).join(', ')}`);
    if (this.longRecord) await yieldToEventLoop();
    const ts = now();
    let value: T | null = null;
    try {
      const v = await run({ progress: (f) => this.report(name, index, f), signal, options });
      entry.timeMs = now() - ts + aheadMs;
      if (v === undefined || v === null) this.failed(entry, 'the stage returned nothing', null);
      else {
        for (const m of models?.(v) ?? []) this.models.push({ ...m, stage: name });
        value = v;
      }
    } catch (e) {
      entry.timeMs = now() - ts + aheadMs;
      if (e instanceof StageUnavailableError) Object.assign(entry, { status: 'unavailable', reason: e.message });
      else if (e instanceof StageNotApplicableError) Object.assign(entry, { status: 'skipped', reason: e.message });
      else if (signal?.aborted) throw e;
      else this.failed(entry, e instanceof Error ? e.message : String(e), e instanceof SinusError ? e.code : null);
    }
    this.timings[name] = entry.timeMs;
    return value;
  }

  private skipped(entry: StageReport, reason: string): null {
    entry.status = 'skipped';
    entry.reason = reason;
    return null;
  }

  private failed(entry: StageReport, reason: string, code: string | null): void {
    entry.status = 'failed';
    entry.reason = reason;
    entry.errorCode = code;
  }
}
