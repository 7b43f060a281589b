import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rrIrregularityAroundBeat } from './rrIrregularityAroundBeat.js';

/** Deterministic pseudo-random numbers in [0, 1) (LCG), so the test is repeatable. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

test('sinus rhythm with isolated APCs is regular around each APC; AF-like intervals are not', () => {
  // Sinus at 0.8 s (±1%), an APC (0.45 s coupling, 0.95 s pause) every 7th beat.
  const rand = lcg(7);
  const sinus: number[] = [];
  const apcBeats: number[] = [];
  for (let j = 0; j < 300; j++) {
    if (j % 7 === 3) { apcBeats.push(j + 1); sinus.push(0.45); }
    else if (j % 7 === 4) sinus.push(0.95);
    else sinus.push(0.8 * (1 + 0.02 * (rand() - 0.5)));
  }
  const s = rrIrregularityAroundBeat(sinus, 16);
  for (const i of apcBeats.filter((b) => b > 40 && b < 260)) {
    assert.ok(s.successiveDiffP35[i] < 0.03, `APC beat ${i}: ${s.successiveDiffP35[i]}`);
  }
  // AF: intervals spread uniformly over 0.4..1.2 s, independent of each other; above the gate thresholds
  // of the shipped feature MLP (0.06 and 0.03).
  const af = Array.from({ length: 300 }, () => 0.4 + 0.8 * rand());
  const a = rrIrregularityAroundBeat(af, 16);
  for (let i = 40; i < 260; i += 10) {
    assert.ok(a.successiveDiffP35[i] > 0.06, `AF beat ${i}: ${a.successiveDiffP35[i]}`);
    assert.ok(a.minLagDiffMedian[i] > 0.04, `AF beat ${i} min-lag: ${a.minLagDiffMedian[i]}`);
  }
});

test('atrial bigeminy: successive differences are large but intervals repeat two apart', () => {
  const bigeminy = Array.from({ length: 200 }, (_, j) => (j % 2 ? 1.0 : 0.55));
  const b = rrIrregularityAroundBeat(bigeminy, 16);
  assert.ok(b.successiveDiffP35[100] > 0.3);
  assert.ok(b.minLagDiffMedian[100] < 0.01);
});

test("the beat's own premature/pause pair does not count, and short or empty inputs give finite values", () => {
  // Perfectly regular except the beat at index 50 (pre 0.4 s, post 1.2 s).
  const rr = Array.from({ length: 100 }, () => 0.8);
  rr[49] = 0.4;
  rr[50] = 1.2;
  const r = rrIrregularityAroundBeat(rr, 16);
  assert.equal(r.successiveDiffP35[50], 0);
  assert.equal(r.minLagDiffMedian[50], 0);
  assert.deepEqual(Array.from(rrIrregularityAroundBeat([], 16).successiveDiffP35), [0]);
  for (const v of rrIrregularityAroundBeat([0.8, 0.9], 16).minLagDiffMedian) assert.ok(Number.isFinite(v));
});
