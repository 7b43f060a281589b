import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMATS } from '../../../../test/dataPaths.js';
import { isSinusError } from '../../../errors.js';
import { readScpEcg } from './readScp.js';
import { decodeScpHuffman, DEFAULT_SCP_HUFFMAN_TABLE } from './huffman.js';
import { formatFile } from '../../../../test/formatFiles.js';
import type { DeviceReading } from '../buildRecord.js';

test('0000050: the 32767 stored samples equal the CSV rows; the 16-bit overflow is noted, not fatal', () => {
  const rec = readScpEcg(formatFile('scp-ecg', '0000050.ECG.scp'), '0000050.ECG.scp');
  assert.equal(rec.fs, 800);
  assert.equal(rec.length, 32767);
  assert.deepEqual(rec.leads.map((l) => l.name), ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6']);
  const rows = readFileSync(join(FORMATS, 'scp-ecg', '0000050.ECG.csv'), 'utf8').split('\n');
  for (let i = 0; i < rec.length; i++) {
    const cols = rows[i].split(',');
    for (let c = 0; c < 12; c++) {
      const expected = cols[c] === '' || cols[c] === undefined ? 0 : Number(cols[c]);
      if (rec.leads[c].raw![i] !== expected) assert.fail(`row ${i + 1} lead ${rec.leads[c].name}: ${rec.leads[c].raw![i]} != ${expected}`);
    }
  }
  assert.ok((rec.metadata.notes as string[]).some((n) => n.includes('37855')));
  assert.ok(Math.abs(rec.leads[0].samples[0] - -20 * 0.005) < 1e-7); // 5000 nV per count
});

test('demo.scp: 8 leads x 10000 at 1000 Hz, 183 nV, section CRCs valid, section 1 read', () => {
  const rec = readScpEcg(formatFile('scp-ecg', 'demo.scp'), 'demo.scp');
  assert.equal(rec.fs, 1000);
  assert.equal(rec.length, 10000);
  assert.deepEqual(rec.leads.map((l) => l.name), ['I', 'II', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6']);
  assert.equal(rec.leads[0].info.gain, 1e6 / 183);
  assert.equal((rec.metadata.patient as Record<string, unknown>).lastName, 'Patient');
});

test('Example.scp: section 7 measurements match the aECG twin (P 102, PR 148, QRS 120, QT 420 ms; axes 44/-61/86)', () => {
  const rec = readScpEcg(formatFile('scp-ecg', 'Example.scp'), 'Example.scp');
  const m = (rec.metadata.device as DeviceReading).measurements;
  assert.deepEqual([m.pDurationMs, m.prIntervalMs, m.qrsDurationMs, m.qtIntervalMs, m.pAxisDeg, m.qrsAxisDeg, m.tAxisDeg], [102, 148, 120, 420, 44, -61, 86]);
  assert.equal((rec.metadata.representativeBeats as { length: number }).length, 599);
});

test('Healforce 62.SCP / 63.SCP are refused with a clear UNSUPPORTED_FORMAT error', () => {
  for (const f of ['62.SCP', '63.SCP']) {
    assert.throws(() => readScpEcg(formatFile('scp-ecg', f), f), (e) => isSinusError(e, 'UNSUPPORTED_FORMAT') && /Healforce/.test(e.message));
  }
});

test('a damaged section is caught by its CRC', () => {
  const bytes = formatFile('scp-ecg', 'demo.scp').slice();
  bytes[1000] ^= 0x40;
  assert.throws(() => readScpEcg(bytes, 'demo.scp'), (e) => isSinusError(e, 'CHECKSUM_MISMATCH'));
});

test('default Huffman table: +-1 and the 8-bit literal escape', () => {
  // 100 | 101 | 1111111110 11110111 -> +1, -1, -9
  const bits = '100' + '101' + '1111111110' + '11110111';
  const padded = bits.padEnd(Math.ceil(bits.length / 8) * 8, '0');
  const bytes = Uint8Array.from(padded.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
  assert.deepEqual(Array.from(decodeScpHuffman(bytes, 3, [DEFAULT_SCP_HUFFMAN_TABLE], 't')), [1, -1, -9]);
});
