/**
 * npm run bench:batch — throughput of `sinus batch` and of the PostgreSQL queue, resume, and a
 * projection to a million records.
 *  1. Local: records/s and CPU s per record with -j 1 and -j 2 over PTB-XL (500 Hz, 12 leads, 10 s)
 *     and CinC 2017 (300 Hz, 1 lead, 9-61 s). Default a subset (--ptbxl 30 --cinc 30; the shared
 *     2-core machine is slow); --full takes all 350 + 3000.
 *  2. Queue: the same records enqueued into a throwaway PostgreSQL, drained by 1 and then 2 worker
 *     processes (`sinus worker -j 1 --until-empty`); records/s, each worker's CPU and peak RSS.
 *  3. Resume: `sinus batch` killed (SIGKILL) when half its rows are journalled, rerun; how many the
 *     rerun analysed and whether its output equals the uninterrupted -j 1 run's.
 *  4. Projection: 1,000,000 10 s 12-lead records on N machines of this size, from the measured
 *     PTB-XL CPU s per record, the measured -j 2 parallel efficiency and the queue overhead.
 * Usage: npx tsx bench/batch.bench.ts [--ptbxl N] [--cinc N] [--full] [--no-queue]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { batchInputs } from '../src/batch/batchInputs.node.js';
import { enqueueBatch, queueStatus } from '../src/batch/pgQueue.node.js';
import { runBatch } from '../src/batch/runBatch.node.js';
import { CINC2017, PTBXL, ROOT } from '../test/dataPaths.js';
import { startPgCluster } from '../test/support/pgCluster.js';
import pgClient from 'pg';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const full = process.argv.includes('--full');
const nPtb = full ? 350 : Number(arg('ptbxl') ?? 30);
const nCinc = full ? 3000 : Number(arg('cinc') ?? 30);
const CLI = ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')];
const dir500 = join(PTBXL, 'records500');
const ptb = readdirSync(dir500).sort().flatMap((d) => readdirSync(join(dir500, d)).filter((f) => f.endsWith('.hea')).sort().map((f) => join(dir500, d, f))).slice(0, nPtb);
const cinc = readdirSync(CINC2017).filter((f) => f.endsWith('.hea')).sort().map((f) => join(CINC2017, f)).slice(0, nCinc);
const tmp = mkdtempSync(join(tmpdir(), 'sinus-bench-batch-'));
const cpuS = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1e6; };

console.log(`\nbatch bench, ${new Date().toISOString()}, ${cpus().length} cores, load avg ${loadavg()[0].toFixed(1)} at start; PTB-XL ${ptb.length} (500 Hz, 12 leads) + CinC 2017 ${cinc.length}${full ? '' : ' (subset; --full for 350 + 3000)'}\n`);

/** 1. Local batches. */
const local: Record<string, { recS: number; cpuPerRec: number; wallS: number }> = {};
console.log('| set | -j | records | wall s | records/s | CPU s per record | peak RSS MB (process, cumulative) |');
console.log('|---|---|---|---|---|---|---|');
for (const [set, files] of [['PTB-XL', ptb], ['CinC 2017', cinc]] as const) {
  for (const jobs of [1, 2]) {
    const out = join(tmp, `${set.replace(/\W/g, '')}-j${jobs}.csv`);
    const c0 = cpuS(), t0 = performance.now();
    const s = await runBatch(await batchInputs([...files]), { out, jobs });
    const wallS = (performance.now() - t0) / 1000, cpu = cpuS() - c0;
    local[`${set} j${jobs}`] = { recS: s.done / wallS, cpuPerRec: cpu / s.done, wallS };
    console.log(`| ${set} | ${jobs} | ${s.done} | ${wallS.toFixed(1)} | ${(s.done / wallS).toFixed(2)} | ${(cpu / s.done).toFixed(3)} | ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} |`);
  }
}

/** 2. The PostgreSQL queue. */
let queueOverhead: number | null = null;
if (!process.argv.includes('--no-queue')) {
  const pg = await startPgCluster();
  if (!('url' in pg)) console.log(`\nqueue: skipped (${pg.reason})`);
  else {
    try {
      console.log('\n| queue | worker processes | records | wall s | records/s | worker CPU s per record | worker peak RSS MB |');
      console.log('|---|---|---|---|---|---|---|');
      const all = [...ptb, ...cinc];
      for (const workers of [1, 2]) {
        const name = `bench-w${workers}`;
        // Workers reuse rows of identical bytes from earlier batches; start each run from an empty table.
        const c = new pgClient.Client({ connectionString: pg.url });
        await c.connect();
        await c.query('CREATE SCHEMA IF NOT EXISTS sinus_batch; DROP TABLE IF EXISTS sinus_batch.result, sinus_batch.attempt');
        await c.end();
        await enqueueBatch(pg.url, name, await batchInputs(all), { chunkSize: 10, leaseS: 600 });
        const t0 = performance.now();
        const lines = await Promise.all(Array.from({ length: workers }, () => new Promise<string>((resolve) => {
          const c = spawn(process.execPath, [...CLI, 'worker', '--queue', pg.url, '-j', '1', '--until-empty'], { cwd: ROOT });
          let err = '';
          c.stderr.on('data', (d) => (err += d));
          c.on('exit', () => resolve(err.split('\n').filter((l) => l.includes('peak RSS')).pop() ?? err));
        })));
        const wallS = (performance.now() - t0) / 1000;
        const st = await queueStatus(pg.url, name);
        const done = st.rows.ok + st.rows.error + st.rows.parked;
        const cpu = lines.map((l) => Number(/cpu ([\d.]+) s/.exec(l)?.[1] ?? NaN)).reduce((a, b) => a + b, 0);
        const rss = Math.max(...lines.map((l) => Number(/peak RSS (\d+) MB/.exec(l)?.[1] ?? NaN)));
        console.log(`| pg-boss | ${workers} | ${done} of ${all.length} | ${wallS.toFixed(1)} | ${(done / wallS).toFixed(2)} | ${(cpu / done).toFixed(3)} | ${rss} |`);
        // Overhead per record: worker CPU per record through the queue minus the local -j 1 CPU per record (both sets, weighted).
        if (workers === 1) {
          const localCpu = (local['PTB-XL j1'].cpuPerRec * ptb.length + local['CinC 2017 j1'].cpuPerRec * cinc.length) / all.length;
          queueOverhead = cpu / done - localCpu;
        }
      }
    } finally {
      pg.stop();
    }
  }
}

/** 3. Resume. */
{
  const files = [...ptb.slice(0, 10), ...cinc.slice(0, 10)];
  const whole = join(tmp, 'resume-whole.csv');
  await runBatch(await batchInputs(files), { out: whole, jobs: 1 });
  const out = join(tmp, 'resume.csv');
  const journal = `${out}.partial.jsonl`;
  const child = spawn(process.execPath, [...CLI, 'batch', ...files, '--out', out, '-j', '1', '--no-progress'], { cwd: ROOT, stdio: 'ignore' });
  const count = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter(Boolean).length : 0);
  while (count() < files.length / 2 && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const before = count();
  const s = await runBatch(await batchInputs(files), { out, jobs: 1 });
  const same = readFileSync(out, 'utf8') === readFileSync(whole, 'utf8');
  console.log(`\nresume: killed after ${before} of ${files.length} rows; the rerun skipped ${s.skipped} and analysed ${s.done}; output ${same ? 'equals' : 'DIFFERS FROM'} the uninterrupted run`);
}

/** 4. Projection. */
{
  const perRec = local['PTB-XL j1'].cpuPerRec + (queueOverhead !== null ? Math.max(0, queueOverhead) : 0);
  const eff = local['PTB-XL j2'].recS / (2 * local['PTB-XL j1'].recS);
  const coresPerMachine = cpus().length;
  console.log(`\nprojection, 1,000,000 10 s 12-lead records: ${perRec.toFixed(3)} CPU s per record (PTB-XL -j 1 ${local['PTB-XL j1'].cpuPerRec.toFixed(3)} + queue overhead ${queueOverhead === null ? 'not measured' : queueOverhead.toFixed(3)}), parallel efficiency at -j 2 ${(100 * eff).toFixed(0)} %, ${coresPerMachine} cores per machine`);
  console.log('| machines | wall hours | machine-hours |');
  console.log('|---|---|---|');
  for (const n of [1, 10, 50, 100]) {
    const hours = (1e6 * perRec) / (n * coresPerMachine * Math.min(1, eff)) / 3600;
    console.log(`| ${n} | ${hours.toFixed(1)} | ${(hours * n).toFixed(0)} |`);
  }
}
rmSync(tmp, { recursive: true, force: true });
