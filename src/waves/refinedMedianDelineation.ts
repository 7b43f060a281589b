import { refineBoundaries, type BoundaryRefineModels } from './refineBoundaries.js';
import { refuseRefinedGlobalBoundaries, type RefinedGlobalShifts } from './refinedGlobalBoundaries.js';
import type { FusionTolerances } from './globalBoundaries.js';
import type { MedianBeats } from './medianBeats.js';
import type { Delineation, LeadDelineation } from './types.js';

/** A deep copy of the leads' boundaries (the median delineation is shared with the template tracking). */
function copyLeads(leads: LeadDelineation[]): LeadDelineation[] {
  return leads.map((l) => ({
    lead: l.lead, reason: l.reason,
    beats: l.beats.map((b) => ({ ...b, p: { ...b.p }, qrs: { ...b.qrs }, t: { ...b.t } })),
  }));
}

/**
 * The median-beat delineation `md` (of `median`) with the learned per-lead P/QRS boundary
 * refinement applied to its leads (refineBoundaries, the per-beat models) and the global P and QRS
 * boundaries fused again from the refined leads and moved by `shiftsSamples` onto the reference
 * convention (refuseRefinedGlobalBoundaries; T offset as fused before). A new object: `md` itself
 * is left as it was (the beat template's delineation also guides the per-beat tracking). Returns
 * `md` unchanged with fewer than three leads or no models. `rrS` is the median RR (s), `paced`
 * whether pacing stimuli were found in the record.
 *
 * @example const r = refinedMedianDelineation(md, median, BOUNDARY_REFINE_MODELS, shifts, tol, 0.8, false);
 */
export function refinedMedianDelineation(
  md: Delineation, median: MedianBeats, models: BoundaryRefineModels, shiftsSamples: RefinedGlobalShifts | null,
  tol: FusionTolerances, rrS: number, paced: boolean,
): Delineation {
  const leads = copyLeads(md.leads);
  const samples = median.leads.map((l) => l.samples);
  const refined = refineBoundaries(samples, md.fsHz, md.beatSamples, leads, new Int32Array(0), 0, models, { rrS, paced });
  if (!refined) return md;
  const global = md.global.map((g) => ({ ...g, leadCounts: [...g.leadCounts] as typeof g.leadCounts }));
  if (shiftsSamples) refuseRefinedGlobalBoundaries(global, leads, tol, shiftsSamples);
  return { fsHz: md.fsHz, beatSamples: md.beatSamples, leads, global };
}
