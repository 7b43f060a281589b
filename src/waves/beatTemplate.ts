import type { EcgRecord } from '../record/types.js';
import { delineateMedianBeats } from './delineateMedianBeats.js';
import { jointLag } from './jointLag.js';
import { medianBeats, type MedianBeats } from './medianBeats.js';
import type { DelineationOptions } from './options.js';
import type { Delineation } from './types.js';

/**
 * The dominant beat of a record, delineated once with all its averaging gain, and where each
 * single beat lies against it.
 */
export interface BeatTemplate {
  /** Median beats built on the aligned positions, from the beats that match the dominant shape. */
  median: MedianBeats;
  /** Delineation of `median` (one beat; positions index the median beat's samples). */
  delineation: Delineation;
  /** Per input beat: its fiducial moved onto the template's alignment (samples). */
  alignedSamples: Int32Array;
  /** Per input beat: joint-lead correlation of its QRS with the template QRS (NaN: not compared). */
  qrsCorrelation: Float32Array;
}

const ms = (v: number, fsHz: number) => Math.round((v * fsHz) / 1000);

/**
 * Builds the record's beat template: a first median beat on the detector's fiducials, every beat
 * re-aligned on it by joint-lead QRS correlation (a detector fiducial wanders by several ms with
 * noise and shape, and averaging unaligned beats smears the boundaries outward), then the median
 * of the aligned beats of the dominant shape, delineated. Null with fewer than
 * `templateMinBeats` matching beats.
 *
 * @example
 * const t = beatTemplate(record, beats, DEFAULT_DELINEATION_OPTIONS);
 * if (t) console.log(t.delineation.global[0].qrsOnset, t.median.fiducialIndex);
 */
export function beatTemplate(record: EcgRecord, beats: Int32Array, o: DelineationOptions): BeatTemplate | null {
  const fs = record.fs;
  // The first median only needs the QRS window it is compared on (plus the lag range).
  const m0 = medianBeats(record, beats, { minBeats: o.templateMinBeats, preMs: o.templateQrsBeforeMs + 2, postMs: o.templateQrsAfterMs + 2 });
  if (m0.reason) return null;
  const signals = record.leads.map((l) => l.samples);
  const templates0 = m0.leads.map((l) => l.samples);
  const F = m0.fiducialIndex;
  const from = F - ms(o.templateQrsBeforeMs, fs), to = F + ms(o.templateQrsAfterMs, fs);
  const maxLag = ms(o.templateMaxQrsLagMs, fs);
  const step = Math.max(1, Math.round(fs / 250));
  const aligned = new Int32Array(beats.length);
  const r = new Float32Array(beats.length);
  const use: number[] = [];
  for (let k = 0; k < beats.length; k++) {
    const j = jointLag(signals, templates0, F, beats[k], from, to, maxLag, step);
    aligned[k] = beats[k] + j.lagSamples;
    r[k] = j.r;
    if (j.r >= o.templateMinCorrelation) use.push(k);
  }
  if (use.length < o.templateMinBeats) return null;
  const median = medianBeats(record, aligned, { use, minBeats: o.templateMinBeats });
  if (median.reason) return null;
  // Unshrunk per-lead boundaries: the beats they go to are fused and shrunk like any others.
  return { median, delineation: delineateMedianBeats(median, { ...o, leadShrinkage: 0 }), alignedSamples: aligned, qrsCorrelation: r };
}
