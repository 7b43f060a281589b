import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import { buildServer } from './app.js';
import { WorkQueue, QueueFullError } from './workQueue.js';
import { CINC2017, FORMATS, LUDB, ROOT, SAMPLES } from '../../test/dataPaths.js';
import { openRecord } from '../io/openRecord.js';
import { writeCsv } from '../io/csv/writeCsv.js';

const schema = z.fromJSONSchema(JSON.parse(readFileSync(join(ROOT, 'schema', 'analysis.schema.json'), 'utf8')));
let app: FastifyInstance;
let base = '';

before(async () => {
  app = await buildServer({ webRoot: null, maxRecordDurationS: 3600 });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
after(() => app.close());

function form(files: Array<[string, Uint8Array | string]>): FormData {
  const fd = new FormData();
  for (const [name, bytes] of files) fd.append('files', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  return fd;
}
const file = (dir: string, name: string): [string, Uint8Array] => [name, new Uint8Array(readFileSync(join(dir, name)))];

test('/health and /openapi.json', async () => {
  const h = await (await fetch(`${base}/health`)).json();
  assert.equal(h.status, 'ok');
  const doc = await (await fetch(`${base}/openapi.json`)).json();
  assert.equal(doc.openapi, '3.1.0');
  for (const p of ['/v1/analyze', '/v1/records', '/v1/records/{id}/render.{format}', '/health']) assert.ok(doc.paths[p], p);
  const served = await (await fetch(`${base}/schema/analysis.schema.json`)).json();
  assert.equal(served.title, 'sinus Analysis');
});

test('a 12-lead WFDB upload (LUDB 1 with its wave annotations) gives a schema-valid Analysis', async () => {
  const res = await fetch(`${base}/v1/analyze`, { method: 'POST', body: form([file(LUDB, '1.hea'), file(LUDB, '1.dat'), file(LUDB, '1.ii')]) });
  assert.equal(res.status, 200);
  const a = await res.json();
  assert.ok(schema.safeParse(a).success);
  assert.equal(a.record.leads.length, 12);
  assert.equal(a.record.fsHz, 500);
  assert.deepEqual(a.record.annotations.map((x: { annotator: string }) => x.annotator), ['ii']);
});

test('MAT + hea upload (CinC 2017)', async () => {
  const res = await fetch(`${base}/v1/analyze`, { method: 'POST', body: form([file(CINC2017, 'A00001.hea'), file(CINC2017, 'A00001.mat')]) });
  assert.equal(res.status, 200);
  assert.equal((await res.json()).record.fsHz, 300);
});

test('EDF and CSV uploads', async () => {
  let res = await fetch(`${base}/v1/analyze`, { method: 'POST', body: form([file(join(FORMATS, 'edf'), '0000050.ECG.edf')]) });
  assert.equal(res.status, 200);
  assert.equal((await res.json()).record.format, 'edf');
  const csv = writeCsv(await openRecord(join(LUDB, '1.hea')));
  res = await fetch(`${base}/v1/analyze`, { method: 'POST', body: form([['ludb1.csv', csv]]) });
  assert.equal(res.status, 200);
  const a = await res.json();
  assert.equal(a.record.leads.length, 12);
  assert.equal(a.record.fsHz, 500);
});

test('stored upload renders as SVG, PNG and PDF', async () => {
  const res = await fetch(`${base}/v1/records`, { method: 'POST', body: form([file(SAMPLES, '100.hea'), file(SAMPLES, '100.dat'), file(SAMPLES, '100.atr')]) });
  assert.equal(res.status, 201);
  const { id, links } = await res.json();
  assert.match(id, /^[0-9a-f]{32}$/, '128 random bits');
  const svg = await fetch(`${base}${links.svg}?marks=reference&layout=holter&page=2&rowSeconds=2`);
  assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
  const text = await svg.text();
  assert.match(text, /class="trace"/);
  assert.match(text, /page 2\/\d+/);
  assert.match(await (await fetch(`${base}${links.svg}?marks=reference`)).text(), /class="beat-mark"/);
  const png = new Uint8Array(await (await fetch(`${base}${links.png}?dpi=60`)).arrayBuffer());
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  const pdf = Buffer.from(await (await fetch(`${base}${links.pdf}`)).arrayBuffer());
  assert.equal(pdf.subarray(0, 4).toString(), '%PDF');
  assert.equal((await fetch(`${base}/v1/records/${id}/analysis`)).status, 200);
  assert.equal((await fetch(`${base}/v1/records/00000000-0000-0000-0000-000000000000/render.svg`)).status, 404);
  assert.equal((await fetch(`${base}${links.svg}?speed=fast`)).status, 400);
  assert.equal((await fetch(`${base}/v1/records/${id}/render.gif`)).status, 400);
});

test('bad uploads get clear 4xx answers that name the problem', async () => {
  const post = async (body: FormData | string, headers: Record<string, string> = {}) => {
    const r = await fetch(`${base}/v1/analyze`, { method: 'POST', body, headers });
    return { status: r.status, body: await r.json() };
  };
  let r = await post(form([file(LUDB, '1.dat')]));
  assert.equal(r.status, 422);
  assert.match(r.body.error.message, /1\.hea/);
  r = await post(form([['1.hea', 'garbage that is not a header\n'], file(LUDB, '1.dat')]));
  assert.equal(r.status, 422);
  assert.equal(r.body.error.code, 'BAD_HEADER');
  r = await post(form([['notes.txt', 'hello']]));
  assert.ok(r.status >= 400 && r.status < 500, `text that is no ECG: ${r.status}`);
  assert.match(r.body.error.message, /notes\.txt/);
  r = await post(form([file(LUDB, '1.hea'), file(LUDB, '2.hea'), file(LUDB, '1.dat')]));
  assert.equal(r.status, 400);
  r = await post(JSON.stringify({ path: '/etc/passwd' }), { 'content-type': 'application/json' });
  assert.equal(r.status, 400);
  r = await post(form([['../../../../etc/passwd.hea', readFileSync(join(LUDB, '1.hea'), 'utf8')]]));
  assert.equal(r.status, 422, 'names are reduced to their last part and read from the upload only');
  assert.doesNotMatch(r.body.error.message, /\/etc|\.\./);
  const truncated = readFileSync(join(LUDB, '1.dat')).subarray(0, 5000);
  r = await post(form([file(LUDB, '1.hea'), ['1.dat', new Uint8Array(truncated)]]));
  assert.ok(r.status === 422, `truncated .dat: ${r.status} ${JSON.stringify(r.body)}`);
});

test('garbage and damaged files of every kind get a 4xx, never a 500', async () => {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const dat = new Uint8Array(readFileSync(join(LUDB, '1.dat')));
  const hea = readFileSync(join(LUDB, '1.hea'), 'utf8');
  const cases: Array<Array<[string, Uint8Array | string]>> = [];
  for (const ext of ['hea', 'dat', 'edf', 'csv', 'xml', 'dcm', 'scp', 'mat']) {
    cases.push([[`x.${ext}`, Uint8Array.from({ length: 2000 }, () => Math.floor(rand() * 256))]]);
  }
  const flipped = dat.slice();
  for (let i = 0; i < 200; i++) flipped[Math.floor(rand() * flipped.length)] ^= 0xff;
  cases.push([['1.hea', hea.replace('5000', '9999999')], ['1.dat', dat]]);
  cases.push([['1.hea', hea.replace(' 500 ', ' 0 ')], ['1.dat', dat]]);
  cases.push([['1.hea', hea.replace(/16 /g, '99 ')], ['1.dat', dat]]);
  cases.push([['1.hea', hea], ['1.dat', flipped.subarray(0, 777)]]);
  for (const files of cases) {
    const r = await fetch(`${base}/v1/analyze`, { method: 'POST', body: form(files) });
    const body = await r.json();
    assert.ok(r.status >= 400 && r.status < 500, `${files.map((f) => f[0]).join('+')}: ${r.status} ${JSON.stringify(body)}`);
    assert.ok(typeof body.error?.code === 'string' && body.error.message.length > 5);
  }
});

test('upload size and record duration limits answer 413', async () => {
  const small = await buildServer({ webRoot: null, maxUploadBytes: 100_000, maxRecordDurationS: 5, workers: false });
  try {
    const addr = await small.listen({ port: 0, host: '127.0.0.1' });
    let res = await fetch(`${addr}/v1/analyze`, { method: 'POST', body: form([file(LUDB, '1.hea'), file(LUDB, '1.dat')]) });
    assert.equal(res.status, 413, 'LUDB 1 is 120 kB, over the 100 kB limit');
    res = await fetch(`${addr}/v1/analyze`, { method: 'POST', body: form([file(SAMPLES, '100.hea'), file(SAMPLES, '100.dat')]) });
    assert.equal(res.status, 413);
    assert.match((await res.json()).error.message, /too long: 60 s/);
  } finally {
    await small.close();
  }
});

test('the work queue bounds concurrency and refuses beyond its queue (503 upstream)', async () => {
  const q = new WorkQueue(2, 1);
  let running = 0, peak = 0;
  const release: Array<() => void> = [];
  const job = () => q.run(async () => { running++; peak = Math.max(peak, running); await new Promise<void>((r) => release.push(r)); running--; });
  const jobs = [job(), job(), job()];
  await assert.rejects(q.run(() => 1), QueueFullError);
  while (release.length < 2) await new Promise((r) => setImmediate(r));
  release.splice(0).forEach((r) => r());
  while (release.length < 1) await new Promise((r) => setImmediate(r));
  release.splice(0).forEach((r) => r());
  await Promise.all(jobs);
  assert.equal(peak, 2);
  assert.equal(q.active, 0);
});
