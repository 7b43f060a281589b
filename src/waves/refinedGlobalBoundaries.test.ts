import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refuseRefinedGlobalBoundaries } from './refinedGlobalBoundaries.js';
import type { GlobalBeatBoundaries, LeadDelineation } from './types.js';

const lead = (qrsOn: number, qrsOff: number, pOn: number | null): LeadDelineation => ({
  lead: 'x', reason: null,
  beats: [{
    p: { onset: pOn, peak: pOn === null ? null : pOn + 20, offset: pOn === null ? null : pOn + 50 }, pReason: null,
    qrs: { onset: qrsOn, offset: qrsOff, qPeak: null, rPeak: null, sPeak: null, rPrimePeak: null }, qrsReason: null,
    t: { onset: null, peak: null, offset: 700 }, tPolarity: null, tReason: null, baselineMv: null,
  }],
});

test('refuseRefinedGlobalBoundaries: P and QRS fused again from the leads and shifted; T offset kept', () => {
  // Four leads; one QRS onset far from the others (outside the 10-sample tolerance) takes no part.
  const leads = [lead(100, 150, 30), lead(102, 152, 32), lead(104, 156, null), lead(60, 151, 34)];
  const global: GlobalBeatBoundaries[] = [{ pOnset: 1, pOffset: 2, qrsOnset: 3, qrsOffset: 4, tOffset: 650, leadCounts: [9, 9, 9, 9, 7] }];
  refuseRefinedGlobalBoundaries(global, leads, { pOnset: 10, pOffset: 10, qrsOnset: 10, qrsOffset: 10, tOffset: 10 }, { pOnset: -5, pOffset: 4, qrsOnset: -3, qrsOffset: 4 });
  assert.deepEqual(global[0], { pOnset: 25, pOffset: 88, qrsOnset: 97, qrsOffset: 160, tOffset: 650, leadCounts: [3, 3, 4, 4, 7] });
});

test('refuseRefinedGlobalBoundaries: a shift never takes a boundary before the record start; missing stays missing', () => {
  const leads = [lead(2, 50, null), lead(3, 52, null), lead(4, 51, null)];
  const global: GlobalBeatBoundaries[] = [{ pOnset: null, pOffset: null, qrsOnset: 3, qrsOffset: 4, tOffset: null, leadCounts: [0, 0, 3, 3, 0] }];
  refuseRefinedGlobalBoundaries(global, leads, { pOnset: 10, pOffset: 10, qrsOnset: 10, qrsOffset: 10, tOffset: 10 }, { pOnset: -5, pOffset: 4, qrsOnset: -6, qrsOffset: 4 });
  assert.equal(global[0].qrsOnset, 0);
  assert.equal(global[0].pOnset, null);
  assert.equal(global[0].qrsOffset, 56);
});
