// Synthetic records (src/synth) as extra ground truth for the detector: every beat's position is known.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareBeats } from '../eval/compareBeats.js';
import { synthesizeEcg } from '../synth/synthesizeEcg.js';
import type { SynthRhythm } from '../synth/beatSchedule.js';
import { detectBeats } from './index.js';

test('clean synthetic 12-lead and 2-lead records: every beat found, nothing extra (EC57, 150 ms)', () => {
  for (const rhythm of ['sinus', 'af', 'flutter', 'avb1', 'avb2', 'pvc-bigeminy'] as SynthRhythm[]) {
    for (const morphology of ['normal', 'lbbb', 'rbbb']) {
      for (const leads of [12, 2]) {
        if (rhythm === 'pvc-bigeminy' && leads === 2) continue; // the todo test below
        const s = synthesizeEcg({ durationS: 10, rhythm, morphology, leads, seed: 21 });
        const c = compareBeats(s.record.name, s.truth.beats.map((b) => b.sample), detectBeats(s.record).samples, s.record.fs, { startSample: 0 });
        assert.equal(c.missed + c.extra, 0, `${rhythm} ${morphology} ${leads} leads: missed ${c.missedSamples}, extra ${c.extraSamples}`);
      }
    }
  }
});

test('synthetic ventricular tachycardia after sinus beats: Se >= 90 % (the first VT beats are a known weak point of the detector)', () => {
  // bench:synth measures this over every preset; a VT run smaller than the sinus beats before it can lose its
  // first beats while the detector's threshold adapts (the EC57 target is 99.9 %; see BENCHMARKS.md).
  let matched = 0, total = 0;
  for (const seed of [1, 2, 3]) {
    const s = synthesizeEcg({ durationS: 10, rhythm: 'vt', seed });
    const c = compareBeats(s.record.name, s.truth.beats.map((b) => b.sample), detectBeats(s.record).samples, s.record.fs, { startSample: 0 });
    matched += c.matched; total += c.matched + c.missed;
    assert.equal(c.extra, 0);
  }
  assert.ok(matched / total >= 0.9, `Se ${((100 * matched) / total).toFixed(1)} %`);
});

test('clean synthetic bigeminy on 2 leads (II, V1): every sinus beat found', { todo: 'the detector misses every sinus beat when the PVCs are 2-3x taller on both leads (found by bench:synth; 12 leads are fine)' }, () => {
  for (const morphology of ['normal', 'lbbb', 'rbbb']) {
    const s = synthesizeEcg({ durationS: 10, rhythm: 'pvc-bigeminy', morphology, leads: 2, seed: 21 });
    const c = compareBeats(s.record.name, s.truth.beats.map((b) => b.sample), detectBeats(s.record).samples, s.record.fs, { startSample: 0 });
    assert.equal(c.missed + c.extra, 0, `${morphology}: missed ${c.missedSamples}`);
  }
});
