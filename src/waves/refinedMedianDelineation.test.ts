import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openRecord } from '../io/openRecord.js';
import type { EcgRecord } from '../record/types.js';
import { detectBeats } from '../beats/index.js';
import { LUDB } from '../../test/dataPaths.js';
import { annotatedGlobalWaves, annotatedWaves } from './annotatedWaves.js';
import { delineateBeatsWithTemplate } from './delineateBeats.js';
import { recordMedianBeat } from './recordMedianBeat.js';
import { measureEcg } from '../measure/measureEcg.js';

// LUDB 1-20, fixed in advance. The shipped models and shifts were fitted on all 200 records, these
// included: this checks that the step does what it was fitted to do (out-of-fold figures:
// BENCHMARKS.md waves round 8, `npm run bench:waves -- --refine-folds ...`).
const RECORDS = Array.from({ length: 20 }, (_, i) => i + 1);

const meanSd = (v: number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return { mean: m, sd: Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1)) };
};

/** LUDB's global QRS duration (ms): per beat earliest onset / latest offset over the leads, median over beats. */
function referenceQrsMs(rec: EcgRecord): number | null {
  const byLead = rec.leads.map((l) => annotatedWaves(rec.annotations.find((s) => s.annotator === l.name.toLowerCase())!));
  const v = annotatedGlobalWaves(byLead, rec.fs).beats.filter((b) => b.qrsOff !== null).map((b) => b.qrsOff! - b.qrsOn).sort((a, b) => a - b);
  return v.length ? (v[v.length >> 1] * 1000) / rec.fs : null;
}

test('LUDB 1-20: the median-beat refinement brings measureEcg QRS durations closer to LUDB (IEC 60601-2-25 mean)', async () => {
  const plain: number[] = [], refined: number[] = [];
  for (const id of RECORDS) {
    const rec = await openRecord(join(LUDB, `${id}.hea`));
    const beats = detectBeats(rec).samples;
    const w = delineateBeatsWithTemplate(rec, beats);
    const given = { delineation: w.delineation, medianBeat: recordMedianBeat(rec, beats, w), pacingSpikes: w.pacingSpikes };
    const before = JSON.stringify(w.template?.delineation);
    const a = measureEcg(rec, beats, { ...given, medianRefinement: null });
    const b = measureEcg(rec, beats, given);
    // The template's own delineation (it also guided the per-beat tracking) is left as it was.
    assert.equal(JSON.stringify(w.template?.delineation), before, `record ${id}: template delineation changed`);
    const ref = referenceQrsMs(rec);
    if (ref === null || a.qrsDurationMs === null || b.qrsDurationMs === null) continue;
    plain.push(a.qrsDurationMs - ref);
    refined.push(b.qrsDurationMs - ref);
  }
  const p = meanSd(plain), r = meanSd(refined);
  const msg = `QRS error ${p.mean.toFixed(1)} +- ${p.sd.toFixed(1)} -> ${r.mean.toFixed(1)} +- ${r.sd.toFixed(1)} ms over ${refined.length} records`;
  assert.ok(refined.length >= 18, msg);
  assert.ok(r.sd < p.sd, `SD lower with the refinement: ${msg}`);
  // IEC 60601-2-25: mean difference within +-10 ms for QRS.
  assert.ok(Math.abs(r.mean) <= 10, msg);
});

test('median-beat refinement: a record with two leads is left as it was', async () => {
  const full = await openRecord(join(LUDB, '1.hea'));
  const rec: EcgRecord = { ...full, leads: full.leads.slice(0, 2) };
  const beats = detectBeats(full).samples;
  const a = measureEcg(rec, beats, { medianRefinement: null }), b = measureEcg(rec, beats);
  assert.deepEqual(b.medianDelineation?.global, a.medianDelineation?.global);
  assert.equal(b.qrsDurationMs, a.qrsDurationMs);
  assert.equal(b.prMs, a.prMs);
});
