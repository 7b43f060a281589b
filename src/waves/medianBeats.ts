import { SinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import { medianRrOf } from './delineateLeadSignal.js';

/** Representative beats: one median beat per lead, all aligned on the same fiducial. */
export interface MedianBeats {
  fsHz: number;
  /** Index of the fiducial point inside each median beat's samples. */
  fiducialIndex: number;
  /** Median RR of the beats used (samples), or null with fewer than two beats. */
  medianRrSamples: number | null;
  /** How many beats went into each median. */
  beatCount: number;
  leads: { lead: string; samples: Float32Array }[];
  /** Why no median could be formed (too few beats), or null. */
  reason: string | null;
}

export interface MedianBeatOptions {
  /** Span before / after the fiducial (ms). */
  preMs?: number;
  postMs?: number;
  /** Indices (into beatSamples) of the beats to use, e.g. the dominant normal beats. Default all. */
  use?: ArrayLike<number>;
  /** Fewest beats for a median (default 3). */
  minBeats?: number;
  /** Most beats used; more are thinned evenly (default 300). */
  maxBeats?: number;
}

/**
 * Median beat per lead: for each sample offset from the fiducial, the median across beats. Aligning
 * on the detector's fiducial keeps the leads mutually aligned, which the 12-lead global boundaries
 * need. Beats whose window leaves the record are skipped. With too few beats the result has no
 * leads and a reason.
 *
 * @example
 * const m = medianBeats(record, beats.samples);
 * const lead2 = m.leads.find((l) => l.lead === 'II');
 */
export function medianBeats(record: EcgRecord, beatSamples: ArrayLike<number>, options: MedianBeatOptions = {}): MedianBeats {
  const fs = record.fs;
  if (!(fs > 0)) throw new SinusError('BAD_ARGUMENT', `sampling rate must be positive, got ${fs}`);
  const pre = Math.round(((options.preMs ?? 400) * fs) / 1000);
  const post = Math.round(((options.postMs ?? 800) * fs) / 1000);
  const minBeats = options.minBeats ?? 3;
  const chosen = options.use ? Array.from(options.use, (i) => beatSamples[i]) : Array.from(beatSamples);
  const medianRrSamples = medianRrOf(Array.from(beatSamples).sort((a, b) => a - b));
  let inside = chosen.filter((s) => s - pre >= 0 && s + post < record.length).map(Math.round);
  // A median over a few hundred beats is as stable as over thousands; long (Holter) records use
  // evenly spaced beats so the cost stays bounded.
  const maxBeats = options.maxBeats ?? 300;
  if (inside.length > maxBeats) inside = Array.from({ length: maxBeats }, (_, i) => inside[Math.floor((i * inside.length) / maxBeats)]);
  const len = pre + post + 1;
  if (inside.length < minBeats) {
    return { fsHz: fs, fiducialIndex: pre, medianRrSamples, beatCount: inside.length, leads: [], reason: `${inside.length} whole beats, ${minBeats} needed for a median beat` };
  }
  const m = inside.length;
  const col = new Float64Array(m);
  const vals = new Float64Array(m);
  const order = new Int32Array(m);
  const leads = record.leads.map((lead) => {
    const out = new Float32Array(len);
    const x = lead.samples;
    for (let b = 0; b < m; b++) order[b] = b;
    for (let j = 0; j < len; j++) {
      let nan = false;
      for (let b = 0; b < m; b++) { const v = x[inside[b] - pre + j]; vals[b] = v; if (v !== v) nan = true; }
      if (nan) {
        let c = 0;
        for (let b = 0; b < m; b++) if (!Number.isNaN(vals[b])) col[c++] = vals[b];
        out[j] = c === 0 ? Number.NaN : medianOf(col, c);
        continue;
      }
      // The beats' order by value changes little from one sample to the next: insertion sort of
      // the previous order is close to linear.
      for (let i = 1; i < m; i++) {
        const oi = order[i], v = vals[oi];
        let k = i - 1;
        while (k >= 0 && vals[order[k]] > v) { order[k + 1] = order[k]; k--; }
        order[k + 1] = oi;
      }
      out[j] = m % 2 ? vals[order[m >> 1]] : 0.5 * (vals[order[(m >> 1) - 1]] + vals[order[m >> 1]]);
    }
    return { lead: lead.name, samples: out };
  });
  return { fsHz: fs, fiducialIndex: pre, medianRrSamples, beatCount: inside.length, leads, reason: null };
}

/** Median of the first m values (sorts them in place; insertion sort for the usual few beats). */
function medianOf(a: Float64Array, m: number): number {
  if (m > 32) a.subarray(0, m).sort();
  else {
    for (let i = 1; i < m; i++) {
      const v = a[i];
      let j = i - 1;
      while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
      a[j + 1] = v;
    }
  }
  return m % 2 ? a[m >> 1] : 0.5 * (a[(m >> 1) - 1] + a[m >> 1]);
}
