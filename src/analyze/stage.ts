import type { EcgRecord } from '../record/types.js';
import type { PipelineValues } from './results.js';

/** A model a stage used, so an Analysis says exactly what produced it. */
export interface ModelInfo {
  /** File or model name, e.g. 'beat-classes-v1.onnx'. */
  name: string;
  version: string | null;
  /** SHA-256 of the weights file, when known. */
  sha256: string | null;
  /** The stage that used it. */
  stage: string;
}

/** What a stage can use while it runs. */
export interface StageContext<O = Readonly<Record<string, unknown>>> {
  /** Reports progress inside the stage, `fraction` in [0, 1]. */
  progress(fraction: number): void;
  /** Aborted when the caller gives up (HTTP client gone, CLI interrupted); long stages should check it. */
  signal?: AbortSignal;
  /** Options for this stage from `AnalyzeOptions.stageOptions[name]`. */
  options: O;
}

/**
 * What a stage the caller adds can read: the built-in stages' typed values (absent when that stage
 * gave nothing) and, by name, the values of the added stages that ran before it.
 */
export interface EarlierResults {
  readonly builtIn: Readonly<Partial<PipelineValues>>;
  readonly extra: Readonly<Record<string, unknown>>;
}

/**
 * A stage the caller adds to the pipeline (`AnalyzeOptions.stages`). Added stages run after the
 * built-in ones, in list order; one runs only when every stage it depends on (built-in or added)
 * produced a result. Its return value becomes `analysis.results.extra[name]`, converted to JSON.
 *
 * @example
 * const peak: AnalysisStage<{ maxAbsMv: number }> = {
 *   name: 'peak', dependsOn: ['beats'], description: 'largest |amplitude| of the first lead, mV',
 *   run: (record) => ({ maxAbsMv: Math.max(...Array.from(record.leads[0].samples, Math.abs)) }),
 * };
 * const a = await analyze(record, { stages: [peak] });
 */
export interface AnalysisStage<T = unknown> {
  /** Key of its section in `Analysis.results.extra`, e.g. 'peak'; must not be a built-in stage's name. */
  name: string;
  /** Names of stages (built-in or added earlier) whose results it needs. */
  dependsOn: readonly string[];
  /** One line for `--help` and the schema docs. */
  description: string;
  run(record: EcgRecord, earlier: EarlierResults, context: StageContext): T | Promise<T>;
  /** Models the stage used to produce `result`. */
  modelsUsed?(result: T): Array<Omit<ModelInfo, 'stage'>>;
}

/**
 * Thrown by a stage whose implementation is not in this build (e.g. a module not merged yet, a
 * model file missing). The pipeline reports it as `unavailable` instead of `failed`.
 */
export class StageUnavailableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'StageUnavailableError';
  }
}

/**
 * Thrown by a stage that does not apply to this record (e.g. a short-strip label on a 30-minute
 * Holter record). The pipeline reports it as `skipped` with the message as the reason.
 */
export class StageNotApplicableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'StageNotApplicableError';
  }
}
