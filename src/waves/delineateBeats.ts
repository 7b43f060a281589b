import { SinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import { delineateLeadSignal } from './delineateLeadSignal.js';
import { refineAcrossLeads } from './refineAcrossLeads.js';
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
import type { BeatTemplate } from './beatTemplate.js';
import type { Delineation, LeadDelineation } from './types.js';

/** Result of {@link delineateBeatsWithTemplate}: the delineation and what later steps reuse from it. */
export interface DelineationWithTemplate {
  delineation: Delineation;
  /**
   * The dominant beat template the beats were tracked with (median beats of the aligned beats and
   * their delineation), or null when there was none (too few matching beats, or turned off).
   */
  template: BeatTemplate | null;
  /** Pacemaker stimuli found in the record (sample indices; empty when none), bridged before the delineation. */
  pacingSpikes: Int32Array;
}

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
