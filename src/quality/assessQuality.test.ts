import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readWfdbRecord } from '../io/wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../io/wfdb/readAnnotations.js';
import { nodeFileSource } from '../io/nodeFileSource.js';
import { BEAT_CODES } from '../io/wfdb/annotationCodes.js';
import { isSinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import { MITDB, NSTDB } from '../../test/dataPaths.js';
import { assessQuality } from './assessQuality.js';
import { unusableSegments } from './unusableSegments.js';
import { curveLengthBeats } from './curveLengthBeats.js';
import { matchedBeatCount } from './beatAgreement.js';

const FS = 360;
const mit100 = await readWfdbRecord('100', nodeFileSource(MITDB));
const atr100 = (await readWfdbAnnotationSets('100', ['atr'], nodeFileSource(MITDB)))[0].annotations.filter((a) => BEAT_CODES.has(a.code));
const emNoise = (await readWfdbRecord('em', nodeFileSource(NSTDB))).leads[0].samples;

/** First `seconds` of MIT-BIH 100 lead MLII as a one-lead record, optionally transformed. */
function slice100(seconds: number, edit?: (x: Float32Array) => void): EcgRecord {
  const n = seconds * FS;
  const x = mit100.leads[0].samples.slice(0, n);
  edit?.(x);
  return { ...mit100, length: n, leads: [{ ...mit100.leads[0], samples: x, raw: undefined }], annotations: [] };
}

function trimmedMean(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  const lo = Math.floor(s.length / 20);
  let t = 0;
  for (let i = lo; i < s.length - lo; i++) t += s[i];
  return t / (s.length - 2 * lo);
}

test('own curve-length detector meets EC57-style Se and +P >= 99% on MIT-BIH 100 (first 5 min, 150 ms window)', () => {
  const n = 300 * FS;
  const det = curveLengthBeats(mit100.leads[0].samples.subarray(0, n), FS);
  const ref = atr100.filter((a) => a.sample < n).map((a) => a.sample);
  const m = matchedBeatCount(ref, det, Math.round(0.15 * FS));
  assert.ok(m / ref.length >= 0.99, `Se ${m / ref.length}`);
  assert.ok(m / det.length >= 0.99, `+P ${m / det.length}`);
});

test('a clean MIT-BIH slice (100, 60 s) is judged usable, with no unusable segment', () => {
  const rep = assessQuality(slice100(60));
  assert.notEqual(rep.verdict, 'unusable');
  assert.equal(unusableSegments(rep).length, 0);
  const ix = rep.leads[0].indices;
  // NSTDB calls 24 dB and up 'clean'; an intrinsic 18 dB floor leaves room for the record's own noise.
  assert.ok(ix.snrDb !== null && ix.snrDb > 18, `SNR ${ix.snrDb}`);
  assert.ok(ix.templateCorrelation !== null && ix.templateCorrelation > 0.9);
  assert.ok(ix.kSqi !== null && ix.kSqi > 5, `kSQI ${ix.kSqi}`);
  assert.ok(rep.score > 0.8, `score ${rep.score}`);
});

test('an NSTDB-style mixture with electrode motion at -6 dB is flagged, its SNR estimate in the noisy range (< 6 dB)', () => {
  // Noise scaled as WFDB nst does: QRS peak-to-peak^2/8 over the noise's 1 s RMS^2.
  const seconds = 60;
  const n = seconds * FS;
  const clean = mit100.leads[0].samples.subarray(0, n);
  const pp: number[] = [];
  for (const a of atr100) {
    if (a.sample < 18 || a.sample + 18 >= n) continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = a.sample - 18; i <= a.sample + 18; i++) {
      lo = Math.min(lo, clean[i]);
      hi = Math.max(hi, clean[i]);
    }
    pp.push(hi - lo);
  }
  const noise = emNoise.subarray(5 * 60 * FS, 5 * 60 * FS + n);
  const rms: number[] = [];
  for (let a = 0; a + FS <= n; a += FS) {
    let s = 0;
    let ss = 0;
    for (let i = a; i < a + FS; i++) {
      s += noise[i];
      ss += noise[i] * noise[i];
    }
    rms.push(Math.sqrt(ss / FS - (s / FS) ** 2));
  }
  const snrDb = -6;
  const gain = trimmedMean(pp) / (Math.sqrt(8) * trimmedMean(rms) * 10 ** (snrDb / 20));
  const rep = assessQuality(slice100(seconds, (x) => {
    for (let i = 0; i < n; i++) x[i] += gain * noise[i];
  }));
  const lead = rep.leads[0];
  assert.notEqual(lead.verdict, 'excellent');
  assert.ok(lead.indices.unusableFraction > 0.2, `unusable share ${lead.indices.unusableFraction}`);
  assert.ok(lead.indices.snrDb !== null && lead.indices.snrDb < 6, `SNR ${lead.indices.snrDb}`);
  assert.ok(lead.findings.some((f) => f.kind === 'motion-artifact' && f.severity === 'severe'));
  assert.ok(rep.score < assessQuality(slice100(seconds)).score - 0.3);
});

test('a 3 s flat stretch (lead off) is found as a severe flat line at the right place and made unusable', () => {
  const rep = assessQuality(slice100(20, (x) => x.fill(x[10 * FS], 10 * FS, 13 * FS)));
  const flat = rep.leads[0].findings.filter((f) => f.kind === 'flat-line');
  assert.equal(flat.length, 1);
  assert.equal(flat[0].severity, 'severe');
  assert.ok(Math.abs(flat[0].startSample - 10 * FS) <= 0.1 * FS && Math.abs(flat[0].endSample - 13 * FS) <= 0.1 * FS);
  const spans = unusableSegments(rep);
  assert.ok(spans.some((s) => s.startSample <= 11 * FS && s.endSample >= 12 * FS));
});

test('saturation below the R peaks is found as clipping', () => {
  // An amplifier saturating 0.4 mV above the baseline cuts every R wave of this lead (R ~ 1.4 mV).
  const rep = assessQuality(slice100(20, (x) => {
    const sorted = Float32Array.from(x).sort();
    const cap = sorted[sorted.length >> 1] + 0.4;
    for (let i = 0; i < x.length; i++) if (x[i] > cap) x[i] = cap;
  }));
  const clip = rep.leads[0].findings.filter((f) => f.kind === 'clipping');
  assert.ok(clip.length > 0);
  assert.ok(clip.some((f) => f.severity !== 'mild'));
});

for (const mains of [50, 60] as const) {
  test(`${mains} Hz interference of 0.2 mV is found as severe powerline and the mains frequency is recognised`, () => {
    const rep = assessQuality(slice100(20, (x) => {
      for (let i = 0; i < x.length; i++) x[i] += 0.2 * Math.sin((2 * Math.PI * mains * i) / FS);
    }));
    assert.equal(rep.mainsHz, mains);
    const pl = rep.leads[0].findings.filter((f) => f.kind === 'powerline');
    assert.ok(pl.length > 0 && pl.every((f) => f.severity === 'severe'));
    assert.ok(Math.abs(pl[0].value - 0.2) < 0.03, `amplitude ${pl[0].value}`);
    assert.ok(!assessQuality(slice100(20)).leads[0].findings.some((f) => f.kind === 'powerline' && f.severity !== 'mild'));
  });
}

test('a 2 mV step and 1.5 mV baseline wander are found with their kinds', () => {
  const step = assessQuality(slice100(20, (x) => {
    for (let i = 10 * FS; i < x.length; i++) x[i] += 2;
  }));
  const s = step.leads[0].findings.filter((f) => f.kind === 'step');
  assert.ok(s.length >= 1 && Math.abs(s[0].startSample - 10 * FS) < 0.1 * FS, JSON.stringify(s));
  const wander = assessQuality(slice100(20, (x) => {
    for (let i = 0; i < x.length; i++) x[i] += 0.75 * Math.sin((2 * Math.PI * 0.3 * i) / FS);
  }));
  assert.ok(wander.leads[0].findings.some((f) => f.kind === 'baseline-wander' && f.severity !== 'mild'));
});

test('bSQI compares the injected primary detector with the own one', () => {
  const same = assessQuality(slice100(30), { primaryDetector: curveLengthBeats });
  assert.equal(same.leads[0].indices.bSqi, 1);
  const shifted = assessQuality(slice100(30), { primaryDetector: (x, fs) => curveLengthBeats(x, fs).map((b) => b + Math.round(0.3 * fs)) });
  assert.ok(shifted.leads[0].indices.bSqi! < 0.1);
  const none = assessQuality(slice100(30));
  assert.equal(none.leads[0].indices.bSqi, null);
  assert.ok(none.leads[0].indexNotes.bSqi);
});

test('bad input gives verdicts or typed errors, never a crash', () => {
  const base = slice100(10);
  const withSamples = (x: Float32Array): EcgRecord => ({ ...base, length: x.length, leads: [{ ...base.leads[0], samples: x }] });
  // All NaN: a lead without data is unusable.
  const nan = assessQuality(withSamples(new Float32Array(10 * FS).fill(Number.NaN)));
  assert.equal(nan.verdict, 'unusable');
  assert.ok(nan.leads[0].findings.some((f) => f.kind === 'flat-line'));
  // Flat line.
  assert.equal(assessQuality(withSamples(new Float32Array(10 * FS))).verdict, 'unusable');
  // 2 s of noise: no beats can be trusted.
  let seed = 1;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5);
  const noise = new Float32Array(2 * FS).map(() => rnd());
  const nr = assessQuality(withSamples(noise));
  assert.equal(nr.verdict, 'unusable');
  assert.ok(nr.reasons.length > 0);
  // Too short, no leads, bad rate: typed errors.
  assert.throws(() => assessQuality(withSamples(new Float32Array(100))), (e) => isSinusError(e, 'NOT_ENOUGH_DATA'));
  assert.throws(() => assessQuality({ ...base, leads: [] }), (e) => isSinusError(e, 'BAD_ARGUMENT'));
  assert.throws(() => assessQuality({ ...base, fs: 0 }), (e) => isSinusError(e, 'BAD_ARGUMENT'));
  // A primary detector that throws only loses bSQI.
  const r = assessQuality(base, { primaryDetector: () => { throw new Error('boom'); } });
  assert.equal(r.leads[0].indices.bSqi, null);
  assert.match(r.leads[0].indexNotes.bSqi ?? '', /boom/);
});

test('record-level primary beats stand in for a per-lead primary detector', () => {
  const rec = slice100(30);
  const beats = atr100.filter((a) => a.sample < rec.length).map((a) => a.sample);
  const rep = assessQuality(rec, { primaryBeats: beats });
  assert.ok(rep.leads[0].indices.bSqi! >= 0.97, `bSQI ${rep.leads[0].indices.bSqi}`);
});
