/**
 * Rhythm label of a short single-lead strip (9-60 s, as from a handheld device; the CinC 2017
 * task): normal sinus rhythm, atrial fibrillation, other rhythm, or too noisy to tell.
 */
import { SinusError } from '../../errors.js';
import type { EcgRecord } from '../../record/types.js';
import { detectBeats } from '../../beats/index.js';
import { runModel, type LoadedModel } from '../onnx/modelRunner.js';
import { qrsConsistencyByBeat } from '../rhythm/qrsConsistency.js';
import { STRIP_FEATURE_COUNT, STRIP_SCALAR_FEATURES, stripFeatures } from './stripFeatures.js';
import { stripWaveformInput } from './stripWaveformInput.js';

/** The four classes the strip models score (CinC 2017: N, A, O, ~). */
export type StripModelLabel = 'normal' | 'af' | 'other' | 'noisy';
/**
 * A strip's label: one of the model's classes, or 'undetermined' ("cannot determine") when there is
 * too little to judge (under 9 s, flat, mostly missing, fewer than 3 beats). 'noisy' means the signal
 * is there but noise or artefact hides the rhythm.
 */
export type StripLabel = StripModelLabel | 'undetermined';

/** Shortest strip that is classified; the model was trained on 9-61 s strips. */
export const MIN_STRIP_S = 9;
/** Longer strips are classified on their first 60 s. */
export const MAX_STRIP_S = 60;
/** File name of the shipped model in `models/`. */
export const STRIP_RHYTHM_MODEL = 'strip-rhythm.onnx';
/** File name of the shipped waveform CNN in `models/` (ensembled with the feature model). */
export const STRIP_RHYTHM_CNN_MODEL = 'strip-rhythm-cnn.onnx';
/**
 * Weight of the waveform CNN's probabilities in the ensemble (the feature MLP gets the rest);
 * chosen by 5-fold cross-validation on A00001-A02400 (models/strip-rhythm.md).
 */
export const STRIP_CNN_WEIGHT = 0.5;

export interface StripRhythm {
  label: StripLabel;
  /** Probabilities of the four model classes (sum 1; all 0 for an 'undetermined' strip). */
  probabilities: Record<StripModelLabel, number>;
  /**
   * False when the strip could not be classified at all; label is then 'undetermined' (too short,
   * flat, missing, too few beats) or 'noisy' (beats that do not resemble each other, a record the
   * quality stage rejects as noise).
   */
  determinable: boolean;
  /** Why this label, in words. */
  reason: string;
  /** 'model' (the ONNX model on strip features, with the waveform CNN when given) or 'rules' (the classical feature baseline). */
  method: 'model' | 'rules';
  /** True when the waveform CNN's probabilities were averaged in (`waveformModel` given). */
  usedWaveformModel: boolean;
  beatCount: number;
  lead: string | null;
}

export interface ClassifyStripOptions {
  /** The strip model loaded with a ModelRunner; without it the rule baseline decides. */
  model?: LoadedModel;
  /**
   * The waveform CNN ({@link STRIP_RHYTHM_CNN_MODEL}); with `model` too, their probabilities are
   * averaged with weight {@link STRIP_CNN_WEIGHT}. Ignored without `model`.
   */
  waveformModel?: LoadedModel;
  /** Lead to use; default the first recorded lead. */
  lead?: string;
}

/** Median QRS correlation with neighbouring beats below which a strip is taken as noise. */
const MIN_QRS_CONSISTENCY = 0.5;
const LABELS: StripModelLabel[] = ['normal', 'af', 'other', 'noisy'];
const idx = (name: (typeof STRIP_SCALAR_FEATURES)[number]): number => STRIP_SCALAR_FEATURES.indexOf(name);

/**
 * Classifies a short strip. Never throws for a bad signal: a strip shorter than 9 s, flat, mostly
 * missing or with fewer than 3 beats comes back 'undetermined', one whose beats do not resemble each
 * other 'noisy', both with `determinable: false` and the reason. Throws
 * {@link SinusError} BAD_ARGUMENT for a lead name the record lacks.
 *
 * @example
 * // Node: the shipped model through onnxruntime-node
 * const model = await loadModel(nodeModelRunner(), shippedModelPath(STRIP_RHYTHM_MODEL));
 * const r = await classifyStrip(await openRecord('A00004.hea'), { model });
 * console.log(r.label, r.probabilities.af, r.reason);
 */
export async function classifyStrip(record: EcgRecord, options: ClassifyStripOptions = {}): Promise<StripRhythm> {
  const fs = record.fs;
  const lead = options.lead
    ? record.leads.find((l) => l.name === options.lead || l.originalName === options.lead)
    : record.leads.find((l) => !l.derived) ?? record.leads[0];
  if (options.lead && !lead) throw new SinusError('BAD_ARGUMENT', `record has no lead "${options.lead}"`);
  const cannot = (reason: string, beats = 0, label: 'noisy' | 'undetermined' = 'undetermined'): StripRhythm => stripNotDeterminable(reason, lead?.name ?? null, beats, label);
  if (!lead) return cannot('record has no leads');
  if (!(fs > 0)) throw new SinusError('BAD_ARGUMENT', `sampling rate must be positive, got ${fs}`);
  const durationS = record.length / fs;
  if (durationS < MIN_STRIP_S) return cannot(`strip is ${durationS.toFixed(1)} s; at least ${MIN_STRIP_S} s are needed to judge a rhythm`);
  const n = Math.min(record.length, Math.round(MAX_STRIP_S * fs));
  let signal = lead.samples.subarray(0, n);
  // An infinite sample (an overflowed gain, a corrupt value) is a missing one, like NaN: the band-pass
  // filters would otherwise spread it over the whole strip and the models would answer NaN.
  if (signal.some((v) => v === Infinity || v === -Infinity)) signal = signal.map((v) => (Number.isFinite(v) ? v : NaN));
  let finite = 0, lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) { const v = signal[i]; if (v === v) { finite++; if (v < lo) lo = v; if (v > hi) hi = v; } }
  if (finite < 0.5 * n) return cannot('more than half of the strip is missing (NaN)');
  if (!(hi - lo > 0.02)) return cannot('flat line: no ECG activity above 0.02 mV');
  const sub: EcgRecord = { ...record, leads: [{ ...lead, samples: signal }], length: n };
  const detection = detectBeats(sub);
  const beats = detection.samples;
  if (beats.length < 3) return cannot(`only ${beats.length} beat(s) found${detection.reason ? ` (${detection.reason})` : ''}: cannot determine the rhythm`, beats.length);
  // The model never saw white noise or a detector firing at random: "beats" that do not resemble
  // each other, or an impossible rate, are refused before the model is asked.
  const qc = Array.from(qrsConsistencyByBeat(signal, fs, beats)).filter((v) => v === v).sort((a, b) => a - b);
  const consistency = qc.length ? qc[qc.length >> 1] : NaN;
  if (!(consistency >= MIN_QRS_CONSISTENCY)) {
    return cannot(`the ${beats.length} detected beats do not resemble each other (median QRS correlation ${consistency.toFixed(2)}): noise or artefact`, beats.length, 'noisy');
  }
  const f = stripFeatures(signal, fs, beats);
  const suffix = durationS > MAX_STRIP_S ? ` (first ${MAX_STRIP_S} s of ${durationS.toFixed(0)} s)` : '';
  if (options.model) {
    const out = await runModel(options.model, { [options.model.inputNames[0]]: { dims: [1, STRIP_FEATURE_COUNT], data: f } });
    let p = out[options.model.outputNames[0]].data;
    let by = 'model';
    if (options.waveformModel) {
      const w = stripWaveformInput(signal, fs);
      const cnnOut = await runModel(options.waveformModel, { [options.waveformModel.inputNames[0]]: { dims: [1, 1, w.length], data: w } });
      const q = cnnOut[options.waveformModel.outputNames[0]].data;
      p = Float32Array.from({ length: 4 }, (_, k) => (1 - STRIP_CNN_WEIGHT) * p[k] + STRIP_CNN_WEIGHT * q[k]);
      by = 'feature model + waveform CNN';
    }
    if (!Array.from(p.subarray(0, 4)).every(Number.isFinite)) return cannot(`the model gave no finite probabilities on ${beats.length} beats`, beats.length);
    const probabilities = { normal: p[0], af: p[1], other: p[2], noisy: p[3] };
    let best = 0;
    for (let k = 1; k < 4; k++) if (p[k] > p[best]) best = k;
    return { label: LABELS[best], probabilities, determinable: true, reason: `${by} on ${beats.length} beats: ${describe(f)}${suffix}`, method: 'model', usedWaveformModel: !!options.waveformModel, beatCount: beats.length, lead: lead.name };
  }
  const r = ruleLabel(f);
  return { ...r, determinable: true, reason: `${r.reason}; ${describe(f)}${suffix}`, method: 'rules', usedWaveformModel: false, beatCount: beats.length, lead: lead.name };
}

/**
 * The answer for a strip whose rhythm cannot be judged: `determinable: false`, the reason, and the
 * label 'undetermined' (too little to judge, the default) or 'noisy' (noise hides the rhythm; also
 * used by `analyze()` when the quality stage rejects the whole record as noise).
 *
 * @example stripNotDeterminable('strip is 0.0 s; at least 9 s are needed', 'II'); // label 'undetermined'
 */
export function stripNotDeterminable(reason: string, lead: string | null, beatCount = 0, label: 'noisy' | 'undetermined' = 'undetermined'): StripRhythm {
  const probabilities = { normal: 0, af: 0, other: 0, noisy: label === 'noisy' ? 1 : 0 };
  return { label, probabilities, determinable: false, reason, method: 'rules', usedWaveformModel: false, beatCount, lead };
}

/**
 * The classical baseline: thresholds on RR irregularity (beats unlike the dominant QRS left out),
 * turning points and P-wave consistency (AF criteria after Dash et al. 2009), rate (sinus
 * 50-100 bpm) and the rate cross-check. Thresholds were read off the CinC 2017 training part
 * (A00001-A02100): on handheld strips P waves are often too faint to require them for "normal".
 *
 * @example
 * ruleLabel(stripFeatures(lead.samples, 300, beats)).label; // 'normal' | 'af' | 'other' | 'noisy'
 */
export function ruleLabel(f: Float32Array): { label: StripModelLabel; probabilities: Record<StripModelLabel, number>; reason: string } {
  const irr = f[idx('irregularityDominantQrs')], tpr = f[idx('turningPointRatio')], pc = f[idx('pWaveConsistencyDominantQrs')];
  const rate = f[idx('rateBpm')], mismatch = Math.abs(f[idx('rateMismatch')]), corr = f[idx('beatCorrMedian')];
  const soft = (label: StripModelLabel, reason: string): { label: StripModelLabel; probabilities: Record<StripModelLabel, number>; reason: string } => {
    const probabilities = { normal: 0.1, af: 0.1, other: 0.1, noisy: 0.1 };
    probabilities[label] = 0.7;
    return { label, probabilities, reason };
  };
  if (mismatch > 0.35 || corr < 0.5) return soft('noisy', 'beats disagree with the signal period or with each other');
  if (irr > 0.08 && tpr > 0.5 && pc < 0.3) return soft('af', 'irregularly irregular RR without consistent P waves');
  if (irr < 0.06 && rate >= 50 && rate <= 100 && f[idx('unlikeQrsShare')] < 0.1) return soft('normal', 'regular rhythm at 50-100 bpm, one QRS shape');
  return soft('other', 'neither regular sinus rhythm at 50-100 bpm nor AF');
}

function describe(f: Float32Array): string {
  return `rate ${f[idx('rateBpm')].toFixed(0)} bpm, RR irregularity ${f[idx('irregularityAll')].toFixed(3)}, P-wave consistency ${f[idx('pWaveConsistency')].toFixed(2)}`;
}
