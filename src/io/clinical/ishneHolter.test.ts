import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FORMATS } from '../../../test/dataPaths.js';
import { nodeFileSource } from '../nodeFileSource.js';
import { readIshneHolter } from './ishneHolter.js';
import { formatFile } from '../../../test/formatFiles.js';

test('ISHNE 1.0: 12 leads at 1000 Hz, known first samples of II and V5, 97 annotations (87 N)', async () => {
  const rec = await readIshneHolter(formatFile('ishne', 'ECG_P28.01.ecg'), 'ECG_P28.01.ecg', nodeFileSource(join(FORMATS, 'ishne')));
  assert.equal(rec.fs, 1000);
  assert.equal(rec.leads.length, 12);
  assert.ok(Math.abs(rec.length / rec.fs - 95.6) < 0.05);
  const ii = rec.leads.find((l) => l.name === 'II')!;
  const v5 = rec.leads.find((l) => l.name === 'V5')!;
  const close = (a: Float32Array, b: number[]) => b.forEach((v, i) => assert.ok(Math.abs(a[i] - v) < 1e-6, `${i}: ${a[i]} vs ${v}`));
  close(ii.samples, [0.04, 0.035, 0.04, 0.045, 0.065, 0.05, 0.045, 0.04, 0.03, 0.035]);
  close(v5.samples, [0.08, 0.08, 0.08, 0.08, 0.085, 0.08, 0.08, 0.08, 0.075, 0.075]);
  const ann = rec.annotations[0].annotations;
  assert.equal(ann.length, 97);
  assert.equal(ann.filter((a) => a.code === 'N').length, 87);
});
