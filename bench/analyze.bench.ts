/**
 * npm run bench:analyze — wall time of analyze() on 10 s 12-lead records (LUDB) and 30 min 2-lead
 * records (MIT-BIH), and 50 concurrent uploads of a 12-lead record to the HTTP service on
 * 127.0.0.1 (autocannon). Prints tables; the stage list shows which stages were in this build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import autocannon from 'autocannon';
import { analyze } from '../src/analyze.js';
import { openRecord } from '../src/io/openRecord.js';
import { buildServer } from '../src/server/app.js';
import { LUDB, MITDB } from '../test/dataPaths.js';

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x: number) => x.toFixed(1);

async function timeAnalyses(files: string[], runsPerRecord: number) {
  const readMs: number[] = [];
  const analyzeMs: number[] = [];
  const cpuMs: number[] = [];
  const stageMs = new Map<string, number[]>();
  let stages = '';
  for (const f of files) {
    const t0 = performance.now();
    const rec = await openRecord(f);
    readMs.push(performance.now() - t0);
    for (let r = 0; r < runsPerRecord; r++) {
      const c0 = process.cpuUsage();
      const t1 = performance.now();
      const a = await analyze(rec);
      analyzeMs.push(performance.now() - t1);
      const c = process.cpuUsage(c0);
      cpuMs.push((c.user + c.system) / 1000);
      for (const st of a.stages) {
        if (st.status !== 'ok') continue;
        const xs = stageMs.get(st.name);
        if (xs) xs.push(st.timeMs); else stageMs.set(st.name, [st.timeMs]);
      }
      stages = a.stages.map((s) => `${s.name}:${s.status}`).join(' ');
    }
  }
  return { readMs, analyzeMs, cpuMs, stageMs, stages };
}

type Timing = Awaited<ReturnType<typeof timeAnalyses>>;

function row(label: string, r: Timing, target: string) {
  console.log(`| ${label} | ${r.analyzeMs.length} | ${ms(quantile(r.analyzeMs, 0.5))} | ${ms(quantile(r.analyzeMs, 0.9))} | ${ms(Math.max(...r.analyzeMs))} | ${ms(quantile(r.cpuMs, 0.5))} | ${ms(quantile(r.readMs, 0.5))} | ${target} |`);
}

function stageRows(label: string, r: Timing) {
  console.log(`| ${label} | ${[...r.stageMs.entries()].map(([n, xs]) => `${n} ${ms(quantile(xs, 0.5))}`).join(' · ')} |`);
}

// Start-up: load every module and JIT the hot paths once before timing.
const warm = await openRecord(join(LUDB, '1.hea'));
for (let i = 0; i < 5; i++) await analyze(warm);

console.log(`analyze() wall time, in process after start-up (${new Date().toISOString().slice(0, 10)}, node ${process.version})\n`);
console.log(`machine load average at start: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores\n`);
console.log('| data | runs | wall median ms | wall p90 ms | wall max ms | CPU median ms | read median ms | target (wall) |');
console.log('|---|---|---|---|---|---|---|---|');
const ludb = Array.from({ length: 40 }, (_, i) => join(LUDB, `${i + 1}.hea`));
const short = await timeAnalyses(ludb, 3);
row('LUDB 1-40, 10 s, 12 leads, 500 Hz', short, '< 50 ms');
const mit = ['100', '105', '119', '203', '208'].map((r) => join(MITDB, `${r}.hea`));
const long = await timeAnalyses(mit, 1);
row('MIT-BIH 100 105 119 203 208, 30 min, 2 leads, 360 Hz', long, '< 3000 ms');
console.log(`\nstages in this build: ${short.stages}\n`);
console.log('| data | median wall ms per stage |');
console.log('|---|---|');
stageRows('LUDB 10 s 12-lead', short);
stageRows('MIT-BIH 30 min 2-lead', long);
console.log('');

// 50 concurrent uploads of LUDB record 1 (12 leads, 10 s) to the service on the loopback interface.
// One load generator is one client: the per-client rate limit (a production default) would answer 429 here.
const app = await buildServer({ webRoot: null, security: { rateLimitPerMinute: 0 } });
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const fd = new FormData();
for (const f of ['1.hea', '1.dat']) fd.append('files', new Blob([new Uint8Array(readFileSync(join(LUDB, f)))]), f);
const req = new Request('http://x/', { method: 'POST', body: fd });
const body = Buffer.from(await req.arrayBuffer());
const result = await autocannon({
  url: `${address}/v1/analyze`,
  method: 'POST',
  headers: { 'content-type': req.headers.get('content-type')! },
  body,
  connections: 50,
  amount: 1000,
  timeout: 30,
});
await app.close();
console.log('HTTP POST /v1/analyze, LUDB 1 (12 leads, 10 s, 2 files, ' + body.length + ' bytes), 50 concurrent connections, 1000 requests\n');
console.log('| requests | 2xx | non-2xx | errors | timeouts | req/s (mean) | latency p50 ms | p97.5 ms | p99 ms | max ms |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
console.log(`| ${result.requests.total} | ${result['2xx']} | ${result.non2xx} | ${result.errors} | ${result.timeouts} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p97_5} | ${result.latency.p99} | ${result.latency.max} |`);
if (result.errors || result.non2xx || result.timeouts) process.exitCode = 1;
