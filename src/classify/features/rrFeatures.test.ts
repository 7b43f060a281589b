import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rrFeatures } from './rrFeatures.js';
import { RR_FEATURE_NAMES } from './layout.js';

const K = RR_FEATURE_NAMES.length;
const at = (f: Float32Array, beat: number, name: (typeof RR_FEATURE_NAMES)[number]) => f[beat * K + RR_FEATURE_NAMES.indexOf(name)];

test('a premature beat with a compensatory pause stands out against the local rhythm', () => {
  // 1 s rhythm at 360 Hz; beat 10 comes 0.6 s after beat 9, beat 11 keeps the sinus timing.
  const beats: number[] = [];
  for (let i = 0; i < 21; i++) beats.push(i * 360);
  beats[10] = 9 * 360 + 216;
  const f = rrFeatures(Int32Array.from(beats), 360);
  assert.ok(Math.abs(at(f, 10, 'preRrS') - 0.6) < 1e-6);
  assert.ok(Math.abs(at(f, 10, 'postRrS') - 1.4) < 1e-6);
  assert.ok(Math.abs(at(f, 10, 'localRrS') - 1) < 1e-6, 'one ectopic beat does not move the local median');
  assert.ok(at(f, 10, 'logPreOverLocal') < Math.log(0.65));
  assert.ok(at(f, 10, 'logPostOverLocal') > Math.log(1.35));
  assert.ok(Math.abs(at(f, 5, 'logPreOverLocal')) < 1e-6, 'a sinus beat is on time');
  for (const v of f) assert.ok(Number.isFinite(v));
});

test('irregular rhythm reads as irregular, regular as regular', () => {
  const regular = Int32Array.from({ length: 30 }, (_, i) => i * 300);
  const irregular: number[] = [0];
  for (let i = 1; i < 30; i++) irregular.push(irregular[i - 1] + (i % 3 === 0 ? 180 : i % 3 === 1 ? 330 : 250));
  const a = rrFeatures(regular, 300);
  const b = rrFeatures(Int32Array.from(irregular), 300);
  assert.equal(at(a, 15, 'localIrregularity'), 0);
  assert.ok(at(b, 15, 'localIrregularity') > 0.2);
});

test('one or two beats: finite features, no crash', () => {
  for (const beats of [[100], [100, 400]]) {
    const f = rrFeatures(Int32Array.from(beats), 250);
    assert.equal(f.length, beats.length * K);
    for (const v of f) assert.ok(Number.isFinite(v));
  }
  assert.equal(rrFeatures(new Int32Array(0), 250).length, 0);
});
