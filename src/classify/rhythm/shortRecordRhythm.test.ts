import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze } from '../../analyze.js';
import { openRecord } from '../../io/openRecord.js';
import { LUDB, PTBXL } from '../../../test/dataPaths.js';
import type { RhythmAnalysis } from './types.js';

const ONLY = { only: ['quality', 'beats', 'beatClasses', 'rhythm', 'hrv'] };
const SINUS = new Set(['sinus_rhythm', 'sinus_bradycardia', 'sinus_tachycardia']);
const ptbxl = (id: number) => join(PTBXL, 'records500', '00000', `${String(id).padStart(5, '0')}_hr.hea`);
/** Rhythm labels of the record (events left out). */
const labels = (r: RhythmAnalysis) => r.episodes.filter((e) => e.label !== 'pause' && e.label !== 'ventricular_bigeminy' && e.label !== 'ventricular_trigeminy').map((e) => e.label);

// LUDB 8: atrial fibrillation with unipolar ventricular pacing (ludb.csv). Every paced beat follows
// its stimulus within the 140 ms a paced QRS peak follows the spike; the record must not be sinus.
test('LUDB 8 (AF, ventricular pacing): a paced rhythm with its stimuli reported, not sinus', async () => {
  const a = await analyze(await openRecord(join(LUDB, '8.hea')), ONLY);
  const r = a.results.rhythm as RhythmAnalysis;
  assert.ok(r.pacing, 'pacing was looked for');
  assert.equal(r.pacing!.mode, 'ventricular');
  assert.ok(r.pacing!.spikeSamples.length >= 5, `${r.pacing!.spikeSamples.length} stimuli`);
  assert.ok(r.pacing!.ventricularLagMs !== null && r.pacing!.ventricularLagMs <= 140);
  assert.deepEqual(labels(r), ['paced_rhythm']);
  assert.ok(!labels(r).some((l) => SINUS.has(l)));
});

// PTB-XL 282 (fold 5) and 307 (fold 1) are labelled AFIB; 143 is labelled PACE. None may be sinus,
// the AF records are AF over the whole record, and the paced one is not AF.
test('PTB-XL AF records (282, 307) are AF, not sinus; the paced record 143 is paced, not AF', async () => {
  for (const id of [282, 307]) {
    const r = (await analyze(await openRecord(ptbxl(id)), ONLY)).results.rhythm as RhythmAnalysis;
    assert.deepEqual(labels(r), ['atrial_fibrillation'], `PTB-XL ${id}: ${labels(r)}`);
    assert.ok(r.atrialEvidence && r.atrialEvidence.pWaveConsistency !== null && r.atrialEvidence.pWaveConsistency < 0.4, `PTB-XL ${id}: P waves absent`);
  }
  const paced = await analyze(await openRecord(ptbxl(143)), ONLY);
  const r = paced.results.rhythm as RhythmAnalysis;
  assert.equal(r.pacing?.mode, 'ventricular');
  assert.ok(!labels(r).includes('atrial_fibrillation') && !labels(r).some((l) => SINUS.has(l)), `PTB-XL 143: ${labels(r)}`);
  // HRV of a paced record is not sinus-node variability, and says so.
  assert.match(String((paced.results.hrv as { rhythmCaveat: string | null }).rhythmCaveat), /paced_rhythm/);
});

// A 10 s sinus record has one rhythm from its first to its last sample: no sub-beat 'undetermined'
// episode before the first or after the last beat.
test('PTB-XL 1 (10 s, sinus): one sinus episode over the whole record, no edge episodes, no HRV caveat', async () => {
  const rec = await openRecord(ptbxl(1));
  const a = await analyze(rec, ONLY);
  const r = a.results.rhythm as RhythmAnalysis;
  assert.equal(r.episodes.length, 1, JSON.stringify(r.episodes.map((e) => [e.label, e.startSample, e.endSample])));
  assert.ok(SINUS.has(r.episodes[0].label));
  assert.equal(r.episodes[0].startSample, 0);
  assert.equal(r.episodes[0].endSample, rec.length);
  assert.equal(r.pacing?.mode, null);
  assert.equal((a.results.hrv as { rhythmCaveat: string | null }).rhythmCaveat, null);
});

// PTB-XL 18 (AFLT): flutter waves at ~280 /min over most of the 10 s with the ventricles at ~130 bpm;
// the whole record is flutter (not sinus tachycardia), with its conduction ratio named.
test('PTB-XL 18 (atrial flutter): flutter over the whole record with its conduction ratio, not sinus tachycardia', async () => {
  const rec = await openRecord(ptbxl(18));
  const r = (await analyze(rec, ONLY)).results.rhythm as RhythmAnalysis;
  assert.deepEqual(labels(r), ['atrial_flutter']);
  assert.match(r.episodes[0].reason, /\d:1 conduction|variable conduction/);
});
