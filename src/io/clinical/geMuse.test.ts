import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FORMATS } from '../../../test/dataPaths.js';
import { join } from 'node:path';
import { isSinusError } from '../../errors.js';
import { readWfdbRecord } from '../wfdb/readRecord.js';
import { nodeFileSource } from '../nodeFileSource.js';
import { readGeMuse } from './geMuse.js';
import { formatFile } from '../../../test/formatFiles.js';
import type { DeviceReading } from './buildRecord.js';

test('MUSE XML equals its WFDB copy: stored leads to the microvolt, derived limb leads within rounding', async () => {
  const rec = readGeMuse(formatFile('ge-muse-xml', 'muse-sinus.xml'), 'muse-sinus.xml');
  // the .hea claims 200 adu/mV but stores microvolts (README): compare in uV on the raw values
  const wfdb = await readWfdbRecord('muse-sinus', nodeFileSource(join(FORMATS, 'ge-muse-xml')));
  assert.equal(rec.length, wfdb.length);
  assert.equal(rec.fs, 500);
  for (const lead of rec.leads) {
    const twin = wfdb.leads.find((l) => l.name === lead.name)!;
    assert.ok(twin, lead.name);
    let worst = 0;
    for (let i = 0; i < rec.length; i++) {
      const uv = lead.samples[i] * 1000;
      if (!lead.derived) assert.equal(Math.round(lead.raw![i] * 4.88), twin.raw![i], `${lead.name}[${i}]`);
      else worst = Math.max(worst, Math.abs(uv - twin.raw![i]));
    }
    // each stored lead was rounded to 1 uV before the copy derived its limb leads (and truncated halves)
    if (lead.derived) assert.ok(worst <= 1.5, `${lead.name}: ${worst} uV`);
  }
  assert.deepEqual(rec.leads.filter((l) => l.derived).map((l) => l.name).sort(), ['III', 'aVF', 'aVL', 'aVR']);
});

test('MUSE files: CRC-32 of every lead valid, measurements and statements kept, median beats present', () => {
  for (const f of ['muse-sinus.xml', 'example1.xml', 'example2.xml', 'example3.xml', 'example4.xml']) {
    const rec = readGeMuse(formatFile('ge-muse-xml', f), f);
    assert.ok(rec.checksums!.length >= 8 && rec.checksums!.every((c) => c.ok === true), f);
    const device = rec.metadata.device as DeviceReading;
    assert.equal(typeof device.measurements.QRSDuration, 'number', f);
    assert.equal((rec.metadata.representativeBeats as { leads: unknown[] }).leads.length, 12);
  }
  const sinus = readGeMuse(formatFile('ge-muse-xml', 'muse-sinus.xml'), 'muse-sinus.xml');
  assert.equal((sinus.metadata.device as DeviceReading).statements[0], 'Normal Sinus rhythm');
  // 15 QRS at 90 bpm (file's QRSCount and VentricularRate)
  assert.equal(sinus.annotations[0].annotations.length, 15);
});

test('a flipped waveform byte is caught by LeadDataCRC32', () => {
  const bytes = formatFile('ge-muse-xml', 'muse-sinus.xml').slice();
  const text = new TextDecoder('latin1').decode(bytes);
  const at = text.indexOf('<WaveFormData>', text.indexOf('Rhythm')) + 20;
  bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
  assert.throws(() => readGeMuse(bytes, 'x.xml'), (e) => isSinusError(e, 'CHECKSUM_MISMATCH'));
});
