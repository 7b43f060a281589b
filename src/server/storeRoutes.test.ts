import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LUDB, ROOT } from '../../test/dataPaths.js';
import { openStore } from '../store/openStore.js';
import { buildServer } from './app.js';

const upload = (base: string) => {
  const fd = new FormData();
  for (const n of [`${base}.hea`, `${base}.dat`]) fd.append('files', new Blob([new Uint8Array(readFileSync(join(LUDB, n)))]), n);
  return fd;
};

test('stored records survive a server restart, list, find their neighbours and can be deleted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-serve-store-'));
  const path = join(dir, 'store.sqlite');
  try {
    let store = await openStore(path);
    let app = await buildServer({ store, webRoot: null, workers: false });
    let base = await app.listen({ port: 0, host: '127.0.0.1' });
    const ids: string[] = [];
    for (const rec of ['1', '2', '3']) {
      const res = await fetch(`${base}/v1/records?only=beats,beatClasses,waves,measurements`, { method: 'POST', body: upload(rec) });
      assert.equal(res.status, 201);
      ids.push((await res.json()).id);
    }
    assert.equal(new Set(ids).size, 3);
    for (const id of ids) assert.match(id, /^[0-9a-f]{32}$/);
    await app.close();
    await store.close();

    // A new server on the same file: nothing lost.
    store = await openStore(path);
    app = await buildServer({ store, webRoot: null, workers: false });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    const list = await (await fetch(`${base}/v1/records?limit=2`)).json();
    assert.deepEqual(list.records.map((r: { id: string }) => r.id), ids.slice(0, 2));
    assert.equal(list.next, ids[1]);
    assert.equal((await (await fetch(`${base}/v1/records?after=${list.next}`)).json()).records[0].id, ids[2]);
    assert.equal((await fetch(`${base}/v1/records/${ids[0]}/analysis`)).status, 200);
    const svg = await fetch(`${base}/v1/records/${ids[0]}/render.svg`);
    assert.equal(svg.status, 200);
    const sim = await (await fetch(`${base}/v1/records/${ids[0]}/similar?k=5`)).json();
    assert.deepEqual(sim.neighbours.map((n: { id: string }) => n.id).sort(), ids.slice(1).sort(), 'the other two, never itself');
    assert.ok(sim.neighbours[0].distance <= sim.neighbours[1].distance);
    assert.equal((await fetch(`${base}/v1/records/${ids[0]}/similar?k=0`)).status, 400);
    assert.equal((await fetch(`${base}/v1/records/${ids[1]}`, { method: 'DELETE' })).status, 204);
    assert.equal((await fetch(`${base}/v1/records/${ids[1]}`, { method: 'DELETE' })).status, 404);
    assert.equal((await fetch(`${base}/v1/records/${ids[1]}/render.svg`)).status, 404);
    assert.equal((await fetch(`${base}/v1/records/not%20an%20id`)).status, 400);
    assert.equal((await (await fetch(`${base}/health`)).json()).stored, 2);
    await app.close();
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const freePort = () => new Promise<number>((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const port = (s.address() as { port: number }).port;
    s.close(() => resolve(port));
  });
});

test('a server killed (SIGKILL) while uploads are being stored leaves only whole records', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-serve-kill-'));
  const path = join(dir, 'store.sqlite');
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), 'serve', '--port', String(port), '--store', path, '--concurrency', '2'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: Buffer) => d.toString().includes('serving on') && resolve());
      child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
    const base = `http://127.0.0.1:${port}`;
    // Many uploads in flight; the server is killed as soon as the first one is stored.
    const uploads = Array.from({ length: 4 }, () => fetch(`${base}/v1/records?only=beats`, { method: 'POST', body: upload('1') }).then((r) => r.status, () => 0));
    await uploads[0];
    child.kill('SIGKILL');
    const statuses = await Promise.all(uploads);
    assert.equal(statuses[0], 201);
    await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
    const store = await openStore(path);
    try {
      const rows = await store.listRecords({ limit: 100 });
      assert.ok(rows.length >= statuses.filter((s) => s === 201).length, 'every acknowledged upload is stored');
      const original = { '1.dat': new Uint8Array(readFileSync(join(LUDB, '1.dat'))), '1.hea': new Uint8Array(readFileSync(join(LUDB, '1.hea'))) };
      for (const r of rows) {
        assert.deepEqual(await store.getFiles(r.id), original, 'whole files');
        assert.ok(await store.getAnalysis(r.id), 'with its analysis');
      }
    } finally {
      await store.close();
    }
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
