import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeFileSource } from '../../io/nodeFileSource.js';
import { readWfdbRecord } from '../../io/wfdb/readRecord.js';
import { detectBeats } from '../../beats/index.js';
import { CINC2017 } from '../../../test/dataPaths.js';
import { stripRrChannel } from './stripRrChannel.js';

test('stripRrChannel holds log2(RR / 0.8 s) between beats at 150 Hz, extended at both ends', () => {
  // 300 Hz beats at 1.0 s, 1.8 s (RR 0.8 s -> 0) and 2.2 s (RR 0.4 s -> -1).
  const rr = stripRrChannel(Int32Array.from([300, 540, 660]), 300, 450);
  assert.equal(rr.length, 450);
  assert.equal(rr[0], 0);
  assert.equal(rr[270], 0); // at beat 2 (1.8 s)
  assert.ok(Math.abs(rr[271] + 1) < 1e-6);
  assert.ok(Math.abs(rr[449] + 1) < 1e-6);
});

test('stripRrChannel clips long gaps and gives zeros with fewer than two beats', () => {
  assert.equal(stripRrChannel(Int32Array.from([0, 3000]), 300, 1000)[10], 3); // 10 s gap clips at +3
  assert.ok(stripRrChannel(Int32Array.from([100]), 300, 50).every((v) => v === 0));
});

test('stripRrChannel on A00004 (AF) varies far more than on A00001 (normal)', async () => {
  const spread = async (name: string): Promise<number> => {
    const rec = await readWfdbRecord(name, nodeFileSource(CINC2017));
    const rr = stripRrChannel(detectBeats(rec).samples, rec.fs, Math.round(rec.length / 2));
    const m = rr.reduce((a, b) => a + b, 0) / rr.length;
    return Math.sqrt(rr.reduce((a, b) => a + (b - m) ** 2, 0) / rr.length);
  };
  const normal = await spread('A00001'), af = await spread('A00004');
  assert.ok(af > 2 * normal, `AF spread ${af.toFixed(3)} vs normal ${normal.toFixed(3)}`);
});
