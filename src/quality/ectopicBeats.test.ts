import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readWfdbRecord } from '../io/wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../io/wfdb/readAnnotations.js';
import { nodeFileSource } from '../io/nodeFileSource.js';
import type { Annotation, EcgRecord } from '../record/types.js';
import { MITDB } from '../../test/dataPaths.js';
import { assessQuality } from './assessQuality.js';
import { fitBeatTemplate } from './beatTemplate.js';
import { curveLengthBeats } from './curveLengthBeats.js';
import { detectBeatsInSignal } from '../beats/index.js';

const SLICE_S = 60;

/**
 * The 60 s stretch (on 10 s steps) with the most ventricular beats and no MIT-BIH noise mark: the
 * database's annotators call it readable, so every unusable second there is a false alarm.
 */
async function pvcRichSlice(name: string): Promise<{ rec: EcgRecord; vCount: number; beatCount: number }> {
  const src = nodeFileSource(MITDB);
  const full = await readWfdbRecord(name, src);
  const [atr] = await readWfdbAnnotationSets(name, ['atr'], src);
  const fs = full.fs;
  const n = SLICE_S * fs;
  // Noise state holds from one '~' to the next; subtype 0 ends it.
  const noisy: [number, number][] = [];
  const tildes = atr.annotations.filter((a: Annotation) => a.code === '~');
  for (let t = 0; t < tildes.length; t++) if (tildes[t].subtype !== 0) noisy.push([tildes[t].sample, t + 1 < tildes.length ? tildes[t + 1].sample : full.length]);
  let best = { start: -1, v: -1, beats: 0 };
  for (let start = 0; start + n <= full.length; start += 10 * fs) {
    if (noisy.some(([a, b]) => a < start + n && b > start)) continue;
    const inside = atr.annotations.filter((a) => a.sample >= start && a.sample < start + n);
    const v = inside.filter((a) => a.code === 'V').length;
    if (v > best.v) best = { start, v, beats: inside.filter((a) => /^[NLRBAaJSVFejnE/fQ?]$/.test(a.code)).length };
  }
  const rec: EcgRecord = {
    ...full,
    length: n,
    leads: full.leads.map((l) => ({ ...l, samples: l.samples.slice(best.start, best.start + n), raw: undefined })),
    annotations: [],
  };
  return { rec, vCount: best.v, beatCount: best.beats };
}

for (const name of ['119', '208', '106']) {
  test(`a PVC-rich MIT-BIH slice (${name}, 60 s without noise marks) is judged usable: ectopic beats are not noise`, async () => {
    const { rec, vCount, beatCount } = await pvcRichSlice(name);
    // The slice must really be PVC-rich for the test to mean anything (119: bigeminy; 208: couplets and fusion; 106: frequent PVCs).
    assert.ok(vCount >= 0.25 * beatCount, `${vCount} V of ${beatCount} beats`);
    const rep = assessQuality(rec, { primaryDetector: (x, fs) => detectBeatsInSignal(x, fs).samples });
    const unusableS = rep.segments.filter((s) => !s.usable).reduce((t, s) => t + s.endSample - s.startSample, 0) / rec.fs;
    // At most one 1 s window in 60 s: the 5 s rule of later stages then has nothing to hide.
    assert.ok(unusableS <= 1, `record unusable for ${unusableS} s`);
    assert.notEqual(rep.verdict, 'unusable');
    // Each usable lead with a normal-sized QRS keeps its PVC windows: at most 2 s of 60 unusable.
    // (A lead whose dominant QRS is under 0.5 mV, as 106's V1 at 0.2 mV with PVCs ten times larger,
    // is measured against that small QRS and still loses PVC windows: a known limit.)
    const checked = rep.leads.filter((l) => l.verdict !== 'unusable' && (l.indices.qrsAmplitudeMv ?? 0) >= 0.5);
    assert.ok(checked.length >= 1, 'no usable lead with a normal-sized QRS to check');
    for (const l of checked) assert.ok(l.indices.unusableFraction * SLICE_S <= 2, `${l.lead}: ${l.indices.unusableFraction * SLICE_S} s unusable`);
    // Lead 0 (MLII) learns the ventricular morphology as a template of its own.
    const x = rec.leads[0].samples;
    const beats = curveLengthBeats(x, rec.fs);
    const fit = fitBeatTemplate(x, rec.fs, beats, beats);
    assert.ok(fit !== null && fit.extraTemplates.length >= 1, 'no ectopic template learnt');
    const ectopic = fit.ectopicBeats.reduce((t, v) => t + v, 0);
    assert.ok(ectopic >= 0.5 * vCount, `${ectopic} beats fitted by an ectopic template, ${vCount} V annotated`);
  });
}
