import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { CINC2017, ROOT } from '../../test/dataPaths.js';
import { startPgCluster, type PgCluster } from '../../test/support/pgCluster.js';
import { batchInputs } from './batchInputs.node.js';
import { enqueueBatch, queueStatus, runQueueWorker } from './pgQueue.node.js';

const CLI = ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')];
const rec = (n: string) => join(CINC2017, `${n}.hea`);
const started = await startPgCluster();
const cluster: PgCluster | null = 'url' in started ? started : null;
const skip = cluster ? false : (started as { reason: string }).reason;
after(() => cluster?.stop());

async function query<T = Record<string, unknown>>(sql: string, args: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: cluster!.url });
  await c.connect();
  try {
    return (await c.query(sql, args)).rows as T[];
  } finally {
    await c.end();
  }
}

test('queue: a worker SIGKILLed mid-job loses nothing; its job is retried after the lease and no record is written twice', { skip }, async () => {
  const files = ['A00001', 'A00002', 'A00004', 'A00005', 'A00006', 'A00007'].map(rec);
  await enqueueBatch(cluster!.url, 'killed', await batchInputs(files), { chunkSize: 3, leaseS: 3 });
  const child = spawn(process.execPath, [...CLI, 'worker', '--queue', cluster!.url, '-j', '1'], { cwd: ROOT, stdio: 'ignore' });
  // Kill it once it holds a job and has written part of it.
  for (;;) {
    const [{ n }] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM sinus_batch.result WHERE batch = 'killed'`).catch(() => [{ n: 0 }]);
    if (n >= 1 || child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const mid = await queueStatus(cluster!.url, 'killed');
  assert.ok(mid.rows.ok < files.length, `killed after ${mid.rows.ok} rows`);
  // Its job is still held (or, if its lease already ran out on a slow machine, waiting to be retried): not done.
  assert.ok(mid.chunks.running + mid.chunks.retrying >= 1, `the killed worker's job is open: ${JSON.stringify(mid.chunks)}`);

  const sum = await runQueueWorker(cluster!.url, { jobs: 1, untilEmpty: true, maintenanceS: 1 });
  const rows = await query<{ file: string; n: number }>(`SELECT file, count(*)::int AS n FROM sinus_batch.result WHERE batch = 'killed' GROUP BY file`);
  assert.deepEqual(rows.map((r) => r.file).sort(), [...files].sort());
  assert.ok(rows.every((r) => r.n === 1));
  assert.equal(sum.written + mid.rows.ok, files.length, 'the second worker wrote exactly the rows the first had not');
  const end = await queueStatus(cluster!.url, 'killed');
  assert.deepEqual(end.rows, { ok: files.length, error: 0, parked: 0 });
  assert.equal(end.chunks.done, 2);
  assert.equal(end.chunks.running + end.chunks.queued + end.chunks.retrying, 0);
});

test('queue: a record that crashes the analysis is retried a bounded number of times, then parked with its error; sinus batch status shows it', { skip }, async () => {
  const files = ['A00001', 'A00003', 'A00002'].map(rec);
  await enqueueBatch(cluster!.url, 'crash', await batchInputs([...files, rec('missing')]), { chunkSize: 4, leaseS: 60 });
  const workerUrl = new URL('../../test/support/crashingBatchWorker.ts', import.meta.url);
  await runQueueWorker(cluster!.url, { jobs: 1, untilEmpty: true, maintenanceS: 1, maxAttempts: 2, workerUrl });
  const rows = await query<{ file: string; status: string; row: { error_code: string; error_message: string } }>(`SELECT file, status, row FROM sinus_batch.result WHERE batch = 'crash' ORDER BY file`);
  const byFile = new Map(rows.map((r) => [r.file, r]));
  assert.equal(rows.length, 4);
  assert.equal(byFile.get(rec('A00003'))!.status, 'parked');
  assert.equal(byFile.get(rec('A00003'))!.row.error_code, 'ANALYSIS_CRASHED');
  assert.match(byFile.get(rec('A00003'))!.row.error_message, /crashed 2 times: worker exited with code 134/);
  assert.equal(byFile.get(rec('missing'))!.status, 'error');
  assert.equal(byFile.get(rec('A00001'))!.status, 'ok');
  assert.equal(byFile.get(rec('A00002'))!.status, 'ok');
  const [{ attempts }] = await query<{ attempts: number }>(`SELECT attempts FROM sinus_batch.attempt WHERE batch = 'crash' AND file = $1`, [rec('A00003')]);
  assert.equal(attempts, 3, 'two tries, then the third fetch parks it without analysing');

  const st = await new Promise<string>((resolve) => {
    const c = spawn(process.execPath, [...CLI, 'batch', 'status', '--queue', cluster!.url, '--name', 'crash'], { cwd: ROOT });
    let out = '';
    c.stdout.on('data', (d) => (out += d));
    c.on('exit', () => resolve(out));
  });
  assert.match(st, /records\s+done 2, failed \(input error\) 1, parked 1, not yet written 0/);
  assert.match(st, /chunks\s+queued 0, running 0, retrying 0, done 1, failed 0/);
});
