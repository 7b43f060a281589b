import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeFileSource } from '../../io/nodeFileSource.js';
import { readWfdbRecord } from '../../io/wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../../io/wfdb/readAnnotations.js';
import { MITDB } from '../../../test/dataPaths.js';
import { referenceBeats } from '../referenceBeats.js';
import { beatClassInputs } from './beatClassInputs.js';
import { FEATURE_COUNT } from './layout.js';
import { RECORD_STD_CLIP, RECORD_STD_FEATURE_NAMES, RECORD_STD_MIN_BEATS, RECORD_STD_MIN_SCALE, recordStandardisedFeatures } from './recordStandardisedFeatures.js';

const K = RECORD_STD_FEATURE_NAMES.length;
const column = (z: Float32Array, n: number, k: number) => Float64Array.from({ length: n }, (_, i) => z[i * K + k]).sort();
const median = (v: Float64Array) => (v.length % 2 ? v[v.length >> 1] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2);

test('MIT-BIH 119 (bigeminy): z-scores centred on the record, MAD-scaled, and PVCs far below the sinus beats in QRS correlation', async () => {
  const source = nodeFileSource(MITDB);
  const rec = await readWfdbRecord('119', source);
  rec.annotations = await readWfdbAnnotationSets('119', ['atr'], source);
  const ref = referenceBeats(rec)!;
  const inputs = beatClassInputs(rec, ref.samples);
  const n = inputs.count;
  const z = recordStandardisedFeatures(inputs.features, n);
  assert.equal(z.length, n * K);
  for (let k = 0; k < K; k++) {
    const c = column(z, n, k);
    assert.ok(Math.abs(median(c)) < 1e-4, `${RECORD_STD_FEATURE_NAMES[k]} median ${median(c)}`);
    assert.ok(c[0] >= -RECORD_STD_CLIP && c[n - 1] <= RECORD_STD_CLIP);
    // Median |z| is 1 / 1.4826 unless the scale sat on its floor (then it is smaller).
    const absMedian = median(Float64Array.from(c, Math.abs).sort());
    assert.ok(absMedian <= 1 / 1.4826 + 1e-4, `${RECORD_STD_FEATURE_NAMES[k]} median |z| ${absMedian}`);
  }
  // First lead's QRS correlation with the dominant beat: the 444 PVCs lie well below the sinus beats.
  const kCorr = RECORD_STD_FEATURE_NAMES.indexOf('L0.corrQrs');
  const v: number[] = [], nn: number[] = [];
  ref.classes.forEach((c, i) => (c === 'V' ? v : c === 'N' ? nn : []).push(z[i * K + kCorr]));
  const mid = (a: number[]) => median(Float64Array.from(a).sort());
  assert.ok(mid(v) < -3 && Math.abs(mid(nn)) < 1, `V median z ${mid(v)}, N median z ${mid(nn)}`);
});

test('too few beats give zeros; a constant feature uses the scale floor; non-finite values give 0', () => {
  const few = new Float32Array((RECORD_STD_MIN_BEATS - 1) * FEATURE_COUNT).map((_, i) => i % 7);
  assert.ok(recordStandardisedFeatures(few, RECORD_STD_MIN_BEATS - 1).every((x) => x === 0));
  const n = 20;
  const f = new Float32Array(n * FEATURE_COUNT).fill(0.5);
  f[3 * FEATURE_COUNT + 12] = 0.5 + 2 * RECORD_STD_MIN_SCALE; // first morphology column of lead 0 (corrQrs)
  f[4 * FEATURE_COUNT + 12] = Number.NaN;
  const z = recordStandardisedFeatures(f, n);
  assert.ok(Math.abs(z[3 * K] - 2) < 1e-3, `floor scale: ${z[3 * K]}`);
  assert.equal(z[4 * K], 0);
  assert.equal(z[5 * K], 0);
});
