import { SinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import { delineateLeadSignal } from './delineateLeadSignal.js';
import { fuseGlobalBoundaries } from './globalBoundaries.js';
import { fusionTolerances } from './fusionTolerances.js';
import { DEFAULT_DELINEATION_OPTIONS, type DelineationOptions } from './options.js';
import type { Delineation, LeadDelineation } from './types.js';

/**
 * Delineates every beat in every lead: P onset/peak/offset (or null with 'no P'), QRS onset/offset
 * with Q/R/S/R' peaks, T onset/peak/offset and polarity, plus CSE-style global boundaries.
 * `beatSamples` are beat fiducial positions (sample indices, e.g. from `detectBeats`); they are
 * sorted first. Throws SinusError BAD_ARGUMENT for a record without leads or a bad rate.
 *
 * @example
 * const d = delineateBeats(record, detectBeats(record).samples);
 * const qrsMs = (d.global[0].qrsOffset! - d.global[0].qrsOnset!) * 1000 / d.fsHz;
 */
export function delineateBeats(record: EcgRecord, beatSamples: ArrayLike<number>, options: Partial<DelineationOptions> = {}): Delineation {
  if (!(record.fs > 0) || !Number.isFinite(record.fs)) throw new SinusError('BAD_ARGUMENT', `sampling rate must be positive, got ${record.fs}`);
  if (record.leads.length === 0) throw new SinusError('BAD_ARGUMENT', 'record has no leads');
  const o: DelineationOptions = { ...DEFAULT_DELINEATION_OPTIONS, ...options };
  const beats = Int32Array.from(beatSamples, (v) => Math.round(v)).sort();
  const prSd: number[] = [];
  const leads: LeadDelineation[] = record.leads.map((lead) => {
    const r = delineateLeadSignal(lead.samples, record.fs, beats, o);
    if (r.prSdMs !== null) prSd.push(r.prSdMs);
    return { lead: lead.name, beats: r.beats, reason: r.reason };
  });
  // Atrial activity is one for all leads: when most leads see no fixed P-QRS relation (atrial
  // fibrillation or flutter waves), the waves a few leads kept are not P waves either.
  if (prSd.length >= 3) {
    prSd.sort((a, b) => a - b);
    if (prSd[prSd.length >> 1] > o.pMaxPrSdMs) {
      for (const l of leads) for (const b of l.beats) {
        if (b.p.peak !== null) { b.p = { onset: null, peak: null, offset: null }; b.pReason = 'no P: P-QRS interval inconsistent across beats in most leads'; }
      }
    }
  }
  return { fsHz: record.fs, beatSamples: beats, leads, global: fuseGlobalBoundaries(leads, fusionTolerances(o, record.fs)) };
}
