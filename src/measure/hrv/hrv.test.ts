import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readWfdbRecord } from '../../io/wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../../io/wfdb/readAnnotations.js';
import { nodeFileSource } from '../../io/nodeFileSource.js';
import { BEAT_CODES, aamiClass } from '../../io/wfdb/annotationCodes.js';
import { MITDB } from '../../../test/dataPaths.js';
import { heartRateVariability } from './heartRateVariability.js';
import { dfaAlpha, sampleEntropy } from './nonlinear.js';

/** Beat times (samples at 1000 Hz) whose NN series follows f(t). */
function beatsFrom(nnAt: (tS: number) => number, durationS: number): number[] {
  const out = [0];
  let t = 0;
  while (t < durationS) { t += nnAt(t) / 1000; out.push(Math.round(t * 1000)); }
  return out;
}

/** Small deterministic PRNG (mulberry32) with a Box-Muller normal. */
function normals(n: number, seed = 7): Float64Array {
  let a = seed;
  const u = () => { a |= 0; a = (a + 0x6d2b79f5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(-2 * Math.log(u() + 1e-12)) * Math.cos(2 * Math.PI * u());
  return out;
}

test('a 0.25 Hz NN modulation puts its variance (A^2/2, Parseval) in HF, not LF', () => {
  const beats = beatsFrom((t) => 1000 + 40 * Math.sin(2 * Math.PI * 0.25 * t), 300);
  const f = heartRateVariability(beats, 1000).frequencyDomain;
  assert.ok(f.hfMs2 !== null && Math.abs(f.hfMs2 - 800) / 800 < 0.15, `HF ${f.hfMs2} ms^2, expected 800 +- 15%`);
  assert.ok(f.lfMs2 !== null && f.lfMs2 < 0.05 * f.hfMs2!, `LF ${f.lfMs2}`);
  assert.ok(f.lfHfRatio !== null && f.lfHfRatio < 0.1);
});

test('time domain of an alternating NN series matches its closed form', () => {
  // 800, 860, 800, 860...: mean 830, successive differences all 60 ms.
  const beats = [0];
  for (let i = 0; i < 200; i++) beats.push(beats[beats.length - 1] + (i % 2 ? 860 : 800));
  const td = heartRateVariability(beats, 1000).timeDomain;
  assert.ok(Math.abs(td.meanNnMs! - 830) < 1e-9);
  assert.ok(Math.abs(td.rmssdMs! - 60) < 1e-9);
  assert.equal(td.pnn50Pct, 100);
  assert.ok(Math.abs(td.sdnnMs! - 30 * Math.sqrt(200 / 199)) < 1e-6);
  assert.equal(td.sdannMs, null);
  assert.match(td.reasons.sdannMs, /not enough data: \d+ s/);
});

test('DFA: white noise has alpha ~0.5, its running sum ~1.5 (Peng 1995)', () => {
  const w = normals(4000);
  const a1 = dfaAlpha(w, 4, 16)!, a2 = dfaAlpha(w, 16, 64)!;
  assert.ok(Math.abs(a1 - 0.5) < 0.1 && Math.abs(a2 - 0.5) < 0.1, `white ${a1} ${a2}`);
  const walk = new Float64Array(w.length);
  let s = 0;
  for (let i = 0; i < w.length; i++) { s += w[i]; walk[i] = s; }
  const b = dfaAlpha(walk, 16, 64)!;
  assert.ok(Math.abs(b - 1.5) < 0.1, `walk ${b}`);
});

test('sample entropy: regular series low, white noise near its theoretical 2.2 for m=2, r=0.2', () => {
  const sine = Float64Array.from({ length: 600 }, (_, i) => Math.sin(i / 5));
  assert.ok(sampleEntropy(sine)! < 0.3);
  const e = sampleEntropy(normals(1000, 3))!;
  // For Gaussian white noise SampEn = -ln P(|x-y| <= 0.2 sd) ~ -ln(0.1125) = 2.18.
  assert.ok(Math.abs(e - 2.18) < 0.25, `noise ${e}`);
});

test('too few beats: every metric null with a not-enough-data reason giving the count', () => {
  const h = heartRateVariability([0, 800, 1610, 2400], 1000);
  assert.equal(h.nnCount, 3);
  assert.equal(h.frequencyDomain.hfMs2, null);
  assert.match(h.frequencyDomain.reasons.hfMs2, /3 NN intervals, 10 needed/);
  assert.equal(h.nonlinear.dfaAlpha1, null);
  assert.match(h.nonlinear.reasons.dfaAlpha1, /3 NN intervals, 32 needed/);
  const none = heartRateVariability([], 360);
  assert.equal(none.timeDomain.meanNnMs, null);
  assert.match(none.timeDomain.reasons.sdnnMs, /0 NN intervals/);
});

test('MIT-BIH 100: ectopic beats are left out of NN; mean NN matches the database beat count', async () => {
  const src = nodeFileSource(MITDB);
  const rec = await readWfdbRecord('100', src);
  const [atr] = await readWfdbAnnotationSets('100', ['atr'], src);
  const beats = atr.annotations.filter((a) => BEAT_CODES.has(a.code));
  const classes = beats.map((a) => aamiClass(a.code) ?? 'Q');
  const h = heartRateVariability(beats.map((a) => a.sample), rec.fs, classes);
  const nonN = classes.filter((c) => c !== 'N').length;
  // Each non-N beat removes the interval before and after it (2 per isolated ectopic beat).
  assert.ok(h.excludedCount >= nonN && h.excludedCount <= 2 * nonN, `excluded ${h.excludedCount} for ${nonN} ectopic beats`);
  // 2273 beats in 30:05 (PhysioNet record description): mean RR 794 ms.
  assert.ok(Math.abs(h.timeDomain.meanNnMs! - 794) < 16, `mean NN ${h.timeDomain.meanNnMs}`);
  assert.ok(h.timeDomain.sdannMs !== null && h.timeDomain.sdnnIndexMs !== null);
  assert.ok(h.nonlinear.dfaAlpha1! > 0.3 && h.nonlinear.dfaAlpha1! < 1.8);
});
