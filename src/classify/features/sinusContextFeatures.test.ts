import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sinusContextFeatures, SINUS_CONTEXT_FEATURE_NAMES } from './sinusContextFeatures.js';
import { LEADS_USED, WAVE_CHANNELS, WINDOW_LENGTH } from './layout.js';

const K = SINUS_CONTEXT_FEATURE_NAMES.length;
const at = (f: Float32Array, beat: number, name: (typeof SINUS_CONTEXT_FEATURE_NAMES)[number]) => f[beat * K + SINUS_CONTEXT_FEATURE_NAMES.indexOf(name)];
const flatWaves = (n: number) => new Float32Array(n * LEADS_USED * WAVE_CHANNELS * WINDOW_LENGTH);

test('atrial premature beats that outnumber sinus beats still stand out against the sinus cycle', () => {
  // Sinus bradycardia at 1.5 s with an APC 0.7 s after two of every three sinus beats (a 232-like
  // pattern: ectopic beats are the majority of short intervals, so a median RR is an APC interval).
  const fs = 360;
  const beats: number[] = [0];
  const premature: boolean[] = [false];
  for (let k = 0; beats.length < 200; k++) {
    const last = beats[beats.length - 1];
    if (k % 3 !== 2) { beats.push(last + Math.round(0.7 * fs)); premature.push(true); }
    else { beats.push(last + Math.round(1.5 * fs)); premature.push(false); }
  }
  const f = sinusContextFeatures(Int32Array.from(beats), fs, flatWaves(beats.length));
  let minSinus = Infinity, maxApc = -Infinity;
  for (let i = 40; i < 160; i++) {
    const v = at(f, i, 'logPreOverSinusP75');
    if (premature[i]) maxApc = Math.max(maxApc, v);
    else minSinus = Math.min(minSinus, v);
  }
  // The APC coupling (0.7 s) is under 60% of the sinus cycle: its ratio must say so, and sinus beats sit at the cycle.
  assert.ok(maxApc < Math.log(0.6), `APC log ratio ${maxApc}`);
  assert.ok(minSinus > Math.log(0.9), `sinus log ratio ${minSinus}`);
});

test('P-region features: identical beat and template correlate fully; a flat beat gives finite values', () => {
  const n = 3;
  const T = WINDOW_LENGTH;
  const waves = flatWaves(n);
  for (let b = 0; b < n; b++) for (let l = 0; l < LEADS_USED; l++) {
    const o = (b * LEADS_USED + l) * WAVE_CHANNELS * T;
    // Beat = a P bump; the difference channel is zero for beat 0 (beat equals template).
    for (let k = 0; k < T; k++) waves[o + k] = b === 2 ? 0 : Math.exp(-(((k - 20) / 6) ** 2)) * 0.2;
    if (b === 1) for (let k = 0; k < T; k++) waves[o + T + k] = waves[o + k] - Math.exp(-(((k - 35) / 6) ** 2)) * 0.2;
  }
  const f = sinusContextFeatures([100, 460, 820], 360, waves);
  assert.ok(Math.abs(at(f, 0, 'L0.pCorr') - 1) < 1e-5);
  assert.ok(Math.abs(at(f, 0, 'L0.logPStdRatio')) < 1e-5);
  assert.ok(at(f, 1, 'L1.pCorr') < 0.5, 'a P wave 60 ms off the template P does not match it');
  for (const v of f) assert.ok(Number.isFinite(v));
  assert.equal(sinusContextFeatures([], 360, new Float32Array(0)).length, 0);
});
