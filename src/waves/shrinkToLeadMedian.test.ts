import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openRecord } from '../io/openRecord.js';
import { LUDB } from '../../test/dataPaths.js';
import { detectBeats } from '../beats/index.js';
import { annotatedWaves } from './annotatedWaves.js';
import { delineateBeats } from './delineateBeats.js';
import { shrinkToLeadMedian } from './shrinkToLeadMedian.js';
import { DEFAULT_DELINEATION_OPTIONS } from './options.js';
import type { LeadDelineation } from './types.js';

test('a lead boundary far from the other leads is replaced by their median; near ones move halfway; off leaves far ones', () => {
  const lead = (on: number) => ({ beats: [{ p: { onset: null, offset: null }, qrs: { onset: on, offset: on + 50 }, t: { onset: null, offset: null } }] });
  const make = () => [100, 102, 104, 106, 160].map(lead) as unknown as LeadDelineation[];
  const a = make();
  shrinkToLeadMedian(a, 0.5, 40, { p: 0, qrs: 20, t: 0 });
  assert.deepEqual(a.map((l) => l.beats[0].qrs.onset), [102, 103, 104, 105, 104]);
  const b = make();
  shrinkToLeadMedian(b, 0.5, 40);
  assert.equal(b[4].beats[0].qrs.onset, 160, 'without the rule a far lead keeps its own');
});

test('a stray T (peak far from the other leads) takes the leads\' median T points as a whole', () => {
  const lead = (peak: number) => ({ beats: [{ p: { onset: null, offset: null }, qrs: { onset: null, offset: null }, t: { onset: peak - 60, peak, offset: peak + 50 } }] });
  const leads = [300, 302, 304, 306, 420].map(lead) as unknown as LeadDelineation[];
  shrinkToLeadMedian(leads, 0.5, 40, { p: 0, qrs: 0, t: 40 });
  assert.deepEqual(leads[4].beats[0].t, { onset: 244, peak: 304, offset: 354 }, 'onset and peak are medians; the offset is then pulled like the others');
});

test('LUDB 89 aVF (noisy, low QRS): onsets that ran into the P wave come back near the reference', async () => {
  const rec = await openRecord(join(LUDB, '89.hea'));
  const beats = detectBeats(rec).samples;
  const li = rec.leads.findIndex((l) => l.name === 'aVF');
  const ref = annotatedWaves(rec.annotations.find((s) => s.annotator === 'avf')!).filter((w) => w.kind === 'qrs' && w.onset !== null).map((w) => w.onset!);
  const worstMs = (d: ReturnType<typeof delineateBeats>) => {
    let worst = 0;
    for (const r of ref) {
      let best = Infinity;
      for (const b of d.leads[li].beats) if (b.qrs.onset !== null) best = Math.min(best, Math.abs(b.qrs.onset - r));
      if (best <= 0.15 * rec.fs) worst = Math.max(worst, (best * 1000) / rec.fs);
    }
    return worst;
  };
  assert.ok(worstMs(delineateBeats(rec, beats, { leadOutlierQrsMs: 0 })) > 60, 'the single-lead search fails in some beat');
  // Within the outlier limit of the leads' median plus one CSE QRS-onset tolerance (6.5 ms); the
  // remaining error is the median's own and the halfway pull of near-outliers.
  const w = worstMs(delineateBeats(rec, beats));
  assert.ok(w <= DEFAULT_DELINEATION_OPTIONS.leadOutlierQrsMs + 6.5, `worst aVF onset error ${w} ms`);
});

test('a boundary replaced by the leads\' median never crosses its own lead\'s peak (onset <= peak <= offset)', async () => {
  const lead = (peak: number) => ({ beats: [{ p: { onset: peak - 40, peak, offset: peak + 10 }, qrs: { onset: null, offset: null }, t: { onset: null, peak: null, offset: null } }] });
  const leads = [100, 101, 102, 103, 150].map(lead) as unknown as LeadDelineation[];
  // Lead 5's P onset and offset lie 48 samples from the leads' medians (62, 112): both replaced,
  // but the offset not before the lead's own peak (150).
  shrinkToLeadMedian(leads, 0.5, 40, { p: 30, qrs: 0, t: 0 });
  assert.deepEqual(leads[4].beats[0].p, { onset: 62, peak: 150, offset: 150 });
  // LUDB 107 (odd, development split): V3's P peaks late; the others' P offset lay before it in every beat.
  const rec = await openRecord(join(LUDB, '107.hea'));
  const d = delineateBeats(rec, detectBeats(rec).samples);
  const crossed: string[] = [];
  for (const l of d.leads) l.beats.forEach((b, k) => {
    for (const w of [b.p, b.t]) if (w.peak !== null && ((w.onset !== null && w.onset > w.peak) || (w.offset !== null && w.offset < w.peak))) crossed.push(`${l.lead}[${k}] ${w.onset}/${w.peak}/${w.offset}`);
  });
  assert.deepEqual(crossed, []);
});
