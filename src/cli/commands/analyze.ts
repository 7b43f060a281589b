import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { analyze, type Analysis } from '../../analyze.js';
import { isSinusError, SinusError } from '../../errors.js';
import { AnalysisPool } from '../../server/analysisPool.js';
import { commandLineTooLongForMainThread } from '../../server/workerStackSize.js';
import { openRecord } from '../../io/openRecord.js';
import { reconciledRhythmLine, sectionSummary } from '../../analyze/sectionSummary.js';
import { shippedModelStageOptions } from '../../analyze/shippedModels.node.js';
import { EXIT, EXIT_CODES_HELP } from '../exitCodes.js';
import { findRecords } from '../findRecords.js';
import { ProgressBar } from '../progressBar.js';

interface AnalyzeCliOptions {
  jobs: string;
  json?: boolean;
  out?: string;
  only?: string;
  skip?: string;
  progress?: boolean;
}

/** Full text report of one analysis. */
export function formatAnalysisText(a: Analysis): string {
  const r = a.record;
  const lines = [
    `record       ${r.name} (${r.format ?? 'unknown format'}), ${r.fsHz} Hz, ${r.leads.length} leads (${r.leads.map((l) => l.name).join(', ')}), ${r.durationS.toFixed(1)} s`,
  ];
  // One rhythm statement: the interpretation's reconciled one replaces the rhythm analysis' and the strip model's lines.
  const reconciled = reconciledRhythmLine(a.results.interpretation);
  for (const s of a.stages) {
    if (reconciled !== null && s.name === 'stripRhythm') continue;
    const what = reconciled !== null && s.name === 'rhythm' ? reconciled : s.status === 'ok' ? sectionSummary(a.results, s.name) : `${s.status}: ${s.reason}`;
    lines.push(`${s.name.padEnd(12)} ${what}${s.status === 'ok' ? `  [${s.timeMs.toFixed(1)} ms]` : ''}`);
  }
  if (a.models.length) lines.push(`models       ${a.models.map((m) => `${m.name}${m.version ? ' ' + m.version : ''}`).join(', ')}`);
  lines.push(`total        ${a.timingsMs.total.toFixed(1)} ms (sinus ${a.software.version}, schema ${a.schemaVersion})`);
  return lines.join('\n');
}

/** One line per record for batch text output. */
export function formatAnalysisLine(file: string, a: Analysis): string {
  const r = a.record;
  const reconciled = reconciledRhythmLine(a.results.interpretation);
  const ok = a.stages.filter((s) => s.status === 'ok' && !(reconciled !== null && s.name === 'stripRhythm')).map((s) => `${s.name}: ${reconciled !== null && s.name === 'rhythm' ? reconciled : sectionSummary(a.results, s.name)}`);
  const notOk = a.stages.filter((s) => s.status !== 'ok').map((s) => `${s.name} ${s.status}`);
  return [file, `${r.fsHz} Hz`, `${r.leads.length} leads`, `${r.durationS.toFixed(1)} s`, ...ok, notOk.length ? `[${notOk.join(', ')}]` : '', `${a.timingsMs.total.toFixed(0)} ms`].filter(Boolean).join('\t');
}

const list = (s?: string) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

export function analyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description('analyse ECG records: quality, beats, waves, measurements, classes, rhythm (one Analysis per record)')
    .argument('<paths...>', 'record files (.hea, .edf, .csv, ...) and/or folders to search for records')
    .option('--json', 'JSON output: the full Analysis for one record, one compact JSON line per record in a batch')
    .option('-o, --out <dir>', 'also write <record>.analysis.json for each record into this folder')
    .option('--only <stages>', 'comma-separated stages to run (with their dependencies)')
    .option('--skip <stages>', 'comma-separated stages to leave out')
    .option('-j, --jobs <n>', 'records analysed at once, each in its own worker thread (batch mode)', '1')
    .option('--progress', 'show a progress bar on stderr even when it is not a terminal')
    .option('--no-progress', 'never show a progress bar')
    .addHelpText('after', `\nExamples:\n  sinus analyze samples/100.hea\n  sinus analyze --json ../shared/data/ludb/data > ludb.ndjson\n${EXIT_CODES_HELP}`)
    .action(async (paths: string[], opts: AnalyzeCliOptions) => {
      const found = await findRecords(paths);
      const files = found.map((f) => f.path);
      if (files.length === 0) {
        process.stderr.write('sinus: no record files found\n');
        process.exitCode = EXIT.INPUT;
        return;
      }
      const batch = files.length > 1;
      const bar = new ProgressBar(opts.progress ?? !!process.stderr.isTTY);
      if (opts.out) await mkdir(opts.out, { recursive: true });
      let exit: number = EXIT.OK;
      const jobs = Math.floor(Number(opts.jobs));
      if (!(jobs >= 1 && jobs <= 64)) throw new SinusError('BAD_ARGUMENT', `--jobs must be 1-64, got "${opts.jobs}"`);
      const only = list(opts.only);
      const skip = list(opts.skip);
      // Parallel batches: records go to worker threads; results are still printed in input order.
      // A very long command line (hundreds of paths) overflows the main thread's stack inside
      // onnxruntime; then even -j 1 analyses in a worker, whose stack is sized to it.
      const inWorkers = (jobs > 1 && batch) || commandLineTooLongForMainThread();
      const pool = inWorkers ? new AnalysisPool(Math.min(jobs, files.length)) : null;
      let done = 0;
      const started = pool
        ? found.map((f) => {
            const p = f.error ? Promise.reject(f.error) : pool.analyzePath(f.path, { only, skip });
            p.then(
              () => bar.update(++done / files.length, `${done}/${files.length} done`),
              () => bar.update(++done / files.length, `${done}/${files.length} done`),
            );
            return p;
          })
        : null;
      try {
        for (let i = 0; i < files.length; i++) {
          const file = files[i];
          const label = batch ? `${i + 1}/${files.length} ${basename(file)}` : basename(file);
          if (!pool) bar.update(i / files.length, label, true);
          try {
            let a: Analysis;
            let checksumMismatch: boolean;
            if (started) {
              ({ analysis: a, checksumMismatch } = await started[i]);
            } else {
              if (found[i].error) throw found[i].error;
              const rec = await openRecord(file);
              a = await analyze(rec, { only, skip, stageOptions: await shippedModelStageOptions(), onProgress: (p) => bar.update((i + p.fraction) / files.length, `${label} ${p.stage}`) });
              checksumMismatch = !!rec.checksums?.some((c) => c.ok === false);
            }
            bar.clear();
            if (opts.out) await writeFile(join(opts.out, `${a.record.name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_') || 'record'}.analysis.json`), JSON.stringify(a, null, 2) + '\n');
            if (opts.json) process.stdout.write((batch ? JSON.stringify({ file, analysis: a }) : JSON.stringify(a, null, 2)) + '\n');
            else process.stdout.write((batch ? formatAnalysisLine(file, a) : formatAnalysisText(a)) + '\n');
            if (checksumMismatch) exit = Math.max(exit, EXIT.CHECKSUM);
            if (a.stages.some((s) => s.status === 'failed')) exit = Math.max(exit, EXIT.STAGE_FAILED);
          } catch (e) {
            bar.clear();
            if (!isSinusError(e)) throw e;
            exit = Math.max(exit, EXIT.INPUT);
            if (opts.json && batch) process.stdout.write(JSON.stringify({ file, error: { code: e.code, message: e.message } }) + '\n');
            else if (batch) process.stdout.write(`${file}\terror ${e.code}: ${e.message}\n`);
            else process.stderr.write(`sinus: ${e.message} [${e.code}]\n`);
          }
        }
      } finally {
        await pool?.close();
      }
      bar.clear();
      process.exitCode = exit;
    });
}
