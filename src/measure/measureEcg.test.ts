import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openRecord } from '../io/openRecord.js';
import type { EcgRecord } from '../record/types.js';
import { LUDB, PTBXL } from '../../test/dataPaths.js';
import { detectBeats } from '../beats/index.js';
import { annotatedGlobalWaves, annotatedWaves, type AnnotatedWave } from '../waves/annotatedWaves.js';
import { measureEcg } from './measureEcg.js';
import { qtcMs } from './qtc.js';
import { frontalAxisDeg } from './frontalAxis.js';
import { voltageCriteriaMv } from './voltageCriteria.js';

test('QTc formulas: all equal QT at 60 bpm; Bazett > Fridericia at fast rates', () => {
  const at60 = qtcMs(400, 1000);
  for (const v of Object.values(at60)) assert.ok(Math.abs(v! - 400) < 1e-9);
  const fast = qtcMs(320, 500);
  assert.ok(Math.abs(fast.bazettMs! - 320 / Math.sqrt(0.5)) < 1e-9);
  assert.ok(Math.abs(fast.fridericiaMs! - 320 / Math.cbrt(0.5)) < 1e-9);
  assert.ok(Math.abs(fast.framinghamMs! - (320 + 154 * 0.5)) < 1e-9);
  assert.ok(Math.abs(fast.hodgesMs! - (320 + 1.75 * 60)) < 1e-9);
  assert.equal(qtcMs(null, 800).bazettMs, null);
});

test('frontal axis from leads I and aVF follows the hexaxial reference system', () => {
  assert.equal(frontalAxisDeg(1, 0), 0);
  assert.equal(frontalAxisDeg(0, 1), 90);
  assert.equal(frontalAxisDeg(-1, 0), 180);
  // A dipole at 60 deg: I = cos 60, aVF = (sqrt3/2) sin 60.
  const a = frontalAxisDeg(Math.cos(Math.PI / 3), (Math.sqrt(3) / 2) * Math.sin(Math.PI / 3))!;
  assert.ok(Math.abs(a - 60) < 0.1, `${a}`);
  assert.equal(frontalAxisDeg(0.001, 0.001), null);
});

test('Sokolow-Lyon and Cornell voltages', () => {
  const v = voltageCriteriaMv({ V1: { rMv: 0.2, sMv: -1.6 }, V5: { rMv: 2.1, sMv: null }, V6: { rMv: 1.8, sMv: null }, aVL: { rMv: 1.2, sMv: null }, V3: { rMv: 0.5, sMv: -1.0 } });
  assert.ok(Math.abs(v.sokolowLyonMv! - 3.7) < 1e-9);
  assert.ok(Math.abs(v.cornellMv! - 2.2) < 1e-9);
  assert.equal(voltageCriteriaMv({ V1: { rMv: 0.2, sMv: -1 } }).sokolowLyonMv, null);
});

async function ludb(id: number) { return openRecord(join(LUDB, `${id}.hea`)); }
function waves(rec: EcgRecord, lead: string): AnnotatedWave[] {
  return annotatedWaves(rec.annotations.find((s) => s.annotator === lead)!);
}
/** LUDB's global intervals for a record: per beat earliest onset / latest offset over the leads, median over beats. */
function referenceIntervalsMs(rec: EcgRecord) {
  const byLead = rec.leads.map((l) => waves(rec, l.name.toLowerCase()));
  const g = annotatedGlobalWaves(byLead, rec.fs);
  const med = (v: number[]) => { if (!v.length) return null; const s = [...v].sort((a, b) => a - b); return (s[s.length >> 1] * 1000) / rec.fs; };
  return {
    prMs: med(g.beats.filter((b) => b.pOn !== null).map((b) => b.qrsOn - b.pOn!)),
    qrsMs: med(g.beats.filter((b) => b.qrsOff !== null).map((b) => b.qrsOff! - b.qrsOn)),
    qtMs: med(g.beats.filter((b) => b.tOff !== null).map((b) => b.tOff! - b.qrsOn)),
  };
}

// LUDB's reference global boundaries are the earliest onset / latest offset of twelve independent
// hand marks, a wider convention than the clinical one measureEcg follows (all leads together on the
// median beat, as 12-lead programs do): on PTB-XL the same method agrees with GE 12SL and the device
// files (docs/notes/generalise-measurements.md). So against LUDB the PR is held to IEC 60601-2-25's
// mean difference, and QT to its spread limit (SD of the differences 30 ms) around an offset that
// must stay that of the convention (QRS and QT shorter on average, never longer).
test('LUDB sinus records: global PR within IEC 60601-2-25; QT follows LUDB within its spread limit', async () => {
  const err = { pr: [] as number[], qrs: [] as number[], qt: [] as number[] };
  // Fifty records of LUDB's even half (constants were set on the odd half); AF/flutter ones have no PR.
  for (let id = 2; id <= 100; id += 2) {
    const rec = await ludb(id);
    const beats = waves(rec, 'ii').filter((w) => w.kind === 'qrs').map((w) => w.peak);
    const m = measureEcg(rec, beats);
    const ref = referenceIntervalsMs(rec);
    assert.ok(m.qrsDurationMs !== null && m.qtMs !== null, `record ${id}: ${JSON.stringify(m.reasons)}`);
    if (m.prMs !== null && ref.prMs !== null) err.pr.push(m.prMs - ref.prMs);
    if (ref.qrsMs !== null) err.qrs.push(m.qrsDurationMs - ref.qrsMs);
    if (ref.qtMs !== null) err.qt.push(m.qtMs - ref.qtMs);
    assert.ok(m.heartRateBpm! > 30 && m.heartRateBpm! < 150);
    assert.ok(m.qrsAxisDeg !== null && m.leads.length === 12);
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const sd = (v: number[]) => Math.sqrt(v.reduce((a, b) => a + (b - mean(v)) ** 2, 0) / (v.length - 1));
  const robustSd = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return (s[Math.floor(0.84 * (s.length - 1))] - s[Math.floor(0.16 * (s.length - 1))]) / 2; };
  console.log(`LUDB even 2-100 sinus - LUDB: PR ${mean(err.pr).toFixed(1)} +- ${sd(err.pr).toFixed(1)}, QRS ${mean(err.qrs).toFixed(1)} +- ${sd(err.qrs).toFixed(1)} (robust ${robustSd(err.qrs).toFixed(1)}), QT ${mean(err.qt).toFixed(1)} +- ${sd(err.qt).toFixed(1)} (robust ${robustSd(err.qt).toFixed(1)})`);
  assert.ok(err.pr.length >= 30, `PR measured in ${err.pr.length} records`);
  assert.ok(Math.abs(mean(err.pr)) <= 10, `PR errors ${err.pr}`);
  assert.ok(mean(err.qrs) < 0 && mean(err.qt) < 0, 'the clinical convention is the narrower one');
  // The QRS spread against LUDB (robust SD 12 ms on these records) is above IEC's 10 ms: a measured
  // miss reported in docs/notes/generalise-measurements.md, not asserted away.
  assert.ok(robustSd(err.qt) <= 30, `QT errors ${err.qt}`);
});

test('atrial fibrillation: no PR or P axis, with a reason; too few beats: nulls with the count', async () => {
  const af = await ludb(8);
  const beats = waves(af, 'ii').filter((w) => w.kind === 'qrs').map((w) => w.peak);
  const m = measureEcg(af, beats);
  assert.equal(m.prMs, null);
  assert.equal(m.pAxisDeg, null);
  assert.match(m.reasons.prMs, /no P wave/);
  assert.ok(m.qrsDurationMs !== null);
  const few = measureEcg(af, beats.slice(0, 1));
  assert.equal(few.rrMs, null);
  assert.match(few.reasons.rrMs, /1 beats, 2 needed/);
  assert.match(few.reasons.qrsDurationMs, /whole beats, 3 needed/);
  const none = measureEcg({ ...af, leads: af.leads.map((l) => ({ ...l, samples: new Float32Array(1000) })), length: 1000 }, []);
  assert.equal(none.heartRateBpm, null);
  assert.equal(none.qtMs, null);
  assert.ok(Object.keys(none.reasons).length >= 5);
});

test('PTB-XL: the same ECG at 100 Hz and 500 Hz gives the same intervals (2 samples at 100 Hz; T end: CSE 2SD)', async () => {
  for (const id of ['00001', '00010', '00020']) {
    const lo = await openRecord(join(PTBXL, 'records100', '00000', `${id}_lr.hea`));
    const hi = await openRecord(join(PTBXL, 'records500', '00000', `${id}_hr.hea`));
    const a = measureEcg(lo, detectBeats(lo).samples), b = measureEcg(hi, detectBeats(hi).samples);
    // T end is the least defined boundary: referees differ by up to 30.6 ms (CSE 2SD), so QT gets that.
    for (const [k, tolMs] of [['qrsDurationMs', 20], ['qtMs', 30.6], ['rrMs', 20]] as const) {
      assert.ok(a[k] !== null && b[k] !== null, `${id} ${k}: ${a.reasons[k]} / ${b.reasons[k]}`);
      assert.ok(Math.abs(a[k]! - b[k]!) <= tolMs, `${id} ${k}: ${a[k]} at 100 Hz vs ${b[k]} at 500 Hz`);
    }
  }
});
