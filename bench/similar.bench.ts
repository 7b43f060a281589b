/**
 * npm run bench:similar [-- --ann-n 100000] [--only retrieval,ann,store]
 * 1. Retrieval, leave-one-out within PTB-XL ecg_id 1-350 (500 Hz) and within LUDB (200): precision@1/5/10
 *    and mAP (relevant = shares a diagnostic superclass), nDCG@10 (gain = Jaccard of statement sets),
 *    same-patient recall@10 (PTB-XL patients with several records); features-v1 against random vectors,
 *    the downsampled raw signal and a randomly initialised CNN encoder.
 * 2. ANN: the IVF index on synthetic clustered vectors of the shipped dimension: recall@10 against
 *    exact search, queries/s on one core (one thread), build time, memory.
 * 3. Store: insert and read throughput of 10 s 12-lead records (PTB-XL 500 Hz, original files with
 *    their analysis) on SQLite and PostgreSQL (a throwaway cluster), bytes on disk per record.
 * Analyses are cached in .bench-cache/similar/ (first run ~10 min on one core).
 */
import { mkdtempSync, rmSync, statSync, readdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRecord } from '../src/io/openRecord.js';
import { exactNeighbours } from '../src/similar/exactNeighbours.js';
import { FEATURE_VECTOR_LENGTH, featureVector } from '../src/similar/featureVector.js';
import { buildIvfIndex, searchIvfIndex } from '../src/similar/ivfIndex.js';
import { openStore } from '../src/store/openStore.js';
import { recordFilesAt } from '../src/store/recordFilesAt.js';
import { startPgCluster } from '../test/support/pgCluster.js';
import { gaussian, randomEncoder, rawSignalVector, seededRandom } from './similarBaselines.js';
import { cachedAnalysis, corpusItems, type CorpusItem } from './similarCorpus.js';
import { retrievalScores, type RetrievalScores } from './similarRetrieval.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const only = new Set(arg('only', 'retrieval,ann,store').split(','));
const f3 = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));

async function retrieval(): Promise<void> {
  const items = corpusItems();
  const encode = randomEncoder();
  console.log('\n## Retrieval, leave-one-out (each pool on its own)\n');
  console.log('| pool | vectors | dim | queries | P@1 | P@5 | P@10 | mAP | nDCG@10 | same-patient R@10 (queries) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const db of ['ptbxl', 'ludb'] as const) {
    const pool = items.filter((x) => x.database === db);
    const sets: Record<string, { dim: number; v: Float32Array }> = {
      'features-v1 (shipped)': { dim: FEATURE_VECTOR_LENGTH, v: new Float32Array(pool.length * FEATURE_VECTOR_LENGTH) },
      'random vectors': { dim: FEATURE_VECTOR_LENGTH, v: new Float32Array(pool.length * FEATURE_VECTOR_LENGTH) },
      'raw signal, 10 Hz': { dim: 1200, v: new Float32Array(pool.length * 1200) },
      'random CNN encoder': { dim: 128, v: new Float32Array(pool.length * 128) },
    };
    const rand = seededRandom(1);
    for (let i = 0; i < pool.length; i++) {
      const rec = await openRecord(pool[i].headerPath);
      sets['features-v1 (shipped)'].v.set(featureVector(await cachedAnalysis(pool[i], rec)), i * FEATURE_VECTOR_LENGTH);
      sets['raw signal, 10 Hz'].v.set(rawSignalVector(rec), i * 1200);
      sets['random CNN encoder'].v.set(encode(rec), i * 128);
    }
    for (let i = 0; i < sets['random vectors'].v.length; i++) sets['random vectors'].v[i] = gaussian(rand);
    for (const [name, { dim, v }] of Object.entries(sets)) {
      const s: RetrievalScores = retrievalScores(pool as CorpusItem[], v, dim);
      console.log(`| ${db} (${pool.length}) | ${name} | ${dim} | ${s.queries} | ${f3(s.p1)} | ${f3(s.p5)} | ${f3(s.p10)} | ${f3(s.map)} | ${f3(s.ndcg10)} | ${f3(s.patientRecall10)} (${s.patientQueries}) |`);
    }
  }
}

function ann(): void {
  const n = Number(arg('ann-n', '100000'));
  const dim = FEATURE_VECTOR_LENGTH;
  const rand = seededRandom(3);
  // Clustered like real embeddings (1000 centres, spread 0.7 of the centre scale), not uniform noise.
  const C = 1000;
  const centres = Float32Array.from({ length: C * dim }, () => gaussian(rand));
  const data = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(rand() * C);
    for (let j = 0; j < dim; j++) data[i * dim + j] = centres[c * dim + j] + 0.7 * gaussian(rand);
  }
  const heap0 = process.memoryUsage().arrayBuffers;
  let t = performance.now();
  const index = buildIvfIndex(data, dim);
  const buildS = (performance.now() - t) / 1000;
  const indexBytes = index.packed.byteLength + index.centroids.byteLength + index.rows.byteLength + index.offsets.byteLength;
  const Q = 300;
  const queries = Array.from({ length: Q }, () => {
    const r = Math.floor(rand() * n);
    return Float32Array.from({ length: dim }, (_, j) => data[r * dim + j] + 0.3 * gaussian(rand));
  });
  // Queries per CPU-second of this (single-threaded) process: one core's rate, even on a shared machine.
  const cpuS = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
  let c0 = process.cpuUsage();
  const truth = queries.map((q) => new Set(exactNeighbours(q, data, dim, 10).map((x) => x.row)));
  const exactQps = Q / cpuS(process.cpuUsage(c0));
  console.log(`\n## ANN: IVF-flat, ${n.toLocaleString('en')} synthetic clustered vectors, dim ${dim}, one thread\n`);
  console.log(`build ${buildS.toFixed(1)} s, ${index.offsets.length - 1} lists, index ${(indexBytes / 2 ** 20).toFixed(0)} MiB (vectors ${(n * dim * 4 / 2 ** 20).toFixed(0)} MiB of it; arrayBuffers before build ${(heap0 / 2 ** 20).toFixed(0)} MiB); exact search ${exactQps.toFixed(0)} queries per CPU-second\n`);
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores\n`);
  console.log('| nprobe | recall@10 vs exact | queries per CPU-second | queries/s wall |');
  console.log('|---|---|---|---|');
  for (const nprobe of [2, 4, 8, 16]) {
    t = performance.now();
    c0 = process.cpuUsage();
    let hit = 0;
    queries.forEach((q, i) => {
      for (const x of searchIvfIndex(index, q, 10, nprobe)) if (truth[i].has(x.row)) hit++;
    });
    const cpu = cpuS(process.cpuUsage(c0));
    console.log(`| ${nprobe} | ${(hit / (Q * 10)).toFixed(3)} | ${(Q / cpu).toFixed(0)} | ${(Q / ((performance.now() - t) / 1000)).toFixed(0)} |`);
  }
}

function folderBytes(dir: string): number {
  return readdirSync(dir).reduce((s, n) => s + statSync(join(dir, n)).size, 0);
}

async function storeThroughput(): Promise<void> {
  const items = corpusItems().filter((x) => x.database === 'ptbxl').slice(0, 100);
  const inputs = await Promise.all(items.map(async (it) => ({ files: recordFilesAt(it.headerPath), analysis: await cachedAnalysis(it), patientId: it.patientId, ageYears: it.ageYears })));
  const fileBytes = inputs.reduce((s, x) => s + Object.values(x.files).reduce((t, b) => t + b.byteLength, 0), 0) / inputs.length;
  const analysisBytes = inputs.reduce((s, x) => s + JSON.stringify(x.analysis).length, 0) / inputs.length;
  console.log(`\n## Store: ${inputs.length} PTB-XL 10 s 12-lead 500 Hz records (files ${(fileBytes / 1024).toFixed(0)} KiB + analysis JSON ${(analysisBytes / 1024).toFixed(0)} KiB each, waves section left out)\n`);
  console.log('| backend | insert records/s | read (files + analysis) records/s | bytes on disk per record |');
  console.log('|---|---|---|---|');
  const dir = mkdtempSync(join(tmpdir(), 'sinus-store-bench-'));
  const pg = await startPgCluster();
  try {
    const locations: [string, string | null][] = [['sqlite', join(dir, 'bench.sqlite')], ['postgres', 'reason' in pg ? null : pg.url]];
    for (const [name, loc] of locations) {
      if (!loc) { console.log(`| ${name} | skipped: ${(pg as { reason: string }).reason} | | |`); continue; }
      const store = await openStore(loc);
      let t = performance.now();
      const ids: string[] = [];
      for (const x of inputs) ids.push(await store.putRecord(x));
      const insertRate = ids.length / ((performance.now() - t) / 1000);
      t = performance.now();
      for (const id of ids) { await store.getFiles(id); await store.getAnalysis(id); }
      const readRate = ids.length / ((performance.now() - t) / 1000);
      let bytes: number;
      if (name === 'sqlite') bytes = folderBytes(dir);
      else {
        const { default: pgm } = await import('pg');
        const c = new pgm.Client({ connectionString: loc });
        await c.connect();
        bytes = Number((await c.query(`SELECT sum(pg_total_relation_size(quote_ident(tablename))) AS b FROM pg_tables WHERE schemaname = 'public'`)).rows[0].b);
        await c.end();
      }
      await store.close();
      console.log(`| ${name} | ${insertRate.toFixed(0)} | ${readRate.toFixed(0)} | ${(bytes / ids.length / 1024).toFixed(0)} KiB |`);
    }
  } finally {
    if (!('reason' in pg)) pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (only.has('retrieval')) await retrieval();
if (only.has('ann')) ann();
if (only.has('store')) await storeThroughput();
