import { SinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import { delineateLeadSignal, medianRrOf, pSearchStart, shiftToReferenceConvention, tContext } from './delineateLeadSignal.js';
import { findTWave, tWaveScratch } from './tWave.js';
import { findPWave, pWaveScratch } from './pWave.js';
import { fuseGlobalBoundaries, shiftGlobalPOnsets } from './globalBoundaries.js';
import { fusionTolerances } from './fusionTolerances.js';
import { shrinkToLeadMedianByOptions } from './shrinkToLeadMedian.js';
import { shiftLeadPConventions } from './leadPConventionShifts.js';
import { chooseTLobes } from './chooseTLobes.js';
import { T_LOBE_MODEL } from './tLobeModel.js';
import { refineBoundaries } from './refineBoundaries.js';
import { BOUNDARY_REFINE_MODELS } from './boundaryRefineModel.js';
import { refinedGlobalShiftsInSamples, refuseRefinedGlobalBoundaries } from './refinedGlobalBoundaries.js';
import { pacingSpikeSamples, withoutPacingSpikes } from './pacingSpikes.js';
import { stimulusBoundOnsets } from './stimulusBoundOnsets.js';
import { beatTemplate } from './beatTemplate.js';
import { trackTemplate } from './trackTemplate.js';
import { settleAtrialActivity } from './atrialActivity.js';
import { DEFAULT_DELINEATION_OPTIONS, type DelineationOptions } from './options.js';
import type { Delineation, DelineationWithTemplate, LeadDelineation } from './types.js';

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
  return delineateBeatsWithTemplate(record, beatSamples, options).delineation;
}

/**
 * {@link delineateBeats} with what the delineation found on the way and later steps reuse: the
 * dominant beat template (median beats of the aligned beats, delineated; what `recordMedianBeat`
 * turns into the record's median beat) and the pacemaker stimuli it bridged.
 *
 * @example
 * const { delineation, template, pacingSpikes } = delineateBeatsWithTemplate(record, detectBeats(record).samples);
 * console.log(delineation.global.length, template?.median.beatCount, pacingSpikes.length);
 */
export function delineateBeatsWithTemplate(record: EcgRecord, beatSamples: ArrayLike<number>, options: Partial<DelineationOptions> = {}): DelineationWithTemplate {
  if (!(record.fs > 0) || !Number.isFinite(record.fs)) throw new SinusError('BAD_ARGUMENT', `sampling rate must be positive, got ${record.fs}`);
  if (record.leads.length === 0) throw new SinusError('BAD_ARGUMENT', 'record has no leads');
  const o: DelineationOptions = { ...DEFAULT_DELINEATION_OPTIONS, ...options };
  // Pacemaker stimuli are bridged first: the boundaries are those of the heart's response.
  const spikes = o.pacingBlankMs > 0 ? pacingSpikeSamples(record) : new Int32Array(0);
  if (spikes.length) record = withoutPacingSpikes(record, spikes, o.pacingBlankMs);
  const beats = Int32Array.from(beatSamples, (v) => Math.round(v)).sort();
  const prSd: (number | null)[] = [];
  const leads: LeadDelineation[] = record.leads.map((lead) => {
    const r = delineateLeadSignal(lead.samples, record.fs, beats, o, null, false);
    prSd.push(r.prSdMs);
    return { lead: lead.name, beats: r.beats, reason: r.reason };
  });
  const samples = record.leads.map((l) => l.samples);
  // Atrial activity is one for all leads: decide P against fibrillation once, then look for it
  // where it is in every lead.
  const hasP = settleAtrialActivity(samples, record.fs, beats, leads, o, prSd);
  refineAcrossLeads(samples, record.fs, beats, leads, o, hasP);
  const template = o.useTemplate ? beatTemplate(record, beats, o) : null;
  if (template) trackTemplate(samples, record.fs, beats, leads, template, hasP, o);
  const smp = (v: number) => Math.round((v * record.fs) / 1000);
  const stimulusMaxSamples = smp(o.pacedStimulusMaxMs);
  stimulusBoundOnsets(leads, beats, spikes, stimulusMaxSamples);
  const tol = fusionTolerances(o, record.fs);
  const global = fuseGlobalBoundaries(leads, tol);
  shiftGlobalPOnsets(global, smp(o.globalPOnsetShiftMs));
  shrinkToLeadMedianByOptions(leads, o, record.fs);
  // Which lobe of a flat or biphasic T each lead's peak sits on, from a model fitted on odd LUDB.
  if (o.tLobeChoice) chooseTLobes(samples, record.fs, beats, leads, o, T_LOBE_MODEL);
  // Last, after the shrinkage that would pull half of it back to the other leads.
  const toSamples = (m: Record<string, number>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, smp(v)]));
  shiftLeadPConventions(leads, toSamples(o.pOnsetLeadShiftMs), toSamples(o.pOffsetLeadShiftMs));
  // A learned correction of each lead's final QRS and P boundaries, from the signal around them
  // and the other leads' (models fitted on LUDB, models/boundary-refinement.md); the global P and
  // QRS boundaries are then fused again from the refined leads.
  if (o.boundaryRefinement) {
    const refined = refineBoundaries(samples, record.fs, beats, leads, spikes, stimulusMaxSamples, o.boundaryRefineModels ?? BOUNDARY_REFINE_MODELS);
    const g = o.refinedGlobalShiftMs;
    if (refined && g) refuseRefinedGlobalBoundaries(global, leads, tol, refinedGlobalShiftsInSamples(g, record.fs));
  }
  return { delineation: { fsHz: record.fs, beatSamples: beats, leads, global }, template, pacingSpikes: spikes };
}

/**
 * The multi-lead passes on single-lead results (boundaries not yet shifted): P looked for again in
 * leads that missed it (when `recoverP`), stray T waves searched again near the other leads' T,
 * then the reference-convention shifts.
 */
export function refineAcrossLeads(samples: Float32Array[], fsHz: number, beats: Int32Array, leads: LeadDelineation[], o: DelineationOptions, recoverP: boolean): void {
  if (recoverP) recoverSmallP(samples, fsHz, beats, leads, o);
  refineTOutliers(samples, fsHz, beats, leads, o);
  const n = samples.length ? samples[0].length : 0;
  leads.forEach((l) => shiftToReferenceConvention(l.beats, n, fsHz, o));
}

/**
 * The median (upper median for an even count) of the leads' `wave` peaks in beat `k`, or null when
 * fewer than `minLeads` leads have one. `buf` is reused scratch.
 */
function medianPeakOfBeat(leads: LeadDelineation[], k: number, wave: 'p' | 't', minLeads: number, buf: number[]): number | null {
  buf.length = 0;
  for (const l of leads) { const p = l.beats[k][wave].peak; if (p !== null) buf.push(p); }
  if (buf.length < minLeads) return null;
  buf.sort((a, b) => a - b);
  return buf[buf.length >> 1];
}

/**
 * Leads where P is small miss it on their own; when at least three other leads agree on a P
 * before this QRS, search again around their median P peak with a lower amplitude floor.
 */
function recoverSmallP(samples: Float32Array[], fs: number, beats: Int32Array, leads: LeadDelineation[], o: DelineationOptions): void {
  const scratch = pWaveScratch(fs, o);
  const peaks: number[] = [];
  for (let k = 0; k < beats.length; k++) {
    const hint = medianPeakOfBeat(leads, k, 'p', 3, peaks);
    if (hint === null) continue;
    leads.forEach((l, li) => {
      const b = l.beats[k];
      if (l.reason || b.p.peak !== null || b.qrs.onset === null) return;
      const start = pSearchStart(b.qrs.onset, k > 0 ? l.beats[k - 1].t.offset : null, k > 0 ? beats[k - 1] : null, fs, o);
      const p = findPWave(samples[li], fs, b.qrs.onset, start, o, scratch, hint);
      if (!p) return;
      b.p = p;
      b.pReason = null;
    });
  }
}

/**
 * The T wave is one repolarisation seen from twelve sides: a lead whose T peak lies far from the
 * median of the others (or that found none) most likely took a stray slope (next P, U wave, noise),
 * so it is searched again around the other leads' T peak - unless its own T is a lobe far more
 * prominent than the one found there (a biphasic or notched T whose other lobe this lead shows).
 */
function refineTOutliers(samples: Float32Array[], fs: number, beats: Int32Array, leads: LeadDelineation[], o: DelineationOptions): void {
  const scratch = tWaveScratch(fs, o);
  const typicalRr = medianRrOf(beats) ?? fs;
  const far = Math.round((o.tOutlierMs * fs) / 1000);
  const peaks: number[] = [];
  for (let k = 0; k < beats.length; k++) {
    const hint = medianPeakOfBeat(leads, k, 't', 4, peaks);
    if (hint === null) continue;
    leads.forEach((l, li) => {
      const b = l.beats[k];
      if (l.reason || b.qrs.onset === null || b.qrs.offset === null) return;
      if (b.t.peak !== null && Math.abs(b.t.peak - hint) <= far) return;
      const ctx = tContext(beats, l.beats, k, typicalRr);
      const r = findTWave(samples[li], fs, ctx, o, scratch, hint);
      if (!r.t || Math.abs(r.t.peak! - hint) > far) return;
      if (o.tKeepProminenceRatio > 0 && b.t.peak !== null) {
        // A lead that shows its own lobe clearly keeps it (LUDB's annotators mark the lobe each
        // lead shows, not a common instant); the lobe near the others' T must be as clear.
        const own = findTWave(samples[li], fs, ctx, o, scratch, null);
        if (own.t && own.t.peak === b.t.peak && (own.prominenceMv ?? 0) > o.tKeepProminenceRatio * Math.max(0, r.prominenceMv ?? 0)) return;
      }
      b.t = r.t;
      b.tPolarity = r.polarity;
      b.tReason = null;
    });
  }
}
