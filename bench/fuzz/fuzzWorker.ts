/** Worker of `npm run fuzz`: runs one case at a time and posts its outcome. */
import { parentPort } from 'node:worker_threads';
import { runFuzzCase } from './fuzzCases.js';

parentPort!.on('message', async (msg: { id: number; files: Record<string, Uint8Array>; main: string }) => {
  const outcome = await runFuzzCase(msg.files, msg.main);
  parentPort!.postMessage({ id: msg.id, outcome, arrayBuffers: process.memoryUsage().arrayBuffers });
});
