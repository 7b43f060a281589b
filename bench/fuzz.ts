/**
 * `npm run fuzz -- --cases N [--seed S] [--jobs J] [--timeout-ms T] [--max-heap-mb M] [--json out.json]`
 *
 * Mutates every real file in ../shared/data/formats and the WFDB/EDF/MAT/CSV seed records
 * (bench/fuzz/fuzzCases.ts) and reads each case in a worker thread with a time bound (the worker is
 * killed past T ms: 'timeout') and a memory bound (V8 heap capped at M MiB: 'memory'; signal bytes
 * over the reader's declared bytes per input byte and over the limit: 'memory'). Prints counts per
 * outcome; exits 1 when any case crashed, hung, overran memory or gave an invalid record.
 * Case i uses seed record i mod n and random seed S + i: `--from i --cases 1` replays it.
 */
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fuzzSeeds, mutateSeed, rng, type FuzzOutcome } from './fuzz/fuzzCases.js';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : dflt;
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} must be a number`);
  return v;
}
const cases = arg('cases', 500);
const seed0 = arg('seed', 20261208);
const from = arg('from', 0);
const jobs = Math.max(1, Math.floor(arg('jobs', 2)));
const timeoutMs = arg('timeout-ms', 10_000);
const maxHeapMb = arg('max-heap-mb', 1024);
const jsonAt = process.argv.indexOf('--json');
const jsonOut = jsonAt >= 0 ? process.argv[jsonAt + 1] : null;

const workerUrl = new URL('./fuzz/fuzzWorker.ts', import.meta.url);
const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
const code = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(workerUrl.href)});`;
const newWorker = () => new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { resourceLimits: { maxOldGenerationSizeMb: maxHeapMb } });

const seeds = await fuzzSeeds();
const counts: Record<string, number> = { read: 0, refused: 0, crash: 0, invalid: 0, memory: 0, timeout: 0 };
const failures: string[] = [];
let next = from;
let slowestMs = 0;
const t0 = performance.now();

/** Runs cases on one worker until none are left; a worker that hangs or dies is replaced. */
async function lane(): Promise<void> {
  let worker = newWorker();
  let id = 0;
  while (next < from + cases) {
    const i = next++;
    const seed = seeds[i % seeds.length];
    const { files, target } = mutateSeed(seed, rng(seed0 + i));
    const outcome = await new Promise<FuzzOutcome>((resolve) => {
      const myId = ++id;
      const timer = setTimeout(() => { cleanup(); void worker.terminate(); worker = newWorker(); resolve({ kind: 'crash', ms: timeoutMs, detail: 'timeout' }); }, timeoutMs);
      const onMsg = (m: { id: number; outcome: FuzzOutcome }) => { if (m.id === myId) { cleanup(); resolve(m.outcome); } };
      const onErr = (e: Error) => { cleanup(); worker = newWorker(); resolve({ kind: /memory/i.test(e.message) ? 'memory' : 'crash', ms: 0, detail: `worker died: ${e.message}` }); };
      const cleanup = () => { clearTimeout(timer); worker.off('message', onMsg); worker.off('error', onErr); };
      worker.on('message', onMsg);
      worker.on('error', onErr);
      worker.postMessage({ id: myId, files, main: seed.main });
    });
    const kind = outcome.detail === 'timeout' ? 'timeout' : outcome.kind;
    counts[kind]++;
    slowestMs = Math.max(slowestMs, outcome.ms);
    if (kind !== 'read' && kind !== 'refused') failures.push(`case ${i} ${seed.label} (${target}): ${kind} ${outcome.detail ?? ''}`);
  }
  await worker.terminate();
}

await Promise.all(Array.from({ length: jobs }, () => lane()));
const summary = {
  cases, seed: seed0, from, seeds: seeds.length, ...counts,
  invalidAccepted: counts.invalid, crashes: counts.crash + counts.timeout + counts.memory,
  slowestCaseMs: Math.round(slowestMs), wallS: Math.round((performance.now() - t0) / 100) / 10, timeoutMs, maxHeapMb,
};
for (const f of failures) process.stderr.write(`${f}\n`);
process.stdout.write(JSON.stringify(summary) + '\n');
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ summary, failures }, null, 2) + '\n');
process.exitCode = failures.length ? 1 : 0;
