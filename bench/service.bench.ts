/**
 * `npm run bench:service [-- --fuzz-cases N --clients 50,100,200]`: the service under load and
 * attack, on loopback only (127.0.0.1), every loop bounded.
 *  1. `sinus serve` in its own process; a real 10 s 12-lead upload (LUDB 1) from 50, 100 and 200
 *     concurrent clients (autocannon, one request each): p50/p99 latency, throughput, errors, 503s,
 *     the server's peak resident memory and its memory 15 s after the load (settled).
 *  2. The amplification uploads of issue 21: multi-segment headers listing one 10 s segment for
 *     24 h and 48 h, a 1-lead 24 h 1 kHz header with a '~' signal, a 1,000-lead header with a real
 *     .dat: status, time, peak memory above the idle baseline (target < 300 MB).
 *  3. The fuzz suite (`npm run fuzz`): cases, crashes, invalid records accepted (targets 0).
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ROOT, SAMPLES } from '../test/dataPaths.js';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : dflt; };
const clientCounts = opt('clients', '50,100,200').split(',').map(Number);
const fuzzCases = Number(opt('fuzz-cases', '300'));

const freePort = () => new Promise<number>((resolve) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => resolve(p)); }); });
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--host', '127.0.0.1', '--port', String(port), '--rate-limit', '0'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
server.stderr.on('data', () => undefined);

/** Resident memory of the server process (all its threads), MiB, from /proc. */
function rssMiB(): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch { return NaN; }
}
/** Samples the server's memory every 50 ms while `f` runs; returns f's result and the peak. */
async function withPeak<T>(f: () => Promise<T>): Promise<{ result: T; peakMiB: number }> {
  let peak = rssMiB();
  const t = setInterval(() => { peak = Math.max(peak, rssMiB()); }, 50);
  try { return { result: await f(), peakMiB: Math.max(peak, rssMiB()) }; } finally { clearInterval(t); }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

for (let i = 0; i < 600; i++) { try { if ((await fetch(`${base}/health/live`)).ok) break; } catch { /* starting */ } await sleep(100); }

function multipart(files: Array<[string, Uint8Array]>): Promise<{ body: Buffer; type: string }> {
  const fd = new FormData();
  for (const [n, b] of files) fd.append('files', new Blob([new Uint8Array(b)]), n);
  const req = new Request('http://x/', { method: 'POST', body: fd });
  return req.arrayBuffer().then((ab) => ({ body: Buffer.from(ab), type: req.headers.get('content-type')! }));
}
const file = (n: string): [string, Uint8Array] => [n, new Uint8Array(readFileSync(join(SAMPLES, n)))];
const ludb = await multipart([file('1.hea'), file('1.dat')]);

// Warm-up: the workers load their models; then the idle baseline.
for (let i = 0; i < 4; i++) await fetch(`${base}/v1/analyze`, { method: 'POST', body: ludb.body, headers: { 'content-type': ludb.type } });
await sleep(3000);
const baseline = rssMiB();
console.log(`service bench ${new Date().toISOString()} node ${process.version}, ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}; server idle after warm-up: ${baseline.toFixed(0)} MiB\n`);
console.log(`POST /v1/analyze, LUDB 1 (12 leads, 10 s, ${ludb.body.length} bytes), one request per client; sinus serve --concurrency 2 --queue 64\n`);
console.log('| clients | 200 | 503 | other | errors/timeouts | throughput req/s (200s) | p50 ms | p99 ms | peak MiB | settled MiB (15 s after) |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const clients of clientCounts) {
  const t0 = performance.now();
  const { result: r, peakMiB } = await withPeak(() => autocannon({ url: `${base}/v1/analyze`, method: 'POST', headers: { 'content-type': ludb.type }, body: ludb.body, connections: clients, amount: clients, timeout: 120 }));
  const wallS = (performance.now() - t0) / 1000;
  const codes = (r as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const ok = codes['200']?.count ?? r['2xx'];
  const busy = codes['503']?.count ?? 0;
  const other = r.non2xx - busy;
  await sleep(15_000);
  console.log(`| ${clients} | ${ok} | ${busy} | ${other} | ${r.errors}/${r.timeouts} | ${(ok / wallS).toFixed(1)} | ${r.latency.p50} | ${r.latency.p99} | ${peakMiB.toFixed(0)} | ${rssMiB().toFixed(0)} |`);
}

// Amplification uploads.
const enc = (s: string) => new TextEncoder().encode(s);
const seg = (n: number) => enc(`multi/${n} 12 500 ${n * 5000}\n${Array.from({ length: n }, () => '1 5000').join('\n')}\n`);
const many = enc(`x 1000 500 5000\n${Array.from({ length: 1000 }, (_, i) => `x.dat 16 200/mV 16 0 0 0 0 s${i}`).join('\n')}\n`);
const manyDat = new Uint8Array(1000 * 5000 * 2);
const ludbDat = readFileSync(join(SAMPLES, '1.dat'));
for (let off = 0; off < manyDat.length; off += ludbDat.length) manyDat.set(ludbDat.subarray(0, Math.min(ludbDat.length, manyDat.length - off)), off);
const attacks: Array<[string, Array<[string, Uint8Array]>]> = [
  ['multi-segment, one 10 s segment x 8,640 (24 h, 12 leads)', [['multi.hea', seg(8640)], file('1.hea'), file('1.dat')]],
  ['multi-segment, one 10 s segment x 17,280 (48 h, 12 leads)', [['multi.hea', seg(17280)], file('1.hea'), file('1.dat')]],
  ["1 lead, 24 h at 1 kHz, '~' signal", [['x.hea', enc('x 1 1000 86400000\n~ 0 200/mV 16 0 0 0 0 II\n')]]],
  ['1,000 leads x 10 s with a real 10 MB .dat', [['x.hea', many], ['x.dat', manyDat]]],
];
console.log(`\nAmplification uploads (baseline ${rssMiB().toFixed(0)} MiB; target: peak < 300 MB above it)\n`);
console.log('| upload | bytes | status | ms | peak MiB above baseline |');
console.log('|---|---|---|---|---|');
for (const [what, files] of attacks) {
  const before = rssMiB();
  const up = await multipart(files);
  const t0 = performance.now();
  const { result: status, peakMiB } = await withPeak(async () => (await fetch(`${base}/v1/analyze`, { method: 'POST', body: up.body, headers: { 'content-type': up.type } })).status);
  console.log(`| ${what} | ${up.body.length} | ${status} | ${(performance.now() - t0).toFixed(0)} | ${(peakMiB - before).toFixed(0)} |`);
}
server.kill('SIGTERM');

// The fuzz suite.
const out = join(tmpdir(), `sinus-fuzz-${process.pid}.json`);
spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/fuzz.ts'), '--cases', String(fuzzCases), '--json', out], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
const fuzz = JSON.parse(readFileSync(out, 'utf8')).summary;
console.log(`\nFuzz (npm run fuzz -- --cases ${fuzzCases}, seed ${fuzz.seed}, ${fuzz.seeds} seed records)\n`);
console.log('| cases | read | refused | crashes (incl. timeouts, memory) | invalid records accepted | slowest case ms | wall s |');
console.log('|---|---|---|---|---|---|---|');
console.log(`| ${fuzz.cases} | ${fuzz.read} | ${fuzz.refused} | ${fuzz.crashes} | ${fuzz.invalidAccepted} | ${fuzz.slowestCaseMs} | ${fuzz.wallS} |`);
