import type { FastifyInstance } from 'fastify';

/** What readiness looks at. */
export interface ReadinessProbe {
  /** Analyses waiting, and how many may wait before 503. */
  queued: () => number;
  maxQueued: number;
  /** Worker threads able to take work (null when analyses run in process). */
  liveWorkers: () => number | null;
  /** Resident memory above which the service says it is not ready, bytes. */
  maxRssBytes: number;
}

/**
 * `/health/live` (the process answers: 200) and `/health/ready` (200 when it can take an analysis
 * now: a live worker, room in the queue, memory under its bound; else 503 with the reasons), for a
 * load balancer or an orchestrator.
 *
 * @example
 * registerHealth(app, { queued: () => queue.queued, maxQueued: 64, liveWorkers: () => 2, maxRssBytes: 2 ** 31 });
 */
export function registerHealth(app: FastifyInstance, probe: ReadinessProbe): void {
  app.get('/health/live', async () => ({ status: 'live' }));
  app.get('/health/ready', async (_req, reply) => {
    const reasons: string[] = [];
    const workers = probe.liveWorkers();
    if (workers === 0) reasons.push('no analysis worker is running');
    if (probe.queued() >= probe.maxQueued) reasons.push(`queue full (${probe.queued()} waiting)`);
    const rss = process.memoryUsage.rss();
    if (rss > probe.maxRssBytes) reasons.push(`memory ${Math.round(rss / 2 ** 20)} MiB over ${Math.round(probe.maxRssBytes / 2 ** 20)} MiB`);
    if (reasons.length) return reply.code(503).header('retry-after', '1').send({ status: 'not ready', reasons });
    return { status: 'ready', queued: probe.queued(), workers, rssMiB: Math.round(rss / 2 ** 20) };
  });
}
