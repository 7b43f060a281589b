import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analysis } from '../analyze.js';
import type { BatchRow } from './batchRow.js';

/** One record for a pool worker to analyse. */
export interface BatchTask {
  /** Path to open. */
  path: string;
  /** Path as written into the row's `file` column. */
  file: string;
  contentSha256: string | null;
  only?: string[];
  skip?: string[];
  /** Post the full Analysis back too (for a store). */
  wantAnalysis?: boolean;
  /** WFDB records longer than this many seconds are analysed in blocks (default LONG_RECORD_S, 1 h). */
  longRecordS?: number;
}

/** What came back: a row (ok or input error), or `crash` (an unexpected exception or a dead worker). */
export interface BatchTaskResult {
  row: BatchRow | null;
  analysis: Analysis | null;
  crash: string | null;
}

/**
 * Native stack of each worker thread, MB. onnxruntime recurses deeply in some sessions; with Node's
 * default worker stack (4 MB) a long `analyze -j 2` run died with SIGSEGV (issue 21).
 */
export const BATCH_WORKER_STACK_MB = 64;

interface Slot {
  worker: Worker;
  task: { id: number; resolve: (r: BatchTaskResult) => void } | null;
}

/**
 * A fixed set of reusable worker threads that analyse record files for a batch, one record per
 * worker at a time. A worker that throws or dies answers its record with `crash` and is replaced;
 * the pool never rejects, so one bad file never ends a batch.
 *
 * @example
 * const pool = new BatchPool(2);
 * const { row } = await pool.analyze({ path: '100.hea', file: '100.hea', contentSha256: null });
 * await pool.close();
 */
export class BatchPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Array<{ task: BatchTask; resolve: (r: BatchTaskResult) => void }> = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number, private readonly workerUrl: URL = BatchPool.defaultWorkerUrl()) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** The worker module beside this one: `.ts` when running from source (tsx), `.js` when built. */
  static defaultWorkerUrl(): URL {
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    return new URL(`./batchWorker${ext}`, import.meta.url);
  }

  private newWorker(): Worker {
    const options = { resourceLimits: { stackSizeMb: BATCH_WORKER_STACK_MB } };
    if (!this.workerUrl.pathname.endsWith('.ts')) return new Worker(this.workerUrl, options);
    // From source: register tsx first (workers do not inherit the parent's loader hooks).
    const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const code = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(this.workerUrl.href)});`;
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), options);
  }

  private spawn(): Slot {
    const slot: Slot = { worker: this.newWorker(), task: null };
    slot.worker.on('message', (msg: { id: number; result: BatchTaskResult }) => {
      const t = slot.task;
      if (!t || t.id !== msg.id) return;
      slot.task = null;
      t.resolve(msg.result);
      this.next(slot);
    });
    const died = (why: string) => {
      if (this.closed) return;
      const t = slot.task;
      slot.task = null;
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      void slot.worker.terminate();
      const fresh = this.spawn();
      this.slots[i] = fresh;
      t?.resolve({ row: null, analysis: null, crash: why });
      this.next(fresh);
    };
    slot.worker.on('error', (e) => died(`worker error: ${e.message}`));
    slot.worker.on('exit', (code) => died(`worker exited with code ${code}`));
    slot.worker.unref();
    return slot;
  }

  private next(slot: Slot): void {
    const item = this.queue.shift();
    if (!item) {
      slot.worker.unref();
      return;
    }
    const id = this.nextId++;
    slot.task = { id, resolve: item.resolve };
    slot.worker.ref();
    slot.worker.postMessage({ id, task: item.task });
  }

  /** Analyses one record in the next free worker. */
  analyze(task: BatchTask): Promise<BatchTaskResult> {
    if (this.closed) return Promise.resolve({ row: null, analysis: null, crash: 'batch pool is closed' });
    return new Promise((resolve) => {
      this.queue.push({ task, resolve });
      const idle = this.slots.find((s) => !s.task);
      if (idle) this.next(idle);
    });
  }

  /** Records waiting for a worker. */
  get waiting(): number {
    return this.queue.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const q of this.queue.splice(0)) q.resolve({ row: null, analysis: null, crash: 'batch pool closed' });
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
