import { cpus } from 'node:os';
import type { Analysis } from '../analyze.js';
import { SINUS_VERSION } from '../version.js';
import type { BatchInput } from './batchInputs.node.js';
import { BatchJournal, batchOutputFormat, formatBatchRows, readBatchRows, writeFileAtomically } from './batchOutput.node.js';
import { BatchPool } from './batchPool.js';
import { batchRowFromError, type BatchRow } from './batchRow.js';
import { recordContentHash } from './recordContentHash.node.js';

export interface BatchOptions {
  /** Output file, `.csv` or `.jsonl`; written atomically at the end, journalled as rows finish. */
  out: string;
  /** Worker threads (default: the machine's cores). */
  jobs?: number;
  only?: string[];
  skip?: string[];
  /** Times a record whose analysis crashes (not bad input) is tried before it is parked (default 2). */
  maxAttempts?: number;
  /** WFDB records longer than this are analysed in blocks, in bounded memory (default 3600 s). */
  longRecordS?: number;
  /** Called as records finish (also for those skipped as already done). */
  onProgress?: (p: BatchProgress) => void;
  /**
   * Hook for a record store: called with each full Analysis as it finishes (the rows alone are
   * written to `out`). Leave unset to keep the workers from posting whole analyses back.
   */
  onAnalysis?: (file: string, analysis: Analysis) => void | Promise<void>;
}

export interface BatchProgress {
  total: number;
  /** Records finished in this run (analysed or failed). */
  done: number;
  /** Records skipped because the output already held their row (resume). */
  skipped: number;
  errors: number;
  /** Wall seconds since the run started. */
  elapsedS: number;
}

export interface BatchSummary extends BatchProgress {
  parked: number;
  rows: BatchRow[];
}

/** Resume key of a row: content hash and software version. */
const keyOf = (sha: string, version: string) => `${sha}:${version}`;

/**
 * Analyses many records in worker threads and writes one row per record to `options.out`. Resumable:
 * rows already in the output (or in the journal a killed run left) whose content hash and software
 * version match are kept and their records not analysed again. A bad file is a row with its error;
 * a record whose analysis crashes is retried, then parked.
 *
 * @example
 * const s = await runBatch(await batchInputs(['../shared/data/ptb-xl/records100']), { out: 'ptbxl.csv', jobs: 2 });
 * console.log(`${s.done} analysed, ${s.skipped} already done, ${s.errors} errors`);
 */
export async function runBatch(inputs: BatchInput[], options: BatchOptions): Promise<BatchSummary> {
  const format = batchOutputFormat(options.out);
  const journal = new BatchJournal(options.out);
  const previous = new Map<string, BatchRow>();
  for (const r of [...readBatchRows(options.out, format), ...journal.rows()]) {
    if (typeof r.content_sha256 === 'string' && r.status !== 'parked') previous.set(keyOf(r.content_sha256, String(r.software_version)), r);
  }
  const jobs = Math.max(1, Math.min(options.jobs ?? cpus().length, inputs.length || 1));
  const maxAttempts = Math.max(1, options.maxAttempts ?? 2);
  const rows: Array<BatchRow | null> = inputs.map(() => null);
  const t0 = performance.now();
  const progress: BatchSummary = { total: inputs.length, done: 0, skipped: 0, errors: 0, parked: 0, elapsedS: 0, rows: [] };
  const report = () => {
    progress.elapsedS = (performance.now() - t0) / 1000;
    options.onProgress?.({ total: progress.total, done: progress.done, skipped: progress.skipped, errors: progress.errors, elapsedS: progress.elapsedS });
  };
  const finish = (i: number, row: BatchRow, fromJournal: boolean) => {
    rows[i] = row;
    if (fromJournal) progress.skipped++;
    else {
      progress.done++;
      journal.append(row);
    }
    if (row.status === 'error') progress.errors++;
    if (row.status === 'parked') progress.parked++;
    report();
  };

  const pool = new BatchPool(jobs);
  // At most a few records per worker in flight, so a million-file batch holds only a window in memory.
  const window = jobs * 4;
  const inFlight = new Set<Promise<void>>();
  try {
    for (let i = 0; i < inputs.length; i++) {
      const { path, error } = inputs[i];
      if (error) {
        finish(i, batchRowFromError({ file: path, contentSha256: null }, SINUS_VERSION, 'error', error.code, error.message), false);
        continue;
      }
      let sha: string;
      try {
        sha = await recordContentHash(path);
      } catch (e) {
        finish(i, batchRowFromError({ file: path, contentSha256: null }, SINUS_VERSION, 'error', 'FILE_NOT_FOUND', (e as Error).message), false);
        continue;
      }
      const before = previous.get(keyOf(sha, SINUS_VERSION));
      if (before) {
        finish(i, { ...before, file: path }, true);
        continue;
      }
      const task = (async () => {
        let crash = '';
        for (let attempt = 1; attempt <= maxAttempts; attempt++) {
          const r = await pool.analyze({ path, file: path, contentSha256: sha, only: options.only, skip: options.skip, wantAnalysis: !!options.onAnalysis, longRecordS: options.longRecordS });
          if (r.row) {
            if (r.analysis && options.onAnalysis) await options.onAnalysis(path, r.analysis);
            finish(i, r.row, false);
            return;
          }
          crash = r.crash ?? 'unknown crash';
        }
        finish(i, batchRowFromError({ file: path, contentSha256: sha }, SINUS_VERSION, 'parked', 'ANALYSIS_CRASHED', `analysis crashed ${maxAttempts} times: ${crash}`), false);
      })();
      const tracked = task.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      if (inFlight.size >= window) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await pool.close();
  }
  progress.rows = rows.filter((r): r is BatchRow => r !== null);
  writeFileAtomically(options.out, formatBatchRows(progress.rows, format));
  journal.remove();
  report();
  return progress;
}
