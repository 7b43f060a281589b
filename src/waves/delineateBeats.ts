import { SinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import { delineateLeadSignal, pSearchStart } from './delineateLeadSignal.js';
import { findPWave, pWaveScratch } from './pWave.js';
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
  let consistentP = false;
  if (prSd.length >= 3) {
    prSd.sort((a, b) => a - b);
    if (prSd[prSd.length >> 1] > o.pRecordMaxPrSdMs) {
      for (const l of leads) for (const b of l.beats) {
        if (b.p.peak !== null) { b.p = { onset: null, peak: null, offset: null }; b.pReason = 'no P: P-QRS interval inconsistent across beats in most leads'; }
      }
    } else consistentP = true;
  }
  // Only when several leads show a P with a fixed P-QRS relation is it worth looking for it in the others.
  if (consistentP) recoverSmallP(record, beats, leads, o);
  return { fsHz: record.fs, beatSamples: beats, leads, global: fuseGlobalBoundaries(leads, fusionTolerances(o, record.fs)) };
}

/**
 * Leads where P is small miss it on their own; when at least three other leads agree on a P
 * before this QRS, search again around their median P peak with a lower amplitude floor.
 */
function recoverSmallP(record: EcgRecord, beats: Int32Array, leads: LeadDelineation[], o: DelineationOptions): void {
  const fs = record.fs;
  const scratch = pWaveScratch(fs, o);
  const peaks: number[] = [];
  const shift = (v: number | null, shiftMs: number) => (v === null ? null : Math.max(0, v + Math.round((shiftMs * fs) / 1000)));
  for (let k = 0; k < beats.length; k++) {
    peaks.length = 0;
    for (const l of leads) { const p = l.beats[k].p.peak; if (p !== null) peaks.push(p); }
    if (peaks.length < 3) continue;
    peaks.sort((a, b) => a - b);
    const hint = peaks[peaks.length >> 1];
    leads.forEach((l, li) => {
      const b = l.beats[k];
      if (l.reason || b.p.peak !== null || b.qrs.onset === null) return;
      // Boundaries were already shifted to the reference convention; undo for the search, redo after.
      const on = b.qrs.onset - Math.round((o.qrsOnsetShiftMs * fs) / 1000);
      const prevT = k > 0 ? shift(l.beats[k - 1].t.offset, -o.tOffsetShiftMs) : null;
      const start = pSearchStart(on, prevT, k > 0 ? beats[k - 1] : null, fs, o);
      const p = findPWave(record.leads[li].samples, fs, on, start, o, scratch, hint);
      if (!p) return;
      b.p = { onset: shift(p.onset, o.pOnsetShiftMs), peak: p.peak, offset: shift(p.offset, o.pOffsetShiftMs) };
      b.pReason = null;
    });
  }
}
