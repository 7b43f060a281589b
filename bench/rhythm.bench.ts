/**
 * Rhythm benchmark.
 * (a) MIT-BIH Arrhythmia: episode Se/+P and duration Se/+P (epicmp style) for AF, VT, VFL, SVTA
 *     against the .atr rhythm annotations, whole records, paced records 102 104 107 217 left out;
 *     with the reference beats and their AAMI classes, with detectBeats and no classes, and with
 *     detectBeats + classifyBeats (CNN).
 * (a') The pipeline's own beats and classes as analyze() makes them (detectBeats, classifyBeats
 *     'mlp'), without the quality stage's unusable spans, and with them as analyze() uses them
 *     (beats in spans >= MIN_UNREADABLE_S dropped before classification, spans given to
 *     analyzeRhythm): VT/AF episode scores, PVC count error per record against the reference V
 *     beats, and the unusable time against MIT-BIH's own noise annotations ('~', subtype bits).
 * (b) CinC 2017 held-back part A02401-A03000: F1 of N, A, O and their mean (challenge scoring).
 * AF and flutter are also reported for DS1 (where their rules were tuned) and DS2 apart, each
 * without and with the strip models' second opinion on AF episodes (afStripOpinion.ts), with its cost.
 * Usage: tsx bench/rhythm.bench.ts [--mitdb-only | --cinc-only | --quality-only] [--ds1-only] [--verbose]
 * (--ds1-only reads the DS1 records alone: development runs that are no look at DS2; --opinions prints
 * every AF episode's strip-model scores).
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { nodeFileSource } from '../src/io/nodeFileSource.js';
import { readWfdbRecord } from '../src/io/wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../src/io/wfdb/readAnnotations.js';
import { aamiClass, BEAT_CODES } from '../src/io/wfdb/annotationCodes.js';
import { detectBeats, detectBeatsInSignal } from '../src/beats/index.js';
import { assessQuality, unusableSegments } from '../src/quality/index.js';
import type { Annotation } from '../src/record/types.js';
import { beatCnnModel } from '../src/classify/beatCnn.js';
import { classifyBeats } from '../src/classify/classifyBeats.js';
import { analyzeRhythm, MIN_UNREADABLE_S } from '../src/classify/rhythm/analyzeRhythm.js';
import { reviewAfWithStripOpinion, type StripOpinionModels } from '../src/classify/rhythm/afStripOpinion.js';
import type { RhythmLabel } from '../src/classify/rhythm/types.js';
import { addEpisodeCounts, episodeCounts, episodeStatistics, rhythmSpansFromAnnotations, type EpisodeCounts, type Span } from '../src/eval/rhythmEpisodeScores.js';
import { CINC2017, MITDB } from '../test/dataPaths.js';
import { classifyStrip, STRIP_RHYTHM_CNN_MODEL, STRIP_RHYTHM_MODEL, type StripLabel } from '../src/classify/strip/classifyStrip.js';
import { loadModel } from '../src/classify/onnx/modelRunner.js';
import { nodeModelRunner, shippedModelPath } from '../src/classify/onnx/onnxRunner.node.js';

/** de Chazal et al. 2004 DS1 (the development half for the rhythm rules); the rest is DS2. */
const DS1 = new Set('101 106 108 109 112 114 115 116 118 119 122 124 201 203 205 207 208 209 215 220 223 230'.split(' '));
const args = process.argv.slice(2);
/** `--ds1-only`: development runs read DS1 alone, so they are no look at DS2. */
const MITDB_RECORDS = '100 101 103 105 106 108 109 111 112 113 114 115 116 117 118 119 121 122 123 124 200 201 202 203 205 207 208 209 210 212 213 214 215 219 220 221 222 223 228 230 231 232 233 234'.split(' ')
  .filter((r) => !args.includes('--ds1-only') || DS1.has(r));
/** The strip rhythm models (CinC 2017), for the second opinion on AF episodes (afStripOpinion.ts). */
let stripModels: Promise<StripOpinionModels> | undefined;
const opinionModels = (): Promise<StripOpinionModels> => (stripModels ??= (async () => ({
  model: await loadModel(nodeModelRunner(), shippedModelPath(STRIP_RHYTHM_MODEL)),
  waveformModel: await loadModel(nodeModelRunner(), shippedModelPath(STRIP_RHYTHM_CNN_MODEL)),
}))());
/** AF/AFL rows with and without the strip-model second opinion, all records and DS1 / DS2 apart. */
class OpinionScores {
  private readonly counts = new Map<string, EpisodeCounts>();
  opinionMs = 0;
  windows = 0;
  vetoed = 0;
  records = 0;
  add(key: string, c: EpisodeCounts): void {
    const z: EpisodeCounts = { refEpisodes: 0, refDetected: 0, testEpisodes: 0, testConfirmed: 0, refSamples: 0, testSamples: 0, overlapSamples: 0 };
    this.counts.set(key, addEpisodeCounts(this.counts.get(key) ?? z, c));
  }
  score(name: string, ref: Map<string, Span[]>, without: Array<Span & { label: string }>, withOpinion: Array<Span & { label: string }>): void {
    for (const [aux, label] of LABELS.slice(0, 2)) {
      const r = ref.get(aux) ?? [];
      for (const [mode, eps] of [['without', without], ['with', withOpinion]] as const) {
        const c = episodeCounts(r, eps.filter((e) => e.label === label), 0);
        this.add(`${aux} ${mode} all`, c);
        this.add(`${aux} ${mode} ${DS1.has(name) ? 'DS1' : 'DS2'}`, c);
      }
    }
  }
  print(title: string): void {
    console.log(`\n${title}: AF second opinion from the strip models (overlap "any")`);
    console.log('label  | opinion | split | refEp testEp | ESe    E+P   | DurSe  Dur+P');
    for (const [aux] of LABELS.slice(0, 2)) for (const split of ['all', 'DS1', 'DS2']) for (const mode of ['without', 'with']) {
      const c = this.counts.get(`${aux} ${mode} ${split}`);
      if (!c) continue;
      const a = episodeStatistics(c);
      console.log(`${aux.padEnd(6)} | ${mode.padEnd(7)} | ${split.padEnd(5)} | ${String(c.refEpisodes).padStart(5)} ${String(c.testEpisodes).padStart(6)} | ${f(a.episodeSe)} ${f(a.episodePp)} | ${f(a.durationSe)} ${f(a.durationPp)}`);
    }
    console.log(`second opinion: ${this.windows} windows read, ${this.vetoed} AF episodes vetoed, ${(this.opinionMs / Math.max(1, this.records)).toFixed(0)} ms per 30-min record (max ${this.maxMs.toFixed(0)} ms)`);
  }
  maxMs = 0;
  /** Asks the strip models about `res`'s AF episodes, times it, scores both and logs each veto (--verbose). */
  async review(name: string, input: Parameters<typeof reviewAfWithStripOpinion>[0], res: Parameters<typeof reviewAfWithStripOpinion>[1], ref: Map<string, Span[]>): Promise<void> {
    const models = await opinionModels(); // loaded once, outside the timing
    const t0 = performance.now();
    const reviewed = await reviewAfWithStripOpinion(input, res, models);
    const ms = performance.now() - t0;
    this.opinionMs += ms; this.records++; this.maxMs = Math.max(this.maxMs, ms);
    this.windows += reviewed.afOpinions.reduce((s, o) => s + o.windowAfProbabilities.length, 0);
    this.vetoed += reviewed.afOpinions.filter((o) => o.vetoed).length;
    this.score(name, ref, res.episodes, reviewed.episodes);
    // --opinions: every AF episode's window scores and whether the reference has AF there (how the veto bar was set).
    if (args.includes('--opinions')) for (const o of reviewed.afOpinions) {
      const trueAf = (ref.get('(AFIB') ?? []).some((r) => r.startSample < o.endSample && r.endSample > o.startSample);
      const scores = o.windowAfProbabilities.filter((q): q is number => q !== null);
      console.log(`opinion ${name} ${(o.startSample / input.fsHz).toFixed(0)}-${(o.endSample / input.fsHz).toFixed(0)} s reference AF ${trueAf ? 'yes' : 'no'} max P(AF) ${scores.length ? Math.max(...scores).toFixed(3) : '-'}`);
    }
    for (const o of reviewed.afOpinions) if (o.vetoed && args.includes('--verbose')) console.log(`${name}: AF ${(o.startSample / input.fsHz).toFixed(0)}-${(o.endSample / input.fsHz).toFixed(0)} s vetoed, P(AF) ${o.windowAfProbabilities.map((q) => (q === null ? '-' : q.toFixed(2))).join(' ')}`);
  }
}
const LABELS: Array<[string, RhythmLabel]> = [['(AFIB', 'atrial_fibrillation'], ['(AFL', 'atrial_flutter'], ['(VT', 'ventricular_tachycardia'], ['(VFL', 'ventricular_flutter_fibrillation'], ['(SVTA', 'svta']];

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
  // AF/flutter rules were tuned on de Chazal's DS1 half only: report DS1 and DS2 apart as well.
  const bySplit = { DS1: new Map(LABELS.map(([a]) => [a, zero()])), DS2: new Map(LABELS.map(([a]) => [a, zero()])) };
  const half = new Map(LABELS.map(([a]) => [a, zero()]));
  const src = nodeFileSource(MITDB);
  const t0 = performance.now();
  let analysisMs = 0;
  const perRecord: string[] = [];
  const opinion = new OpinionScores();
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
    const input = { fsHz: rec.fs, beatSamples: beats, beatClasses: classes, signal: rec.leads[0].samples };
    const res = analyzeRhythm(input);
    analysisMs += performance.now() - t1;
    const ref = rhythmSpansFromAnnotations(atr, rec.length);
    await opinion.review(name, input, res, ref);
    const cells: string[] = [];
    for (const [aux, label] of LABELS) {
      const r = ref.get(aux) ?? [];
      const t: Span[] = res.episodes.filter((e) => e.label === label);
      any.set(aux, addEpisodeCounts(any.get(aux)!, episodeCounts(r, t, 0)));
      const split = bySplit[DS1.has(name) ? 'DS1' : 'DS2'];
      split.set(aux, addEpisodeCounts(split.get(aux)!, episodeCounts(r, t, 0)));
      half.set(aux, addEpisodeCounts(half.get(aux)!, episodeCounts(r, t, 0.5)));
      if (r.length || t.length) cells.push(`${aux.slice(1)} ref ${r.length} test ${t.length} hit ${episodeCounts(r, t).refDetected}`);
    }
    if (cells.length) perRecord.push(`${name}: ${cells.join('; ')}`);
  }
  if (args.includes('--verbose')) console.log(perRecord.join('\n'));
  const what = beatSource === 'reference' ? 'reference beats + reference AAMI classes'
    : beatSource === 'detected' ? 'beats from detectBeats (both leads), no beat classes'
    : `beats from detectBeats + classes from classifyBeats (${beatMethod}, trained on DS1: DS1 records are not inter-patient here)`;
  console.log(`\nMIT-BIH rhythm episodes (${MITDB_RECORDS.length} non-paced records, whole records, ${what}, lead 0 signal)`);
  console.log('label  | refEp testEp | ESe(any) E+P(any) | ESe(50%) E+P(50%) | DurSe  Dur+P');
  for (const [aux] of LABELS) {
    const a = episodeStatistics(any.get(aux)!), h = episodeStatistics(half.get(aux)!);
    const c = any.get(aux)!;
    console.log(`${aux.padEnd(6)} | ${String(c.refEpisodes).padStart(5)} ${String(c.testEpisodes).padStart(6)} | ${f(a.episodeSe)}    ${f(a.episodePp)}    | ${f(h.episodeSe)}    ${f(h.episodePp)}    | ${f(a.durationSe)} ${f(a.durationPp)}`);
  }
  for (const [split, m] of Object.entries(bySplit)) for (const aux of ['(AFIB', '(AFL']) {
    const c = m.get(aux)!, a = episodeStatistics(c);
    console.log(`  ${split} ${aux.padEnd(5)} | ${String(c.refEpisodes).padStart(5)} ${String(c.testEpisodes).padStart(6)} | ${f(a.episodeSe)}    ${f(a.episodePp)}    | ${f(a.durationSe)} ${f(a.durationPp)}`);
  }
  console.log(`analysis time: ${(analysisMs / MITDB_RECORDS.length).toFixed(0)} ms per 30-min record (total run ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  opinion.print(what);
}

/**
 * MIT-BIH's own noise spans from '~' annotations: each sets the noise state until the next one.
 * Subtype -1: every signal unreadable; else bits 0-3 noisy signals, bits 4-7 unreadable signals.
 * Returns spans where any signal is noisy, where every one of `channels` signals is noisy or
 * unreadable, and where all are unreadable.
 */
function referenceNoiseSpans(atr: Annotation[], length: number, channels: number): { noisyAny: Span[]; noisyAll: Span[]; unreadableAll: Span[] } {
  const all = (1 << channels) - 1;
  const noisyAny: Span[] = [], noisyAll: Span[] = [], unreadableAll: Span[] = [];
  const marks = atr.filter((a) => a.code === '~');
  marks.forEach((a, k) => {
    const end = marks[k + 1]?.sample ?? length;
    const sub = a.subtype > 127 ? a.subtype - 256 : a.subtype;
    const unreadable = sub === -1 || ((sub >> 4) & all) === all;
    const noisy = unreadable || (((sub & 0xf) | (sub >> 4)) & all) === all;
    if (sub === -1 || (((sub & 0xf) | (sub >> 4)) & all) !== 0) noisyAny.push({ startSample: a.sample, endSample: end });
    if (noisy) noisyAll.push({ startSample: a.sample, endSample: end });
    if (unreadable) unreadableAll.push({ startSample: a.sample, endSample: end });
  });
  return { noisyAny, noisyAll, unreadableAll };
}

function overlapSamples(a: Span[], b: Span[]): number {
  let s = 0;
  for (const x of a) for (const y of b) s += Math.max(0, Math.min(x.endSample, y.endSample) - Math.max(x.startSample, y.startSample));
  return s;
}

async function benchMitdbWithQuality(): Promise<void> {
  const zero = (): EpisodeCounts => ({ refEpisodes: 0, refDetected: 0, testEpisodes: 0, testConfirmed: 0, refSamples: 0, testSamples: 0, overlapSamples: 0 });
  const runs = { without: new Map(LABELS.map(([a]) => [a, zero()])), with: new Map(LABELS.map(([a]) => [a, zero()])) };
  const pvcErr = { without: [] as number[], with: [] as number[] };
  const pvcRows: string[] = [];
  let ourInAny = 0, refAnyS = 0, noiseEpS = 0, noiseEpInAny = 0, noiseEpInAll = 0;
  let ourS = 0, refNoisyS = 0, refUnreadableS = 0, ourInNoisy = 0, unreadableCovered = 0, totalS = 0;
  const src = nodeFileSource(MITDB);
  const t0 = performance.now();
  const opinion = new OpinionScores();
  for (const name of MITDB_RECORDS) {
    const rec = await readWfdbRecord(name, src);
    const atr = (await readWfdbAnnotationSets(name, ['atr'], src))[0].annotations;
    const refV = atr.filter((a) => BEAT_CODES.has(a.code) && aamiClass(a.code) === 'V').length;
    const allBeats = detectBeats(rec).samples;
    // As the pipeline's quality stage runs it by default (src/analyze.ts qualityBeats).
    const quality = assessQuality(rec, { primaryDetector: (x: Float32Array, fs: number) => detectBeatsInSignal(x, fs).samples });
    const unusable = unusableSegments(quality);
    const longSpans = unusable.filter((sp) => sp.endSample - sp.startSample >= MIN_UNREADABLE_S * rec.fs);
    const keptBeats = allBeats.filter((b) => !longSpans.some((sp) => b >= sp.startSample && b < sp.endSample));
    const ref = rhythmSpansFromAnnotations(atr, rec.length);
    const row: string[] = [];
    let noiseEpisodes: Span[] = [];
    for (const mode of ['without', 'with'] as const) {
      const beats = mode === 'with' ? keptBeats : allBeats;
      const classes = (await classifyBeats(rec, beats, { method: 'mlp' })).labels;
      const input = { fsHz: rec.fs, beatSamples: beats, beatClasses: classes, record: rec, lengthSamples: rec.length, unusableSpans: mode === 'with' ? unusable : undefined };
      const res = analyzeRhythm(input);
      if (mode === 'with') {
        await opinion.review(name, input, res, ref);
      }
      for (const [aux, label] of LABELS) {
        const t: Span[] = res.episodes.filter((e) => e.label === label);
        runs[mode].set(aux, addEpisodeCounts(runs[mode].get(aux)!, episodeCounts(ref.get(aux) ?? [], t, 0)));
      }
      if (mode === 'with') noiseEpisodes = res.episodes.filter((e) => e.label === 'noise');
      const pvc = res.holter.pvcCount ?? 0;
      pvcErr[mode].push(Math.abs(pvc - refV));
      row.push(String(pvc).padStart(5));
    }
    const noise = referenceNoiseSpans(atr, rec.length, Math.min(2, rec.leads.length));
    const sum = (x: Span[]) => x.reduce((a, b) => a + b.endSample - b.startSample, 0);
    const ours = sum(unusable);
    ourS += ours / rec.fs; totalS += rec.length / rec.fs;
    refNoisyS += sum(noise.noisyAll) / rec.fs; refUnreadableS += sum(noise.unreadableAll) / rec.fs;
    ourInNoisy += overlapSamples(unusable, noise.noisyAll) / rec.fs;
    ourInAny += overlapSamples(unusable, noise.noisyAny) / rec.fs;
    noiseEpS += sum(noiseEpisodes) / rec.fs;
    noiseEpInAny += overlapSamples(noiseEpisodes, noise.noisyAny) / rec.fs;
    noiseEpInAll += overlapSamples(noiseEpisodes, noise.noisyAll) / rec.fs;
    refAnyS += sum(noise.noisyAny) / rec.fs;
    unreadableCovered += overlapSamples(noise.unreadableAll, unusable) / rec.fs;
    pvcRows.push(`${name}: ref V ${String(refV).padStart(4)} | PVCs without ${row[0]} with ${row[1]} | unusable ${(ours / rec.fs).toFixed(0).padStart(4)} s, MIT-BIH noisy(all ch) ${(sum(noise.noisyAll) / rec.fs).toFixed(0).padStart(4)} s, unreadable ${(sum(noise.unreadableAll) / rec.fs).toFixed(0).padStart(4)} s`);
  }
  if (args.includes('--verbose')) console.log(pvcRows.join('\n'));
  const median = (x: number[]) => { const a = [...x].sort((p, q) => p - q); return a.length % 2 ? a[(a.length - 1) >> 1] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2; };
  const mean = (x: number[]) => x.reduce((a, b) => a + b, 0) / x.length;
  console.log(`\nMIT-BIH rhythm episodes with quality spans (${MITDB_RECORDS.length} non-paced records, whole records, detectBeats + classifyBeats mlp as analyze() runs them, signal of the rhythm lead)`);
  console.log('label  | spans   | refEp testEp | ESe(any) E+P(any) | DurSe  Dur+P');
  for (const [aux] of LABELS) for (const mode of ['without', 'with'] as const) {
    const c = runs[mode].get(aux)!, a = episodeStatistics(c);
    console.log(`${aux.padEnd(6)} | ${mode.padEnd(7)} | ${String(c.refEpisodes).padStart(5)} ${String(c.testEpisodes).padStart(6)} | ${f(a.episodeSe)}    ${f(a.episodePp)}    | ${f(a.durationSe)} ${f(a.durationPp)}`);
  }
  for (const mode of ['without', 'with'] as const) {
    console.log(`PVC count |error| vs reference V beats, ${mode} spans: median ${median(pvcErr[mode]).toFixed(0)}, mean ${mean(pvcErr[mode]).toFixed(1)}, records with error > 20: ${pvcErr[mode].filter((e) => e > 20).length}/${MITDB_RECORDS.length}`);
  }
  console.log(`unusable (no lead usable): ${ourS.toFixed(0)} s of ${totalS.toFixed(0)} s (${((100 * ourS) / totalS).toFixed(2)}%); MIT-BIH noisy in all channels: ${refNoisyS.toFixed(0)} s, unreadable in all: ${refUnreadableS.toFixed(0)} s`);
  console.log(`  MIT-BIH noisy in any channel: ${refAnyS.toFixed(0)} s; share of our unusable time inside it: ${ourS ? ((100 * ourInAny) / ourS).toFixed(1) : '-'}%`);
  console.log(`  share of our unusable time inside MIT-BIH all-channel noise: ${ourS ? ((100 * ourInNoisy) / ourS).toFixed(1) : '-'}%; MIT-BIH unreadable time we call unusable: ${refUnreadableS ? ((100 * unreadableCovered) / refUnreadableS).toFixed(1) : '-'}%`);
  console.log(`rhythm 'noise' episodes: ${noiseEpS.toFixed(0)} s (${((100 * noiseEpS) / totalS).toFixed(2)}%); inside MIT-BIH noise in any channel ${noiseEpS ? ((100 * noiseEpInAny) / noiseEpS).toFixed(1) : '-'}%, in all channels ${noiseEpS ? ((100 * noiseEpInAll) / noiseEpS).toFixed(1) : '-'}%`);
  opinion.print("analyze()'s pipeline with quality spans");
  console.log(`total run ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

async function benchCinc(): Promise<void> {
  const refs = readFileSync(join(CINC2017, 'REFERENCE.csv'), 'utf8').trim().split('\n').map((l) => l.trim().split(','))
    .filter(([name]) => Number(name.slice(1)) >= 2401);
  const src = nodeFileSource(CINC2017);
  const model = await loadModel(nodeModelRunner(), shippedModelPath(STRIP_RHYTHM_MODEL));
  const waveformModel = await loadModel(nodeModelRunner(), shippedModelPath(STRIP_RHYTHM_CNN_MODEL));
  // A strip that cannot be judged is scored as '~' (the challenge has no other class for it).
  const code: Record<StripLabel, string> = { normal: 'N', af: 'A', other: 'O', noisy: '~', undetermined: '~' };
  const classes = ['N', 'A', 'O', '~'];
  const confusion = { model: classes.map(() => classes.map(() => 0)), rules: classes.map(() => classes.map(() => 0)) };
  let ms = 0;
  for (const [name, label] of refs) {
    const rec = await readWfdbRecord(name, src);
    const t = performance.now();
    const m = await classifyStrip(rec, { model, waveformModel });
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
    const name = method === 'model' ? 'ONNX MLP + CNN' : 'rules (baseline)';
    console.log(`${name.padEnd(19)} | ${f1.slice(0, 3).map((v) => v.toFixed(3).padStart(6)).join(' ')} |    ${((f1[0] + f1[1] + f1[2]) / 3).toFixed(3)}    | ${f1[3].toFixed(3)}`);
    if (args.includes('--verbose')) console.log('  confusion (rows ref N A O ~, cols predicted):', JSON.stringify(c));
  }
  console.log(`strip time (model, incl. beat detection): ${(ms / refs.length).toFixed(1)} ms per strip`);
  await model.release();
  await waveformModel.release();
}

if (args.includes('--quality-only')) await benchMitdbWithQuality();
else {
  if (!args.includes('--cinc-only')) {
    await benchMitdb('reference');
    await benchMitdb('detected');
    await benchMitdb('detected+classes');
    await benchMitdbWithQuality();
  }
  if (!args.includes('--mitdb-only')) await benchCinc();
}
