/**
 * Bounds concurrent CPU work: at most `concurrency` jobs run, at most `maxQueued` wait; beyond
 * that `run` rejects with {@link QueueFullError} so the service answers 503 instead of piling up.
 *
 * @example
 * const q = new WorkQueue(2, 64);
 * const analysis = await q.run(() => analyze(record));
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly concurrency: number, readonly maxQueued: number) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(job: () => Promise<T> | T): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxQueued) throw new QueueFullError(this.running, this.waiting.length);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      // Hand the slot straight to the next waiter; `running` stays the same.
      if (next) next();
      else this.running--;
    }
  }
}

export class QueueFullError extends Error {
  constructor(running: number, queued: number) {
    super(`busy: ${running} analyses running and ${queued} waiting; try again shortly`);
    this.name = 'QueueFullError';
  }
}
