import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeRecordFiles } from '../writeRecordFiles.js';
import { readWfdbRecord } from '../wfdb/readRecord.js';
import { memoryFileSource } from '../source.js';
import { readScpEcg } from './scp/readScp.js';
import { readDicomWaveform } from './dicomWaveform.js';
import { formatFile } from '../../../test/formatFiles.js';

test('clinical records convert to WFDB without losing a count (gain kept in adu/mV)', async () => {
  const records = [
    readScpEcg(formatFile('scp-ecg', 'demo.scp'), 'demo.scp'), // 183 nV: a non-integer gain
    readDicomWaveform(formatFile('dicom-ecg', 'waveform_ecg.dcm'), 'waveform_ecg.dcm'),
  ];
  for (const rec of records) {
    const files = writeRecordFiles(rec, `${rec.name}.hea`);
    const back = await readWfdbRecord(rec.name, memoryFileSource(files));
    assert.equal(back.length, rec.length);
    for (const lead of rec.leads) {
      const twin = back.leads.find((l) => l.name === lead.name)!;
      assert.deepEqual(Array.from(twin.raw!), Array.from(lead.raw!), `${rec.name} ${lead.name}`);
      assert.ok(Math.abs(twin.info.gain - lead.info.gain) / lead.info.gain < 1e-9);
    }
  }
});
