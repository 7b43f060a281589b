import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openRecord } from '../io/openRecord.js';
import { LUDB } from '../../test/dataPaths.js';
import { detectBeats } from '../beats/index.js';
import { delineateBeats } from './delineateBeats.js';
import { pacingSpikeSamples } from './pacingSpikes.js';
import { stimulusBoundOnsets } from './stimulusBoundOnsets.js';
import type { LeadDelineation } from './types.js';

/** Lead-beats whose QRS onset lies before the stimulus within 120 ms in front of the beat. */
function onsetsBeforeStimulus(leads: LeadDelineation[], beats: Int32Array, spikes: Int32Array, fs: number): number {
  let n = 0;
  beats.forEach((f, k) => {
    const s = Array.from(spikes).filter((v) => v <= f && f - v <= 0.12 * fs).pop();
    if (s === undefined) return;
    for (const l of leads) { const on = l.beats[k].qrs.onset; if (on !== null && on < s) n++; }
  });
  return n;
}

test('paced record (LUDB 45, ventricular pacing): no QRS onset before its stimulus, and there were some without the bound', async () => {
  const rec = await openRecord(join(LUDB, '45.hea'));
  const beats = detectBeats(rec).samples;
  const spikes = pacingSpikeSamples(rec);
  const unbound = delineateBeats(rec, beats, { pacedStimulusMaxMs: 0 });
  assert.ok(onsetsBeforeStimulus(unbound.leads, unbound.beatSamples, spikes, rec.fs) > 0, 'the threshold onset walks back over the stimulus in some leads');
  const bound = delineateBeats(rec, beats);
  assert.equal(onsetsBeforeStimulus(bound.leads, bound.beatSamples, spikes, rec.fs), 0);
});

test('a few stray jumps in an unpaced record leave its onsets alone', () => {
  const beats = Int32Array.of(100, 600, 1100, 1600);
  // Each onset 10 samples before its fiducial.
  const leads = [{ beats: Array.from(beats, (f) => ({ qrs: { onset: f - 10, offset: f + 40 } })) }] as unknown as LeadDelineation[];
  stimulusBoundOnsets(leads, beats, Int32Array.of(95), 60);
  assert.equal(leads[0].beats[0].qrs.onset, 90, 'one stimulus-like jump in front of one beat of four: not a paced record');
  stimulusBoundOnsets(leads, beats, Int32Array.of(95, 595, 1095), 60);
  assert.deepEqual(leads[0].beats.map((b) => b.qrs.onset), [95, 595, 1095, 1590]);
});
