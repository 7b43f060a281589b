// Regression tests for issue 21, failure 7 (service gaps) and the service side of failures 1 and 4:
// malformed multipart, 413 stating the limit, API keys, CORS, rate limit, request log, probes,
// ISHNE uploads, OpenAPI formats, amplification uploads refused before they are built.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/app.js';
import type { RequestLogEntry } from '../../src/server/securityOptions.js';
import { isLoopback } from '../../src/server/securityOptions.js';
import { FORMATS, ROOT, SAMPLES } from '../dataPaths.js';

const SKIP_ALL = 'quality,beats,beatClasses,waves,measurements,rhythm,stripRhythm,hrv';
const read = (dir: string, name: string) => new Uint8Array(readFileSync(join(dir, name)));
const log: RequestLogEntry[] = [];
let open: FastifyInstance; // no keys, loopback
let keyed: FastifyInstance; // API keys, CORS origin, tight rate limit
let base = '';
let keyedBase = '';

before(async () => {
  open = await buildServer({ webRoot: null, workers: false, maxUploadBytes: 512 * 1024, security: { requestLog: (e) => log.push(e) } });
  base = await open.listen({ port: 0, host: '127.0.0.1' });
  keyed = await buildServer({ webRoot: null, workers: false, security: { apiKeys: ['s3cret'], corsOrigins: ['https://ecg.example.org'], rateLimitPerMinute: 5 } });
  keyedBase = await keyed.listen({ port: 0, host: '127.0.0.1' });
});
after(async () => { await open.close(); await keyed.close(); });

function form(files: Array<[string, Uint8Array]>): FormData {
  const fd = new FormData();
  for (const [name, bytes] of files) fd.append('files', new Blob([new Uint8Array(bytes)]), name);
  return fd;
}
const post = (url: string, body: BodyInit, headers: Record<string, string> = {}) => fetch(url, { method: 'POST', body, headers });

test('malformed multipart bodies are 400, never 500', async () => {
  const part = `--XYZ\r\nContent-Disposition: form-data; name="files"; filename="100.hea"\r\nContent-Type: application/octet-stream\r\n\r\n${readFileSync(join(SAMPLES, '100.hea'), 'latin1')}\r\n--XYZ--\r\n`;
  const cases: Array<[string, string, string]> = [
    ['wrong boundary', 'multipart/form-data; boundary=ABC', part],
    ['missing boundary', 'multipart/form-data', part],
    ['truncated body', 'multipart/form-data; boundary=XYZ', part.slice(0, part.length - 40)],
  ];
  for (const [what, type, body] of cases) {
    const res = await post(`${base}/v1/analyze?skip=${SKIP_ALL}`, body, { 'content-type': type });
    assert.equal(res.status, 400, `${what}: ${res.status} ${await res.text()}`);
  }
});

test('413 states the limit', async () => {
  const res = await post(`${base}/v1/analyze`, form([['100.hea', read(SAMPLES, '100.hea')], ['100.dat', read(SAMPLES, '1.dat')], ['1.dat', read(SAMPLES, '1.dat')], ['x.dat', read(SAMPLES, '1.dat')], ['y.dat', read(SAMPLES, '1.dat')], ['z.dat', read(SAMPLES, '1.dat')]]));
  assert.equal(res.status, 413);
  assert.match((await res.json()).error.message, /524288 bytes/);
});

test('amplification uploads are 413 (multi-segment 24 h from a 60 KB header; 1,000 leads); __proto__ is 4xx', async () => {
  const master = new TextEncoder().encode(`multi/8640 12 500 ${8640 * 5000}\n${Array.from({ length: 8640 }, () => '1 5000').join('\n')}\n`);
  let res = await post(`${base}/v1/analyze`, form([['multi.hea', master], ['1.hea', read(SAMPLES, '1.hea')], ['1.dat', read(SAMPLES, '1.dat')]]));
  assert.equal(res.status, 413);
  assert.match((await res.json()).error.message, /limit is \d+/);
  const lines = Array.from({ length: 1000 }, (_, i) => `x.dat 16 200/mV 16 0 0 0 0 s${i}`).join('\n');
  res = await post(`${base}/v1/analyze`, form([['x.hea', new TextEncoder().encode(`x 1000 500 5000\n${lines}\n`)]]));
  assert.equal(res.status, 413);
  const hea = new TextEncoder().encode(readFileSync(join(SAMPLES, '100.hea'), 'latin1').replaceAll('100.dat', '__proto__'));
  res = await post(`${base}/v1/analyze`, form([['100.hea', hea]]));
  assert.ok(res.status >= 400 && res.status < 500, String(res.status));
});

test('ISHNE .ecg + .ann upload is analysed (it was 415); OpenAPI lists the clinical formats', async () => {
  const dir = join(FORMATS, 'ishne');
  const res = await post(`${base}/v1/analyze?skip=${SKIP_ALL}`, form([['ECG_P28.01.ann', read(dir, 'ECG_P28.01.ann')], ['ECG_P28.01.ecg', read(dir, 'ECG_P28.01.ecg')]]));
  // The record is 2.3 MB: over this server's 512 KiB upload limit it is a 413, so use the keyed one.
  assert.equal(res.status, 413);
  const ok = await post(`${keyedBase}/v1/analyze?skip=${SKIP_ALL}`, form([['ECG_P28.01.ann', read(dir, 'ECG_P28.01.ann')], ['ECG_P28.01.ecg', read(dir, 'ECG_P28.01.ecg')]]), { authorization: 'Bearer s3cret' });
  assert.equal(ok.status, 200, await ok.clone().text());
  assert.equal((await ok.json()).record.format, 'ishne');
  const doc = JSON.stringify(await (await fetch(`${base}/openapi.json`)).json());
  for (const f of ['HL7 aECG', 'DICOM', 'SCP-ECG', 'GE MUSE', 'Philips', 'ISHNE', 'EDF']) assert.ok(doc.includes(f), f);
});

test('API keys: 401 without or with a wrong key, served with Bearer or X-API-Key; probes stay public', async () => {
  const body = () => form([['1.hea', read(SAMPLES, '1.hea')], ['1.dat', read(SAMPLES, '1.dat')]]);
  assert.equal((await post(`${keyedBase}/v1/analyze?skip=${SKIP_ALL}`, body())).status, 401);
  assert.equal((await post(`${keyedBase}/v1/analyze?skip=${SKIP_ALL}`, body(), { authorization: 'Bearer wrong' })).status, 401);
  assert.equal((await post(`${keyedBase}/v1/analyze?skip=${SKIP_ALL}`, body(), { 'x-api-key': 's3cret' })).status, 200);
  assert.equal((await fetch(`${keyedBase}/health/live`)).status, 200);
  const ready = await fetch(`${keyedBase}/health/ready`);
  assert.equal(ready.status, 200);
  assert.equal((await ready.json()).status, 'ready');
});

test('without keys the service refuses to listen beyond loopback', () => {
  assert.ok(isLoopback('127.0.0.1') && isLoopback('::1') && isLoopback('::ffff:127.0.0.1'));
  assert.ok(!isLoopback('0.0.0.0') && !isLoopback('::') && !isLoopback('10.0.0.5'));
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--host', '0.0.0.0', '--port', '0'], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, SINUS_API_KEYS: '' } });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /refusing to serve on 0\.0\.0\.0 without API keys/);
});

test('CORS: only the configured origin is allowed', async () => {
  const pre = (origin: string) => fetch(`${keyedBase}/v1/analyze`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
  assert.equal((await pre('https://ecg.example.org')).headers.get('access-control-allow-origin'), 'https://ecg.example.org');
  assert.equal((await pre('https://evil.example.com')).headers.get('access-control-allow-origin'), null);
  const noCors = await fetch(`${base}/v1/analyze`, { method: 'OPTIONS', headers: { origin: 'https://ecg.example.org', 'access-control-request-method': 'POST' } });
  assert.equal(noCors.headers.get('access-control-allow-origin'), null);
});

test('rate limit: over 5 requests a minute a client gets 429 with Retry-After; another key is not affected', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 8; i++) statuses.push((await fetch(`${keyedBase}/v1/records/nothing/analysis`, { headers: { authorization: 'Bearer s3cret' } })).status);
  assert.ok(statuses.includes(429), statuses.join(','));
  const limited = await fetch(`${keyedBase}/v1/records/nothing/analysis`, { headers: { authorization: 'Bearer s3cret' } });
  assert.equal(limited.status, 429);
  assert.ok(Number(limited.headers.get('retry-after')) > 0);
  assert.equal((await fetch(`${keyedBase}/health/live`)).status, 200);
});

test('request log: one structured entry per request, route pattern only, no file names', async () => {
  log.length = 0;
  const res = await post(`${base}/v1/records?skip=${SKIP_ALL}`, form([['PATIENT_SMITH_JOHN.hea', new TextEncoder().encode(readFileSync(join(SAMPLES, '1.hea'), 'latin1').replaceAll('1.dat', 'PATIENT_SMITH_JOHN.dat').replace(/^1 /, 'PATIENT_SMITH_JOHN '))], ['PATIENT_SMITH_JOHN.dat', read(SAMPLES, '1.dat')]]));
  assert.equal(res.status, 201, await res.clone().text());
  const { id } = await res.json();
  await fetch(`${base}/v1/records/${id}/analysis`);
  await new Promise((r) => setTimeout(r, 50));
  const routes = log.map((e) => `${e.method} ${e.route} ${e.status}`);
  assert.deepEqual(routes, ['POST /v1/records 201', 'GET /v1/records/:id/analysis 200']);
  const text = JSON.stringify(log);
  assert.ok(!/SMITH|JOHN/.test(text) && !text.includes(id), text);
  for (const e of log) assert.ok(e.ms >= 0 && typeof e.client === 'string');
});

test('idle analysis workers are replaced by fresh ones (memory back after load) and the service keeps answering', { timeout: 120_000 }, async () => {
  const app = await buildServer({ webRoot: null, concurrency: 1, workerIdleRecycleS: 0.2 });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const body = () => form([['1.hea', read(SAMPLES, '1.hea')], ['1.dat', read(SAMPLES, '1.dat')]]);
    assert.equal((await post(`${url}/v1/analyze?skip=${SKIP_ALL}`, body())).status, 200);
    await new Promise((r) => setTimeout(r, 600));
    const ready = await (await fetch(`${url}/health/ready`)).json();
    assert.equal(ready.workers, 1);
    assert.equal((await post(`${url}/v1/analyze?skip=${SKIP_ALL}`, body())).status, 200);
  } finally {
    await app.close();
  }
});
