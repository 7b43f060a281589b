import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsv } from './readCsv.js';
import { writeCsv } from './writeCsv.js';
import { recordToJson } from '../json/recordToJson.js';
import { recordFromJson } from '../json/recordFromJson.js';
import { readWfdbRecord } from '../wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../wfdb/readAnnotations.js';
import { nodeFileSource } from '../nodeFileSource.js';
import { SAMPLES } from '../../../test/dataPaths.js';

test('CSV with a time column in seconds and units in the header: rate from the timestamps, uV scaled to mV', () => {
  const rec = readCsv('time,I (uV),II [mV]\n0,100,0.5\n0.002,200,0.25\n0.004,-50,\n', 'a.csv');
  assert.equal(rec.fs, 500);
  assert.deepEqual(rec.leads.map((l) => [l.name, l.info.units]), [['I', 'uV'], ['II', 'mV']]);
  assert.deepEqual(Array.from(rec.leads[0].samples), [0.1, 0.2, -0.05].map(Math.fround));
  assert.ok(Number.isNaN(rec.leads[1].samples[2]));
  assert.equal(rec.metadata.unitsAssumed, undefined);
});

test('TSV without units or time: the rate from a "# fs=" comment, units assumed mV and flagged', () => {
  const rec = readCsv('# fs=250\nsample\tV1\tV2\n0\t1\t2\n1\t3\t4\n', 'b.tsv');
  assert.equal(rec.fs, 250);
  assert.equal(rec.sourceFormat, 'tsv');
  assert.deepEqual(rec.leads.map((l) => l.name), ['V1', 'V2']);
  assert.equal(rec.metadata.unitsAssumed, true);
  assert.equal(readCsv('ms;aVF\n0;1\n4;2\n8;3\n', 'c.csv').fs, 250);
});

test('CSV errors: unknown rate, a non-numeric cell and a short row name the file and line', () => {
  assert.throws(() => readCsv('I,II\n1,2\n3,4\n', 'x.csv'), { code: 'BAD_ARGUMENT', message: /x\.csv.*sampling rate/ });
  assert.throws(() => readCsv('t,I\n0,1\n0.01,abc\n', 'x.csv'), { code: 'BAD_SIGNAL', message: /line 3/ });
  assert.throws(() => readCsv('t,I,II\n0,1,2\n0.01,1\n', 'x.csv'), { code: 'BAD_SIGNAL', message: /line 3/ });
  assert.throws(() => readCsv('t,I\n0,1\n0.01,2\n0.5,3\n', 'x.csv'), { code: 'BAD_SIGNAL', message: /evenly/ });
  assert.throws(() => readCsv('\n\n', 'x.csv'), { code: 'FILE_EMPTY' });
});

test('CSV and JSON write-then-read give the same 32-bit samples (LUDB 1, 12 leads)', async () => {
  const rec = await readWfdbRecord('1', nodeFileSource(SAMPLES));
  for (const back of [readCsv(writeCsv(rec), '1.csv'), readCsv(writeCsv(rec, { delimiter: '\t' }), '1.tsv'), recordFromJson(JSON.parse(JSON.stringify(recordToJson(rec))))]) {
    assert.equal(back.fs, 500);
    assert.deepEqual(back.leads.map((l) => l.name), rec.leads.map((l) => l.name));
    rec.leads.forEach((l, k) => assert.deepEqual(back.leads[k].samples, l.samples, l.name));
  }
});

test('JSON export: NaN samples are null, annotations carry their time, no samples when asked', async () => {
  const rec = await readWfdbRecord('100', nodeFileSource(SAMPLES));
  rec.annotations = await readWfdbAnnotationSets('100', ['atr'], nodeFileSource(SAMPLES));
  rec.leads[0].samples[3] = Number.NaN;
  const j = recordToJson(rec);
  assert.equal(j.leads[0].samples![3], null);
  assert.equal(j.annotations[0].annotations[1].timeS, j.annotations[0].annotations[1].sample / 360);
  const text = JSON.stringify(recordToJson(rec, { samples: false }));
  assert.ok(!text.includes('"samples"') && text.length < 20000);
  assert.ok(Number.isNaN(recordFromJson(JSON.parse(JSON.stringify(j))).leads[0].samples[3]));
});
