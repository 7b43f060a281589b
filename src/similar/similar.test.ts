import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze } from '../analyze.js';
import { openRecord } from '../io/openRecord.js';
import { PTBXL } from '../../test/dataPaths.js';
import { openStore } from '../store/openStore.js';
import { exactNeighbours } from './exactNeighbours.js';
import { FEATURE_VECTOR_LENGTH, featureVector } from './featureVector.js';
import { buildIvfIndex, searchIvfIndex } from './ivfIndex.js';
import { parseStoreQuery } from './parseStoreQuery.js';
import { averagePrecision, jaccard, ndcgAtK, precisionAtK } from './retrievalScores.js';
import { searchStore } from './searchStore.js';
import { embedStoredRecords, similarRecords } from './similarInStore.js';
import { recordFilesAt } from '../store/recordFilesAt.js';

test('features-v1: fixed length, finite, zero for an analysis with no results, and it moves with the QRS width', async () => {
  const empty = featureVector({ results: {} });
  assert.equal(empty.length, FEATURE_VECTOR_LENGTH);
  assert.ok(empty.every((x) => x === 0), 'unknown values add no distance');
  const a = await analyze(await openRecord(join(PTBXL, 'records500/00000/00001_hr.hea')), { only: ['quality', 'beats', 'beatClasses', 'waves', 'measurements'] });
  const v = featureVector(a);
  assert.ok(v.every(Number.isFinite));
  const m = a.results.measurements as { qrsDurationMs: number };
  const wider = featureVector({ results: { ...a.results, measurements: { ...m, qrsDurationMs: m.qrsDurationMs + 40 } } });
  // 40 ms on a 20 ms scale is 2 units in one field (unless clipped).
  const d = Math.sqrt(v.reduce((s, x, i) => s + (x - wider[i]) ** 2, 0));
  assert.ok(Math.abs(d - 2) < 1e-5 || Math.abs(wider[3]) === 5, `distance ${d}`);
});

test('retrieval scores match hand-worked values', () => {
  assert.equal(precisionAtK([true, false, true, true], 2), 0.5);
  assert.equal(averagePrecision([true, false, true]), (1 + 2 / 3) / 2);
  assert.equal(averagePrecision([false, false]), null);
  assert.equal(ndcgAtK([1, 0], [1, 0], 2), 1);
  assert.ok(Math.abs(ndcgAtK([0, 1], [1, 0], 2)! - 1 / Math.log2(3)) < 1e-12);
  assert.equal(jaccard(['A', 'B'], ['B', 'C']), 1 / 3);
});

test('the IVF index finds the exact neighbours of clustered vectors (recall@10 >= 0.95)', () => {
  let s = 12345;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296) - 0.5;
  const dim = 16, n = 4000;
  const centres = Float32Array.from({ length: 40 * dim }, () => 4 * rand());
  const data = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) for (let j = 0; j < dim; j++) data[i * dim + j] = centres[(i % 40) * dim + j] + rand();
  const index = buildIvfIndex(data, dim);
  let hits = 0;
  for (let q = 0; q < 50; q++) {
    const query = data.subarray(q * 37 * dim, q * 37 * dim + dim);
    const truth = new Set(exactNeighbours(query, data, dim, 10).map((x) => x.row));
    for (const x of searchIvfIndex(index, query, 10, 8)) if (truth.has(x.row)) hits++;
  }
  assert.ok(hits / 500 >= 0.95, `recall ${hits / 500}`);
});

test('text queries become statement and measurement filters; unknown words are reported, not guessed', () => {
  const q = parseStoreQuery('LBBB with QTc over 500');
  assert.deepEqual(q.measurements, [{ field: 'qtc.bazettMs', op: '>', value: 500 }]);
  assert.ok(q.statements[0].includes('CLBBB'));
  const af = parseStoreQuery('AF with rapid ventricular response in patients over 70');
  assert.equal(af.minAgeYears, 70);
  assert.deepEqual(af.measurements, [{ field: 'heartRateBpm', op: '>', value: 100 }]);
  assert.deepEqual(parseStoreQuery('QRS under 120 and wobbly').unparsed, ['wobbly']);
  assert.throws(() => parseStoreQuery('  '), /empty/);
});

test('store search: a record is nearest its own copy; filters and text search select by patient, age and statement', async () => {
  const store = await openStore(':memory:');
  try {
    const paths = ['00001', '00002', '00008', '00009'].map((id) => join(PTBXL, `records500/00000/${id}_hr.hea`));
    const analyses = [];
    for (const [i, p] of paths.entries()) {
      const analysis = await analyze(await openRecord(p), { only: ['quality', 'beats', 'beatClasses', 'waves', 'measurements', 'rhythm'] });
      analyses.push(analysis);
      await store.putRecord({ files: recordFilesAt(p), analysis, patientId: i < 2 ? 'A' : 'B', ageYears: 40 + 10 * i, labels: i === 3 ? ['CLBBB'] : ['NORM'] });
    }
    assert.deepEqual(await embedStoredRecords(store), { embedded: 4, notAnalysed: 0 });
    const near = await similarRecords(store, analyses[2], { k: 2 });
    assert.equal(near[0].record.name, '00008_hr');
    assert.equal(near[0].distance, 0);
    const viaIndex = await similarRecords(store, analyses[2], { k: 2, annAbove: 0, excludeId: near[0].id });
    assert.deepEqual(viaIndex.map((h) => h.id), (await similarRecords(store, analyses[2], { k: 2, excludeId: near[0].id })).map((h) => h.id), 'IVF path = exact on a tiny store');
    assert.ok(!viaIndex.some((h) => h.id === near[0].id), 'the excluded record is left out');
    const other = await similarRecords(store, analyses[2], { k: 10, filters: { patientId: 'A', minAgeYears: 45 } });
    assert.deepEqual(other.map((h) => h.record.name), ['00002_hr']);
    assert.deepEqual((await similarRecords(store, analyses[0], { k: 10, filters: { statement: 'clbbb' } })).map((h) => h.record.name), ['00009_hr']);
    const found = await searchStore(store, 'LBBB in patients over 65');
    assert.deepEqual(found.hits.map((h) => h.record.name), ['00009_hr']);
  } finally {
    await store.close();
  }
});
