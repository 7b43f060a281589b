import type { LeadDelineation } from './types.js';

/**
 * Per-lead P-boundary shifts (samples, by lead name, case-insensitive) onto the reference
 * annotators' convention, applied to the final per-lead P onsets and offsets. A P wave is one
 * atrial activation seen from twelve sides: where a lead sees its first or last part nearly
 * end-on (aVL: the early right-atrial vector is about perpendicular to it; V1: the late
 * left-atrial part is small and biphasic there), LUDB's annotators mark the boundary where the
 * wave becomes visible by eye, steadily later (aVL onset) or earlier (V1 offset) than a slope
 * threshold does. A shifted boundary never crosses its P peak.
 *
 * @example shiftLeadPConventions(d.leads, { avl: 7 }, { v1: -6 });
 */
export function shiftLeadPConventions(leads: LeadDelineation[], onsetShiftSamples: Record<string, number>, offsetShiftSamples: Record<string, number>): void {
  const lower = (m: Record<string, number>) => new Map(Object.entries(m).map(([k, v]) => [k.toLowerCase(), v]));
  const on = lower(onsetShiftSamples), off = lower(offsetShiftSamples);
  for (const l of leads) {
    const dOn = on.get(l.lead.toLowerCase()) ?? 0, dOff = off.get(l.lead.toLowerCase()) ?? 0;
    if (dOn === 0 && dOff === 0) continue;
    for (const b of l.beats) {
      const p = b.p;
      if (p.onset !== null && dOn !== 0) p.onset = p.peak !== null ? Math.min(p.peak, p.onset + dOn) : p.onset + dOn;
      if (p.offset !== null && dOff !== 0) p.offset = p.peak !== null ? Math.max(p.peak, p.offset + dOff) : p.offset + dOff;
    }
  }
}
