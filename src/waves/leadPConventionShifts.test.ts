import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openRecord } from '../io/openRecord.js';
import { LUDB } from '../../test/dataPaths.js';
import { annotatedWaves } from './annotatedWaves.js';
import { delineateBeats } from './delineateBeats.js';
import { shiftLeadPConventions } from './leadPConventionShifts.js';
import type { LeadDelineation } from './types.js';

// Odd LUDB records, sinus rhythm: the half the per-lead shifts were measured on.
const SINUS_ODD = [1, 3, 5, 7, 9, 11, 13, 15];

const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]); };

/** Median error (ms) of one lead's P onsets or offsets against LUDB's marks, matched within 150 ms. */
async function medianPErrorMs(leadName: string, key: 'onset' | 'offset', options: object): Promise<number> {
  const errs: number[] = [];
  for (const id of SINUS_ODD) {
    const rec = await openRecord(join(LUDB, `${id}.hea`));
    const ii = rec.annotations.find((s) => s.annotator === 'ii')!;
    const beats = annotatedWaves(ii).filter((w) => w.kind === 'qrs').map((w) => w.peak);
    const d = delineateBeats(rec, beats, options);
    const li = rec.leads.findIndex((l) => l.name.toLowerCase() === leadName.toLowerCase());
    const set = rec.annotations.find((s) => s.annotator === leadName.toLowerCase())!;
    const det = d.leads[li].beats.map((b) => b.p[key]).filter((v): v is number => v !== null);
    for (const w of annotatedWaves(set)) {
      const r = w.kind === 'p' ? w[key] : null;
      if (r === null) continue;
      let best: number | null = null;
      for (const v of det) if (best === null || Math.abs(v - r) < Math.abs(best - r)) best = v;
      if (best !== null && Math.abs(best - r) <= 0.15 * rec.fs) errs.push(((best - r) * 1000) / rec.fs);
    }
  }
  return median(errs);
}

test('LUDB odd sinus records: aVL P onset and V1 P offset follow the annotators once shifted', async () => {
  // The shift step alone: the learned refinement after it (trained on shifted boundaries) is off.
  const none = { pOnsetLeadShiftMs: {}, pOffsetLeadShiftMs: {}, boundaryRefinement: false }, shifted = { boundaryRefinement: false };
  const avlBefore = await medianPErrorMs('aVL', 'onset', none), avlAfter = await medianPErrorMs('aVL', 'onset', shifted);
  const v1Before = await medianPErrorMs('V1', 'offset', none), v1After = await medianPErrorMs('V1', 'offset', shifted);
  // The slope threshold starts aVL's P early and ends V1's late; the shift removes most of it.
  assert.ok(Math.abs(avlAfter) < Math.abs(avlBefore), `aVL P onset median error ${avlBefore} -> ${avlAfter} ms`);
  assert.ok(Math.abs(v1After) < Math.abs(v1Before), `V1 P offset median error ${v1Before} -> ${v1After} ms`);
  // Within half the CSE 2SD tolerance (P on 10.2, P off 12.7 ms).
  assert.ok(Math.abs(avlAfter) <= 5.1, `aVL P onset median error ${avlAfter} ms`);
  assert.ok(Math.abs(v1After) <= 6.4, `V1 P offset median error ${v1After} ms`);
});

test('shiftLeadPConventions: named leads only, case-insensitive, never across the P peak', () => {
  const lead = (name: string, on: number, peak: number, off: number): LeadDelineation => ({
    lead: name, reason: null,
    beats: [{ p: { onset: on, peak, offset: off }, pReason: null, qrs: { onset: null, offset: null, qPeak: null, rPeak: null, sPeak: null, rPrimePeak: null }, qrsReason: null, t: { onset: null, peak: null, offset: null }, tPolarity: null, tReason: null, baselineMv: null }],
  });
  const leads = [lead('AVL', 100, 150, 200), lead('V1', 100, 150, 200), lead('II', 100, 150, 200), lead('aVL', 145, 150, 155)];
  shiftLeadPConventions(leads, { aVL: 7 }, { v1: -6, aVL: -20 });
  assert.deepEqual(leads.map((l) => [l.beats[0].p.onset, l.beats[0].p.offset]), [[107, 180], [100, 194], [100, 200], [150, 150]]);
});
