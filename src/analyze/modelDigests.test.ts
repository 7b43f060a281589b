import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelDigestSources } from '../../scripts/modelDigestSources.js';
import { ROOT, SAMPLES } from '../../test/dataPaths.js';
import { openRecord } from '../io/openRecord.js';
import { analyze } from '../analyze.js';
import { shippedModelStageOptions } from './shippedModels.node.js';
import { MODEL_SHA256 } from './modelDigests.js';

test('the model digests match the weights that run (npm run models:digests after retraining)', () => {
  const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
  for (const [name, src] of Object.entries(modelDigestSources())) {
    const now = sha(typeof src === 'string' ? readFileSync(join(ROOT, src)) : JSON.stringify(src.weights));
    assert.equal(MODEL_SHA256[name], now, `${name}: stale digest`);
  }
});

test('an Analysis names each model it used with the SHA-256 of its weights', async () => {
  const a = await analyze(await openRecord(join(SAMPLES, '1.hea')), { stageOptions: await shippedModelStageOptions() });
  const names = a.models.map((m) => m.name);
  assert.ok(names.includes('models/strip-rhythm.onnx') && names.some((n) => n.startsWith('beat-class feature MLP')) && names.some((n) => n.startsWith('statement certainty')), names.join(', '));
  for (const m of a.models) assert.match(m.sha256 ?? '', /^[0-9a-f]{64}$/, `${m.name} has no digest`);
});
