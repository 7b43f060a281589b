import { fuseGlobalBoundaries, type FusionTolerances } from './globalBoundaries.js';
import type { GlobalBeatBoundaries, LeadDelineation } from './types.js';

/** Shifts (samples, negative = earlier) of the re-fused global boundaries onto the reference convention. */
export interface RefinedGlobalShifts {
  pOnset: number;
  pOffset: number;
  qrsOnset: number;
  qrsOffset: number;
}

/**
 * Shifts given in ms (as options hold them) in samples at `fsHz`.
 *
 * @example refinedGlobalShiftsInSamples({ pOnset: -10, pOffset: 8, qrsOnset: -6, qrsOffset: 8 }, 500); // { pOnset: -5, ... }
 */
export function refinedGlobalShiftsInSamples(ms: RefinedGlobalShifts, fsHz: number): RefinedGlobalShifts {
  const smp = (v: number) => Math.round((v * fsHz) / 1000);
  return { pOnset: smp(ms.pOnset), pOffset: smp(ms.pOffset), qrsOnset: smp(ms.qrsOnset), qrsOffset: smp(ms.qrsOffset) };
}

/**
 * After the learned per-lead refinement, the global P and QRS boundaries of every beat are fused
 * again from the refined leads (fuseGlobalBoundaries: earliest onset / latest offset within the
 * tolerance of the leads' median) and shifted by `shifts`, in place; the T offset is left as
 * fused before. The refined leads lie closer to each other and to the marks than the leads the
 * first fusion saw, so their earliest / latest is less extreme than the reference's (the earliest
 * / latest of twelve hand marks): the constant shifts take up that difference (fitted on LUDB,
 * BENCHMARKS.md waves round 7). A shifted boundary stays inside the record's first sample.
 *
 * @example refuseRefinedGlobalBoundaries(d.global, d.leads, fusionTolerances(o, 500), { pOnset: -2, pOffset: 3, qrsOnset: -2, qrsOffset: 3 });
 */
export function refuseRefinedGlobalBoundaries(global: GlobalBeatBoundaries[], leads: LeadDelineation[], tol: FusionTolerances, shifts: RefinedGlobalShifts): void {
  const fused = fuseGlobalBoundaries(leads, tol);
  const shift = (v: number | null, by: number) => (v === null ? null : Math.max(0, v + by));
  fused.forEach((f, k) => {
    const g = global[k];
    g.pOnset = shift(f.pOnset, shifts.pOnset);
    g.pOffset = shift(f.pOffset, shifts.pOffset);
    g.qrsOnset = shift(f.qrsOnset, shifts.qrsOnset);
    g.qrsOffset = shift(f.qrsOffset, shifts.qrsOffset);
    g.leadCounts = [f.leadCounts[0], f.leadCounts[1], f.leadCounts[2], f.leadCounts[3], g.leadCounts[4]];
  });
}
