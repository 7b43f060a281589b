import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeFileSource } from '../../io/nodeFileSource.js';
import { readWfdbRecord } from '../../io/wfdb/readRecord.js';
import type { EcgRecord } from '../../record/types.js';
import { loadModel } from '../onnx/modelRunner.js';
import { nodeModelRunner, shippedModelPath } from '../onnx/onnxRunner.node.js';
import { CINC2017 } from '../../../test/dataPaths.js';
import { classifyStrip, STRIP_RHYTHM_CNN_MODEL, STRIP_RHYTHM_MODEL, type StripLabel } from './classifyStrip.js';
import { STRIP_FEATURE_COUNT, stripFeatures } from './stripFeatures.js';

const reference = new Map(readFileSync(join(CINC2017, 'REFERENCE.csv'), 'utf8').trim().split('\n').map((l) => l.trim().split(',') as [string, string]));
const CODE: Record<string, StripLabel> = { N: 'normal', A: 'af', O: 'other', '~': 'noisy' };

/** The first `count` held-back records (A02401-) with reference label `code`. */
function heldBack(code: string, count: number): string[] {
  const out: string[] = [];
  for (const [name, c] of reference) if (Number(name.slice(1)) >= 2401 && c === code && out.length < count) out.push(name);
  return out;
}

function synthetic(samples: Float32Array, fs: number): EcgRecord {
  return { name: 'synthetic', fs, length: samples.length, annotations: [], metadata: {}, leads: [{ name: 'I', originalName: 'I', samples, info: { gain: 1000, baseline: 0, units: 'mV' } }] };
}

// The model's per-class recall on the validation part was about 0.9 (N) and 0.8 (A); on 10
// records a class falls below 7/10 with probability < 5% at those rates (binomial), so a drop
// below 7 means the model or the features broke, not bad luck.
test('CinC 2017 held-back strips: normal and AF records get their label (>= 7 of 10 each), feature MLP + CNN', async () => {
  const model = await loadModel(nodeModelRunner(), shippedModelPath(STRIP_RHYTHM_MODEL));
  const waveformModel = await loadModel(nodeModelRunner(), shippedModelPath(STRIP_RHYTHM_CNN_MODEL));
  const src = nodeFileSource(CINC2017);
  for (const code of ['N', 'A']) {
    let right = 0;
    const got: string[] = [];
    for (const name of heldBack(code, 10)) {
      const r = await classifyStrip(await readWfdbRecord(name, src), { model, waveformModel });
      if (r.determinable) {
        assert.equal(r.method, 'model');
        assert.equal(r.usedWaveformModel, true);
      }
      const sum = r.probabilities.normal + r.probabilities.af + r.probabilities.other + r.probabilities.noisy;
      if (r.label !== 'undetermined') assert.ok(Math.abs(sum - 1) < 1e-4, 'probabilities sum to 1');
      if (r.label === CODE[code]) right++;
      got.push(`${name}:${r.label}${r.determinable ? '' : ` (${r.reason})`}`);
    }
    assert.ok(right >= 7, `${code}: ${right}/10 right (${got.join(' ')})`);
  }
  await model.release();
  await waveformModel.release();
});

test('strips that cannot be judged: 2 s, flat line, all NaN give "undetermined" (cannot determine, not "noisy"), not determinable, with a reason', async () => {
  let seed = 3;
  const noise = (n: number) => Float32Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.5);
  for (const [what, x] of [['2 s of noise', noise(600)], ['flat line', new Float32Array(9000)], ['all NaN', new Float32Array(9000).fill(NaN)]] as const) {
    const r = await classifyStrip(synthetic(x, 300));
    assert.equal(r.label, 'undetermined', what);
    assert.equal(r.determinable, false, what);
    assert.ok(r.reason.length > 10, what);
  }
});

test('30 s of noise is not given a rhythm by the model', async () => {
  const model = await loadModel(nodeModelRunner(), shippedModelPath(STRIP_RHYTHM_MODEL));
  let seed = 11;
  const x = Float32Array.from({ length: 9000 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.5);
  const waveformModel = await loadModel(nodeModelRunner(), shippedModelPath(STRIP_RHYTHM_CNN_MODEL));
  for (const options of [{ model }, { model, waveformModel }]) {
    const r = await classifyStrip(synthetic(x, 300), options);
    assert.ok(r.label === 'noisy' || !r.determinable, `noise labelled ${r.label} (${JSON.stringify(r.probabilities)})`);
  }
  await model.release();
  await waveformModel.release();
});

test('strip features: fixed length and finite, even without beats', async () => {
  const rec = await readWfdbRecord('A00001', nodeFileSource(CINC2017));
  const beats = Int32Array.from([]);
  const f0 = stripFeatures(rec.leads[0].samples, rec.fs, beats);
  assert.equal(f0.length, STRIP_FEATURE_COUNT);
  assert.ok(f0.every((v) => Number.isFinite(v)));
});

// The browser runs the same graphs through onnxruntime-web (wasm); both runtimes must agree on a
// real strip, or the viewer and the service would label the same ECG differently.
test('strip models: onnxruntime-web gives the same probabilities as onnxruntime-node on a real strip', async () => {
  const { webModelRunner } = await import('../onnx/onnxRunner.web.js');
  const bytes = (name: string) => new Uint8Array(readFileSync(shippedModelPath(name)));
  const record = await readWfdbRecord(heldBack('A', 1)[0], nodeFileSource(CINC2017));
  const results = [];
  for (const runner of [nodeModelRunner(), webModelRunner()]) {
    const model = await loadModel(runner, bytes(STRIP_RHYTHM_MODEL));
    const waveformModel = await loadModel(runner, bytes(STRIP_RHYTHM_CNN_MODEL));
    results.push(await classifyStrip(record, { model, waveformModel }));
    await model.release();
    await waveformModel.release();
  }
  const [node, web] = results;
  assert.equal(web.usedWaveformModel, true);
  assert.equal(web.label, node.label);
  for (const k of ['normal', 'af', 'other', 'noisy'] as const) assert.ok(Math.abs(web.probabilities[k] - node.probabilities[k]) < 1e-4, k);
});
