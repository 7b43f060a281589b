import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDicomWaveform } from './dicomWaveform.js';
import { formatFile } from '../../../test/formatFiles.js';
import type { DeviceReading } from './buildRecord.js';

test('DICOM 12-lead: rhythm group and median-beat group decoded; known raw values exact', () => {
  const rec = readDicomWaveform(formatFile('dicom-ecg', 'waveform_ecg.dcm'), 'waveform_ecg.dcm');
  assert.equal(rec.fs, 1000);
  assert.equal(rec.length, 10000);
  assert.equal(rec.leads.length, 12);
  assert.deepEqual(Array.from(rec.leads[0].raw!.slice(0, 5)), [80, 65, 50, 35, 37]);
  assert.deepEqual(Array.from(rec.leads[1].raw!.slice(0, 5)), [90, 85, 80, 75, 77]);
  assert.ok(Math.abs(rec.leads[0].samples[0] - 80 * 1.25e-3) < 1e-7); // 1.25 uV per count
  const median = rec.metadata.representativeBeatRaw as Int32Array[];
  assert.deepEqual(Array.from(median[0].slice(0, 5)), [10, 10, 30, 35, 25]);
  const beats = rec.metadata.representativeBeats as { length: number; leads: unknown[] };
  assert.equal(beats.length, 1200);
  assert.equal(beats.leads.length, 12);
});

test('DICOM waveform annotations: all 77 land as statements, measurements or sample marks', () => {
  const rec = readDicomWaveform(formatFile('dicom-ecg', 'waveform_ecg.dcm'), 'waveform_ecg.dcm');
  const device = rec.metadata.device as DeviceReading;
  const marks = (rec.annotations[0]?.annotations.length ?? 0) + ((rec.metadata.representativeBeatAnnotations as unknown[] | undefined)?.length ?? 0);
  assert.equal(device.statements.length + Object.keys(device.measurements).length + marks, 77);
  assert.equal(device.measurements['QRS Duration (ms)'], 75);
});
