/**
 * Batches across many machines, with PostgreSQL as both the queue and the result store. pg-boss
 * holds the jobs (chunks of record paths, on storage every worker can read); the rows go to
 * `sinus_batch.result`, one per (batch, file), so a chunk that is retried never writes a record twice.
 *
 * Guarantees: a worker killed mid-chunk loses nothing (its job's lease runs out, pg-boss makes it
 * available again, records already written are skipped); a record whose analysis crashes (an
 * exception other than bad input, a dead worker thread, or a dead worker process) is counted in
 * `sinus_batch.attempt` and after `maxAttempts` tries gets a `parked` row with its last error.
 */
import { cpus } from 'node:os';
import PgBoss from 'pg-boss';
import pg from 'pg';
import { SinusError } from '../errors.js';
import { SINUS_VERSION } from '../version.js';
import type { BatchInput } from './batchInputs.node.js';
import { BatchPool } from './batchPool.js';
import { batchRowFromError, type BatchRow } from './batchRow.js';
import { recordContentHash } from './recordContentHash.node.js';

/** The pg-boss queue all sinus batches share. */
export const BATCH_QUEUE_NAME = 'sinus-batch';

/** One job: a chunk of records of one batch. */
export interface BatchChunk {
  batch: string;
  files: string[];
  only?: string[];
  skip?: string[];
}

export interface QueueSettings {
  /** Seconds a worker may hold a chunk before pg-boss hands it to another (default 600). */
  leaseS?: number;
  /** Tries of a crashing record before it is parked (default 3). */
  maxAttempts?: number;
  /** Records per job (default 25). */
  chunkSize?: number;
}

const SCHEMA_SQL = `
CREATE SCHEMA IF NOT EXISTS sinus_batch;
CREATE TABLE IF NOT EXISTS sinus_batch.batch (
  batch text PRIMARY KEY, records integer NOT NULL, chunks integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE IF NOT EXISTS sinus_batch.result (
  batch text NOT NULL, file text NOT NULL, content_sha256 text, software_version text NOT NULL, status text NOT NULL,
  row jsonb NOT NULL, worker text, written_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (batch, file));
CREATE INDEX IF NOT EXISTS result_content ON sinus_batch.result (content_sha256, software_version);
CREATE TABLE IF NOT EXISTS sinus_batch.attempt (
  batch text NOT NULL, file text NOT NULL, attempts integer NOT NULL, last_error text, PRIMARY KEY (batch, file));`;

/** Creates the result tables (idempotent; concurrent callers serialised by an advisory lock). */
async function ensureSchema(db: pg.Pool): Promise<void> {
  const c = await db.connect();
  try {
    await c.query('SELECT pg_advisory_lock(7171717)');
    await c.query(SCHEMA_SQL);
  } finally {
    await c.query('SELECT pg_advisory_unlock(7171717)').catch(() => undefined);
    c.release();
  }
}

async function startBoss(url: string, supervise: boolean, maintenanceS: number): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: url, supervise, schedule: false, maintenanceIntervalSeconds: maintenanceS, max: 4 });
  boss.on('error', (e: Error) => process.stderr.write(`sinus: queue: ${e.message}\n`));
  await boss.start();
  return boss;
}

function queueOptions(s: QueueSettings, chunkSize: number): PgBoss.Queue {
  const maxAttempts = s.maxAttempts ?? 3;
  // Every retry either finishes the chunk or counts one more attempt on one of its records, so this
  // many retries always suffice for every record to be done or parked.
  return { name: BATCH_QUEUE_NAME, retryLimit: maxAttempts * chunkSize + 2, retryDelay: 1, expireInSeconds: s.leaseS ?? 600 };
}

/**
 * Enqueues a batch: its records in chunks of `chunkSize`, as pg-boss jobs. Paths must be readable by
 * every worker (shared storage). Returns the number of jobs.
 *
 * @example await enqueueBatch('postgres://u@db/sinus', 'ptbxl', await batchInputs(['/data/ptb-xl']), { chunkSize: 50 });
 */
export async function enqueueBatch(url: string, batch: string, inputs: BatchInput[], settings: QueueSettings & { only?: string[]; skip?: string[] } = {}): Promise<number> {
  const chunkSize = Math.max(1, settings.chunkSize ?? 25);
  const db = new pg.Pool({ connectionString: url, max: 2 });
  const boss = await startBoss(url, false, 60);
  try {
    await ensureSchema(db);
    await boss.createQueue(BATCH_QUEUE_NAME, queueOptions(settings, chunkSize)).catch(() => undefined);
    await boss.updateQueue(BATCH_QUEUE_NAME, queueOptions(settings, chunkSize));
    const jobs: PgBoss.JobInsert[] = [];
    for (let i = 0; i < inputs.length; i += chunkSize) {
      const data: BatchChunk = { batch, files: inputs.slice(i, i + chunkSize).map((x) => x.path), only: settings.only, skip: settings.skip };
      jobs.push({ name: BATCH_QUEUE_NAME, data });
    }
    for (let i = 0; i < jobs.length; i += 500) await boss.insert(jobs.slice(i, i + 500));
    await db.query(
      `INSERT INTO sinus_batch.batch (batch, records, chunks) VALUES ($1, $2, $3)
       ON CONFLICT (batch) DO UPDATE SET records = sinus_batch.batch.records + $2, chunks = sinus_batch.batch.chunks + $3`,
      [batch, inputs.length, jobs.length],
    );
    return jobs.length;
  } finally {
    await boss.stop({ graceful: false, wait: true });
    await db.end();
  }
}

export interface WorkerOptions extends QueueSettings {
  /** Worker threads, each working one chunk at a time (default: cores). */
  jobs?: number;
  /** Exit when no job is queued, retrying or held by any worker (default: keep polling). */
  untilEmpty?: boolean;
  /** Name written into each row's `worker` column (default host:pid). */
  name?: string;
  /** Pool worker module (tests inject one that crashes on purpose). */
  workerUrl?: URL;
  /** Seconds between pg-boss maintenance runs that expire lost leases (default 10). */
  maintenanceS?: number;
  log?: (line: string) => void;
}

/** What a worker did. */
export interface WorkerSummary {
  chunks: number;
  written: number;
  skipped: number;
  parked: number;
}

async function insertRow(db: pg.Pool, batch: string, row: BatchRow, worker: string): Promise<boolean> {
  const r = await db.query(
    `INSERT INTO sinus_batch.result (batch, file, content_sha256, software_version, status, row, worker)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (batch, file) DO NOTHING`,
    [batch, row.file, row.content_sha256, row.software_version, row.status, JSON.stringify(row), worker],
  );
  return r.rowCount === 1;
}

/** Runs one chunk; true when every record in it has its row (false: a record crashed and awaits a retry). */
async function runChunk(db: pg.Pool, pool: BatchPool, chunk: BatchChunk, maxAttempts: number, worker: string, sum: WorkerSummary): Promise<boolean> {
  let complete = true;
  for (const file of chunk.files) {
    const have = await db.query('SELECT 1 FROM sinus_batch.result WHERE batch = $1 AND file = $2', [chunk.batch, file]);
    if (have.rowCount) { sum.skipped++; continue; }
    let sha: string | null = null;
    try {
      sha = await recordContentHash(file);
    } catch (e) {
      if (await insertRow(db, chunk.batch, batchRowFromError({ file, contentSha256: null }, SINUS_VERSION, 'error', 'FILE_NOT_FOUND', (e as Error).message), worker)) sum.written++;
      continue;
    }
    // The same bytes analysed by the same version in any batch: reuse that row.
    const same = await db.query(`SELECT row FROM sinus_batch.result WHERE content_sha256 = $1 AND software_version = $2 AND status <> 'parked' LIMIT 1`, [sha, SINUS_VERSION]);
    if (same.rowCount) {
      if (await insertRow(db, chunk.batch, { ...(same.rows[0].row as BatchRow), file }, worker)) sum.written++;
      continue;
    }
    // Count the attempt before analysing, so a record that kills the whole process is counted too.
    const att = await db.query(
      `INSERT INTO sinus_batch.attempt (batch, file, attempts) VALUES ($1, $2, 1)
       ON CONFLICT (batch, file) DO UPDATE SET attempts = sinus_batch.attempt.attempts + 1 RETURNING attempts, last_error`,
      [chunk.batch, file],
    );
    const attempts = att.rows[0].attempts as number;
    if (attempts > maxAttempts) {
      const why = (att.rows[0].last_error as string | null) ?? 'the worker process died while analysing it';
      if (await insertRow(db, chunk.batch, batchRowFromError({ file, contentSha256: sha }, SINUS_VERSION, 'parked', 'ANALYSIS_CRASHED', `analysis crashed ${maxAttempts} times: ${why}`), worker)) sum.parked++;
      continue;
    }
    const r = await pool.analyze({ path: file, file, contentSha256: sha, only: chunk.only, skip: chunk.skip });
    if (r.row) {
      if (await insertRow(db, chunk.batch, r.row, worker)) sum.written++;
    } else {
      await db.query('UPDATE sinus_batch.attempt SET last_error = $3 WHERE batch = $1 AND file = $2', [chunk.batch, file, r.crash]);
      complete = false;
    }
  }
  return complete;
}

/** Jobs of the batch queue not yet finished: queued, waiting to retry, or held by a worker. */
async function openJobs(db: pg.Pool): Promise<number> {
  const r = await db.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`, [BATCH_QUEUE_NAME]);
  return r.rows[0].n as number;
}

/**
 * A worker process: takes chunks from the queue, analyses their records in worker threads and
 * writes the rows to PostgreSQL. Runs until stopped (SIGINT/SIGTERM finish the current chunks), or
 * with `untilEmpty` until no job is left open.
 *
 * @example const s = await runQueueWorker('postgres://u@db/sinus', { jobs: 16, untilEmpty: true });
 */
export async function runQueueWorker(url: string, options: WorkerOptions = {}): Promise<WorkerSummary> {
  const jobs = Math.max(1, options.jobs ?? cpus().length);
  const maxAttempts = options.maxAttempts ?? 3;
  const worker = options.name ?? `${process.env.HOSTNAME ?? 'host'}:${process.pid}`;
  const db = new pg.Pool({ connectionString: url, max: jobs + 2 });
  await ensureSchema(db);
  const boss = await startBoss(url, true, options.maintenanceS ?? 10);
  // A worker may start before anything is enqueued; the enqueuer's settings replace these defaults.
  await boss.createQueue(BATCH_QUEUE_NAME, queueOptions({}, 25)).catch(() => undefined);
  const pool = new BatchPool(jobs, options.workerUrl);
  const sum: WorkerSummary = { chunks: 0, written: 0, skipped: 0, parked: 0 };
  let stopping = false;
  const stop = () => { stopping = true; };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const loop = async () => {
    while (!stopping) {
      let job: PgBoss.Job<BatchChunk> | undefined;
      try {
        [job] = await boss.fetch<BatchChunk>(BATCH_QUEUE_NAME, { batchSize: 1 });
      } catch (e) {
        // The database went away for a moment: wait and ask again rather than end the worker.
        options.log?.(`fetch failed: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 2000));
        continue;
      }
      if (!job) {
        if (options.untilEmpty && (await openJobs(db)) === 0) return;
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      try {
        const complete = await runChunk(db, pool, job.data, maxAttempts, worker, sum);
        if (complete) await boss.complete(BATCH_QUEUE_NAME, job.id);
        else await boss.fail(BATCH_QUEUE_NAME, job.id, { error: 'a record crashed; retrying the chunk' });
        sum.chunks++;
        options.log?.(`chunk ${job.id}: ${job.data.files.length} records${complete ? '' : ' (a record crashed; chunk will be retried)'}`);
      } catch (e) {
        await boss.fail(BATCH_QUEUE_NAME, job.id, { error: (e as Error).message }).catch(() => undefined);
        options.log?.(`chunk ${job.id} failed: ${(e as Error).message}`);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: jobs }, loop));
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await pool.close();
    await boss.stop({ graceful: false, wait: true });
    await db.end();
  }
  return sum;
}

/** Counts of a batch: records by status, chunks by queue state. */
export interface BatchStatus {
  batch: string | null;
  records: number;
  rows: { ok: number; error: number; parked: number };
  chunks: { queued: number; running: number; retrying: number; done: number; failed: number };
}

/**
 * How a queued batch stands: rows written (ok / error / parked) and chunks queued, running (held by
 * a worker), retrying (failed once, waiting), done and failed (retries used up). Without `batch`,
 * over all batches.
 *
 * @example const s = await queueStatus('postgres://u@db/sinus', 'ptbxl'); // s.rows.ok
 */
export async function queueStatus(url: string, batch: string | null = null): Promise<BatchStatus> {
  const db = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const tables = await db.query(`SELECT to_regclass('sinus_batch.result') AS r, to_regclass('pgboss.job') AS j`);
    if (!tables.rows[0].r || !tables.rows[0].j) throw new SinusError('BAD_ARGUMENT', 'no sinus batch has been queued in this database');
    const recs = await db.query('SELECT coalesce(sum(records), 0)::int AS n FROM sinus_batch.batch WHERE $1::text IS NULL OR batch = $1', [batch]);
    const rows = await db.query('SELECT status, count(*)::int AS n FROM sinus_batch.result WHERE $1::text IS NULL OR batch = $1 GROUP BY status', [batch]);
    const jobs = await db.query(
      `SELECT state, count(*)::int AS n FROM (
         SELECT state::text, data FROM pgboss.job WHERE name = $2
         UNION ALL SELECT state::text, data FROM pgboss.archive WHERE name = $2) j
       WHERE $1::text IS NULL OR j.data->>'batch' = $1 GROUP BY state`,
      [batch, BATCH_QUEUE_NAME],
    );
    const byStatus = new Map<string, number>(rows.rows.map((r) => [r.status as string, r.n as number]));
    const byState = new Map<string, number>(jobs.rows.map((r) => [r.state as string, r.n as number]));
    return {
      batch,
      records: recs.rows[0].n as number,
      rows: { ok: byStatus.get('ok') ?? 0, error: byStatus.get('error') ?? 0, parked: byStatus.get('parked') ?? 0 },
      chunks: {
        queued: byState.get('created') ?? 0,
        running: byState.get('active') ?? 0,
        retrying: byState.get('retry') ?? 0,
        done: byState.get('completed') ?? 0,
        failed: (byState.get('failed') ?? 0) + (byState.get('cancelled') ?? 0),
      },
    };
  } finally {
    await db.end();
  }
}

/**
 * The rows of a queued batch, in file order (to export the PostgreSQL results as a CSV).
 *
 * @example const rows = await queueRows('postgres://u@db/sinus', 'ptbxl');
 */
export async function queueRows(url: string, batch: string): Promise<BatchRow[]> {
  const db = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const r = await db.query('SELECT row FROM sinus_batch.result WHERE batch = $1 ORDER BY file', [batch]);
    return r.rows.map((x) => x.row as BatchRow);
  } finally {
    await db.end();
  }
}
