import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { isSinusError } from '../errors.js';
import { openRecord } from '../io/openRecord.js';
import { readRecordFromFiles } from '../io/index.js';
import { writeRecordFiles } from '../io/writeRecordFiles.js';
import { nstNoiseRms, nstSignalPeakToPeak } from '../eval/noiseStress.js';
import { NSTDB } from '../../test/dataPaths.js';
import { synthesizeEcg } from './synthesizeEcg.js';

const lead = (r: { leads: Array<{ name: string; samples: Float32Array }> }, n: string) => r.leads.find((l) => l.name === n)!.samples;

test('the same seed gives the same record; another seed another one', () => {
  const a = synthesizeEcg({ durationS: 5, rhythm: 'af', seed: 11 }), b = synthesizeEcg({ durationS: 5, rhythm: 'af', seed: 11 }), c = synthesizeEcg({ durationS: 5, rhythm: 'af', seed: 12 });
  assert.deepEqual(lead(a.record, 'V1'), lead(b.record, 'V1'));
  assert.notDeepEqual(lead(a.record, 'V1'), lead(c.record, 'V1'));
});

test('the 12 leads obey Einthoven and Goldberger (Dower projection of one dipole)', () => {
  const { record } = synthesizeEcg({ durationS: 4, morphology: 'lbbb', seed: 2 });
  const I = lead(record, 'I'), II = lead(record, 'II'), III = lead(record, 'III'), aVR = lead(record, 'aVR');
  for (let i = 0; i < record.length; i += 97) {
    assert.ok(Math.abs(III[i] - (II[i] - I[i])) < 2e-3);
    assert.ok(Math.abs(aVR[i] + (I[i] + II[i]) / 2) < 2e-3);
  }
});

test('rhythms follow their event model: AF irregular without P, 2:1 flutter, PR 280 ms, Wenckebach 4:3, bigeminy', () => {
  const rr = (beats: Array<{ sample: number }>, fs: number) => beats.slice(1).map((b, i) => (b.sample - beats[i].sample) / fs);
  const cv = (x: number[]) => { const m = x.reduce((s, v) => s + v, 0) / x.length; return Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / x.length) / m; };
  const af = synthesizeEcg({ durationS: 30, rhythm: 'af', rateBpm: 90, seed: 5 });
  assert.ok(cv(rr(af.truth.beats, 500)) > 0.1 && af.truth.beats.every((b) => b.pOnset === null));
  assert.equal(af.truth.episodes[0].aux, '(AFIB');
  const fl = synthesizeEcg({ durationS: 10, rhythm: 'flutter', conductionRatio: 2, seed: 5 });
  assert.ok(rr(fl.truth.beats, 500).every((r) => Math.abs(r - 0.4) < 0.02));
  const avb1 = synthesizeEcg({ durationS: 10, rhythm: 'avb1', seed: 5 });
  for (const b of avb1.truth.beats) assert.ok(Math.abs((b.qrsOnset - b.pOnset!) * 2 - 280) <= 6, `PR ${(b.qrsOnset - b.pOnset!) * 2}`);
  const avb2 = synthesizeEcg({ durationS: 12, rhythm: 'avb2', rateBpm: 75, seed: 5 });
  const prs = avb2.truth.beats.slice(0, 6).map((b) => (b.qrsOnset - b.pOnset!) * 2);
  assert.ok(prs[1] > prs[0] && prs[2] > prs[1] && prs[3] < prs[2], `PR ${prs}`);
  const big = synthesizeEcg({ durationS: 10, rhythm: 'pvc-bigeminy', seed: 5 });
  assert.deepEqual(big.truth.beats.slice(0, 4).map((b) => b.symbol), ['N', 'V', 'N', 'V']);
});

test('real NSTDB noise is added at the requested SNR by the NSTDB definition (within 0.5 dB)', async () => {
  const em = await openRecord(join(NSTDB, 'em.hea'));
  const clean = synthesizeEcg({ durationS: 20, seed: 4, leads: 2 });
  const noisy = synthesizeEcg({ durationS: 20, seed: 4, leads: 2, noise: [{ kind: 'em', snrDb: 6, channels: em.leads.map((l) => l.samples), fsHz: em.fs }] });
  const c = lead(clean.record, 'II'), n = lead(noisy.record, 'II');
  const added = n.map((v, i) => v - c[i]);
  const pp = nstSignalPeakToPeak(c, 500, clean.truth.beats.map((b) => b.sample));
  const snr = 20 * Math.log10(pp / (Math.sqrt(8) * nstNoiseRms(added, 500)));
  assert.ok(Math.abs(snr - 6) < 0.5, `SNR ${snr.toFixed(2)} dB`);
});

test('a written synthetic record reads back with its beats and rhythm annotations', async () => {
  const s = synthesizeEcg({ durationS: 8, rhythm: 'vt', seed: 3 });
  const files = writeRecordFiles(s.record, 'syn.hea', {});
  const back = await readRecordFromFiles(files);
  const atr = back.annotations.find((a) => a.annotator === 'atr')!.annotations;
  assert.equal(atr.filter((a) => a.code === 'N' || a.code === 'V').length, s.truth.beats.length);
  assert.deepEqual(atr.filter((a) => a.code === '+').map((a) => a.aux), ['(N', '(VT']);
});

test('bad options raise SinusError with the reason', () => {
  const bad = (o: Parameters<typeof synthesizeEcg>[0], re: RegExp) => assert.throws(() => synthesizeEcg(o), (e: unknown) => isSinusError(e) && re.test((e as Error).message));
  bad({ durationS: 10, rhythm: 'torsades' as never }, /unknown rhythm/);
  bad({ durationS: 10, morphology: 'dextrocardia' }, /unknown morphology/);
  bad({ durationS: 0.5 }, /duration/);
  bad({ durationS: 10, leads: 5 }, /leads must be/);
});
