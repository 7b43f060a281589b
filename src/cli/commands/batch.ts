import { cpus } from 'node:os';
import type { Command } from 'commander';
import { SinusError } from '../../errors.js';
import { batchInputs } from '../../batch/batchInputs.node.js';
import { batchOutputFormat, formatBatchRows, writeFileAtomically } from '../../batch/batchOutput.node.js';
import { BATCH_COLUMNS } from '../../batch/batchRow.js';
import { enqueueBatch, queueRows, queueStatus, runQueueWorker } from '../../batch/pgQueue.node.js';
import { runBatch, type BatchProgress } from '../../batch/runBatch.node.js';
import { openStore } from '../../store/openStore.js';
import { storeAnalysedRecord } from '../../store/importRecord.js';
import { EXIT } from '../exitCodes.js';
import { ProgressBar } from '../progressBar.js';

interface BatchCliOptions {
  store?: string;
  out?: string;
  jobs?: string;
  queue?: string;
  name?: string;
  chunkSize: string;
  leaseS: string;
  maxAttempts: string;
  only?: string;
  skip?: string;
  longRecordS: string;
  progress?: boolean;
}

const list = (s?: string) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

function intOption(value: string | undefined, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new SinusError('BAD_ARGUMENT', `--${name} must be an integer ${min}-${max}, got "${value}"`);
  return n;
}

const clock = (s: number) => (Number.isFinite(s) ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s` : '?');

/** The progress label: records done, rate, ETA, errors. */
export function batchProgressLabel(p: BatchProgress): string {
  const rate = p.done / Math.max(p.elapsedS, 1e-3);
  const left = p.total - p.done - p.skipped;
  return `${p.done + p.skipped}/${p.total} records${p.skipped ? ` (${p.skipped} already done)` : ''}, ${rate.toFixed(1)} rec/s, ETA ${clock(left / Math.max(rate, 1e-9))}${p.errors ? `, ${p.errors} errors` : ''}`;
}

const EXIT_HELP = `\nExit status: 0 every row ok; 2 some rows are input errors or parked (the table is complete either way); 1 usage.\n`;
const COLUMNS_HELP = `\nColumns of --out (stable; empty cell = unknown, see 'reasons'):\n${BATCH_COLUMNS.map(([c, d]) => `  ${c.padEnd(17)} ${d}`).join('\n')}\n`;

export function batchCommand(program: Command): void {
  program
    .command('batch')
    .description('analyse many records into one table (CSV or JSON Lines), resumable; or queue them for workers on many machines (PostgreSQL)')
    .argument('<paths...>', "record files, folders, manifest CSVs (a 'path' column); or 'status' with --queue")
    .option('-o, --out <file>', 'results table, .csv or .jsonl (written atomically; a rerun skips records already in it)')
    .option('-j, --jobs <n>', 'worker threads (default: number of cores)')
    .option('--queue <url>', 'postgres://... : enqueue the records for `sinus worker` instead of analysing them here')
    .option('--name <batch>', 'batch name in the queue (default: batch-<timestamp>)')
    .option('--chunk-size <n>', 'records per queue job', '25')
    .option('--lease-s <s>', 'seconds a worker may hold a job before it is handed to another', '600')
    .option('--max-attempts <n>', 'tries of a record whose analysis crashes before it is parked', '3')
    .option('--only <stages>', 'comma-separated stages to run (with their dependencies)')
    .option('--skip <stages>', 'comma-separated stages to leave out')
    .option('--store <path|url>', 'also keep each analysed record (its files and full analysis) in this store: a SQLite file or a postgres:// URL')
    .option('--long-record-s <s>', 'WFDB records longer than this are analysed in blocks, in bounded memory (sinus holter)', '3600')
    .option('--progress', 'show the progress line even when stderr is not a terminal')
    .option('--no-progress', 'never show the progress line')
    .addHelpText(
      'after',
      `\nExamples:\n  sinus batch ../shared/data/ptb-xl/records100 --out ptbxl.csv -j 2\n  sinus batch ../shared/data/cinc2017 --queue postgres://user@db/sinus --name cinc\n  sinus worker --queue postgres://user@db/sinus\n  sinus batch status --queue postgres://user@db/sinus --name cinc [--out cinc.csv]\n${EXIT_HELP}${COLUMNS_HELP}`,
    )
    .action(async (paths: string[], opts: BatchCliOptions) => {
      const settings = {
        chunkSize: intOption(opts.chunkSize, 'chunk-size', 1, 10000, 25),
        leaseS: intOption(opts.leaseS, 'lease-s', 1, 86400, 600),
        maxAttempts: intOption(opts.maxAttempts, 'max-attempts', 1, 100, 3),
      };
      if (paths.length === 1 && paths[0] === 'status') {
        if (!opts.queue) throw new SinusError('BAD_ARGUMENT', 'sinus batch status needs --queue postgres://...');
        const s = await queueStatus(opts.queue, opts.name ?? null);
        process.stdout.write(
          `batch ${s.batch ?? '(all)'}: ${s.records} records queued\n` +
            `records  done ${s.rows.ok}, failed (input error) ${s.rows.error}, parked ${s.rows.parked}, not yet written ${Math.max(0, s.records - s.rows.ok - s.rows.error - s.rows.parked)}\n` +
            `chunks   queued ${s.chunks.queued}, running ${s.chunks.running}, retrying ${s.chunks.retrying}, done ${s.chunks.done}, failed ${s.chunks.failed}\n`,
        );
        if (opts.out && opts.name) writeFileAtomically(opts.out, formatBatchRows(await queueRows(opts.queue, opts.name), batchOutputFormat(opts.out)));
        return;
      }
      const inputs = await batchInputs(paths);
      if (inputs.length === 0) {
        process.stderr.write('sinus: no record files found\n');
        process.exitCode = EXIT.INPUT;
        return;
      }
      if (opts.queue) {
        const name = opts.name ?? `batch-${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}`;
        const n = await enqueueBatch(opts.queue, name, inputs, { ...settings, only: list(opts.only), skip: list(opts.skip) });
        process.stdout.write(`batch ${name}: ${inputs.length} records queued in ${n} jobs; run \`sinus worker --queue ...\` on each machine\n`);
        return;
      }
      if (!opts.out) throw new SinusError('BAD_ARGUMENT', 'sinus batch needs --out results.csv|.jsonl (or --queue)');
      batchOutputFormat(opts.out);
      const bar = new ProgressBar(opts.progress ?? !!process.stderr.isTTY);
      const jobs = intOption(opts.jobs, 'jobs', 1, 256, cpus().length);
      const store = opts.store ? await openStore(opts.store) : null;
      const s = await runBatch(inputs, {
        onAnalysis: store ? async (file, analysis) => { await storeAnalysedRecord(store, file, analysis); } : undefined,
        out: opts.out,
        jobs,
        only: list(opts.only),
        skip: list(opts.skip),
        maxAttempts: settings.maxAttempts,
        longRecordS: intOption(opts.longRecordS, 'long-record-s', 60, 10_000_000, 3600),
        onProgress: (p) => bar.update((p.done + p.skipped) / p.total, batchProgressLabel(p)),
      });
      bar.clear();
      await store?.close();
      process.stderr.write(`sinus: ${s.total} records: ${s.done} analysed, ${s.skipped} already done, ${s.errors} errors, ${s.parked} parked, ${s.elapsedS.toFixed(1)} s -> ${opts.out}\n`);
      process.exitCode = s.errors || s.parked ? EXIT.INPUT : EXIT.OK;
    });

  program
    .command('worker')
    .description('take batch jobs from the PostgreSQL queue and write their rows to PostgreSQL (run one per machine)')
    .requiredOption('--queue <url>', 'postgres://...')
    .option('-j, --jobs <n>', 'worker threads (default: number of cores)')
    .option('--until-empty', 'exit once no job is queued, retrying or running')
    .option('--max-attempts <n>', 'tries of a record whose analysis crashes before it is parked', '3')
    .option('--maintenance-s <s>', 'seconds between checks for jobs whose lease ran out', '10')
    .action(async (opts: { queue: string; jobs?: string; untilEmpty?: boolean; maxAttempts: string; maintenanceS: string }) => {
      const s = await runQueueWorker(opts.queue, {
        jobs: intOption(opts.jobs, 'jobs', 1, 256, cpus().length),
        untilEmpty: !!opts.untilEmpty,
        maxAttempts: intOption(opts.maxAttempts, 'max-attempts', 1, 100, 3),
        maintenanceS: intOption(opts.maintenanceS, 'maintenance-s', 1, 3600, 10),
        log: (l) => process.stderr.write(`sinus worker: ${l}\n`),
      });
      const cpu = process.cpuUsage();
      process.stderr.write(`sinus worker: ${s.chunks} chunks, ${s.written} rows written, ${s.skipped} already written, ${s.parked} parked; cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB\n`);
    });
}
