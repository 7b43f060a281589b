/** Worker thread of the service's analysis pool: runs one job at a time, posts the result back. */
import { parentPort } from 'node:worker_threads';
import { runAnalysisJob, serializeError, type AnalysisJob } from './analysisJob.js';

parentPort!.on('message', async (msg: { id: number; job: AnalysisJob }) => {
  try {
    const result = await runAnalysisJob(msg.job);
    // Hand the sample buffers over instead of copying them (only buffers a lead owns whole).
    const transfer = result.record.leads
      .map((l) => l.samples)
      .filter((x) => x.byteOffset === 0 && x.byteLength === x.buffer.byteLength)
      .map((x) => x.buffer as ArrayBuffer)
      .filter((b, i, all) => all.indexOf(b) === i);
    parentPort!.postMessage({ id: msg.id, result }, transfer);
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: serializeError(e) });
  }
});
