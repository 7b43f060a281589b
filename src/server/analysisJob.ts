import { analyze, type Analysis } from '../analyze.js';
import { recordFromFiles } from '../analyze/recordFromFiles.js';
import { shippedModelStageOptions } from '../analyze/shippedModels.node.js';
import { SinusError } from '../errors.js';
import type { RecordLimits } from '../io/recordLimits.js';
import type { EcgRecord } from '../record/types.js';

/** What the service asks for: the uploaded files of one record and the analysis options. */
export interface AnalysisJob {
  files: Record<string, Uint8Array>;
  only?: string[];
  skip?: string[];
  maxRecordDurationS: number;
  /** Leads and total samples, checked from the header before any signal is decoded. */
  limits?: Partial<RecordLimits>;
}

export interface AnalysisJobResult {
  record: EcgRecord;
  analysis: Analysis;
}

/** An upload over a service limit (size, duration): answered 413. */
export class LimitExceededError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitExceededError';
  }
}

/** Reads the record from the uploaded files, checks its duration, and analyses it. */
export async function runAnalysisJob(job: AnalysisJob, signal?: AbortSignal): Promise<AnalysisJobResult> {
  const record = await recordFromFiles(job.files, { limits: job.limits });
  const durationS = record.length / record.fs;
  if (durationS > job.maxRecordDurationS) throw new LimitExceededError(`record too long: ${durationS.toFixed(0)} s, this service takes up to ${job.maxRecordDurationS} s`);
  const analysis = await analyze(record, { only: job.only, skip: job.skip, signal, stageOptions: await shippedModelStageOptions() });
  return { record, analysis };
}

/** An error as it crosses a worker boundary (classes do not survive structured cloning). */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  file?: string;
}

export function serializeError(e: unknown): SerializedError {
  if (e instanceof SinusError) return { name: 'SinusError', message: e.message, code: e.code, file: e.file };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

export function deserializeError(e: SerializedError): Error {
  if (e.name === 'SinusError' && e.code) {
    // The message already carries the file name; rebuild without prefixing it twice.
    const err = new SinusError(e.code as SinusError['code'], e.message);
    Object.defineProperty(err, 'file', { value: e.file });
    return err;
  }
  if (e.name === 'LimitExceededError') return new LimitExceededError(e.message);
  const err = new Error(e.message);
  err.name = e.name;
  return err;
}
