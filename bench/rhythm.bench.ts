/**
 * Rhythm benchmark.
 * (a) MIT-BIH Arrhythmia: episode Se/+P and duration Se/+P (epicmp style) for AF, VT, VFL, SVTA
 *     against the .atr rhythm annotations, whole records, paced records 102 104 107 217 left out;
 *     with the reference beats and their AAMI classes, with detectBeats and no classes, and with
 *     detectBeats + classifyBeats (CNN).
 * (b) CinC 2017 held-back part A02401-A03000: F1 of N, A, O and their mean (challenge scoring).
 * Usage: tsx bench/rhythm.bench.ts [--mitdb-only | --cinc-only] [--verbose]
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { nodeFileSource } from '../src/io/nodeFileSource.js';
import { readWfdbRecord } from '../src/io/wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../src/io/wfdb/readAnnotations.js';
import { aamiClass, BEAT_CODES } from '../src/io/wfdb/annotationCodes.js';
import { detectBeats } from '../src/beats/index.js';
import { beatCnnModel } from '../src/classify/beatCnn.js';
import { classifyBeats } from '../src/classify/classifyBeats.js';
import { analyzeRhythm } from '../src/classify/rhythm/analyzeRhythm.js';
import type { RhythmLabel } from '../src/classify/rhythm/types.js';
import { addEpisodeCounts, episodeCounts, episodeStatistics, rhythmSpansFromAnnotations, type EpisodeCounts, type Span } from '../src/eval/rhythmEpisodeScores.js';
import { CINC2017, MITDB } from '../test/dataPaths.js';
import { classifyStrip, STRIP_RHYTHM_MODEL, type StripLabel } from '../src/classify/strip/classifyStrip.js';
import { loadModel } from '../src/classify/onnx/modelRunner.js';
import { nodeModelRunner, shippedModelPath } from '../src/classify/onnx/onnxRunner.node.js';

const MITDB_RECORDS = '100 101 103 105 106 108 109 111 112 113 114 115 116 117 118 119 121 122 123 124 200 201 202 203 205 207 208 209 210 212 213 214 215 219 220 221 222 223 228 230 231 232 233 234'.split(' ');
const LABELS: Array<[string, RhythmLabel]> = [['(AFIB', 'atrial_fibrillation'], ['(AFL', 'atrial_flutter'], ['(VT', 'ventricular_tachycardia'], ['(VFL', 'ventricular_flutter_fibrillation'], ['(SVTA', 'svta']];

const args = process.argv.slice(2);
const f = (x: number | null): string => (x === null ? '   - ' : x.toFixed(1).padStart(5));

async function benchMitdb(beatSource: 'reference' | 'detected' | 'detected+classes'): Promise<void> {
  // Beat classes from the beat-class stage: its CNN when the model is shipped, else its
  // feature baseline (pure TypeScript).
  let beatModel: Awaited<ReturnType<typeof beatCnnModel>> | null = null;
  let beatMethod: 'cnn' | 'features' = 'features';
  if (beatSource === 'detected+classes') {
    try { beatModel = await beatCnnModel(nodeModelRunner()); beatMethod = 'cnn'; } catch { beatModel = null; }
  }
  const zero = (): EpisodeCounts => ({ refEpisodes: 0, refDetected: 0, testEpisodes: 0, testConfirmed: 0, refSamples: 0, testSamples: 0, overlapSamples: 0 });
  const any = new Map(LABELS.map(([a]) => [a, zero()]));
  const half = new Map(LABELS.map(([a]) => [a, zero()]));
  const src = nodeFileSource(MITDB);
  const t0 = performance.now();
  let analysisMs = 0;
  const perRecord: string[] = [];
  for (const name of MITDB_RECORDS) {
    const rec = await readWfdbRecord(name, src);
    const atr = (await readWfdbAnnotationSets(name, ['atr'], src))[0].annotations;
    const beatAnn = atr.filter((a) => BEAT_CODES.has(a.code));
    let beats = Int32Array.from(beatAnn.map((a) => a.sample));
    let classes: string[] | undefined = beatAnn.map((a) => aamiClass(a.code) ?? 'Q');
    if (beatSource !== 'reference') {
      beats = detectBeats(rec).samples;
      classes = beatSource === 'detected+classes' ? (await classifyBeats(rec, beats, beatModel ? { method: 'cnn', model: beatModel } : { method: 'features' })).labels : undefined;
    }
    const t1 = performance.now();
    const res = analyzeRhythm({ fsHz: rec.fs, beatSamples: beats, beatClasses: classes, signal: rec.leads[0].samples });
    analysisMs += performance.now() - t1;
    const ref = rhythmSpansFromAnnotations(atr, rec.length);
    const cells: string[] = [];
    for (const [aux, label] of LABELS) {
      const r = ref.get(aux) ?? [];
      const t: Span[] = res.episodes.filter((e) => e.label === label);
      any.set(aux, addEpisodeCounts(any.get(aux)!, episodeCounts(r, t, 0)));
      half.set(aux, addEpisodeCounts(half.get(aux)!, episodeCounts(r, t, 0.5)));
      if (r.length || t.length) cells.push(`${aux.slice(1)} ref ${r.length} test ${t.length} hit ${episodeCounts(r, t).refDetected}`);
    }
    if (cells.length) perRecord.push(`${name}: ${cells.join('; ')}`);
  }
  if (args.includes('--verbose')) console.log(perRecord.join('\n'));
  const what = beatSource === 'reference' ? 'reference beats + reference AAMI classes'
    : beatSource === 'detected' ? 'beats from detectBeats (both leads), no beat classes'
    : `beats from detectBeats + classes from classifyBeats (${beatMethod}, trained on DS1: DS1 records are not inter-patient here)`;
  console.log(`\nMIT-BIH rhythm episodes (44 non-paced records, whole records, ${what}, lead 0 signal)`);
  console.log('label  | refEp testEp | ESe(any) E+P(any) | ESe(50%) E+P(50%) | DurSe  Dur+P');
  for (const [aux] of LABELS) {
    const a = episodeStatistics(any.get(aux)!), h = episodeStatistics(half.get(aux)!);
    const c = any.get(aux)!;
    console.log(`${aux.padEnd(6)} | ${String(c.refEpisodes).padStart(5)} ${String(c.testEpisodes).padStart(6)} | ${f(a.episodeSe)}    ${f(a.episodePp)}    | ${f(h.episodeSe)}    ${f(h.episodePp)}    | ${f(a.durationSe)} ${f(a.durationPp)}`);
  }
  console.log(`analysis time: ${(analysisMs / MITDB_RECORDS.length).toFixed(0)} ms per 30-min record (total run ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

async function benchCinc(): Promise<void> {
  const refs = readFileSync(join(CINC2017, 'REFERENCE.csv'), 'utf8').trim().split('\n').map((l) => l.trim().split(','))
    .filter(([name]) => Number(name.slice(1)) >= 2401);
  const src = nodeFileSource(CINC2017);
  const model = await loadModel(nodeModelRunner(), shippedModelPath(STRIP_RHYTHM_MODEL));
  const code: Record<StripLabel, string> = { normal: 'N', af: 'A', other: 'O', noisy: '~' };
  const classes = ['N', 'A', 'O', '~'];
  const confusion = { model: classes.map(() => classes.map(() => 0)), rules: classes.map(() => classes.map(() => 0)) };
  let ms = 0;
  for (const [name, label] of refs) {
    const rec = await readWfdbRecord(name, src);
    const t = performance.now();
    const m = await classifyStrip(rec, { model });
    ms += performance.now() - t;
    const r = await classifyStrip(rec);
    confusion.model[classes.indexOf(label)][classes.indexOf(code[m.label])]++;
    confusion.rules[classes.indexOf(label)][classes.indexOf(code[r.label])]++;
  }
  console.log(`\nCinC 2017 held-back part A02401-A03000 (${refs.length} records; trained on A00001-A02400), challenge F1`);
  console.log('method              |   F1 N   F1 A   F1 O  | mean(N,A,O) | F1 ~');
  for (const [method, c] of Object.entries(confusion)) {
    const f1 = classes.map((_, k) => {
      const tp = c[k][k];
      const refCount = c[k].reduce((a, b) => a + b, 0);
      const predCount = c.reduce((a, row) => a + row[k], 0);
      return refCount + predCount ? (2 * tp) / (refCount + predCount) : 0;
    });
    const name = method === 'model' ? 'ONNX MLP (features)' : 'rules (baseline)';
    console.log(`${name.padEnd(19)} | ${f1.slice(0, 3).map((v) => v.toFixed(3).padStart(6)).join(' ')} |    ${((f1[0] + f1[1] + f1[2]) / 3).toFixed(3)}    | ${f1[3].toFixed(3)}`);
    if (args.includes('--verbose')) console.log('  confusion (rows ref N A O ~, cols predicted):', JSON.stringify(c));
  }
  console.log(`strip time (model, incl. beat detection): ${(ms / refs.length).toFixed(1)} ms per strip`);
  await model.release();
}

if (!args.includes('--cinc-only')) {
  await benchMitdb('reference');
  await benchMitdb('detected');
  await benchMitdb('detected+classes');
}
if (!args.includes('--mitdb-only')) await benchCinc();
