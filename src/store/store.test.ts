// One suite, both backends: SQLite in a temp folder, PostgreSQL in a throwaway cluster started here
// (skipped with the reason only where PostgreSQL is not installed).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../analyze.js';
import { recordFromFiles } from '../analyze/recordFromFiles.js';
import { isSinusError } from '../errors.js';
import { openRecord } from '../io/openRecord.js';
import { SINUS_VERSION } from '../version.js';
import { LUDB, PTBXL, ROOT } from '../../test/dataPaths.js';
import { startPgCluster, type PgCluster } from '../../test/support/pgCluster.js';
import { storeWriterFile } from '../../test/support/storeWriter.js';
import { openStore } from './openStore.js';
import type { EcgStore } from './types.js';

const filesOf = (dir: string, base: string) => ({ [`${base}.hea`]: new Uint8Array(readFileSync(join(dir, `${base}.hea`))), [`${base}.dat`]: new Uint8Array(readFileSync(join(dir, `${base}.dat`))) });

interface Backend {
  name: string;
  /** A fresh, empty store location; null with a reason when the backend is absent. */
  fresh(): Promise<string | { reason: string }>;
}

const tmp = mkdtempSync(join(tmpdir(), 'sinus-store-test-'));
let pgCluster: PgCluster | { reason: string } | null = null;
let pgDbs = 0;
const backends: Backend[] = [
  { name: 'sqlite', fresh: async () => join(tmp, `s${Math.random().toString(36).slice(2)}`, 'store.sqlite') },
  {
    name: 'postgres',
    fresh: async () => {
      pgCluster ??= await startPgCluster();
      if ('reason' in pgCluster) return pgCluster;
      // One database per test, so tests start empty.
      const db = `t${++pgDbs}`;
      const { default: pg } = await import('pg');
      const c = new pg.Client({ connectionString: pgCluster.url });
      await c.connect();
      await c.query(`CREATE DATABASE ${db}`);
      await c.end();
      return pgCluster.url.replace(/\/postgres$/, `/${db}`);
    },
  },
];
after(() => {
  if (pgCluster && !('reason' in pgCluster)) pgCluster.stop();
  rmSync(tmp, { recursive: true, force: true });
});

for (const backend of backends) {
  describe(`store (${backend.name})`, () => {
    let location: string | { reason: string };
    let store: EcgStore | null = null;
    before(async () => {
      location = await backend.fresh();
      if (typeof location === 'string') store = await openStore(location);
    });
    after(async () => store?.close());
    const run = (name: string, body: (s: EcgStore, loc: string) => Promise<void>) =>
      test(name, async (t) => {
        if (typeof location !== 'string') return t.skip(location.reason);
        await body(store!, location);
      });

    run('a stored record comes back byte for byte and reads to the same samples (sample-exact)', async (s) => {
      const files = filesOf(join(PTBXL, 'records500', '00000'), '00017_hr');
      const id = await s.putRecord({ files, patientId: 'p1', ageYears: 61, sex: 'M', labels: ['NORM'] });
      assert.match(id, /^[0-9a-f]{32}$/, '128 random bits as hex');
      const back = await s.getFiles(id);
      assert.ok(back);
      for (const [n, b] of Object.entries(files)) assert.deepEqual(back[n], b, n);
      const [a, b] = [await recordFromFiles(files), await recordFromFiles(back)];
      assert.equal(b.leads.length, 12);
      for (let i = 0; i < a.leads.length; i++) {
        assert.deepEqual(b.leads[i].raw, a.leads[i].raw);
        assert.deepEqual(b.leads[i].samples, a.leads[i].samples);
      }
      const sum = await s.getRecord(id);
      assert.deepEqual({ ...sum, createdAt: undefined }, {
        id, name: '00017_hr', createdAt: undefined, patientId: 'p1', ageYears: 61, sex: 'M', labels: ['NORM'],
        fileNames: ['00017_hr.dat', '00017_hr.hea'], byteCount: files['00017_hr.hea'].byteLength + files['00017_hr.dat'].byteLength, analysisSoftwareVersion: null,
      });
    });

    run('an analysis is stored as JSON with the software and schema versions, and replaced on re-analysis', async (s) => {
      const files = filesOf(LUDB, '1');
      const rec = await recordFromFiles(files);
      const analysis = await analyze(rec, { only: ['beats'] });
      const id = await s.putRecord({ files, analysis });
      const got = await s.getAnalysis(id);
      assert.equal(got?.softwareVersion, SINUS_VERSION);
      assert.equal(got?.schemaVersion, analysis.schemaVersion);
      assert.deepEqual(got?.analysis.results.beats, analysis.results.beats);
      const again = await analyze(rec, { only: ['beats', 'beatClasses'] });
      assert.equal(await s.putAnalysis(id, again), true);
      assert.ok((await s.getAnalysis(id))?.analysis.results.beatClasses);
      assert.equal((await s.getRecord(id))?.analysisSoftwareVersion, SINUS_VERSION);
      assert.equal(await s.putAnalysis('0'.repeat(32), again), false, 'no such record');
    });

    run('records list in insertion order with paging and a patient filter; delete removes everything of a record', async (s) => {
      const before = (await s.listRecords({ limit: 10_000 })).map((r) => r.id);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await s.putRecord({ files: { [`r${i}.csv`]: new TextEncoder().encode(`I\n${i}\n`) }, patientId: i % 2 ? 'odd' : 'even' }));
      const all = (await s.listRecords({ limit: 10_000 })).map((r) => r.id);
      assert.deepEqual(all, [...before, ...ids]);
      const page1 = await s.listRecords({ limit: 2, afterId: ids[0] });
      assert.deepEqual(page1.map((r) => r.id), ids.slice(1, 3));
      assert.deepEqual((await s.listRecords({ patientId: 'odd' })).map((r) => r.id), [ids[1], ids[3]]);
      const v = new Float32Array([1.5, -2.25, Math.PI, 1e-30]);
      assert.equal(await s.putEmbedding(ids[2], 'features', v), true);
      assert.deepEqual(await s.getEmbedding(ids[2], 'features'), v, 'float32 exact');
      assert.deepEqual((await s.embeddings('features')).map((e) => e.recordId), [ids[2]]);
      assert.equal(await s.deleteRecord(ids[2]), true);
      assert.equal(await s.deleteRecord(ids[2]), false);
      assert.equal(await s.getRecord(ids[2]), null);
      assert.equal(await s.getFiles(ids[2]), null);
      assert.equal(await s.getEmbedding(ids[2], 'features'), null);
      assert.equal(await s.putEmbedding(ids[2], 'features', v), false, 'no embedding for a deleted record');
      assert.equal(await s.count(), all.length - 1);
    });

    run('bad input is a SinusError: no files, a path as file name, a bad id, a taken id, an impossible age', async (s) => {
      const one = { 'a.csv': new Uint8Array([73, 10, 49, 10]) };
      const rejects = async (p: Promise<unknown>) => assert.ok(isSinusError(await p.then(() => null, (e: unknown) => e), 'BAD_ARGUMENT'));
      await rejects(s.putRecord({ files: {} }));
      await rejects(s.putRecord({ files: { '..': one['a.csv'] } }));
      await rejects(s.putRecord({ files: one, id: "x'; DROP TABLE records; --" }));
      await rejects(s.putRecord({ files: one, ageYears: -3 }));
      await rejects(s.getRecord('../etc/passwd'));
      const id = await s.putRecord({ files: one, id: 'chosen:1' });
      await rejects(s.putRecord({ files: one, id }));
      assert.equal((await s.getRecord(id))?.id, 'chosen:1');
    });

    run('reopening keeps every record and applies each migration once', async (s, loc) => {
      const n = await s.count();
      const again = await openStore(loc);
      try {
        assert.equal(await again.count(), n);
        assert.deepEqual(await again.migrations(), [1]);
      } finally {
        await again.close();
      }
    });

    run('a writer killed mid-write (SIGKILL) leaves the store consistent: whole records only', async () => {
      const fresh = await backend.fresh();
      assert.equal(typeof fresh, 'string');
      const loc = fresh as string;
      const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/storeWriter.ts'), loc], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
      let written = 0;
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          written += (d.toString().match(/wrote/g) ?? []).length;
          // Several commits in, the writer is inside another transaction most of the time.
          if (written >= 5 && !child.killed) { child.kill('SIGKILL'); resolve(); }
        });
        child.once('exit', (code) => (written < 5 ? reject(new Error(`writer exited early (${code})`)) : resolve()));
      });
      await new Promise((r) => child.once('close', r));
      const s = await openStore(loc);
      try {
        const rows = await s.listRecords({ limit: 10_000 });
        assert.ok(rows.length >= written, `${rows.length} records, ${written} reported committed`);
        assert.ok(rows.length <= written + 1);
        for (const r of rows) {
          const n = Number(r.name.slice(1));
          const files = await s.getFiles(r.id);
          assert.deepEqual(Object.keys(files ?? {}), ['f0.bin', 'f1.bin', 'f2.bin'], `record ${r.name} is whole`);
          for (let i = 0; i < 3; i++) assert.deepEqual(files![`f${i}.bin`], storeWriterFile(n, i));
        }
        if (s.backend === 'sqlite') {
          const { default: Db } = await import('better-sqlite3');
          const db = new Db(loc, { readonly: true });
          assert.equal((db.pragma('integrity_check') as { integrity_check: string }[])[0].integrity_check, 'ok');
          db.close();
        }
        await s.putRecord({ files: { 'after.csv': new Uint8Array([73, 10, 49, 10]) } });
        assert.equal(await s.count(), rows.length + 1, 'writable after the crash');
      } finally {
        await s.close();
      }
    });
  });
}

test('openRecord and the stored copy agree for a LUDB record too (sanity of the fixture reader)', async () => {
  const direct = await openRecord(join(LUDB, '1.hea'));
  const viaFiles = await recordFromFiles(filesOf(LUDB, '1'));
  assert.deepEqual(viaFiles.leads.map((l) => l.raw), direct.leads.map((l) => l.raw));
});
