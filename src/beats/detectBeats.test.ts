import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectBeats, detectBeatsInSignal, StreamingBeatDetector } from './index.js';
import { readWfdbRecord } from '../io/wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../io/wfdb/readAnnotations.js';
import { nodeFileSource } from '../io/nodeFileSource.js';
import { compareBeats, referenceBeats } from '../eval/index.js';
import { resample } from '../dsp/index.js';
import { MITDB, LUDB, PTBXL } from '../../test/dataPaths.js';
import { join } from 'node:path';
import type { EcgRecord } from '../record/types.js';

// EC57 scores QRS detection with a 150 ms match window. A slice of a few minutes is too short for
// the 99.8% benchmark target; these tests ask for 99% on slices chosen for their difficulty
// (ectopy, bundle branch block, paced beats) and fail if the detector breaks.
const MIN_PCT = 99;

async function mitSlice(name: string, fromS: number, toS: number) {
  const src = nodeFileSource(MITDB);
  const rec = await readWfdbRecord(name, src);
  const [atr] = await readWfdbAnnotationSets(name, ['atr'], src);
  const a = Math.round(fromS * rec.fs), b = Math.round(toS * rec.fs);
  const sliced: EcgRecord = { ...rec, length: b - a, leads: rec.leads.map((l) => ({ ...l, samples: l.samples.slice(a, b) })) };
  const ref = referenceBeats(atr.annotations.filter((x) => x.sample >= a && x.sample < b).map((x) => ({ ...x, sample: x.sample - a })), b - a);
  return { rec: sliced, ref };
}

function assertScore(name: string, ref: Int32Array, test: Int32Array, fsHz: number, edgeS = 1) {
  const n = ref.length ? ref[ref.length - 1] + 1 : 0;
  const c = compareBeats(name, ref, test, fsHz, { startSample: Math.round(edgeS * fsHz), endSample: n - Math.round(edgeS * fsHz) });
  assert.ok(c.sensitivityPct! >= MIN_PCT, `${name}: Se ${c.sensitivityPct?.toFixed(2)} (missed at ${c.missedSamples.slice(0, 5)})`);
  assert.ok(c.positivePredictivityPct! >= MIN_PCT, `${name}: +P ${c.positivePredictivityPct?.toFixed(2)} (extra at ${c.extraSamples.slice(0, 5)})`);
}

function assertRefractory(samples: Int32Array, fsHz: number) {
  for (let i = 1; i < samples.length; i++) {
    assert.ok(samples[i] - samples[i - 1] >= Math.round(0.2 * fsHz), `beats ${samples[i - 1]} and ${samples[i]} closer than 200 ms`);
  }
}

test('MIT-BIH slices with ectopy, LBBB/RBBB and pacing: Se and +P >= 99% (EC57 window)', async () => {
  for (const [name, from, to] of [['119', 300, 600], ['109', 300, 480], ['212', 300, 480], ['107', 300, 480], ['208', 600, 900]] as const) {
    const { rec, ref } = await mitSlice(name, from, to);
    const det = detectBeats(rec);
    assert.deepEqual(det.leadsUsed, rec.leads.map((l) => l.name));
    assert.equal(det.reason, null);
    assertScore(name, ref.samples, det.samples, rec.fs);
    assertRefractory(det.samples, rec.fs);
  }
});

test('any sampling rate: record 100 resampled to 125 and 1000 Hz keeps Se and +P >= 99%', async () => {
  const { rec, ref } = await mitSlice('100', 0, 120);
  for (const fs of [125, 1000]) {
    const x = resample(rec.leads[0].samples, rec.fs, fs);
    const refAt = Int32Array.from(ref.samples, (s) => Math.round((s * fs) / rec.fs));
    const det = detectBeatsInSignal(x, fs);
    assertScore(`100@${fs}`, refAt, det.samples, fs);
    assertRefractory(det.samples, fs);
  }
});

test('fiducial is placed consistently: within 50 ms of the R peak annotation for 95% of normal beats', async () => {
  const { rec, ref } = await mitSlice('100', 0, 120);
  const det = detectBeats(rec);
  const offsets: number[] = [];
  for (const r of ref.samples) {
    let best = Infinity;
    for (const s of det.samples) if (Math.abs(s - r) < Math.abs(best)) best = s - r;
    offsets.push(Math.abs(best) / rec.fs);
  }
  offsets.sort((a, b) => a - b);
  assert.ok(offsets[Math.floor(0.95 * offsets.length)] <= 0.05, `95th percentile offset ${offsets[Math.floor(0.95 * offsets.length)]} s`);
});

test('LUDB 12-lead fusion: every annotated QRS inside the annotated span is found, nothing extra', async () => {
  for (const name of ['1', '8', '21']) {
    const src = nodeFileSource(LUDB);
    const rec = await readWfdbRecord(name, src);
    const sets = await readWfdbAnnotationSets(name, ['ii'], src);
    const anns = sets[0].annotations;
    const qrs = anns.filter((a) => a.code === 'N').map((a) => a.sample);
    const spanFrom = anns[0].sample, spanTo = anns[anns.length - 1].sample;
    const det = detectBeats(rec);
    assert.equal(det.leadsUsed.length, 12);
    const c = compareBeats(name, qrs, det.samples, rec.fs, { startSample: spanFrom, endSample: spanTo + 1 });
    assert.equal(c.missed, 0, `LUDB ${name}: missed ${c.missedSamples}`);
    assert.equal(c.extra, 0, `LUDB ${name}: extra ${c.extraSamples}`);
  }
});

test('streaming in uneven chunks finds exactly the beats of the batch form, with bounded latency', async () => {
  const { rec } = await mitSlice('208', 0, 120);
  const batch = detectBeats(rec).samples;
  const det = new StreamingBeatDetector(rec.fs, 2);
  const got: number[] = [];
  let pos = 0, k = 0, worstLatency = 0;
  while (pos < rec.length) {
    const size = [1, 7, 360, 1000, 33][k++ % 5];
    const end = Math.min(rec.length, pos + size);
    for (const b of det.push(rec.leads.map((l) => l.samples.subarray(pos, end)))) {
      got.push(b);
      worstLatency = Math.max(worstLatency, end - b);
    }
    pos = end;
  }
  got.push(...det.finish());
  assert.deepEqual(got, Array.from(batch));
  // Latency: learning (2 s) at the start, later at most a search-back interval (1.66 RR, RR < 3 s).
  assert.ok(worstLatency / rec.fs < 5.5, `worst latency ${worstLatency / rec.fs} s`);
});

test('bad input gives few or no beats and a reason, never an exception', () => {
  const fs = 360;
  const flat = new Float32Array(fs * 10).fill(0.3);
  assert.deepEqual([detectBeatsInSignal(flat, fs).samples.length, detectBeatsInSignal(flat, fs).reason], [0, 'flat line']);
  const nan = new Float32Array(fs * 10).fill(NaN);
  assert.equal(detectBeatsInSignal(nan, fs).samples.length, 0);
  assert.match(detectBeatsInSignal(nan, fs).reason!, /missing/);
  const short = Float32Array.from({ length: fs }, (_, i) => Math.sin(i));
  assert.deepEqual([detectBeatsInSignal(short, fs).samples.length, detectBeatsInSignal(short, fs).reason], [0, 'record shorter than 2 s']);
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const noise = Float32Array.from({ length: fs * 30 }, () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd()) * 0.3);
  const dn = detectBeatsInSignal(noise, fs);
  assert.ok(dn.samples.length <= 30 / 6 + 5, `pure noise gave ${dn.samples.length} beats`);
  assert.match(dn.reason!, /noise/);
  // Clipped at +-0.2 mV (saturated amplifier): no exception, never closer than the refractory period.
  const clipped = Float32Array.from(noise, (v) => Math.max(-0.2, Math.min(0.2, v)));
  assertRefractory(detectBeatsInSignal(clipped, fs).samples, fs);
  assert.equal(detectBeatsInSignal(new Float32Array(0), fs).reason, 'record shorter than 2 s');
});

test('NaN runs inside a real record: beats outside the gap are still found, none inside it', async () => {
  const { rec, ref } = await mitSlice('100', 0, 60);
  const x = rec.leads[0].samples.slice();
  const gapFrom = 20 * rec.fs, gapTo = 25 * rec.fs;
  x.fill(NaN, gapFrom, gapTo);
  const det = detectBeatsInSignal(x, rec.fs);
  assert.ok(det.samples.every((s) => s < gapFrom || s >= gapTo));
  const outside = ref.samples.filter((s) => s < gapFrom - rec.fs || s >= gapTo + rec.fs);
  const c = compareBeats('100-gap', outside, det.samples.filter((s) => s < gapFrom - rec.fs || s >= gapTo + rec.fs), rec.fs, { startSample: rec.fs });
  assert.ok(c.sensitivityPct! >= MIN_PCT && c.positivePredictivityPct! >= MIN_PCT, JSON.stringify(c));
});

test('a clipped (saturated) real ECG still gives its beats', async () => {
  const { rec, ref } = await mitSlice('100', 0, 60);
  // Clip at 60% of the R wave height: the R peaks become plateaus.
  const x = rec.leads[0].samples.map((v) => Math.max(-0.6, Math.min(0.6, v)));
  const det = detectBeatsInSignal(x, rec.fs);
  assertScore('100-clipped', ref.samples, det.samples, rec.fs);
  assertRefractory(det.samples, rec.fs);
});

test('PTB-XL: the same 12-lead records stored at 100 Hz and at 500 Hz give the same beats', async () => {
  for (const id of ['00001', '00009', '00017', '00042']) {
    const lo = await readWfdbRecord(`${id}_lr`, nodeFileSource(join(PTBXL, 'records100', '00000')));
    const hi = await readWfdbRecord(`${id}_hr`, nodeFileSource(join(PTBXL, 'records500', '00000')));
    const a = detectBeats(lo), b = detectBeats(hi);
    assert.ok(b.samples.length >= 5, `${id}: ${b.samples.length} beats at 500 Hz`);
    const aAt500 = Int32Array.from(a.samples, (s) => Math.round((s * hi.fs) / lo.fs));
    // The first and last 0.5 s are left out: a T wave of a beat cut off by the record start may be
    // taken for a beat there at one rate and not at the other.
    const c = compareBeats(id, b.samples, aAt500, hi.fs, { startSample: hi.fs / 2, endSample: hi.length - hi.fs / 2 });
    assert.equal(c.missed + c.extra, 0, `${id}: 100 Hz vs 500 Hz differ: missed ${c.missedSamples}, extra ${c.extraSamples}`);
  }
});
