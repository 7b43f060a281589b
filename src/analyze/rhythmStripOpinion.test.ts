import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { shippedModelStageOptions } from './shippedModels.node.js';
import { nodeFileSource } from '../io/nodeFileSource.js';
import { readWfdbRecord } from '../io/wfdb/readRecord.js';
import { sliceRecord } from '../record/sliceRecord.js';
import { MITDB } from '../../test/dataPaths.js';
import { analysisSchemaErrors } from '../../test/support/analysisSchema.js';

// The second opinion is opt-in (it missed its DS1 gate): given the strip models, the rhythm stage asks
// them about its AF episodes; with the shipped options alone it runs the RR rules alone.
test('analyze() with the strip models handed to the rhythm stage reads its AF episodes (MIT-BIH 201, first 5 min) with them', async () => {
  const rec = sliceRecord(await readWfdbRecord('201', nodeFileSource(MITDB)), 0, 300 * 360);
  const shipped = await shippedModelStageOptions();
  const { model, waveformModel } = shipped.stripRhythm ?? {};
  const a = await analyze(rec, { only: ['quality', 'beats', 'beatClasses', 'rhythm'], stageOptions: { ...shipped, rhythm: { stripModel: model, stripWaveformModel: waveformModel } } });
  const rhythm = a.results.rhythm!;
  const afOpinions = rhythm.afOpinions ?? [];
  assert.ok(rhythm.episodes.some((e) => e.label === 'atrial_fibrillation'), 'AF found');
  assert.ok(afOpinions.length >= 1 && afOpinions.every((o) => !o.vetoed), JSON.stringify(afOpinions));
  assert.ok(rhythm.evidence.some((e) => e.startsWith('strip-model second opinion')));
  assert.deepEqual(analysisSchemaErrors(JSON.parse(JSON.stringify(a))), []);
  assert.deepEqual(a.models.filter((m) => m.stage === 'rhythm').map((m) => m.name).sort(), ['models/strip-rhythm-cnn.onnx', 'models/strip-rhythm.onnx']);
  const plain = await analyze(rec, { only: ['quality', 'beats', 'beatClasses', 'rhythm'], stageOptions: shipped });
  assert.equal(plain.results.rhythm?.afOpinions, undefined);
  assert.equal(plain.models.filter((m) => m.stage === 'rhythm').length, 0);
});
