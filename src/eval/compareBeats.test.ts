import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareBeats, referenceBeats, summarizeBeatComparisons, formatBeatComparisonTable } from './index.js';
import { readWfdbAnnotationSets } from '../io/wfdb/readAnnotations.js';
import { nodeFileSource } from '../io/nodeFileSource.js';
import { MITDB } from '../../test/dataPaths.js';

const fs = 360; // EC57 window 150 ms = 54 samples

test('EC57 matching: 150 ms window, each beat matched once, nearest first', () => {
  const ref = [1000, 2000, 3000, 4000];
  const c = compareBeats('x', ref, [1054, 1946, 3055, 4000, 4010, 5000], fs);
  assert.deepEqual([c.matched, c.missed, c.extra], [3, 1, 3]);
  assert.deepEqual(c.missedSamples, [3000]);
  assert.deepEqual(c.extraSamples, [3055, 4010, 5000]);
  assert.equal(c.sensitivityPct, 75);
  assert.equal(c.positivePredictivityPct, 50);
  // One test beat between two reference beats goes to the nearer one.
  const d = compareBeats('y', [1000, 1080], [1060], fs);
  assert.deepEqual([d.matched, d.missedSamples], [1, [1000]]);
});

test('test period and excluded ranges apply to both lists; empty lists give null, not 0', () => {
  const c = compareBeats('x', [100, 5000, 9000], [100, 5001, 9500], fs, { startSample: 1000, excluded: [[8000, 10000]] });
  assert.deepEqual([c.matched, c.missed, c.extra], [1, 0, 0]);
  const e = compareBeats('e', [], [], fs);
  assert.equal(e.sensitivityPct, null);
  assert.equal(e.positivePredictivityPct, null);
});

test('reference beats of MIT-BIH 207 leave out the ventricular flutter episodes', async () => {
  const [atr] = await readWfdbAnnotationSets('207', ['atr'], nodeFileSource(MITDB));
  const ref = referenceBeats(atr.annotations, 650000);
  assert.ok(ref.excluded.length >= 1);
  for (const [a, b] of ref.excluded) assert.ok(b > a);
  // Comparing the reference with itself is perfect.
  const c = compareBeats('207', ref.samples, ref.samples, fs, { startSample: 300 * fs, excluded: ref.excluded });
  assert.equal(c.sensitivityPct, 100);
  assert.equal(c.positivePredictivityPct, 100);
});

test('gross sums beats, average means records; the table has one line per record plus two', () => {
  const a = compareBeats('a', [100, 200, 300, 400], [100, 200, 300, 400], fs);
  const b = compareBeats('b', [100, 1000], [100], fs);
  const s = summarizeBeatComparisons([a, b]);
  assert.equal(s.grossSensitivityPct, (100 * 5) / 6);
  assert.equal(s.averageSensitivityPct, 75);
  assert.equal(formatBeatComparisonTable([a, b]).split('\n').length, 5);
});

test('a beat just outside the test period pairs with one just inside; unpaired outsiders do not count', () => {
  // Test period [1000, 5000): the test beat at 990 matches the reference at 1010.
  const c = compareBeats('edge', [1010, 3000, 4990], [990, 3000, 5010, 5200], fs, { startSample: 1000, endSample: 5000 });
  assert.deepEqual([c.matched, c.missed, c.extra], [3, 0, 0]);
  // Both outside: not counted at all.
  const d = compareBeats('out', [990, 3000], [980, 3000], fs, { startSample: 1000 });
  assert.deepEqual([d.matched, d.missed, d.extra], [1, 0, 0]);
});
