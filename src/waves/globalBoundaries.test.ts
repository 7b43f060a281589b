import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuseGlobalBoundaries, shiftGlobalPOnsets } from './globalBoundaries.js';
import type { LeadDelineation } from './types.js';

const lead = (pOn: number | null, qrsOn: number) => ({
  beats: [{ p: { onset: pOn, offset: pOn === null ? null : pOn + 50 }, qrs: { onset: qrsOn, offset: qrsOn + 45 }, t: { onset: null, offset: null } }],
}) as unknown as LeadDelineation;

test('fusion takes the earliest onset among leads near the median; a far lead is left out', () => {
  const g = fuseGlobalBoundaries([lead(100, 200), lead(104, 204), lead(106, 206), lead(40, 150)], { pOnset: 15, pOffset: 15, qrsOnset: 12, qrsOffset: 12, tOffset: 30 });
  assert.equal(g[0].pOnset, 100);
  assert.equal(g[0].qrsOnset, 200);
});

test('global P onsets move by the convention shift, never before the record start; missing ones stay missing', () => {
  const g = fuseGlobalBoundaries([lead(1, 200), lead(2, 201), lead(3, 202)], { pOnset: 15, pOffset: 15, qrsOnset: 12, qrsOffset: 12, tOffset: 30 });
  g.push({ ...g[0], pOnset: null });
  g.push({ ...g[0], pOnset: 50 });
  shiftGlobalPOnsets(g, -2);
  assert.deepEqual(g.map((b) => b.pOnset), [0, null, 48]);
  assert.equal(g[0].qrsOnset, 200, 'QRS untouched');
});
