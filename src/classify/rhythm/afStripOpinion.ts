/**
 * A second opinion on AF episodes from the short-strip rhythm models (CinC 2017 handheld strips,
 * never trained on MIT-BIH): 30-s windows over each AF episode found from the RR series are read
 * by the strip classifier, and an episode none of whose windows the models find at all AF-like is
 * not named AF. Only AF episodes are read, so a 24-h Holter with little AF stays cheap.
 */
import { resample } from '../../dsp/index.js';
import type { EcgRecord } from '../../record/types.js';
import type { LoadedModel } from '../onnx/modelRunner.js';
import { classifyStrip } from '../strip/classifyStrip.js';
import { analyzeRhythm, rhythmLead } from './analyzeRhythm.js';
import type { RhythmAnalysis, RhythmInput } from './types.js';

/** Window the strip models read (s): within their 9-60 s training range, as long as most CinC strips. */
export const AF_OPINION_WINDOW_S = 30;
/** Hop between windows over a long episode (s). */
export const AF_OPINION_HOP_S = 15;
/** At most this many windows per episode (spread evenly), so a long false episode costs little. */
export const AF_OPINION_MAX_WINDOWS = 8;
/** Rate the strip models were trained at (CinC 2017). */
const STRIP_FS_HZ = 300;
/**
 * An episode is vetoed when every readable window has P(AF) below this. Set on MIT-BIH DS1 only, by
 * one rule: half the lowest window maximum of any true AF episode (reference beats and detected
 * beats, records 201 and 203). With the round-2 waveform CNN that was 0.21 / 2 = 0.1; with the
 * round-5 residual CNN now shipped it is 0.514 / 2 = 0.257, so 0.25 (`npx tsx bench/afVetoBar.bench.ts`;
 * BENCHMARKS.md, rhythm round 3). At 0.25 the same DS1 episode as before is vetoed (209, 0.13).
 */
export const AF_VETO_BELOW = 0.25;

/** The two shipped strip models (`models/strip-rhythm.onnx`, `models/strip-rhythm-cnn.onnx`). */
export interface StripOpinionModels {
  model: LoadedModel;
  waveformModel?: LoadedModel;
}

/** What the models said about one AF episode. */
export interface AfEpisodeOpinion {
  startSample: number;
  endSample: number;
  /** P(AF) of each window read, in reading order (null: the window was not determinable). */
  windowAfProbabilities: Array<number | null>;
  /** True when every readable window had P(AF) < {@link AF_VETO_BELOW} (and at least one was readable). */
  vetoed: boolean;
}

/**
 * Sample windows [start, end) read for an episode [startSample, endSample) of a record
 * `lengthSamples` long: one centred 30-s window for a short episode (so it reads the episode's
 * surroundings too), else 30-s windows every 15 s inside it, at most 8, spread evenly.
 *
 * @example afOpinionWindows(0, 3600 * 360, 360, 650000).length; // 8
 */
export function afOpinionWindows(startSample: number, endSample: number, fsHz: number, lengthSamples: number): Array<[number, number]> {
  const w = Math.min(Math.round(AF_OPINION_WINDOW_S * fsHz), lengthSamples);
  const clamp = (a: number): [number, number] => { const s = Math.max(0, Math.min(Math.round(a), lengthSamples - w)); return [s, s + w]; };
  if (endSample - startSample <= w) return [clamp((startSample + endSample - w) / 2)];
  const hop = AF_OPINION_HOP_S * fsHz;
  const count = Math.floor((endSample - startSample - w) / hop) + 1;
  const starts: number[] = [];
  if (count <= AF_OPINION_MAX_WINDOWS) for (let k = 0; k < count; k++) starts.push(startSample + k * hop);
  else for (let k = 0; k < AF_OPINION_MAX_WINDOWS; k++) starts.push(startSample + (k * (endSample - startSample - w)) / (AF_OPINION_MAX_WINDOWS - 1));
  return starts.map(clamp);
}

/**
 * P(AF) of the strip models for one window of a lead (resampled to 300 Hz, their training rate);
 * null when the strip classifier finds the window not determinable (flat, noise, too few beats).
 *
 * @example await stripAfProbability(lead.samples, 360, 0, 10800, models); // e.g. 0.97
 */
export async function stripAfProbability(signal: Float32Array, fsHz: number, startSample: number, endSample: number, models: StripOpinionModels): Promise<number | null> {
  const slice = signal.subarray(startSample, endSample);
  const x = fsHz === STRIP_FS_HZ ? slice : resample(slice, fsHz, STRIP_FS_HZ);
  const strip: EcgRecord = {
    name: 'af-opinion-window', fs: STRIP_FS_HZ, length: x.length, annotations: [], metadata: {},
    leads: [{ name: 'I', originalName: 'window', samples: x, info: { gain: 1, baseline: 0, units: 'mV' } }],
  };
  const r = await classifyStrip(strip, { model: models.model, waveformModel: models.waveformModel });
  return r.determinable ? r.probabilities.af : null;
}

/**
 * The strip models' opinion on each AF episode of `analysis`. Windows are read in order and reading
 * stops at the first with P(AF) >= {@link AF_VETO_BELOW} (the episode stands), so a true AF episode
 * costs one window (about 15 ms).
 *
 * @example const opinions = await afEpisodeOpinions(analyzeRhythm(input), lead.samples, 360, models);
 */
export async function afEpisodeOpinions(analysis: RhythmAnalysis, signal: Float32Array, fsHz: number, models: StripOpinionModels): Promise<AfEpisodeOpinion[]> {
  const out: AfEpisodeOpinion[] = [];
  for (const e of analysis.episodes) {
    if (e.label !== 'atrial_fibrillation') continue;
    const p: Array<number | null> = [];
    let stands = false;
    for (const [a, b] of afOpinionWindows(e.startSample, e.endSample, fsHz, signal.length)) {
      const q = await stripAfProbability(signal, fsHz, a, b, models);
      p.push(q);
      if (q !== null && q >= AF_VETO_BELOW) { stands = true; break; }
    }
    out.push({ startSample: e.startSample, endSample: e.endSample, windowAfProbabilities: p, vetoed: !stands && p.some((q) => q !== null) });
  }
  return out;
}

/**
 * {@link analyzeRhythm}, then the strip models' second opinion on its AF episodes: episodes they
 * veto are analysed again as not AF (undetermined, or flutter where flutter waves were found).
 * Without a signal (no `signal`, no `record`) the first analysis is returned unchanged.
 *
 * @example
 * const r = await analyzeRhythmWithStripOpinion({ fsHz: 360, beatSamples, beatClasses, record }, { model, waveformModel });
 */
export async function analyzeRhythmWithStripOpinion(input: RhythmInput, models: StripOpinionModels): Promise<RhythmAnalysis & { afOpinions: AfEpisodeOpinion[] }> {
  return reviewAfWithStripOpinion(input, analyzeRhythm(input), models);
}

/**
 * The second-opinion step of {@link analyzeRhythmWithStripOpinion} on an analysis already made
 * from `input` (analyzeRhythm runs again only when an episode is vetoed).
 *
 * @example const reviewed = await reviewAfWithStripOpinion(input, analyzeRhythm(input), models);
 */
export async function reviewAfWithStripOpinion(input: RhythmInput, first: RhythmAnalysis, models: StripOpinionModels): Promise<RhythmAnalysis & { afOpinions: AfEpisodeOpinion[] }> {
  const signal = input.signal ?? (input.record ? rhythmLead(input.record)?.samples : undefined);
  if (!signal || !first.determinable) return { ...first, afOpinions: [] };
  const opinions = await afEpisodeOpinions(first, signal, input.fsHz, models);
  const vetoed = opinions.filter((o) => o.vetoed);
  const read = opinions.reduce((s, o) => s + o.windowAfProbabilities.length, 0);
  const note = `strip-model second opinion on ${opinions.length} AF episode(s), ${read} window(s) of ${AF_OPINION_WINDOW_S} s: ${vetoed.length} not confirmed`;
  if (vetoed.length === 0) return { ...first, evidence: [...first.evidence, note], afOpinions: opinions };
  const afVetoSpans = vetoed.map((o) => {
    const top = Math.max(...o.windowAfProbabilities.filter((q): q is number => q !== null));
    return { startSample: o.startSample, endSample: o.endSample, reason: `irregular RR without P waves, but the strip rhythm models read it as not AF (P(AF) at most ${top.toFixed(2)})` };
  });
  const second = analyzeRhythm({ ...input, afVetoSpans: [...(input.afVetoSpans ?? []), ...afVetoSpans] });
  return { ...second, evidence: [...second.evidence, note], afOpinions: opinions };
}
