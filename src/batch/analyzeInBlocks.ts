/**
 * Long records (Holter: hours to days, up to 12 leads) analysed in blocks with overlap, so memory
 * is bounded by the block, not the record: beats, beat classes, rhythm episodes and the Holter
 * summary, the same sections the whole-record analysis gives a Holter.
 *
 * Each block [start - overlap, end + overlap) runs through the ordinary pipeline (quality, beats,
 * beatClasses, rhythm); from each, only what falls in its core [start, end) is kept, so every beat
 * and every episode boundary is decided with `overlapS` of context on both sides, as in the whole
 * record. Episodes of the same label that meet at a core boundary are joined; the Holter summary is
 * computed once over the joined beats, classes and episodes.
 */
import { analyze, type AnalyzeOptions } from '../analyze.js';
import type { JsonValue } from '../analyze/toJsonValue.js';
import { holterSummary } from '../classify/rhythm/holterSummary.js';
import { rrSeriesFromBeats } from '../classify/rhythm/rrIntervals.js';
import { EVENT_LABELS, type HolterSummary, type RhythmEpisode, type RhythmLabel } from '../classify/rhythm/types.js';
import { beatsInUnreadable } from '../classify/rhythm/unreadableSpans.js';
import { SinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import type { BlockSource } from './recordBlockSource.js';

export interface BlockAnalysisOptions {
  /** Core length of a block, seconds (default 600). */
  blockS?: number;
  /** Context read on each side of a block's core, seconds (default 30). */
  overlapS?: number;
  /** Passed to each block's analyze() (shipped models: shippedModelStageOptions()). */
  stageOptions?: AnalyzeOptions['stageOptions'];
  onBlock?: (done: number, total: number) => void;
}

/** What {@link analyzeInBlocks} returns: the Holter sections of the whole record. */
export interface BlockAnalysis {
  name: string;
  fsHz: number;
  lengthSamples: number;
  durationS: number;
  /** QRS positions, sample indices from the record start. */
  beatSamples: Int32Array;
  /** AAMI class per beat; null when a block's classifier did not run (reason in `notes`). */
  beatClasses: string[] | null;
  episodes: RhythmEpisode[];
  holter: HolterSummary;
  blocks: number;
  /** Stages that did not run in some block, with the block's start second. */
  notes: string[];
}

type Obj = { [k: string]: JsonValue };
const obj = (v: JsonValue | undefined): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);

/** Joins episodes of the same label that meet (end == start), rhythms and events separately. */
function joinEpisodes(episodes: RhythmEpisode[]): RhythmEpisode[] {
  const out: RhythmEpisode[] = [];
  const lastOf = new Map<string, RhythmEpisode>();
  for (const e of [...episodes].sort((a, b) => a.startSample - b.startSample || a.endSample - b.endSample)) {
    const group = EVENT_LABELS.has(e.label) ? `event:${e.label}` : 'rhythm';
    const last = lastOf.get(group);
    if (last && last.label === e.label && last.endSample >= e.startSample) {
      const wa = last.endSample - last.startSample, wb = e.endSample - e.startSample;
      const beats = last.beatCount + e.beatCount;
      last.confidence = Math.round(((last.confidence * wa + e.confidence * wb) / Math.max(1, wa + wb)) * 1000) / 1000;
      last.meanRateBpm = last.meanRateBpm !== null && e.meanRateBpm !== null && beats > 0 ? Math.round(((last.meanRateBpm * last.beatCount + e.meanRateBpm * e.beatCount) / beats) * 10) / 10 : (last.meanRateBpm ?? e.meanRateBpm);
      if (wb > wa) last.reason = e.reason;
      last.endSample = Math.max(last.endSample, e.endSample);
      last.beatCount = beats;
      continue;
    }
    const copy = { ...e };
    out.push(copy);
    lastOf.set(group, copy);
  }
  return out;
}

/** The block [a, b) as a record of its own. */
async function blockRecord(source: BlockSource, a: number, b: number): Promise<EcgRecord> {
  const leads = await source.read(a, b);
  return {
    name: `${source.name}@${a}`,
    fs: source.fsHz,
    length: b - a,
    leads: leads.map((samples, k) => ({ name: source.leadNames[k], originalName: source.leadNames[k], samples, info: { gain: 1000, baseline: 0, units: 'mV' } })),
    annotations: [],
    metadata: {},
  };
}

/**
 * Beats, classes, rhythm episodes and the Holter summary of a long record, analysed block by block;
 * peak memory depends on the block length and lead count, not on the record's duration.
 *
 * @example
 * const a = await analyzeInBlocks(recordBlockSource(await openRecord('100.hea')), { stageOptions: await shippedModelStageOptions() });
 * a.holter.afBurdenPct;
 */
export async function analyzeInBlocks(source: BlockSource, options: BlockAnalysisOptions = {}): Promise<BlockAnalysis> {
  const fs = source.fsHz;
  const L = source.lengthSamples;
  if (!(fs > 0) || !(L > 0) || source.leadNames.length === 0) throw new SinusError('BAD_SIGNAL', `a record needs a rate, samples and leads (got ${fs} Hz, ${L} samples, ${source.leadNames.length} leads)`);
  const block = Math.max(1, Math.round((options.blockS ?? 600) * fs));
  const overlap = Math.max(0, Math.round((options.overlapS ?? 30) * fs));
  // A tail shorter than half a block joins the last block instead of being a sliver of its own.
  const total = Math.max(1, Math.round(L / block));
  const beats: number[] = [];
  const classes: string[] = [];
  let classesKnown = true;
  const episodes: RhythmEpisode[] = [];
  const notes: string[] = [];
  for (let k = 0; k < total; k++) {
    const core0 = k * block, core1 = k === total - 1 ? L : core0 + block;
    const a = Math.max(0, core0 - overlap), b = Math.min(L, core1 + overlap);
    const r = await analyze(await blockRecord(source, a, b), { only: ['quality', 'beats', 'beatClasses', 'rhythm'], stageOptions: options.stageOptions });
    for (const s of r.stages) if (s.status !== 'ok' && s.status !== 'skipped') notes.push(`block at ${(core0 / fs).toFixed(0)} s: ${s.name} ${s.status}: ${s.reason}`);
    const bc = obj(r.results.beatClasses);
    const samples = (obj(r.results.beats)?.samples ?? []) as number[];
    const labels = Array.isArray(bc?.labels) ? (bc.labels as string[]) : null;
    if (!labels || labels.length !== samples.length) classesKnown = false;
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i] + a;
      if (s < core0 || s >= core1) continue;
      beats.push(s);
      classes.push(labels?.[i] ?? 'Q');
    }
    const eps = (obj(r.results.rhythm)?.episodes ?? []) as unknown as RhythmEpisode[];
    for (const e of eps) {
      const s = Math.max(e.startSample + a, core0), t = Math.min(e.endSample + a, core1);
      if (t > s) episodes.push({ ...e, startSample: s, endSample: t });
    }
    options.onBlock?.(k + 1, total);
  }
  const beatSamples = Int32Array.from(beats);
  const joined = joinEpisodes(episodes);
  // As analyzeRhythm does: beats in 'noise' (unreadable) episodes count as Q, intervals touching them give no rate.
  const noise = joined.filter((e) => e.label === ('noise' as RhythmLabel));
  const unreadableBeats = beatsInUnreadable(beatSamples, noise);
  const unreadableRr = new Uint8Array(Math.max(0, beatSamples.length - 1));
  for (let i = 0, j = 0; i + 1 < beatSamples.length; i++) {
    while (j < noise.length && noise[j].endSample <= beatSamples[i]) j++;
    if (unreadableBeats[i] || unreadableBeats[i + 1] || (j < noise.length && noise[j].startSample < beatSamples[i + 1])) unreadableRr[i] = 1;
  }
  const counted = classesKnown ? classes.map((c, i) => (unreadableBeats[i] ? 'Q' : c)) : undefined;
  const rr = rrSeriesFromBeats(beatSamples, fs, counted);
  return {
    name: source.name,
    fsHz: fs,
    lengthSamples: L,
    durationS: L / fs,
    beatSamples,
    beatClasses: classesKnown ? classes : null,
    episodes: joined,
    holter: holterSummary(fs, L, beatSamples, counted, joined, rr, { beats: unreadableBeats, rr: unreadableRr }),
    blocks: total,
    notes,
  };
}
