import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRecord } from '../io/openRecord.js';
import type { EcgRecord } from '../record/types.js';
import { FORMATS, LUDB, PTBXL } from '../../test/dataPaths.js';
import { detectBeats } from '../beats/index.js';
import { analyze } from '../analyze.js';
import { MEASURE_STAGES } from '../cli/commands/measure.js';
import { measureEcg } from './measureEcg.js';
import { medianBeats } from '../waves/medianBeats.js';
import { spatialLeadNames, spatialMedianBoundaries } from './spatialMedianBoundaries.js';

// The "what was seen" cases of issue 20 (measurement conventions on unseen ECGs), each on the real
// file. Records fixed in advance: PTB-XL ecg_id in strat_fold 1-8 only (folds 9-10 are held back).

const ptbxl = (id: number, hz: 100 | 500) => {
  const s = String(id).padStart(5, '0');
  return openRecord(join(PTBXL, `records${hz}`, `${s.slice(0, 2)}000`, `${s}_${hz === 500 ? 'hr' : 'lr'}.hea`));
};
const measured = (rec: EcgRecord) => measureEcg(rec, detectBeats(rec).samples);

/** ecg_id of PTB-XL records labelled NORM with likelihood 100 in strat_fold 1-8, the first twelve. */
function normRecords(): number[] {
  const lines = readFileSync(join(PTBXL, 'ptbxl_database.csv'), 'utf8').split('\n').slice(1);
  const out: number[] = [];
  for (const line of lines) {
    const fold = /,(\d+),records100\//.exec(line);
    if (!fold || Number(fold[1]) > 8 || !/'NORM': 100\.0/.test(line)) continue;
    out.push(Number(line.split(',')[0]));
    if (out.length === 12) break;
  }
  return out;
}

test('PTB-XL NORM records: global QRS below 120 ms on every one (issue 20: 36 % measured >= 120)', async () => {
  const ids = normRecords();
  assert.equal(ids.length, 12);
  const qrs: number[] = [];
  for (const id of ids) {
    const m = measured(await ptbxl(id, 500));
    assert.ok(m.qrsDurationMs !== null, `${id}: ${m.reasons.qrsDurationMs}`);
    // A normal QRS is under 120 ms by definition (AHA/ACCF/HRS 2009 intraventricular conduction).
    assert.ok(m.qrsDurationMs < 120, `${id}: QRS ${m.qrsDurationMs} ms`);
    qrs.push(m.qrsDurationMs);
  }
  qrs.sort((a, b) => a - b);
  // Adult normal QRS: 70-110 ms for the median of a normal population.
  const med = qrs[qrs.length >> 1];
  assert.ok(med >= 70 && med <= 110, `median ${med}`);
});

test('100 Hz vs 500 Hz copies of the same PTB-XL records: QRS, PR, QT agree (issue 20 targets: mean |diff| 4, 6, 8 ms)', async () => {
  const ids = normRecords().slice(0, 8);
  const d = { qrs: [] as number[], pr: [] as number[], qt: [] as number[] };
  for (const id of ids) {
    const a = measured(await ptbxl(id, 500)), b = measured(await ptbxl(id, 100));
    for (const [k, x, y] of [['qrs', a.qrsDurationMs, b.qrsDurationMs], ['pr', a.prMs, b.prMs], ['qt', a.qtMs, b.qtMs]] as const) {
      assert.ok(x !== null && y !== null, `${id} ${k}`);
      d[k].push(Math.abs(x - y));
    }
  }
  const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
  assert.ok(mean(d.qrs) <= 4, `QRS |diff| ${d.qrs}`);
  assert.ok(mean(d.pr) <= 6, `PR |diff| ${d.pr}`);
  assert.ok(mean(d.qt) <= 8, `QT |diff| ${d.qt}`);
});

/** The device's own global measurement by the first of `keys` it carries. */
function deviceMs(rec: EcgRecord, keys: string[]): number {
  const dm = ((rec.metadata as { device?: { measurements?: Record<string, unknown> } }).device?.measurements ?? {}) as Record<string, unknown>;
  const v = keys.map((k) => dm[k]).find((x): x is number => typeof x === 'number');
  assert.ok(v !== undefined, `device measurement ${keys}`);
  return v;
}

test('HL7 aECG and GE MUSE examples: QRS and QT against the cart within IEC 60601-2-25 (QRS 10 ms each, QT mean 25 ms)', async () => {
  // issue 20 saw QRS 150 / QTc 519 against the aECG's 120 / 443, and QRS 120 / QT 490 against MUSE's 96 / 452.
  // IEC 60601-2-25 holds programs to mean differences over a set (QRS 10 ms, QT 25 ms); the QRS is
  // held to it on each file here, the QT on the mean of the two (the MUSE file's own QT difference is
  // -29 ms; all device files: docs/notes/generalise-measurements.md).
  const qtDiff: number[] = [];
  for (const [file, qrsKey, qtKey] of [
    ['hl7-aecg/Example aECG.xml', 'MDC_ECG_TIME_PD_QRS_ms', 'MDC_ECG_TIME_PD_QT_ms'],
    ['ge-muse-xml/example1.xml', 'QRSDuration', 'QTInterval'],
  ] as const) {
    const rec = await openRecord(join(FORMATS, file));
    const a = await analyze(rec, { only: ['beats', 'beatClasses', 'waves', 'measurements'] });
    const m = a.results.measurements as { qrsDurationMs: number | null; qtMs: number | null };
    assert.ok(m.qrsDurationMs !== null && m.qtMs !== null, file);
    const qrsDev = deviceMs(rec, [qrsKey]), qtDev = deviceMs(rec, [qtKey]);
    assert.ok(Math.abs(m.qrsDurationMs - qrsDev) <= 10, `${file}: QRS ${m.qrsDurationMs} vs ${qrsDev}`);
    qtDiff.push(m.qtMs - qtDev);
  }
  assert.ok(Math.abs((qtDiff[0] + qtDiff[1]) / 2) <= 25, `QT differences ${qtDiff}`);
});

test('1, 2, 3 and 8-lead records get a global QRS and QT close to the 12-lead one (LUDB 1, PTB-XL 15)', async () => {
  for (const rec of [await openRecord(join(LUDB, '1.hea')), await ptbxl(15, 500)]) {
    const beats = detectBeats(rec).samples;
    const full = measureEcg(rec, beats);
    assert.ok(full.qrsDurationMs !== null && full.qtMs !== null);
    for (const names of [['II'], ['II', 'V1'], ['I', 'V2'], ['I', 'II', 'V1'], ['I', 'II', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6']]) {
      const sub: EcgRecord = { ...rec, leads: rec.leads.filter((l) => names.includes(l.name)) };
      assert.equal(sub.leads.length, names.length);
      const m = measureEcg(sub, beats);
      assert.ok(m.qrsDurationMs !== null && m.qtMs !== null, `${names}: ${JSON.stringify(m.reasons)}`);
      // One lead sees less of the QRS than all: within 25 ms (the IEC QT mean tolerance; CSE's
      // single-lead QRS spread), never longer than the all-lead QRS by more than the 10 ms tolerance.
      assert.ok(m.qrsDurationMs - full.qrsDurationMs <= 10 && full.qrsDurationMs - m.qrsDurationMs <= 25, `${names}: QRS ${m.qrsDurationMs} vs ${full.qrsDurationMs}`);
      // The leads' T ends lie within the normal QT dispersion across leads (under 60 ms) of each other.
      assert.ok(Math.abs(m.qtMs - full.qtMs) <= 60, `${names}: QT ${m.qtMs} vs ${full.qtMs}`);
    }
  }
});

test('8 independent leads of 12: the derived limb leads do not enter the spatial curves twice', async () => {
  const rec = await openRecord(join(LUDB, '1.hea'));
  const median = medianBeats(rec, detectBeats(rec).samples);
  assert.deepEqual(spatialLeadNames(median), ['I', 'II', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6']);
  const b = spatialMedianBoundaries(median);
  assert.ok(b.qrsOnsetMs !== null && b.qrsOffsetMs !== null && b.tOffsetMs !== null);
  // Onset before the fiducial (the detector's QRS point), offset after it, T end after both.
  const fidMs = (median.fiducialIndex * 1000) / median.fsHz;
  assert.ok(b.qrsOnsetMs < fidMs && b.qrsOffsetMs > fidMs && b.tOffsetMs > b.qrsOffsetMs + 100);
  const flat = spatialMedianBoundaries({ ...median, leads: median.leads.map((l) => ({ ...l, samples: new Float32Array(l.samples.length) })) });
  assert.equal(flat.qrsOnsetMs, null);
  assert.match(flat.reasons.qrsOnsetMs, /no QRS/);
});

test('sinus measure and sinus analyze: one computation (LUDB 1: issue 20 saw QRS 112 vs 106, T axis 10 vs -4, RMSSD 56.1 vs 27.7)', async () => {
  const rec = await openRecord(join(LUDB, '1.hea'));
  const full = await analyze(rec);
  const measure = await analyze(rec, { only: MEASURE_STAGES });
  assert.deepEqual(measure.results.measurements, full.results.measurements);
  assert.deepEqual(measure.results.hrv, full.results.hrv);
  const m = full.results.measurements as { qrsDurationMs: number; medianDelineation: { global: { qrsOnset: number; qrsOffset: number }[] } };
  // The drawn global boundaries are the ones the figure was measured between (within a sample).
  const g = m.medianDelineation.global[0];
  assert.ok(Math.abs(((g.qrsOffset - g.qrsOnset) * 1000) / rec.fs - m.qrsDurationMs) <= 2000 / rec.fs);
});
