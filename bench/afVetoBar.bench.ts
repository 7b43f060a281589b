/**
 * The AF second opinion's veto bar (AF_VETO_BELOW in src/classify/rhythm/afStripOpinion.ts), by its
 * rule on MIT-BIH DS1 only: every AF episode analyzeRhythm finds over reference AF in 201 and 203 (the
 * DS1 records with AF), with reference beats and classes and with detectBeats alone, is read by the
 * shipped strip models in all its windows; the bar is half the lowest window maximum. Rerun it when
 * a strip model changes.
 *
 * Usage: npx tsx bench/afVetoBar.bench.ts
 */
import { nodeFileSource } from '../src/io/nodeFileSource.js';
import { readWfdbRecord } from '../src/io/wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../src/io/wfdb/readAnnotations.js';
import { BEAT_CODES } from '../src/io/wfdb/annotationCodes.js';
import { detectBeats } from '../src/beats/index.js';
import { rhythmSpansFromAnnotations } from '../src/eval/rhythmEpisodeScores.js';
import { loadModel } from '../src/classify/onnx/modelRunner.js';
import { nodeModelRunner, shippedModelPath } from '../src/classify/onnx/onnxRunner.node.js';
import { STRIP_RHYTHM_CNN_MODEL, STRIP_RHYTHM_MODEL } from '../src/classify/strip/classifyStrip.js';
import { afOpinionWindows, stripAfProbability } from '../src/classify/rhythm/afStripOpinion.js';
import { analyzeRhythm } from '../src/classify/rhythm/analyzeRhythm.js';
import type { BeatClass } from '../src/classify/index.js';
import { MITDB } from '../test/dataPaths.js';
const models = { model: await loadModel(nodeModelRunner(), shippedModelPath(STRIP_RHYTHM_MODEL)), waveformModel: await loadModel(nodeModelRunner(), shippedModelPath(STRIP_RHYTHM_CNN_MODEL)) };
const src = nodeFileSource(MITDB);
const maxes: number[] = [];
for (const name of ['201', '203']) {
  const rec = await readWfdbRecord(name, src);
  const atr = (await readWfdbAnnotationSets(name, ['atr'], src))[0].annotations;
  const af = rhythmSpansFromAnnotations(atr, rec.length).get('(AFIB') ?? [];
  const refBeats = Int32Array.from(atr.filter((a) => BEAT_CODES.has(a.code)).map((a) => a.sample));
  const classes = atr.filter((a) => BEAT_CODES.has(a.code)).map((a) => ('NLRejB'.includes(a.code) ? 'N' : 'aAJS'.includes(a.code) ? 'S' : 'VE'.includes(a.code) ? 'V' : a.code === 'F' ? 'F' : 'Q'));
  for (const [variant, beats, cls] of [['ref', refBeats, classes], ['detect', detectBeats(rec).samples, undefined]] as const) {
    const res = analyzeRhythm({ fsHz: rec.fs, beatSamples: beats, beatClasses: cls as BeatClass[] | undefined, signal: rec.leads[0].samples });
    for (const e of res.episodes.filter((x) => x.label === 'atrial_fibrillation')) {
      if (!af.some((r) => r.startSample < e.endSample && r.endSample > e.startSample)) continue;
      const ps: number[] = [];
      for (const [a, b] of afOpinionWindows(e.startSample, e.endSample, rec.fs, rec.length)) { const q = await stripAfProbability(rec.leads[0].samples, rec.fs, a, b, models); if (q !== null) ps.push(q); }
      if (ps.length) maxes.push(Math.max(...ps));
      if (ps.length && Math.max(...ps) < 0.5) console.log(name, variant, (e.startSample / rec.fs).toFixed(0), (e.endSample / rec.fs).toFixed(0), ps.map((p) => p.toFixed(2)).join(' '));
    }
  }
}
maxes.sort((a, b) => a - b);
console.log('true AF episodes', maxes.length, 'lowest window maxima', maxes.slice(0, 5).map((x) => x.toFixed(3)).join(' '), 'rule bar', (maxes[0] / 2).toFixed(3));
