import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readWfdbRecord } from './readRecord.js';
import { readWfdbAnnotationSets } from './readAnnotations.js';
import { nodeFileSource } from '../nodeFileSource.js';
import { MITDB, LUDB } from '../../../test/dataPaths.js';

test('MIT-BIH 100: 2 signals, 650000 samples at 360 Hz, checksums match', async () => {
  const rec = await readWfdbRecord('100', nodeFileSource(MITDB));
  assert.equal(rec.fs, 360);
  assert.equal(rec.length, 650000);
  assert.deepEqual(rec.leads.map((l) => l.name), ['MLII', 'V5']);
  assert.ok(rec.checksums!.every((c) => c.ok === true));
  // 100.hea: gain 200, baseline 1024; first raw MLII sample is 995 -> (995-1024)/200 mV.
  assert.equal(rec.leads[0].raw![0], 995);
  assert.ok(Math.abs(rec.leads[0].samples[0] - (995 - 1024) / 200) < 1e-6);
});

test('MIT-BIH 100 atr: 2273 beats and one rhythm annotation', async () => {
  const [set] = await readWfdbAnnotationSets('100', ['atr'], nodeFileSource(MITDB));
  const beats = set.annotations.filter((a) => a.code !== '+');
  assert.equal(beats.length, 2273);
  assert.equal(set.annotations[0].aux, '(N');
});

test('LUDB 1: 12 leads in format 16 with matching checksums', async () => {
  const rec = await readWfdbRecord('1', nodeFileSource(LUDB));
  assert.equal(rec.leads.length, 12);
  assert.equal(rec.fs, 500);
  assert.equal(rec.length, 5000);
  assert.ok(rec.checksums!.every((c) => c.ok === true));
});
