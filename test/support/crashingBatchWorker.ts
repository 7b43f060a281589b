// A BatchPool worker for queue tests: dies (its thread exits, as a native crash would end it) on any
// record whose file name contains "A00003"; analyses every other record for real.
import { parentPort } from 'node:worker_threads';
import type { BatchTask } from '../../src/batch/batchPool.js';
import { runBatchTask } from '../../src/batch/runBatchTask.js';

parentPort!.on('message', async (msg: { id: number; task: BatchTask }) => {
  if (msg.task.file.includes('A00003')) process.exit(134);
  parentPort!.postMessage({ id: msg.id, result: await runBatchTask(msg.task) });
});
