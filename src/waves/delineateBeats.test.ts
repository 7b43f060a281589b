import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openRecord } from '../io/openRecord.js';
import { isSinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import { LUDB } from '../../test/dataPaths.js';
import { annotatedWaves } from './annotatedWaves.js';
import { delineateBeats } from './delineateBeats.js';
import { medianBeats } from './medianBeats.js';

// Records from LUDB's even half (the delineator's constants were set on the odd half).
const SINUS = [2, 4, 6, 10];
const AF = 8; // ludb.csv: atrial fibrillation

async function ludb(id: number) {
  return openRecord(join(LUDB, `${id}.hea`));
}
function referenceBeats(rec: EcgRecord): number[] {
  const set = rec.annotations.find((s) => s.annotator === 'ii')!;
  return annotatedWaves(set).filter((w) => w.kind === 'qrs').map((w) => w.peak);
}

/** Matched errors (ms) of detected vs reference points within 150 ms, and the unmatched count. */
function match(ref: number[], det: (number | null)[], fs: number) {
  const errs: number[] = [];
  let missed = 0;
  for (const r of ref) {
    let best: number | null = null;
    for (const d of det) if (d !== null && (best === null || Math.abs(d - r) < Math.abs(best - r))) best = d;
    if (best === null || Math.abs(best - r) > 0.15 * fs) missed++;
    else errs.push(((best - r) * 1000) / fs);
  }
  return { errs, missed };
}
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;

test('LUDB sinus records: QRS and T boundaries in all 12 leads within CSE-derived limits', async () => {
  const pts = { qrsOn: [] as number[], qrsOff: [] as number[], tOff: [] as number[], pOn: [] as number[] };
  let refQrs = 0, missedQrs = 0, refP = 0;
  for (const id of SINUS) {
    const rec = await ludb(id);
    const d = delineateBeats(rec, referenceBeats(rec));
    rec.leads.forEach((lead, li) => {
      const set = rec.annotations.find((s) => s.annotator === lead.name.toLowerCase());
      if (!set) return;
      const waves = annotatedWaves(set);
      const beats = d.leads[li].beats;
      const on = match(waves.filter((w) => w.kind === 'qrs' && w.onset !== null).map((w) => w.onset!), beats.map((b) => b.qrs.onset), rec.fs);
      const off = match(waves.filter((w) => w.kind === 'qrs' && w.offset !== null).map((w) => w.offset!), beats.map((b) => b.qrs.offset), rec.fs);
      const t = match(waves.filter((w) => w.kind === 't' && w.offset !== null).map((w) => w.offset!), beats.map((b) => b.t.offset), rec.fs);
      const p = match(waves.filter((w) => w.kind === 'p' && w.onset !== null).map((w) => w.onset!), beats.map((b) => b.p.onset), rec.fs);
      refQrs += on.errs.length + on.missed; missedQrs += on.missed; refP += p.errs.length + p.missed;
      pts.qrsOn.push(...on.errs); pts.qrsOff.push(...off.errs); pts.tOff.push(...t.errs); pts.pOn.push(...p.errs);
    });
  }
  // Every annotated QRS is found (EC57-style 150 ms window); 1% slack for the annotated span edges.
  assert.ok(missedQrs <= 0.01 * refQrs, `missed ${missedQrs} of ${refQrs} QRS onsets`);
  // CSE: the mean boundary error should stay within the 2SD tolerance of the referees
  // (QRS on 6.5, QRS off 11.6, P on 10.2, T off 30.6 ms).
  assert.ok(Math.abs(mean(pts.qrsOn)) <= 6.5, `QRS onset mean ${mean(pts.qrsOn)}`);
  assert.ok(Math.abs(mean(pts.qrsOff)) <= 11.6, `QRS offset mean ${mean(pts.qrsOff)}`);
  assert.ok(Math.abs(mean(pts.tOff)) <= 30.6, `T offset mean ${mean(pts.tOff)}`);
  assert.ok(Math.abs(mean(pts.pOn)) <= 10.2, `P onset mean ${mean(pts.pOn)}`);
  // Regression floor only: the 95% target for P sensitivity is tracked in bench:waves.
  assert.ok(pts.pOn.length >= 0.7 * refP, `P onset found for ${pts.pOn.length} of ${refP} annotated`);
});

test('atrial fibrillation: P is reported in at most 5% of lead-beats', async () => {
  const rec = await ludb(AF);
  const d = delineateBeats(rec, referenceBeats(rec));
  let withP = 0, all = 0;
  for (const l of d.leads) for (const b of l.beats) { if (b.qrs.onset === null) continue; all++; if (b.p.peak !== null) withP++; }
  assert.ok(all > 50);
  assert.ok(withP <= 0.05 * all, `${withP} of ${all}`);
  assert.match(d.leads[1].beats[2].pReason ?? '', /no P/);
});

test('bad input: flat and NaN leads, no beats, beats at the edges give nulls with reasons', async () => {
  const rec = await ludb(2);
  const beats = referenceBeats(rec);
  const flat = { ...rec, leads: rec.leads.map((l, i) => (i === 0 ? { ...l, samples: new Float32Array(rec.length) } : i === 1 ? { ...l, samples: new Float32Array(rec.length).fill(Number.NaN) } : l)) };
  const d = delineateBeats(flat, beats);
  assert.match(d.leads[0].reason!, /flat/);
  assert.match(d.leads[1].reason!, /missing/);
  assert.equal(d.leads[0].beats[0].qrs.onset, null);
  assert.ok(d.global.every((g) => g.qrsOnset !== null), 'the other 10 leads still give global boundaries');
  const none = delineateBeats(rec, []);
  assert.equal(none.global.length, 0);
  assert.equal(none.leads[0].beats.length, 0);
  const edge = delineateBeats(rec, [3, rec.length - 5]);
  assert.equal(edge.leads[1].beats[0].qrs.onset, null);
  assert.match(edge.leads[1].beats[0].qrsReason!, /record start/);
  assert.match(edge.leads[1].beats[1].qrsReason!, /record end/);
  assert.equal(edge.leads[1].beats[1].t.offset, null);
  assert.throws(() => delineateBeats({ ...rec, leads: [] }, beats), (e) => isSinusError(e, 'BAD_ARGUMENT'));
  const m = medianBeats(rec, beats.slice(0, 2));
  assert.equal(m.leads.length, 0);
  assert.match(m.reason!, /2 whole beats, 3 needed/);
});

test('inverted leads (reversed electrodes) give the same boundaries; 2 s of noise gives no crash', async () => {
  const rec = await ludb(4);
  const beats = referenceBeats(rec);
  const a = delineateBeats(rec, beats);
  const inv = { ...rec, leads: rec.leads.map((l) => ({ ...l, samples: l.samples.map((v) => -v) })) };
  const b = delineateBeats(inv, beats);
  // Slope magnitudes do not depend on polarity, so QRS boundaries must coincide to a sample or two.
  let compared = 0;
  for (let k = 0; k < a.global.length; k++) {
    if (a.global[k].qrsOnset === null) continue;
    compared++;
    assert.ok(Math.abs(a.global[k].qrsOnset! - b.global[k].qrsOnset!) <= 2);
    assert.ok(Math.abs(a.global[k].qrsOffset! - b.global[k].qrsOffset!) <= 2);
  }
  // The comparison above skips beats without a QRS onset: it must not skip them all.
  assert.ok(compared >= 0.9 * a.global.length, `${compared} of ${a.global.length} beats compared`);
  let seed = 1;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) - 0.5;
  const noise = { ...rec, length: 1000, leads: rec.leads.map((l) => ({ ...l, samples: Float32Array.from({ length: 1000 }, () => rnd()) })) };
  const d = delineateBeats(noise, [200, 500, 800]);
  assert.equal(d.global.length, 3);
  for (const l of d.leads) for (const x of l.beats) assert.ok(x.p.peak === null || x.pReason === null);
  const m = medianBeats(noise, [200, 500, 800]);
  assert.ok(m.reason !== null || m.leads.length === 12);
});

test('LUDB 19 (odd half) V2: a clear upright T far from the other leads keeps its own peak', async () => {
  // V1's biphasic T and the inferior leads' flat T pull the median T peak ~90 ms past V2's upright
  // T; re-searching V2 there found the small dip after it. LUDB marks V2's upright T.
  const rec = await ludb(19);
  const li = rec.leads.findIndex((l) => l.name === 'V2');
  const ref = annotatedWaves(rec.annotations.find((s) => s.annotator === 'v2')!).filter((w) => w.kind === 't').map((w) => w.peak);
  const beats = referenceBeats(rec);
  const { errs, missed } = match(ref, delineateBeats(rec, beats).leads[li].beats.map((b) => b.t.peak), rec.fs);
  assert.equal(missed, 0);
  // T peak target of issue 4: SD <= 15 ms; here every beat within 15 ms of the mark.
  assert.ok(errs.every((e) => Math.abs(e) <= 15), `V2 T peak errors ${errs.map((e) => e.toFixed(0)).join(' ')} ms`);
  // The guard alone: since round 6 the learned lobe choice also moves V2 back onto its upright T.
  const old = match(ref, delineateBeats(rec, beats, { tKeepProminenceRatio: 0, tLobeChoice: false }).leads[li].beats.map((b) => b.t.peak), rec.fs);
  assert.ok(old.errs.some((e) => Math.abs(e) > 40), 'without the prominence guard the re-search should take the dip (test guard)');
});
