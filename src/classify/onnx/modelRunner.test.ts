import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { loadModel, runModel } from './modelRunner.js';
import { nodeModelRunner } from './onnxRunner.node.js';
import { webModelRunner } from './onnxRunner.web.js';
import { isSinusError } from '../../errors.js';

// y = x @ W + b, W = [[1,-1,.5],[2,0,-.5]], b = [.25,0,-1] (training/make_runner_fixture.py)
const fixture = fileURLToPath(new URL('./testdata/affine.onnx', import.meta.url));
const x = { dims: [2, 2], data: Float32Array.from([1, 2, -1, 0.5]) };
const expected = [1 + 4 + 0.25, -1, 0.5 - 1 - 1, -1 + 1 + 0.25, 1, -0.5 - 0.25 - 1];

for (const [name, runner] of [['node', nodeModelRunner()], ['web', webModelRunner()]] as const) {
  test(`${name} runner: loads a model from bytes and computes it exactly`, async () => {
    const model = await loadModel(runner, new Uint8Array(await readFile(fixture)));
    assert.deepEqual(model.inputNames, ['x']);
    const out = await runModel(model, { x });
    assert.deepEqual(out.y.dims, [2, 3]);
    for (let i = 0; i < expected.length; i++) assert.ok(Math.abs(out.y.data[i] - expected[i]) < 1e-6);
    await model.release();
  });
}

test('node runner: loads from a path; bad input is a typed error', async () => {
  const model = await loadModel(nodeModelRunner(), fixture);
  await assert.rejects(runModel(model, {}), (e) => isSinusError(e, 'BAD_ARGUMENT'));
  await assert.rejects(runModel(model, { x: { dims: [2, 2], data: new Float32Array(3) } }), (e) => isSinusError(e, 'BAD_ARGUMENT'));
  await model.release();
  await assert.rejects(loadModel(nodeModelRunner(), '/nonexistent/model.onnx'), (e) => isSinusError(e, 'FILE_NOT_FOUND'));
  await assert.rejects(loadModel(nodeModelRunner(), Uint8Array.from([1, 2, 3, 4])), (e) => isSinusError(e, 'UNSUPPORTED_FORMAT'));
  await assert.rejects(loadModel(nodeModelRunner(), new Uint8Array(0)), (e) => isSinusError(e, 'FILE_EMPTY'));
});
