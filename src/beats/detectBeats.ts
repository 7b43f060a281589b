import { SinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import { StreamingBeatDetector } from './streamingBeatDetector.js';
import type { BeatDetection, BeatDetectorOptions, DetectBeatsOptions } from './types.js';

/** Shortest signal the detector analyses, s: it needs this much to learn the lead levels. */
export const MIN_DURATION_S = 2;

/**
 * Finds the QRS complexes of one lead (see {@link detectBeats}).
 *
 * @example
 * const { samples, reason } = detectBeatsInSignal(rec.leads[0].samples, rec.fs);
 */
export function detectBeatsInSignal(x: Float32Array, fsHz: number, options: BeatDetectorOptions = {}): BeatDetection {
  return detectInLeads([x], ['signal'], fsHz, options);
}

/**
 * Finds the QRS complexes of a record, fusing its leads (1 to 12; by default every recorded,
 * not derived, lead). Works at 100-1000 Hz (any rate from 50 Hz). Each beat's fiducial is the
 * energy centre of the QRS slope energy, so it falls at the same place in every beat (near the
 * steepest part of the QRS, typically within 20 ms of the R peak).
 *
 * Never throws for bad signals: flat, missing (NaN), too short or noise-only input gives few or no
 * beats and a `reason`. Throws SinusError BAD_ARGUMENT only for a lead name the record lacks or a
 * sampling rate outside 50-20000 Hz.
 *
 * @example
 * const rec = await openRecord('../shared/data/mitdb/100.hea');
 * const beats = detectBeats(rec);
 * console.log(beats.samples.length, beats.leadsUsed);
 */
export function detectBeats(record: EcgRecord, options: DetectBeatsOptions = {}): BeatDetection {
  let leads = record.leads;
  if (options.leads) {
    leads = options.leads.map((name) => {
      const lead = record.leads.find((l) => l.name === name) ?? record.leads.find((l) => l.name.toLowerCase() === name.toLowerCase());
      if (!lead) throw new SinusError('BAD_ARGUMENT', `record ${record.name} has no lead "${name}" (it has ${record.leads.map((l) => l.name).join(', ')})`);
      return lead;
    });
  } else {
    const recorded = record.leads.filter((l) => !l.derived);
    if (recorded.length) leads = recorded;
  }
  if (leads.length === 0) return { fsHz: record.fs, samples: new Int32Array(0), leadsUsed: [], reason: 'record has no leads' };
  return detectInLeads(leads.map((l) => l.samples.subarray(0, record.length)), leads.map((l) => l.name), record.fs, options);
}

function detectInLeads(signals: Float32Array[], names: string[], fsHz: number, options: BeatDetectorOptions): BeatDetection {
  const n = signals[0].length;
  const none = (reason: string): BeatDetection => ({ fsHz, samples: new Int32Array(0), leadsUsed: names, reason });
  if (!(fsHz > 0)) throw new SinusError('BAD_ARGUMENT', `sampling rate must be positive, got ${fsHz}`);
  if (n < MIN_DURATION_S * fsHz) return none(`record shorter than ${MIN_DURATION_S} s`);
  // Leads that are mostly missing or constant are left out before fusion.
  const usable: number[] = [];
  let missing = 0;
  for (let l = 0; l < signals.length; l++) {
    const s = signals[l];
    let valid = 0, lo = Infinity, hi = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = s[i];
      if (v === v) { valid++; if (v < lo) lo = v; if (v > hi) hi = v; }
    }
    if (valid < MIN_DURATION_S * fsHz) { missing++; continue; }
    if (hi - lo > 0) usable.push(l);
  }
  if (usable.length === 0) return none(missing === signals.length ? 'no valid samples (all missing)' : 'flat line');
  const det = new StreamingBeatDetector(fsHz, usable.length, options);
  const first = det.push(usable.map((l) => signals[l]));
  const last = det.finish();
  const all = new Int32Array(first.length + last.length);
  all.set(first);
  all.set(last, first.length);
  // A fiducial placed past the end (a QRS cut off by it) is not a beat of this record.
  let count = all.length;
  while (count > 0 && all[count - 1] > n - 1) count--;
  const samples = count === all.length ? all : all.slice(0, count);
  const durationS = n / fsHz;
  let reason: string | null = null;
  if (det.suppressedBeats > samples.length) reason = `no distinct QRS complexes in most of the signal (${det.suppressedBeats} noise peaks left out): signal looks like noise`;
  else if (samples.length === 0) reason = det.flatLeadFlags.every((f) => f) ? 'flat line' : 'no QRS complexes found';
  else if (samples.length < durationS / 6) reason = `few QRS complexes found (${samples.length} in ${durationS.toFixed(1)} s): signal may be noise or asystole`;
  return { fsHz, samples, leadsUsed: usable.map((l) => names[l]), reason };
}
