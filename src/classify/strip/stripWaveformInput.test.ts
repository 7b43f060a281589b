import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeFileSource } from '../../io/nodeFileSource.js';
import { readWfdbRecord } from '../../io/wfdb/readRecord.js';
import { resample } from '../../dsp/index.js';
import { CINC2017 } from '../../../test/dataPaths.js';
import { WAVEFORM_FS_HZ, stripWaveformInput } from './stripWaveformInput.js';

test('waveform input of a CinC strip: 150 Hz length, clipped to +-8, median |x| = 0.1 by construction', async () => {
  const rec = await readWfdbRecord('A00001', nodeFileSource(CINC2017));
  const x = stripWaveformInput(rec.leads[0].samples, rec.fs);
  assert.equal(x.length, Math.round((rec.length * WAVEFORM_FS_HZ) / rec.fs));
  assert.ok(x.every((v) => Number.isFinite(v) && Math.abs(v) <= 8));
  const abs = Float32Array.from(x, Math.abs).sort();
  // Median of the clipped values: clipping touches only the top tail, so it stays 0.1 (float32 rounding).
  assert.ok(Math.abs(abs[abs.length >> 1] - 0.1) < 1e-3, `median |x| ${abs[abs.length >> 1]}`);
  // R peaks stand out: the 99.5th percentile is several times the median (an ECG, not noise).
  assert.ok(abs[Math.floor(0.995 * abs.length)] > 1, `p99.5 |x| ${abs[Math.floor(0.995 * abs.length)]}`);
});

test('waveform input does not depend on the recording rate or gain (same strip at 300 and 500 Hz, x3 gain)', async () => {
  const rec = await readWfdbRecord('A00004', nodeFileSource(CINC2017));
  const at300 = stripWaveformInput(rec.leads[0].samples, 300);
  const at500 = stripWaveformInput(Float32Array.from(resample(rec.leads[0].samples, 300, 500), (v) => 3 * v), 500);
  assert.equal(at500.length, at300.length);
  // Away from the filter edges the two agree to a small fraction of the R-peak scale (units of 10x median |x|).
  let maxErr = 0;
  for (let i = 300; i < at300.length - 300; i++) maxErr = Math.max(maxErr, Math.abs(at300[i] - at500[i]));
  assert.ok(maxErr < 0.1, `max difference ${maxErr.toFixed(3)}`);
});

test('waveform input of NaN-only or flat signal is finite zeros (no division by zero)', () => {
  for (const x of [new Float32Array(3000).fill(NaN), new Float32Array(3000)]) {
    const y = stripWaveformInput(x, 300);
    assert.equal(y.length, 1500);
    assert.ok(y.every((v) => v === 0));
  }
});
