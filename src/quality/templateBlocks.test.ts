import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readWfdbRecord } from '../io/wfdb/readRecord.js';
import { nodeFileSource } from '../io/nodeFileSource.js';
import type { EcgRecord } from '../record/types.js';
import { MITDB } from '../../test/dataPaths.js';
import { assessQuality } from './assessQuality.js';
import { detectBeatsInSignal } from '../beats/index.js';
import { fitBeatTemplatesByBlock } from './fitBeatTemplatesByBlock.js';
import { fitBeatTemplate } from './beatTemplate.js';

const PART_S = 180;
// Six patients, each with its own beat shape (sinus, paced, bigeminy, multiform PVCs, paced + PVCs,
// bundle-branch block): a stand-in for the shape changes of a Holter day, clean stretches only.
const PARTS: Array<[string, number]> = [['100', 0], ['107', 600], ['119', 0], ['208', 900], ['217', 300], ['231', 0]];

const unusableS = (rec: EcgRecord) => {
  const rep = assessQuality(rec, { primaryDetector: (x, fs) => detectBeatsInSignal(x, fs).samples });
  return rep.segments.filter((s) => !s.usable).reduce((t, s) => t + s.endSample - s.startSample, 0) / rec.fs;
};

test('a long record whose beat shape changes: each 2-min block has its own templates, so a new shape is not noise', async (t) => {
  const src = nodeFileSource(MITDB);
  const parts: EcgRecord[] = [];
  for (const [name, fromS] of PARTS) {
    const r = await readWfdbRecord(name, src);
    const a = fromS * r.fs, n = PART_S * r.fs;
    parts.push({ ...r, length: n, leads: r.leads.slice(0, 1).map((l) => ({ ...l, name: 'ch1', samples: l.samples.slice(a, a + n), raw: undefined })), annotations: [] });
  }
  const fs = parts[0].fs;
  const joined = new Float32Array(parts.reduce((s, p) => s + p.length, 0));
  parts.reduce((at, p) => (joined.set(p.leads[0].samples, at), at + p.length), 0);
  const day: EcgRecord = { ...parts[0], name: 'six', length: joined.length, leads: [{ ...parts[0].leads[0], samples: joined }] };
  const own = parts.reduce((s, p) => s + unusableS(p), 0);
  const together = unusableS(day);
  t.diagnostic(`unusable: joined ${together} s, the parts alone ${own} s`);
  // Each part on its own is the reference; the joined record may add at most a window per border.
  assert.ok(together <= own + PARTS.length, `joined ${together} s unusable, parts alone ${own} s`);

  // The block fit explains the shapes a single whole-record fit cannot (at most 3 ectopic templates).
  const beats = detectBeatsInSignal(joined, fs).samples;
  const single = fitBeatTemplate(joined, fs, beats, beats)!;
  const singleResidual = Float32Array.from(single.residual);
  const blocks = fitBeatTemplatesByBlock(joined, fs, beats, beats, PART_S)!;
  const rms = (r: Float32Array) => Math.sqrt(r.reduce((s, v) => s + v * v, 0) / r.length);
  assert.ok(rms(blocks.residual) < rms(singleResidual), `residual RMS ${rms(blocks.residual)} vs single fit ${rms(singleResidual)}`);
  assert.equal(blocks.ectopicBeats.length, beats.length);
});

test('a lead shorter than 1.5 blocks gets exactly the single fit', async () => {
  const r = await readWfdbRecord('119', nodeFileSource(MITDB));
  const x = r.leads[0].samples.slice(0, 120 * r.fs);
  const beats = detectBeatsInSignal(x, r.fs).samples;
  const single = fitBeatTemplate(x, r.fs, beats, beats)!;
  const copy = { residual: Float32Array.from(single.residual), ectopic: Array.from(single.ectopicBeats), r: single.meanCorrelation };
  const viaBlocks = fitBeatTemplatesByBlock(x, r.fs, beats, beats, 100)!;
  assert.deepEqual(Array.from(viaBlocks.residual), Array.from(copy.residual));
  assert.deepEqual(Array.from(viaBlocks.ectopicBeats), copy.ectopic);
  assert.equal(viaBlocks.meanCorrelation, copy.r);
});
