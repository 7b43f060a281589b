import { SinusError } from '../../errors.js';
import type { EcgRecord } from '../../record/types.js';
import { baselineRemovedLead } from './baselineRemovedLead.js';
import { beatWindows } from './beatWindows.js';
import { chooseLeads } from './chooseLeads.js';
import { dominantBeatTemplates } from './dominantBeatTemplates.js';
import { FEATURE_COUNT, LEADS_USED, MORPHOLOGY_FEATURE_NAMES, RR_FEATURE_NAMES, WAVE_CHANNELS, WINDOW_BEFORE, WINDOW_LENGTH } from './layout.js';
import { morphologyFeatures } from './morphologyFeatures.js';
import { rrFeatures } from './rrFeatures.js';

/** Smallest template QRS size used for scaling, so a flat lead is not blown up into noise. */
const MIN_SCALE_MV = 0.05;
/** The template's QRS size is measured over -100 .. +100 ms. */
const SCALE_FROM = WINDOW_BEFORE - 25;
const SCALE_TO = WINDOW_BEFORE + 25;

/** Everything the beat classifiers take, for n beats. */
export interface BeatClassInputs {
  /** Number of beats. */
  count: number;
  /** Record leads used, in model order (see chooseLeads). */
  leadIndices: number[];
  /** n × FEATURE_COUNT: RR features, then morphology features of each used lead. */
  features: Float32Array;
  /** n × LEADS_USED × WAVE_CHANNELS × WINDOW_LENGTH: the scaled beat and beat minus template. */
  waves: Float32Array;
  /** Template QRS size (mV) per beat and lead (n × LEADS_USED): the patient scale beats were divided by. */
  scaleMv: Float32Array;
}

/**
 * Builds the classifier inputs for the given beats of a record: RR context, beat windows of the
 * chosen leads at 250 Hz scaled by the patient's dominant beat, the difference from that beat, and
 * morphology features. Beat positions are sample indices, strictly increasing, inside the record.
 * Throws SinusError BAD_ARGUMENT for positions that are not, BAD_SIGNAL for a record without leads
 * or a usable rate.
 *
 * @example
 * const inputs = beatClassInputs(record, beats);
 * inputs.features.length === beats.length * FEATURE_COUNT; // true
 */
export function beatClassInputs(record: Pick<EcgRecord, 'fs' | 'leads' | 'length'>, beatSamples: ArrayLike<number>): BeatClassInputs {
  const fs = record.fs;
  if (!(fs > 0) || !Number.isFinite(fs)) throw new SinusError('BAD_SIGNAL', `sampling rate ${fs} Hz is not usable`);
  if (record.leads.length === 0) throw new SinusError('BAD_SIGNAL', 'the record has no leads');
  const n = beatSamples.length;
  for (let i = 0; i < n; i++) {
    const s = beatSamples[i];
    if (!Number.isInteger(s) || s < 0 || s >= record.length) throw new SinusError('BAD_ARGUMENT', `beat ${i} at sample ${s} is not an integer sample inside the record (0..${record.length - 1})`);
    if (i > 0 && s <= beatSamples[i - 1]) throw new SinusError('BAD_ARGUMENT', `beat positions must increase strictly (beat ${i} at ${s} after ${beatSamples[i - 1]})`);
  }
  const leadIndices = chooseLeads(record);
  const T = WINDOW_LENGTH;
  const rrK = RR_FEATURE_NAMES.length;
  const mK = MORPHOLOGY_FEATURE_NAMES.length;
  const rr = rrFeatures(beatSamples, fs);
  const features = new Float32Array(n * FEATURE_COUNT);
  const waves = new Float32Array(n * LEADS_USED * WAVE_CHANNELS * T);
  const scaleMv = new Float32Array(n * LEADS_USED);
  for (let i = 0; i < n; i++) features.set(rr.subarray(i * rrK, i * rrK + rrK), i * FEATURE_COUNT);
  const done = new Map<number, { windows: Float32Array; templates: Float32Array }>();
  leadIndices.forEach((leadIndex, l) => {
    let wt = done.get(leadIndex);
    if (!wt) {
      const clean = baselineRemovedLead(record.leads[leadIndex].samples, fs);
      const windows = beatWindows(clean, beatSamples, fs);
      const templates = dominantBeatTemplates(windows, rr, n);
      // Scale beats and templates by the template's QRS size (per block: templates are shared).
      for (let b = 0; b < n; b++) {
        const o = b * T;
        let lo = Infinity, hi = -Infinity;
        for (let k = SCALE_FROM; k < SCALE_TO; k++) {
          const v = templates[o + k];
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
        const scale = Math.max(MIN_SCALE_MV, hi - lo);
        const inv = 1 / scale;
        for (let k = 0; k < T; k++) { windows[o + k] *= inv; }
        scaleMv[b * LEADS_USED + l] = scale;
      }
      // Templates are scaled after the beats: the scale is read from them above.
      for (let b = 0; b < n; b++) {
        const inv = 1 / scaleMv[b * LEADS_USED + l];
        const o = b * T;
        for (let k = 0; k < T; k++) templates[o + k] *= inv;
      }
      wt = { windows, templates };
      done.set(leadIndex, wt);
    } else {
      const first = leadIndices.indexOf(leadIndex);
      for (let b = 0; b < n; b++) scaleMv[b * LEADS_USED + l] = scaleMv[b * LEADS_USED + first];
    }
    const { windows, templates } = wt;
    for (let b = 0; b < n; b++) {
      const o = b * T;
      const wo = ((b * LEADS_USED + l) * WAVE_CHANNELS) * T;
      for (let k = 0; k < T; k++) {
        waves[wo + k] = windows[o + k];
        waves[wo + T + k] = windows[o + k] - templates[o + k];
      }
      morphologyFeatures(windows, o, templates, o, features, b * FEATURE_COUNT + rrK + l * mK);
    }
  });
  return { count: n, leadIndices, features, waves, scaleMv };
}
