import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openRecord } from '../io/openRecord.js';
import type { EcgRecord } from '../record/types.js';
import { LUDB } from '../../test/dataPaths.js';
import { annotatedWaves } from './annotatedWaves.js';
import { beatTemplate } from './beatTemplate.js';
import { delineateBeats } from './delineateBeats.js';
import { jointLag } from './jointLag.js';
import { DEFAULT_DELINEATION_OPTIONS } from './options.js';
import { pacingSpikeSamples } from './pacingSpikes.js';

const ludb = (id: number) => openRecord(join(LUDB, `${id}.hea`));
function referenceQrs(rec: EcgRecord, lead = 'ii') {
  return annotatedWaves(rec.annotations.find((s) => s.annotator === lead)!).filter((w) => w.kind === 'qrs');
}

test('jointLag finds a known shift of a 12-lead stretch exactly', async () => {
  const rec = await ludb(2);
  const signals = rec.leads.map((l) => l.samples);
  const at = referenceQrs(rec)[3].peak;
  for (const shift of [-9, 0, 7]) {
    // The beat sits `shift` samples later than the template: the lag that lines them up is -shift.
    const j = jointLag(signals, signals, at, at + shift, at - 30, at + 40, 20, 2);
    assert.equal(j.lagSamples + shift, 0, `shift ${shift}: lag ${j.lagSamples}`);
    assert.ok(j.r > 0.999, `r ${j.r}`);
  }
  assert.ok(Number.isNaN(jointLag(signals, signals, at, at, -5, 10, 5, 1).r), 'window before the template start: not comparable');
});

test('beat template: sinus beats all match the dominant shape and are re-aligned by a few samples at most', async () => {
  const rec = await ludb(4);
  const beats = Int32Array.from(referenceQrs(rec).map((w) => w.peak));
  const t = beatTemplate(rec, beats, DEFAULT_DELINEATION_OPTIONS)!;
  assert.ok(t, 'a template');
  const inside = Array.from(beats.keys()).filter((k) => beats[k] > 0.1 * rec.fs && beats[k] < rec.length - 0.9 * rec.fs);
  for (const k of inside) {
    assert.ok(t.qrsCorrelation[k] >= DEFAULT_DELINEATION_OPTIONS.templateMinCorrelation, `beat ${k} r ${t.qrsCorrelation[k]}`);
    // Reference marks share a fiducial within a few ms across beats: 10 ms (5 samples) at most.
    assert.ok(Math.abs(t.alignedSamples[k] - beats[k]) <= 0.01 * rec.fs, `beat ${k} moved ${t.alignedSamples[k] - beats[k]}`);
  }
  const g = t.delineation.global[0];
  assert.ok(g.qrsOnset !== null && g.qrsOffset !== null && g.tOffset !== null);
  assert.equal(beatTemplate(rec, beats.slice(0, 2), DEFAULT_DELINEATION_OPTIONS), null, 'two beats: no template');
});

test('paced record: stimuli are found before the paced QRS complexes and are not taken for the QRS onset', async () => {
  const rec = await ludb(74); // ludb.csv: unipolar ventricular pacing (even half)
  const spikes = Array.from(pacingSpikeSamples(rec));
  const qrs = referenceQrs(rec);
  let paced = 0;
  const d = delineateBeats(rec, qrs.map((w) => w.peak));
  const beforeStimulusMs: number[] = [];
  qrs.forEach((w, k) => {
    const s = spikes.find((v) => v <= w.peak && v >= w.peak - 0.12 * rec.fs);
    if (s === undefined) return;
    paced++;
    const on = d.global[k].qrsOnset;
    assert.ok(on !== null, `beat ${k}: no QRS onset`);
    beforeStimulusMs.push(((s - on) * 1000) / rec.fs);
  });
  // Unbridged, the stimulus and its decay open the QRS about 40 ms early. Bridged, the onset
  // lies within the constant convention shift plus one CSE QRS-onset tolerance (6.5 ms) of it.
  const meanBefore = beforeStimulusMs.reduce((a, b) => a + b, 0) / beforeStimulusMs.length;
  assert.ok(meanBefore <= -DEFAULT_DELINEATION_OPTIONS.qrsOnsetShiftMs + 6.5, `QRS onset on average ${meanBefore.toFixed(1)} ms before the stimulus`);
  assert.ok(paced >= 0.8 * qrs.length, `${paced} of ${qrs.length} QRS complexes with a stimulus found`);
  // A sinus record without a pacemaker has no stimulus in front of its QRS complexes.
  const sinus = await ludb(2);
  const sp = pacingSpikeSamples(sinus);
  const before = referenceQrs(sinus).filter((w) => Array.from(sp).some((v) => v <= w.peak && v >= w.peak - 0.12 * sinus.fs));
  assert.ok(before.length <= 1, `${before.length} sinus QRS complexes with a stimulus`);
});

test('atrial fibrillation and flutter with waves at a steady distance before the QRS: no P (at most 5% of lead-beats)', async () => {
  for (const id of [101, 103]) {
    const rec = await ludb(id);
    const d = delineateBeats(rec, referenceQrs(rec).map((w) => w.peak));
    let withP = 0, all = 0;
    for (const l of d.leads) for (const b of l.beats) { if (b.qrs.onset === null) continue; all++; if (b.p.peak !== null) withP++; }
    assert.ok(withP <= 0.05 * all, `record ${id}: P in ${withP} of ${all}`);
    assert.match(d.leads[1].beats[2].pReason ?? '', /no P/);
  }
});
