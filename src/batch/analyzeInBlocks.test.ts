import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze } from '../analyze.js';
import { shippedModelStageOptions } from '../analyze/shippedModels.node.js';
import { compareBeats } from '../eval/compareBeats.js';
import { openRecord } from '../io/openRecord.js';
import { MITDB } from '../../test/dataPaths.js';
import { analyzeInBlocks } from './analyzeInBlocks.js';
import { fileBlockSource } from './wfdbBlockSource.node.js';

test('fileBlockSource streams a WFDB 212 record by byte range: the same samples as reading it whole, at odd offsets too', async () => {
  const path = join(MITDB, '100.hea');
  const whole = await openRecord(path);
  const { source, streamed } = await fileBlockSource(path);
  assert.equal(streamed, true);
  assert.equal(source.lengthSamples, whole.length);
  assert.deepEqual(source.leadNames, whole.leads.map((l) => l.name));
  for (const [a, b] of [[0, 1000], [12345, 23456], [whole.length - 777, whole.length]]) {
    const block = await source.read(a, b);
    block.forEach((x, k) => assert.deepEqual(x, whole.leads[k].samples.slice(a, b), `lead ${k} ${a}-${b}`));
  }
});

test('long-record mode finds the beats and AF episodes of the whole-record analysis (MIT-BIH 203, six 5-min blocks)', async () => {
  const path = join(MITDB, '203.hea');
  const stageOptions = await shippedModelStageOptions();
  const whole = await analyze(await openRecord(path), { only: ['quality', 'beats', 'beatClasses', 'rhythm'], stageOptions });
  const { source } = await fileBlockSource(path);
  const blocks = await analyzeInBlocks(source, { blockS: 300, overlapS: 30, stageOptions });
  assert.equal(blocks.blocks, 6);
  const wholeBeats = (whole.results.beats as { samples: number[] }).samples;
  // EC57 comparison (150 ms window) of the block beats with the whole-record beats as reference.
  const c = compareBeats('203', wholeBeats, blocks.beatSamples, source.fsHz, { startSample: 0 });
  assert.ok(c.sensitivityPct! >= 99.9 && c.positivePredictivityPct! >= 99.9, `Se ${c.sensitivityPct} +P ${c.positivePredictivityPct}`);
  // AF time: the block episodes cover at least 98 % of the whole-record AF and add at most 2 %.
  const af = (eps: Array<{ label: string; startSample: number; endSample: number }>) => eps.filter((e) => e.label === 'atrial_fibrillation');
  const wAf = af((whole.results.rhythm as { episodes: Array<{ label: string; startSample: number; endSample: number }> }).episodes);
  const bAf = af(blocks.episodes);
  const len = (x: typeof wAf) => x.reduce((s, e) => s + e.endSample - e.startSample, 0);
  let both = 0;
  for (const x of wAf) for (const y of bAf) both += Math.max(0, Math.min(x.endSample, y.endSample) - Math.max(x.startSample, y.startSample));
  assert.ok(len(wAf) > 0);
  assert.ok(both >= 0.98 * len(wAf) && len(bAf) <= 1.02 * len(wAf), `AF samples whole ${len(wAf)} blocks ${len(bAf)} both ${both}`);
  // Rhythm episodes tile the record without gaps or overlaps once joined.
  const tiles = blocks.episodes.filter((e) => !['pause', 'ventricular_bigeminy', 'ventricular_trigeminy'].includes(e.label));
  for (let i = 1; i < tiles.length; i++) assert.ok(tiles[i].startSample >= tiles[i - 1].endSample, `episode ${i} overlaps`);
  // PVCs: the summary over joined blocks counts what the whole record's summary counts, up to the
  // few beats whose class changes with the block's context (2 % + 5).
  const wPvc = (whole.results.rhythm as { holter: { pvcCount: number } }).holter.pvcCount;
  assert.ok(Math.abs(blocks.holter.pvcCount! - wPvc) <= 0.02 * wPvc + 5, `PVCs blocks ${blocks.holter.pvcCount} whole ${wPvc}`);
});
