import { analyze } from '../analyze.js';
import { shippedModelStageOptions } from '../analyze/shippedModels.node.js';
import { isSinusError } from '../errors.js';
import { openRecord } from '../io/openRecord.js';
import { SINUS_VERSION } from '../version.js';
import { analyzeInBlocks } from './analyzeInBlocks.js';
import { batchRowFromAnalysis, batchRowFromBlockAnalysis, batchRowFromError, type BatchRowKey } from './batchRow.js';
import { longRecordSource } from './wfdbBlockSource.node.js';
import type { BatchTask, BatchTaskResult } from './batchPool.js';

/**
 * Opens and analyses one record of a batch (in a pool worker): its row, or `crash` when something
 * other than bad input went wrong.
 *
 * @example const { row } = await runBatchTask({ path: '100.hea', file: '100.hea', contentSha256: null });
 */
export async function runBatchTask(task: BatchTask): Promise<BatchTaskResult> {
  const key = { file: task.file, contentSha256: task.contentSha256 };
  try {
    const long = await longRecordSource(task.path, task.longRecordS);
    if (long) return { row: await longRecordRow(key, long), analysis: null, crash: null };
    const record = await openRecord(task.path);
    const analysis = await analyze(record, { only: task.only, skip: task.skip, stageOptions: await shippedModelStageOptions() });
    return { row: batchRowFromAnalysis(key, analysis), analysis: task.wantAnalysis ? analysis : null, crash: null };
  } catch (e) {
    // Bad input is a row with its error; anything else is a crash the caller may retry or park.
    if (isSinusError(e)) return { row: batchRowFromError(key, SINUS_VERSION, 'error', e.code, e.message), analysis: null, crash: null };
    return { row: null, analysis: null, crash: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

/** A record longer than an hour, analysed in blocks so that a Holter file never fills a worker's memory. */
async function longRecordRow(key: BatchRowKey, source: NonNullable<Awaited<ReturnType<typeof longRecordSource>>>) {
  const a = await analyzeInBlocks(source, { stageOptions: await shippedModelStageOptions() });
  return batchRowFromBlockAnalysis(key, a, source.leadNames.length, SINUS_VERSION);
}
