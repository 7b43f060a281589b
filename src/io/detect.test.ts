import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { detectRecordReader, readRecordFromFiles, recordReaders, registerRecordReader } from './detect.js';
import { CLINICAL_READERS } from './clinical/index.js';
import { openRecord } from './openRecord.js';
import { writeEdf } from './edf/writeEdf.js';
import { writeCsv } from './csv/writeCsv.js';
import { recordToJson } from './json/recordToJson.js';
import { CINC2017, FORMATS, PTBXL, SAMPLES } from '../../test/dataPaths.js';

const file = (p: string) => new Uint8Array(readFileSync(p));

test('detection by content: each format is recognised even under a misleading extension', async () => {
  const rec = await openRecord(join(SAMPLES, '100.hea'));
  const readers = recordReaders();
  const cases: [Uint8Array, string][] = [
    [file(join(SAMPLES, '100.hea')), 'wfdb'],
    [file(join(CINC2017, 'A00001.mat')), 'mat'],
    [file(join(FORMATS, 'edf', '0000050.ECG.edf')), 'edf'],
    [new TextEncoder().encode(JSON.stringify(recordToJson(rec, { samples: false }))), 'json'],
    [new TextEncoder().encode(writeCsv(rec).slice(0, 5000)), 'csv'],
  ];
  for (const [bytes, format] of cases) {
    assert.equal(detectRecordReader(bytes.subarray(0, 4096), 'upload.bin', readers)?.format, format);
  }
  assert.equal(detectRecordReader(new Uint8Array([1, 2, 3, 0, 0, 9]), 'x.bin', readers), null);
});

test('readRecordFromFiles picks the record among uploads: WFDB header with its .dat and annotations, MAT with .hea, EDF', async () => {
  const wfdb: Record<string, Uint8Array> = {};
  for (const f of readdirSync(SAMPLES)) if (f.startsWith('100.')) wfdb[f] = file(join(SAMPLES, f));
  const rec = await readRecordFromFiles(wfdb);
  assert.equal(rec.length, 21600);
  assert.equal(rec.annotations[0].annotator, 'atr');
  const mat = await readRecordFromFiles({ 'A00001.mat': file(join(CINC2017, 'A00001.mat')), 'A00001.hea': file(join(CINC2017, 'A00001.hea')) });
  assert.equal(mat.sourceFormat, 'mat');
  assert.equal(mat.fs, 300);
  assert.equal(mat.length, 9000);
  const edf = await readRecordFromFiles({ 'x.edf': writeEdf(rec) });
  assert.equal(edf.length, 21600);
});

test('openRecord opens a .dat or .atr through its header, and derives the missing limb leads on request', async () => {
  assert.equal((await openRecord(join(SAMPLES, '100.dat'))).name, '100');
  assert.equal((await openRecord(join(SAMPLES, '100.atr'))).name, '100');
  // PTB-XL stores I, II and III separately at 1 uV resolution, so Einthoven's III = II - I holds
  // to within the three roundings (1.5 uV). (LUDB's leads do not: they are filtered separately.)
  const ptb = await openRecord(join(PTBXL, 'records500', '00000', '00001_hr.hea'));
  const onlyTwo = await readRecordFromFiles({ 'two.csv': new TextEncoder().encode(writeCsv({ ...ptb, leads: ptb.leads.filter((l) => l.name === 'I' || l.name === 'II') })) }, { deriveLeads: true });
  assert.deepEqual(onlyTwo.leads.map((l) => l.name), ['I', 'II', 'III', 'aVR', 'aVL', 'aVF']);
  const worst = (recorded: string, k: number) => {
    const x = ptb.leads.find((l) => l.name === recorded)!.samples, y = onlyTwo.leads[k].samples;
    let w = 0;
    for (let i = 0; i < x.length; i++) w = Math.max(w, Math.abs(x[i] - y[i]));
    return w;
  };
  assert.ok(worst('III', 2) <= 0.0015 + 1e-6, `III differs by up to ${worst('III', 2)} mV`);
  // Goldberger: aVR = -(I + II)/2 etc., same rounding bound.
  for (const [name, k] of [['aVR', 3], ['aVL', 4], ['aVF', 5]] as const) assert.ok(worst(name, k) <= 0.0015 + 1e-6, `${name} differs by up to ${worst(name, k)} mV`);
  assert.ok(onlyTwo.leads[2].derived);
});

test('CLINICAL_READERS and registered readers take part in detection', async () => {
  assert.ok(Array.isArray(CLINICAL_READERS));
  registerRecordReader({
    format: 'test-format', extensions: ['.tst'],
    sniff: (h) => h[0] === 0x54 && h[1] === 0x53 && h[2] === 0x54,
    // A valid record (what readers return is validated): one lead, no samples.
    read: async (bytes, fileName) => ({ name: fileName, fs: 100, length: 0, leads: [{ name: 'I', originalName: 'I', samples: new Float32Array(0), info: { gain: 1, baseline: 0, units: 'mV' } }], annotations: [], metadata: { size: bytes.length } }),
  });
  const rec = await readRecordFromFiles({ 'a.bin': new Uint8Array([0x54, 0x53, 0x54, 1]) });
  assert.equal(rec.metadata.size, 4);
});
