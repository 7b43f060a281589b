import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openRecord } from '../io/openRecord.js';
import { detectBeats } from '../beats/index.js';
import { LUDB } from '../../test/dataPaths.js';
import { annotatedWaves } from './annotatedWaves.js';
import { delineateBeats } from './delineateBeats.js';
import { boundaryRefineShiftMs, type BoundaryRefineModel } from './refineBoundaries.js';
import { BOUNDARY_REFINE_FEATURE_COUNT } from './boundaryRefineFeatures.js';
import type { Delineation } from './types.js';

// The first ten LUDB records, fixed in advance (not chosen by how well the refinement does there).
// The shipped models were fitted on all 200 records, these included: this checks that the step
// does what it was fitted to do, not how well it generalises (models/boundary-refinement.md has
// the out-of-fold figures).
const RECORDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

const meanSd = (v: number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return { mean: m, sd: Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1)) };
};

/** QRS onset / offset errors (ms, ours - LUDB's mark in the same lead, nearest within 150 ms), all leads. */
function qrsErrorsMs(d: Delineation, rec: Awaited<ReturnType<typeof openRecord>>, key: 'onset' | 'offset'): number[] {
  const out: number[] = [];
  rec.leads.forEach((lead, li) => {
    const set = rec.annotations.find((s) => s.annotator === lead.name.toLowerCase());
    if (!set) return;
    const marks = annotatedWaves(set).filter((w) => w.kind === 'qrs').map((w) => w[key]).filter((v): v is number => v !== null);
    for (const b of d.leads[li].beats) {
      const v = b.qrs[key];
      if (v === null) continue;
      let best: number | null = null;
      for (const r of marks) if (best === null || Math.abs(v - r) < Math.abs(v - best)) best = r;
      if (best !== null && Math.abs(v - best) <= 0.15 * rec.fs) out.push(((v - best) * 1000) / rec.fs);
    }
  });
  return out;
}

test('LUDB 1-10: the learned refinement moves QRS boundaries toward the marks (CSE tolerances)', async () => {
  const err = { onOff: [] as number[], onOn: [] as number[], offOff: [] as number[], offOn: [] as number[] };
  let moved = 0;
  for (const id of RECORDS) {
    const rec = await openRecord(join(LUDB, `${id}.hea`));
    const beats = detectBeats(rec).samples;
    const plain = delineateBeats(rec, beats, { boundaryRefinement: false });
    const refined = delineateBeats(rec, beats);
    plain.leads.forEach((l, li) => l.beats.forEach((b, k) => { if (b.qrs.onset !== refined.leads[li].beats[k].qrs.onset) moved++; }));
    err.onOff.push(...qrsErrorsMs(plain, rec, 'onset'));
    err.onOn.push(...qrsErrorsMs(refined, rec, 'onset'));
    err.offOff.push(...qrsErrorsMs(plain, rec, 'offset'));
    err.offOn.push(...qrsErrorsMs(refined, rec, 'offset'));
  }
  const [a, b, c, e] = [meanSd(err.onOff), meanSd(err.onOn), meanSd(err.offOff), meanSd(err.offOn)];
  const msg = `QRS on ${a.mean.toFixed(1)} +- ${a.sd.toFixed(1)} -> ${b.mean.toFixed(1)} +- ${b.sd.toFixed(1)}, off ${c.mean.toFixed(1)} +- ${c.sd.toFixed(1)} -> ${e.mean.toFixed(1)} +- ${e.sd.toFixed(1)} ms, ${moved} onsets moved`;
  assert.ok(moved > 0, msg);
  assert.equal(err.onOn.length, err.onOff.length, `as many matched onsets: ${msg}`);
  assert.ok(b.sd < a.sd && e.sd < c.sd, `SD lower with the refinement: ${msg}`);
  // |mean| <= 5 ms (the bias target); QRS offset SD within the CSE 2SD tolerance (11.6 ms).
  // QRS onset SD stays above its 6.5 ms (about 8.5 over all LUDB), but more onsets fall within it.
  assert.ok(Math.abs(b.mean) <= 5 && Math.abs(e.mean) <= 5, msg);
  assert.ok(e.sd <= 11.6, msg);
  const within = (v: number[]) => v.filter((x) => Math.abs(x) <= 6.5).length / v.length;
  assert.ok(within(err.onOn) > within(err.onOff), `onsets within 6.5 ms: ${within(err.onOff).toFixed(3)} -> ${within(err.onOn).toFixed(3)}; ${msg}`);
});

test('boundaryRefineShiftMs: linear and tanh models, clipped to maxShiftMs', () => {
  const n = BOUNDARY_REFINE_FEATURE_COUNT;
  const f = new Float64Array(n).fill(1);
  const base = { mean: new Array(n).fill(0.5), sd: new Array(n).fill(0.5), hidden: [], hiddenBias: [], bias: 2, maxShiftMs: 40 };
  const linear: BoundaryRefineModel = { ...base, weights: new Array(n).fill(0).map((_, i) => (i === 0 ? 3 : 0)) };
  assert.equal(boundaryRefineShiftMs(linear, f), 2 + 3 * ((1 - 0.5) / 0.5));
  assert.equal(boundaryRefineShiftMs({ ...linear, bias: 100 }, f), 40);
  const mlp: BoundaryRefineModel = { ...base, hidden: [new Array(n).fill(0).map((_, i) => (i === 1 ? 1 : 0))], hiddenBias: [0], weights: [10] };
  assert.ok(Math.abs(boundaryRefineShiftMs(mlp, f) - (2 + 10 * Math.tanh(1))) < 1e-12);
});

test('fewer than three leads: no refinement, and the global boundaries are not re-fused or shifted', async () => {
  const full = await openRecord(join(LUDB, '1.hea'));
  const rec = { ...full, leads: full.leads.slice(0, 2) };
  const beats = detectBeats(full).samples;
  const on = delineateBeats(rec, beats), off = delineateBeats(rec, beats, { boundaryRefinement: false });
  assert.deepEqual(JSON.parse(JSON.stringify(on)), JSON.parse(JSON.stringify(off)));
});
