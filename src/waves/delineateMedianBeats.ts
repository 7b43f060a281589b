import { delineateLeadSignal } from './delineateLeadSignal.js';
import { refineAcrossLeads } from './refineAcrossLeads.js';
import { shrinkToLeadMedianByOptions } from './shrinkToLeadMedian.js';
import { fuseGlobalBoundaries } from './globalBoundaries.js';
import { fusionTolerances } from './fusionTolerances.js';
import type { MedianBeats } from './medianBeats.js';
import { DEFAULT_DELINEATION_OPTIONS, type DelineationOptions } from './options.js';
import type { Delineation, LeadDelineation } from './types.js';

/**
 * Delineates the median beat of each lead (one beat at the fiducial), with global boundaries
 * fused across leads: the basis of 12-lead measurements, where noise in single beats averages out.
 * The result has one beat; positions are indices into the median beats' samples.
 *
 * @example
 * const d = delineateMedianBeats(medianBeats(record, beats));
 * const qrsMs = (d.global[0].qrsOffset! - d.global[0].qrsOnset!) * 1000 / d.fsHz;
 */
export function delineateMedianBeats(median: MedianBeats, options: Partial<DelineationOptions> = {}): Delineation {
  const o: DelineationOptions = { ...DEFAULT_DELINEATION_OPTIONS, ...options };
  const beats = Int32Array.of(median.fiducialIndex);
  const leads: LeadDelineation[] = median.leads.map((l) => {
    const r = delineateLeadSignal(l.samples, median.fsHz, beats, o, median.medianRrSamples, false);
    return { lead: l.lead, beats: r.beats, reason: r.reason };
  });
  // Whether P exists is for the caller to decide from the single beats (one median beat cannot show
  // a P-QRS relation), so P is looked for in every lead where others see it.
  refineAcrossLeads(median.leads.map((l) => l.samples), median.fsHz, beats, leads, o, true);
  const global = fuseGlobalBoundaries(leads, fusionTolerances(o, median.fsHz));
  shrinkToLeadMedianByOptions(leads, o, median.fsHz);
  return { fsHz: median.fsHz, beatSamples: beats, leads, global };
}
