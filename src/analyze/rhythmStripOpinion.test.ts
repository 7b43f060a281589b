import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../analyze.js';
import { shippedModelStageOptions } from './shippedModels.node.js';
import { nodeFileSource } from '../io/nodeFileSource.js';
import { readWfdbRecord } from '../io/wfdb/readRecord.js';
import { sliceRecord } from '../record/sliceRecord.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MITDB, ROOT } from '../../test/dataPaths.js';

// The second opinion is opt-in (it missed its DS1 gate): given the strip models, the rhythm stage asks
// them about its AF episodes; with the shipped options alone it runs the RR rules alone.
test('analyze() with the strip models handed to the rhythm stage reads its AF episodes (MIT-BIH 201, first 5 min) with them', async () => {
  const rec = sliceRecord(await readWfdbRecord('201', nodeFileSource(MITDB)), 0, 300 * 360);
  const shipped = await shippedModelStageOptions();
  const { model, waveformModel } = shipped.stripRhythm as { model: unknown; waveformModel: unknown };
  const a = await analyze(rec, { only: ['quality', 'beats', 'beatClasses', 'rhythm'], stageOptions: { ...shipped, rhythm: { stripModel: model, stripWaveformModel: waveformModel } } });
  const rhythm = a.results.rhythm as { episodes: Array<{ label: string }>; afOpinions: Array<{ vetoed: boolean; windowAfProbabilities: Array<number | null> }>; evidence: string[] };
  assert.ok(rhythm.episodes.some((e) => e.label === 'atrial_fibrillation'), 'AF found');
  assert.ok(rhythm.afOpinions.length >= 1 && rhythm.afOpinions.every((o) => !o.vetoed), JSON.stringify(rhythm.afOpinions));
  assert.ok(rhythm.evidence.some((e) => e.startsWith('strip-model second opinion')));
  const schema = z.fromJSONSchema(JSON.parse(readFileSync(join(ROOT, 'schema', 'analysis.schema.json'), 'utf8')));
  const parsed = schema.safeParse(JSON.parse(JSON.stringify(a)));
  assert.ok(parsed.success, JSON.stringify(parsed.error?.issues?.slice(0, 3)));
  assert.deepEqual(a.models.filter((m) => m.stage === 'rhythm').map((m) => m.name).sort(), ['models/strip-rhythm-cnn.onnx', 'models/strip-rhythm.onnx']);
  const plain = await analyze(rec, { only: ['quality', 'beats', 'beatClasses', 'rhythm'], stageOptions: shipped });
  assert.equal((plain.results.rhythm as { afOpinions?: unknown }).afOpinions, undefined);
  assert.equal(plain.models.filter((m) => m.stage === 'rhythm').length, 0);
});
