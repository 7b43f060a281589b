/**
 * Worker thread of the {@link BatchPool}: analyses one record at a time ({@link runBatchTask}) and
 * posts back its row (and the full Analysis when asked for it).
 */
import { parentPort } from 'node:worker_threads';
import type { BatchTask } from './batchPool.js';
import { runBatchTask } from './runBatchTask.js';

parentPort!.on('message', async (msg: { id: number; task: BatchTask }) => {
  parentPort!.postMessage({ id: msg.id, result: await runBatchTask(msg.task) });
});
