import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPhilipsXml } from './philipsXml.js';
import { formatFile } from '../../../test/formatFiles.js';

// README: sample 2750 of leads I..V6 (counts), as the reference decoder gives them.
const KNOWN: Record<string, number[]> = {
  '129DYPRG.XML': [-9, -17, -7, 13, -1, -12, 0, -1, -3, -4, -7, -6],
  '3191723_ZZDEMOPTONLY_1-04_orig.xml': [-11, -54, -43, 33, 16, -50, 7, -4, -14, -41, -35, -33],
  'ad4d3d80-d165_1-04_orig.xml': [32, 46, 14, -39, 9, 30, -74, 320, -1633, 197, 26, 55],
  '2020-5-18_15-48-11.xml': [-12, 78, 90, -33, -51, 84, 14, 3, -24, -20, -13, -21],
};

test('Philips XML (1.03 UTF-8, 1.04 UTF-16 with BOM): XLI decoded, limb leads rebuilt, known samples exact', () => {
  for (const [f, values] of Object.entries(KNOWN)) {
    const rec = readPhilipsXml(formatFile('philips-xml', f), f);
    assert.equal(rec.fs, 500, f);
    assert.equal(rec.length, 5500, f);
    assert.deepEqual(rec.leads.map((l) => l.name), ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'], f);
    assert.deepEqual(rec.leads.map((l) => l.raw![2750]), values, f);
  }
});

test('Philips variant files decode to the same samples; repbeats and statements kept', () => {
  const a = readPhilipsXml(formatFile('philips-xml', '3191723_ZZDEMOPTONLY_1-04_orig.xml'), 'a.xml');
  const b = readPhilipsXml(formatFile('philips-xml', '3191723_ZZDEMOPTONLY_1-04_orig.sierraecg-js-variant.xml'), 'b.xml');
  for (let i = 0; i < 12; i++) assert.deepEqual(Array.from(a.leads[i].raw!), Array.from(b.leads[i].raw!));
  const r = readPhilipsXml(formatFile('philips-xml', 'repbeats_example.xml'), 'r.xml');
  assert.equal((r.metadata.representativeBeats as { leads: unknown[] }).leads.length, 12);
  const device = a.metadata.device as { statements: string[]; measurements: Record<string, unknown>; leadMeasurements: Record<string, Record<string, unknown>> };
  assert.equal(Object.keys(device.leadMeasurements).length, 12);
  assert.equal(typeof device.leadMeasurements.V2.qrsdur, 'number');
  assert.ok(device.statements.length > 0);
  assert.equal(device.measurements.heartrate, 84);
});
