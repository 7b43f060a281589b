import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analysis } from '../analyze.js';
import { workerStackSizeMb } from './workerStackSize.js';
import { deserializeError, type AnalysisJob, type AnalysisJobResult, type SerializedError } from './analysisJob.js';

/** What a pool worker can be asked to do. */
export type PoolRequest =
  | { kind: 'analyzeFiles'; job: AnalysisJob }
  | { kind: 'analyzePath'; path: string; only?: string[]; skip?: string[] }
  | { kind: 'png'; svg: string; dpi?: number }
  | { kind: 'pdf'; svg: string; title?: string };

interface Pending {
  resolve: (r: unknown) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

/**
 * A fixed set of worker threads that analyse uploads, so a long analysis never blocks the event
 * loop (health checks, uploads, pictures keep answering). Admission control (how many wait) is
 * the {@link WorkQueue}'s job; the pool runs at most `size` jobs at once. A worker that dies is
 * replaced and its job fails with an internal error.
 *
 * @example
 * const pool = new AnalysisPool(2);
 * const { analysis } = await pool.run({ files: { '1.hea': hea, '1.dat': dat }, maxRecordDurationS: 3600 });
 */
export class AnalysisPool {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Pending & { slot: Slot }>();
  private readonly waiting: Array<() => void> = [];
  private nextId = 1;
  private closed = false;

  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  /** Idle time after which the workers are replaced by fresh ones (0: never). */
  idleRecycleMs = 0;

  constructor(private readonly size: number, private readonly workerUrl: URL = AnalysisPool.defaultWorkerUrl()) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /**
   * After `idleRecycleMs` with nothing running or waiting, replaces every worker by a fresh one, so
   * the memory a load left in worker heaps and onnxruntime's arenas goes back (the service's memory
   * returns to its idle baseline after load).
   */
  private scheduleRecycle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (!(this.idleRecycleMs > 0) || this.closed || this.waiting.length || this.slots.some((s) => s.busy)) return;
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      if (this.closed || this.waiting.length || this.slots.some((s) => s.busy)) return;
      this.slots.forEach((s, i) => {
        this.slots[i] = this.spawn();
        s.worker.removeAllListeners('exit');
        void s.worker.terminate();
      });
    }, this.idleRecycleMs);
    this.idleTimer.unref();
  }

  /** The worker module beside this one: `.ts` when running from source (tsx), `.js` when built. */
  static defaultWorkerUrl(): URL {
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    return new URL(`./analysisWorker${ext}`, import.meta.url);
  }

  /** A worker for the module; from source (.ts) it first registers tsx, whose loader hooks workers do not inherit. */
  private newWorker(): Worker {
    // onnxruntime recurses once per byte of /proc/self/cmdline when it creates a session: a batch
    // given hundreds of paths overflowed the default 4 MiB worker stack (exit 139).
    const options = { resourceLimits: { stackSizeMb: workerStackSizeMb() } };
    if (!this.workerUrl.pathname.endsWith('.ts')) return new Worker(this.workerUrl, options);
    const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const code = `import { register } from ${JSON.stringify(tsxApi)}; register(); await import(${JSON.stringify(this.workerUrl.href)});`;
    return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), options);
  }

  private spawn(): Slot {
    const slot: Slot = { worker: this.newWorker(), busy: false };
    slot.worker.on('message', (msg: { id: number; result?: unknown; error?: SerializedError }) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      this.release(slot);
      if (msg.error) p.reject(deserializeError(msg.error));
      else p.resolve(msg.result!);
    });
    slot.worker.on('error', (e) => this.fail(slot, e));
    slot.worker.on('exit', (code) => {
      if (!this.closed) this.fail(slot, new Error(`analysis worker exited with code ${code}`));
    });
    slot.worker.unref();
    return slot;
  }

  private fail(slot: Slot, e: Error): void {
    for (const [id, p] of this.pending) {
      if (p.slot !== slot) continue;
      this.pending.delete(id);
      p.reject(e);
    }
    const i = this.slots.indexOf(slot);
    if (i >= 0 && !this.closed) {
      void slot.worker.terminate();
      this.slots[i] = this.spawn();
      this.waiting.shift()?.();
    }
  }

  private release(slot: Slot): void {
    slot.busy = false;
    // Idle workers must not keep the process alive; busy ones must (a CLI has nothing else running).
    slot.worker.unref();
    this.waiting.shift()?.();
    this.scheduleRecycle();
  }

  /** Worker threads able to take work (0 once closed). */
  get liveWorkers(): number {
    return this.closed ? 0 : this.slots.length;
  }

  /**
   * Reads and analyses uploaded files in a worker; the record comes back for rendering. When
   * `signal` aborts (the client went away), the worker is replaced so its CPU is freed at once.
   */
  run(job: AnalysisJob, signal?: AbortSignal): Promise<AnalysisJobResult> {
    return this.exec({ kind: 'analyzeFiles', job }, signal) as Promise<AnalysisJobResult>;
  }

  /** Opens a record file and analyses it in a worker (the CLI's parallel batch mode). */
  analyzePath(path: string, options: { only?: string[]; skip?: string[] } = {}): Promise<{ analysis: Analysis; checksumMismatch: boolean }> {
    return this.exec({ kind: 'analyzePath', path, ...options }) as Promise<{ analysis: Analysis; checksumMismatch: boolean }>;
  }

  /** Rasterises (PNG) or prints (PDF) an SVG in a worker, off the event loop. */
  render(svg: string, format: 'png' | 'pdf', options: { dpi?: number; title?: string } = {}): Promise<Uint8Array> {
    return this.exec(format === 'png' ? { kind: 'png', svg, dpi: options.dpi } : { kind: 'pdf', svg, title: options.title }) as Promise<Uint8Array>;
  }

  private async exec(req: PoolRequest, signal?: AbortSignal): Promise<unknown> {
    if (this.closed) throw new Error('analysis pool is closed');
    let slot = this.slots.find((s) => !s.busy);
    while (!slot) {
      await new Promise<void>((r) => this.waiting.push(r));
      slot = this.slots.find((s) => !s.busy);
    }
    if (signal?.aborted) {
      this.waiting.shift()?.();
      throw abortReason(signal);
    }
    slot.busy = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    slot.worker.ref();
    const id = this.nextId++;
    const chosen = slot;
    return new Promise((resolve, reject) => {
      // A worker cannot be interrupted mid-analysis; terminating it is the only way to stop the work.
      const onAbort = () => this.fail(chosen, abortReason(signal!));
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle = <T,>(f: (v: T) => void) => (v: T) => {
        signal?.removeEventListener('abort', onAbort);
        f(v);
      };
      this.pending.set(id, { resolve: settle(resolve), reject: settle(reject), slot: chosen });
      try {
        // Copied, not transferred: upload buffers may be views into Node's shared Buffer pool.
        chosen.worker.postMessage({ id, req });
      } catch (e) {
        this.pending.delete(id);
        this.release(chosen);
        signal?.removeEventListener('abort', onAbort);
        reject(e as Error);
      }
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}
