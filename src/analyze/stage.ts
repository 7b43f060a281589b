import type { EcgRecord } from '../record/types.js';

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
export interface StageContext {
  /** Reports progress inside the stage, `fraction` in [0, 1]. */
  progress(fraction: number): void;
  /** Aborted when the caller gives up (HTTP client gone, CLI interrupted); long stages should check it. */
  signal?: AbortSignal;
  /** Options for this stage from `AnalyzeOptions.stageOptions[name]`. */
  options: Readonly<Record<string, unknown>>;
}

/** Raw (not JSON-converted) results of the stages that ran before, by stage name; absent when that stage gave nothing. */
export type EarlierResults = Readonly<Record<string, unknown>>;

/**
 * One step of the analysis pipeline. Stages run in list order; a stage runs only when every stage it
 * depends on produced a result. Its return value becomes `analysis.results[name]` (converted to JSON).
 */
export interface AnalysisStage<T = unknown> {
  /** Key of its section in `Analysis.results`, e.g. 'beats'. */
  name: string;
  /** Names of earlier stages whose results it needs. */
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
