import { SinusError } from '../errors.js';
import { resample } from '../dsp/resample.js';
import { nstStressMixture } from '../eval/noiseStress.js';
import type { Annotation, EcgRecord } from '../record/types.js';
import { addAtrialWaves } from './atrialWaves.js';
import { beatSchedule, SYNTH_RHYTHMS, type BeatSchedule, type SynthRhythm } from './beatSchedule.js';
import { DOWER_LEADS, dowerTwelveLeads } from './dower.js';
import { kernelAtRr, type BeatMorphology } from './morphology.js';
import { waveExtentsMs } from './waveExtents.js';
import { MORPHOLOGY_PRESETS } from './morphologyPresets.js';
import { seededRandom, type Random } from '../dsp/seededRandom.js';
import { VENTRICULAR_ECTOPIC } from './ventricularMorphology.js';

/** Real noise to add: one NSTDB-style record (any rate; resampled) at an SNR by the NSTDB definition. */
export interface SynthNoise {
  /** 'bw' baseline wander, 'em' electrode motion, 'ma' muscle artefact (names as in the NSTDB). */
  kind: 'bw' | 'em' | 'ma';
  snrDb: number;
  /** The noise record's channels (mV) and rate; lead k takes channel k mod n, each lead from its own offset. */
  channels: Float32Array[];
  fsHz: number;
}

/** What to synthesise. */
export interface SynthOptions {
  durationS: number;
  fsHz?: number;
  rhythm?: SynthRhythm;
  /** Mean (atrial, for AV block) rate, bpm; default 72. */
  rateBpm?: number;
  /** A preset name ('normal', 'lbbb', 'rbbb', 'lvh', 'inferior-mi') or a shape of your own; default 'normal'. */
  morphology?: string | BeatMorphology;
  /** Flutter conduction ratio (2 = 2:1); default 2. */
  conductionRatio?: number;
  noise?: SynthNoise[];
  /** Mains interference: frequency and amplitude (mV). */
  mains?: { hz: number; amplitudeMv: number };
  /** Clip every lead to +-clipMv (an overdriven amplifier). */
  clipMv?: number;
  /** Respiratory baseline of the ECGSYN z-equation (mV, 0.25 Hz); default 0.05. */
  respirationMv?: number;
  /** Leads: 12 (default) or a subset of the standard names. */
  leads?: number | string[];
  seed?: number;
}

/** Ground truth of one beat, in samples (null where the beat has no such wave). */
export interface SynthBeatTruth {
  sample: number;
  symbol: 'N' | 'V' | 'j';
  pOnset: number | null;
  pOffset: number | null;
  qrsOnset: number;
  qrsOffset: number;
  /** Centre of the largest ST-T kernel. */
  tPeak: number;
  tOffset: number;
}

/** A synthetic record and everything known about it. */
export interface SyntheticEcg {
  /** Annotations: 'atr' (beats + rhythm changes, MIT-BIH codes) and 'waves' (per beat: '(' p ')' '(' N ')' t ')'). */
  record: EcgRecord;
  truth: {
    beats: SynthBeatTruth[];
    episodes: Array<{ aux: string; startSample: number; endSample: number }>;
    atrial: BeatSchedule['atrial'];
    conductionRatio: number | null;
    /** The fitted shape the beats were drawn from (sampled from the preset) and its source. */
    morphology: { name: string; source: string };
    parameters: Required<Omit<SynthOptions, 'noise' | 'mains' | 'clipMv' | 'morphology' | 'leads'>> & { morphology: string; noise: Array<{ kind: string; snrDb: number }>; mains: SynthOptions['mains'] | null; clipMv: number | null; leads: string[] };
  };
}

/** Lead sets by count: 1 = II; 2 = II + V1 (as MIT-BIH); 3 = I, II, V2; 8 = the independent leads; 12 = all. */
const LEAD_SETS: Readonly<Record<number, readonly string[]>> = {
  1: ['II'], 2: ['II', 'V1'], 3: ['I', 'II', 'V2'], 8: ['I', 'II', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'], 12: DOWER_LEADS,
};

/** One of a preset's fitted shapes, amplitudes jittered by 10 % per kernel: a sample around the fitted set. */
function sampleMorphology(m: string | BeatMorphology, rng: Random): BeatMorphology {
  if (typeof m !== 'string') return m;
  const list = MORPHOLOGY_PRESETS[m];
  if (!list?.length) throw new SinusError('BAD_ARGUMENT', `unknown morphology '${m}'; presets: ${Object.keys(MORPHOLOGY_PRESETS).join(', ')}`);
  const base = list[Math.floor(rng.next() * list.length)];
  return { ...base, kernels: base.kernels.map((k) => ({ ...k, amplitudeMv: k.amplitudeMv.map((a) => a * (1 + 0.1 * rng.normal())) as [number, number, number] })) };
}

/** Adds one beat's kernels (and its own P, shifted) to X, Y, Z. */
function drawKernels(xyz: Float32Array[], fsHz: number, fiducialS: number, rrS: number, m: BeatMorphology, pShiftMs: number | null, waves: ReadonlySet<string>): void {
  for (const k of m.kernels) {
    if (!waves.has(k.wave) || (k.wave === 'P' && pShiftMs === null)) continue;
    const { centerMs, widthMs } = kernelAtRr(k, m.boundariesMs, rrS);
    const c = (fiducialS + (centerMs + (k.wave === 'P' ? pShiftMs! : 0)) / 1000) * fsHz;
    const w = (widthMs / 1000) * fsHz;
    for (let i = Math.max(0, Math.floor(c - 5 * w)); i <= Math.min(xyz[0].length - 1, Math.ceil(c + 5 * w)); i++) {
      const g = Math.exp(-((i - c) ** 2) / (2 * w * w));
      for (let d = 0; d < 3; d++) xyz[d][i] += k.amplitudeMv[d] * g;
    }
  }
}

/**
 * ECGSYN's z-equation, dz/dt = dG/dt - (z - z0(t)), solved exactly per sample for each component, with
 * G the kernel sum and z0 the respiratory baseline: the waves pass through, the baseline relaxes with a
 * 1 s time constant (McSharry et al. 2003).
 */
function ecgsynDynamics(g: Float32Array, fsHz: number, respirationMv: number, phase: number): Float32Array {
  const decay = Math.exp(-1 / fsHz);
  const out = new Float32Array(g.length);
  let u = 0;
  for (let i = 0; i < g.length; i++) {
    const z0 = respirationMv * Math.sin(2 * Math.PI * 0.25 * (i / fsHz) + phase);
    out[i] = g[i] + u;
    u = decay * u + (1 - decay) * (z0 - g[i]);
  }
  return out;
}

/**
 * A synthetic ECG with known ground truth: an explicit atrial/ventricular event model drives beats whose
 * shapes are ECGSYN Gaussian kernels in a 3-D dipole (X, Y, Z) fitted to real PTB-XL median beats, run
 * through ECGSYN's z-dynamics and projected to the 12 leads by Dower's matrix; AF f waves and flutter waves
 * are added in the dipole; real NSTDB noise at a chosen SNR, mains and clipping are optional. The same seed
 * gives the same record. Throws SinusError BAD_ARGUMENT for an unknown rhythm, morphology or lead, or a
 * duration or rate out of range.
 *
 * @example
 * const { record, truth } = synthesizeEcg({ durationS: 10, rhythm: 'af', rateBpm: 100, morphology: 'lbbb', seed: 7 });
 * console.log(record.leads.length, truth.beats.length, truth.episodes[0].aux); // 12, ~17, '(AFIB'
 */
export function synthesizeEcg(options: SynthOptions): SyntheticEcg {
  const fsHz = options.fsHz ?? 500, rhythm = options.rhythm ?? 'sinus', rateBpm = options.rateBpm ?? 72, seed = options.seed ?? 1;
  if (!(options.durationS >= 2 && options.durationS <= 7 * 86400)) throw new SinusError('BAD_ARGUMENT', `duration must be 2 s to 7 days, not ${options.durationS}`);
  if (!(fsHz >= 100 && fsHz <= 2000)) throw new SinusError('BAD_ARGUMENT', `rate must be 100-2000 Hz, not ${fsHz}`);
  if (!(rateBpm >= 20 && rateBpm <= 250)) throw new SinusError('BAD_ARGUMENT', `heart rate must be 20-250 bpm, not ${rateBpm}`);
  if (!SYNTH_RHYTHMS.includes(rhythm)) throw new SinusError('BAD_ARGUMENT', `unknown rhythm '${rhythm}'; one of ${SYNTH_RHYTHMS.join(', ')}`);
  const leadNames = typeof options.leads === 'object' ? options.leads : LEAD_SETS[options.leads ?? 12];
  if (!leadNames) throw new SinusError('BAD_ARGUMENT', `leads must be one of ${Object.keys(LEAD_SETS).join(', ')} or a list of names, not ${options.leads}`);
  for (const n of leadNames) if (!(DOWER_LEADS as readonly string[]).includes(n)) throw new SinusError('BAD_ARGUMENT', `unknown lead '${n}'; one of ${DOWER_LEADS.join(', ')}`);
  const rng = seededRandom(seed);
  const normal = sampleMorphology(options.morphology ?? 'normal', rng);
  const schedule = beatSchedule({ rhythm, durationS: options.durationS, rateBpm, normal, ventricular: VENTRICULAR_ECTOPIC, conductionRatio: options.conductionRatio }, rng);
  const n = Math.round(options.durationS * fsHz);
  const xyz = [new Float32Array(n), new Float32Array(n), new Float32Array(n)];
  const all = new Set(['P', 'QRS', 'T']);
  for (const b of schedule.beats) drawKernels(xyz, fsHz, b.fiducialS, b.rrS, b.morphology, b.pShiftMs, all);
  // A blocked P is the sinus shape's P at the fiducial it would have had.
  for (const p of schedule.blockedP) drawKernels(xyz, fsHz, p.virtualFiducialS, p.rrS, normal, 0, new Set(['P']));
  addAtrialWaves(schedule.atrial, xyz[0], xyz[1], xyz[2], fsHz, schedule.flutterHz, rng);
  const respirationMv = options.respirationMv ?? 0.05, phase = 2 * Math.PI * rng.next();
  const [x, y, z] = xyz.map((g) => ecgsynDynamics(g, fsHz, respirationMv, phase));
  const twelve = dowerTwelveLeads(x, y, z);
  const extents = new Map<string, ReturnType<typeof waveExtentsMs>>();
  const extentOf = (m: BeatMorphology, rrS: number) => {
    const key = `${m.name}:${m.source}:${rrS.toFixed(2)}`;
    if (!extents.has(key)) extents.set(key, waveExtentsMs(m, Number(rrS.toFixed(2))));
    return extents.get(key)!;
  };
  const truthBeats = schedule.beats.map((b): SynthBeatTruth => {
    const e = extentOf(b.morphology, b.rrS);
    const at = (ms: number) => Math.round((b.fiducialS + ms / 1000) * fsHz);
    const p = b.pShiftMs !== null ? e.P : null;
    const qrs = e.QRS!, t = e.T;
    return {
      sample: at(0), symbol: b.symbol,
      pOnset: p ? at(p.onsetMs + b.pShiftMs!) : null, pOffset: p ? at(p.offsetMs + b.pShiftMs!) : null,
      qrsOnset: at(qrs.onsetMs), qrsOffset: at(qrs.offsetMs), tPeak: at(tPeakMs(b.morphology, b.rrS)), tOffset: at(t ? t.offsetMs : qrs.offsetMs),
    };
  });
  const leads = leadNames.map((name) => {
    let s = twelve[DOWER_LEADS.indexOf(name as (typeof DOWER_LEADS)[number])];
    (options.noise ?? []).forEach((noise) => {
      const k = DOWER_LEADS.indexOf(name as (typeof DOWER_LEADS)[number]);
      // A stretch of the noise record from a random offset (in its own rate), resampled to the record's rate.
      const source = noise.channels[k % noise.channels.length];
      const need = Math.ceil((n / fsHz) * noise.fsHz) + 2;
      if (source.length < need) throw new SinusError('BAD_ARGUMENT', `the ${noise.kind} noise record (${(source.length / noise.fsHz).toFixed(0)} s) is shorter than the record`);
      const offset = Math.floor(rng.next() * (source.length - need + 1));
      const stretch = resample(source.subarray(offset, offset + need), noise.fsHz, fsHz).subarray(0, n);
      s = nstStressMixture(s, stretch, fsHz, truthBeats.filter((b) => b.symbol !== 'V').map((b) => b.sample), noise.snrDb);
    });
    if (options.mains) for (let i = 0; i < n; i++) s[i] += options.mains.amplitudeMv * Math.sin((2 * Math.PI * options.mains.hz * i) / fsHz);
    if (options.clipMv !== undefined) for (let i = 0; i < n; i++) s[i] = Math.max(-options.clipMv, Math.min(options.clipMv, s[i]));
    // Digitised at 1 uV (gain 1000 adu/mV), as a recorder would: the record can be written back exactly.
    const raw = new Int32Array(n), samples = new Float32Array(n);
    for (let i = 0; i < n; i++) { raw[i] = Math.round(s[i] * 1000); samples[i] = raw[i] / 1000; }
    return { name, originalName: name, samples, raw, info: { gain: 1000, baseline: 0, units: 'mV', description: 'synthetic (sinus synth)' } };
  });
  const episodes = schedule.episodes.map((e) => ({ aux: e.aux, startSample: Math.round(e.startS * fsHz), endSample: Math.min(n, Math.round(e.endS * fsHz)) }));
  const record: EcgRecord = {
    name: `synth-${rhythm}-${typeof options.morphology === 'object' ? options.morphology.name : (options.morphology ?? 'normal')}-${seed}`,
    fs: fsHz, length: n, leads, metadata: { comments: [`synthetic ECG: rhythm ${rhythm}, morphology ${normal.source}, seed ${seed}`] },
    annotations: [{ annotator: 'atr', annotations: beatAnnotations(truthBeats, episodes) }, { annotator: 'waves', annotations: waveAnnotations(truthBeats, n) }],
  };
  return {
    record,
    truth: {
      beats: truthBeats, episodes, atrial: schedule.atrial, conductionRatio: schedule.conductionRatio,
      morphology: { name: typeof options.morphology === 'object' ? options.morphology.name : (options.morphology ?? 'normal'), source: normal.source },
      parameters: {
        durationS: options.durationS, fsHz, rhythm, rateBpm, conductionRatio: options.conductionRatio ?? 2, respirationMv, seed,
        morphology: typeof options.morphology === 'object' ? options.morphology.name : (options.morphology ?? 'normal'),
        noise: (options.noise ?? []).map((x) => ({ kind: x.kind, snrDb: x.snrDb })), mains: options.mains ?? null, clipMv: options.clipMv ?? null, leads: [...leadNames],
      },
    },
  };
}

/** Centre (ms from the fiducial, at this RR) of the ST-T kernel with the largest dipole amplitude. */
function tPeakMs(m: BeatMorphology, rrS: number): number {
  const t = m.kernels.filter((k) => k.wave === 'T');
  const big = t.reduce((a, k) => (Math.hypot(...k.amplitudeMv) > Math.hypot(...a.amplitudeMv) ? k : a), t[0]);
  return kernelAtRr(big, m.boundariesMs, rrS).centerMs;
}

const ann = (sample: number, code: string, aux?: string): Annotation => ({ sample, code, subtype: 0, channel: 0, num: 0, ...(aux ? { aux } : {}) });

/** Beat labels and rhythm changes, MIT-BIH style, in sample order. */
function beatAnnotations(beats: SynthBeatTruth[], episodes: Array<{ aux: string; startSample: number }>): Annotation[] {
  const list = [...episodes.map((e) => ann(e.startSample, '+', e.aux)), ...beats.map((b) => ann(b.sample, b.symbol))];
  return list.sort((a, b) => a.sample - b.sample);
}

/** Wave boundaries LUDB style: '(' onset, 'p' / 'N' / 't' wave, ')' offset, per beat. */
function waveAnnotations(beats: SynthBeatTruth[], n: number): Annotation[] {
  const out: Annotation[] = [];
  const inRange = (s: number) => s >= 0 && s < n;
  for (const b of beats) {
    const waves: Array<[number | null, number | null, number | null, string]> = [
      [b.pOnset, b.pOnset !== null && b.pOffset !== null ? Math.round((b.pOnset + b.pOffset) / 2) : null, b.pOffset, 'p'],
      [b.qrsOnset, b.sample, b.qrsOffset, 'N'],
      [b.qrsOffset, b.tPeak, b.tOffset, 't'],
    ];
    for (const [on, peak, off, code] of waves) {
      if (on === null || off === null || !inRange(on) || !inRange(off)) continue;
      out.push(ann(on, '('), ...(peak !== null ? [ann(peak, code)] : []), ann(off, ')'));
    }
  }
  return out.sort((a, b) => a.sample - b.sample);
}
