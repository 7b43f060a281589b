import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readWfdbRecord } from './readRecord.js';
import { writeWfdbRecord } from './writeRecord.js';
import { nodeFileSource } from '../nodeFileSource.js';
import { memoryFileSource } from '../source.js';
import { readWfdbAnnotationSets } from './readAnnotations.js';
import { SAMPLES } from '../../../test/dataPaths.js';
import type { EcgRecord } from '../../record/types.js';

function assertSameSamples(a: EcgRecord, b: EcgRecord) {
  assert.equal(b.length, a.length);
  assert.equal(b.fs, a.fs);
  a.leads.forEach((l, k) => {
    for (let i = 0; i < l.samples.length; i++) if (!Object.is(l.samples[i], b.leads[k].samples[i])) assert.fail(`lead ${l.name} sample ${i}: ${l.samples[i]} vs ${b.leads[k].samples[i]}`);
  });
}

test('WFDB 212 and 16: write-then-read gives identical samples, raw values and valid checksums', async () => {
  for (const name of ['100', '1']) {
    const rec = await readWfdbRecord(name, nodeFileSource(SAMPLES));
    rec.annotations = await readWfdbAnnotationSets(name, ['atr', 'i'], nodeFileSource(SAMPLES));
    for (const format of [212, 16] as const) {
      const files = writeWfdbRecord(rec, { format });
      const back = await readWfdbRecord(name, memoryFileSource(files));
      assertSameSamples(rec, back);
      assert.ok(back.checksums!.every((c) => c.ok === true), `${name} in ${format}`);
      const anns = await readWfdbAnnotationSets(name, ['atr', 'i'], memoryFileSource(files));
      assert.deepEqual(anns.map((s) => s.annotations.length), rec.annotations.map((s) => s.annotations.length));
    }
  }
});

test('the format-212 sample written by sinus is the source record itself: same bytes as re-encoding it', async () => {
  const rec = await readWfdbRecord('100', nodeFileSource(SAMPLES));
  const files = writeWfdbRecord(rec, { format: 212 });
  const onDisk = await nodeFileSource(SAMPLES).read('100.dat');
  assert.deepEqual(files['100.dat'], onDisk);
});

test('samples without raw values are quantised at the lead gain; values that do not fit are refused, not clipped', async () => {
  const rec = await readWfdbRecord('100', nodeFileSource(SAMPLES));
  const plain: EcgRecord = { ...rec, leads: rec.leads.map((l) => ({ ...l, raw: undefined })) };
  const back = await readWfdbRecord('100', memoryFileSource(writeWfdbRecord(plain, { format: 16 })));
  // Quantisation at 200 adu/mV: error at most half a step (2.5 uV).
  rec.leads.forEach((l, k) => l.samples.forEach((x, i) => assert.ok(Math.abs(x - back.leads[k].samples[i]) <= 0.5 / 200 + 1e-7)));
  const loud: EcgRecord = { ...plain, leads: [{ ...plain.leads[0], samples: Float32Array.from(plain.leads[0].samples, (x, i) => (i === 7 ? 50 : x)) }] };
  // 50 mV fits 12 bits only at a gain too coarse for the other samples: refused as a precision loss.
  assert.throws(() => writeWfdbRecord(loud, { format: 212 }), { code: 'BAD_SIGNAL', message: /cannot be stored exactly in WFDB format 212/ });
  const huge: EcgRecord = { ...plain, leads: [{ ...plain.leads[0], samples: Float32Array.from(plain.leads[0].samples, (x, i) => (i === 7 ? 1e6 : x)) }] };
  assert.throws(() => writeWfdbRecord(huge, { format: 212, allowPrecisionLoss: true }), { code: 'BAD_SIGNAL', message: /sample 7/ });
});
