import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze } from '../analyze.js';
import { openRecord } from '../io/openRecord.js';
import { FORMATS, LUDB } from '../../test/dataPaths.js';
import { calibrationPulses } from './calibrationPulses.js';

// The Philips SierraECG example ends with a 1 mV, 200 ms calibration pulse in all 12 leads at
// 10.7-10.9 s (samples 5350-5450 at 500 Hz). Its edges are not beats, so no PVC comes from it.
test('Philips example: the calibration pulse is found and gives no beat and no PVC', async () => {
  const rec = await openRecord(join(FORMATS, 'philips-xml', '129DYPRG.XML'));
  const pulses = calibrationPulses(rec);
  assert.equal(pulses.length, 1);
  assert.ok(Math.abs(pulses[0].startSample - 5350) <= 1 && Math.abs(pulses[0].endSample - 5450) <= 1, JSON.stringify(pulses[0]));
  assert.ok(Math.abs(pulses[0].amplitudeMv - 1) < 0.01);
  const a = await analyze(rec, { only: ['quality', 'beats', 'beatClasses', 'rhythm'] });
  const beats = a.results.beats as { samples: number[]; beatsInUnusableSignal: number; calibrationPulses: unknown[] };
  assert.ok(!Array.from(beats.samples).some((s) => s >= 5350 - 60 && s < 5450 + 60), 'no beat on the pulse');
  assert.equal(beats.beatsInUnusableSignal, 2, 'the pulse edges were the two detections left out');
  assert.equal((a.results.rhythm as { holter: { pvcCount: number | null } }).holter.pvcCount, 0);
});

test('a real ECG has no calibration pulse (LUDB 1-5)', async () => {
  for (const id of [1, 2, 3, 4, 5]) assert.deepEqual(calibrationPulses(await openRecord(join(LUDB, `${id}.hea`))), [], `LUDB ${id}`);
});
