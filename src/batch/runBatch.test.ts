import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CINC2017, MITDB, ROOT } from '../../test/dataPaths.js';
import { batchInputs } from './batchInputs.node.js';
import { readBatchRows } from './batchOutput.node.js';
import { runBatch } from './runBatch.node.js';
import { batchRowFromAnalysis } from './batchRow.js';
import { recordContentHash } from './recordContentHash.node.js';
import { analyze } from '../analyze.js';
import { openRecord } from '../io/openRecord.js';
import { shippedModelStageOptions } from '../analyze/shippedModels.node.js';

const CLI = ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')];
const records = ['A00001', 'A00002', 'A00003', 'A00004'].map((n) => join(CINC2017, `${n}.hea`));

test('sinus batch: one row per record, a bad file is a row with its error, the rest analysed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-batch-'));
  writeFileSync(join(dir, 'bad.hea'), 'this is not a header\n');
  const out = join(dir, 'r.csv');
  const s = await runBatch(await batchInputs([records[0], join(dir, 'bad.hea'), join(dir, 'missing.hea'), records[1]]), { out, jobs: 2 });
  const rows = readBatchRows(out, 'csv');
  assert.deepEqual(rows.map((r) => r.status), ['ok', 'error', 'error', 'ok']);
  assert.equal(rows[1].error_code, 'BAD_HEADER');
  assert.equal(rows[2].error_code, 'FILE_NOT_FOUND');
  assert.equal(s.errors, 2);
  // CinC 2017 A00001 is 30 s at 300 Hz, one lead (its .hea says 9000 samples).
  assert.equal(rows[0].duration_s, 30);
  assert.equal(rows[0].fs_hz, 300);
  assert.equal(rows[0].leads, 1);
  // The worker's row is the row of the same analysis run here, and its class counts add up.
  const direct = batchRowFromAnalysis({ file: records[1], contentSha256: await recordContentHash(records[1]) }, await analyze(await openRecord(records[1]), { stageOptions: await shippedModelStageOptions() }));
  assert.deepEqual(rows[3], direct);
  for (const r of [rows[0], rows[3]]) {
    assert.equal(Number(r.beats_n) + Number(r.beats_s) + Number(r.beats_v) + Number(r.beats_f) + Number(r.beats_q), r.beats_total);
    assert.match(String(r.content_sha256), /^[0-9a-f]{64}$/);
  }
});

test('sinus batch resume: killed half way (SIGKILL), a rerun analyses only the rest and writes what an uninterrupted run writes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-batch-resume-'));
  const whole = join(dir, 'whole.jsonl');
  await runBatch(await batchInputs(records), { out: whole, jobs: 1 });

  const out = join(dir, 'killed.jsonl');
  const child = spawn(process.execPath, [...CLI, 'batch', ...records, '--out', out, '-j', '1', '--no-progress'], { cwd: ROOT, stdio: 'ignore' });
  const journal = `${out}.partial.jsonl`;
  const lines = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter(Boolean).length : 0);
  while (lines() < records.length / 2 && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
  const before = lines();
  assert.ok(before >= 1 && before < records.length, `killed with ${before} of ${records.length} done`);
  assert.ok(!existsSync(out), 'the output is written only when the batch completes');

  const s = await runBatch(await batchInputs(records), { out, jobs: 1 });
  assert.equal(s.skipped, before);
  assert.equal(s.done, records.length - before);
  assert.equal(readFileSync(out, 'utf8'), readFileSync(whole, 'utf8'));
  assert.ok(!existsSync(journal), 'journal removed');
  // A second rerun has nothing left to do.
  const again = await runBatch(await batchInputs(records), { out, jobs: 1 });
  assert.equal(again.done, 0);
  assert.equal(again.skipped, records.length);
});

test('sinus batch with 420+ paths on the command line and -j 2 does not crash its workers (issue 21: onnxruntime stack overflow)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-batch-many-'));
  // Missing files are rows of their own; the long command line is what overflowed the 4 MB worker stacks.
  const missing = Array.from({ length: 420 }, (_, i) => join(CINC2017, `missing-record-${i}.hea`));
  const out = join(dir, 'r.csv');
  const r = spawnSync(process.execPath, [...CLI, 'batch', records[0], records[1], ...missing, '--out', out, '-j', '2', '--no-progress'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.signal, null, r.stderr);
  assert.equal(r.status, 2, r.stderr);
  const rows = readBatchRows(out, 'csv');
  assert.equal(rows.length, 422);
  assert.deepEqual(rows.slice(0, 2).map((x) => x.status), ['ok', 'ok']);
  assert.equal(rows.filter((x) => x.error_code === 'FILE_NOT_FOUND').length, 420);
});

test('sinus batch reads a manifest CSV (path column, relative to the manifest)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-batch-manifest-'));
  const manifest = join(dir, 'list.csv');
  writeFileSync(manifest, `id,path\n1,${records[0]}\n2,"${records[1]}"\n`);
  assert.deepEqual((await batchInputs([manifest])).map((x) => x.path), [records[0], records[1]]);
});

test('sinus batch analyses a record longer than longRecordS in blocks (MIT-BIH 100, 30 min, threshold 10 min)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-batch-long-'));
  const out = join(dir, 'r.csv');
  const s = await runBatch(await batchInputs([join(MITDB, '100.hea')]), { out, jobs: 1, longRecordS: 600 });
  assert.equal(s.errors, 0);
  const [row] = readBatchRows(out, 'csv');
  assert.match(String(row.reasons), /analysed in 3 blocks/);
  // MIT-BIH 100 holds 2273 reference beats; EC57-level detection (>= 99.5 %) in blocks.
  assert.ok(Math.abs(Number(row.beats_total) - 2273) <= 0.005 * 2273, `${row.beats_total} beats`);
  assert.equal(Number(row.beats_n) + Number(row.beats_s) + Number(row.beats_v) + Number(row.beats_f) + Number(row.beats_q), row.beats_total);
  assert.equal(row.qrs_ms, null);
});
