import type { DelineationOptions } from './options.js';
import type { LeadDelineation } from './types.js';

/**
 * Multi-lead shrinkage of per-lead boundaries: each lead's QRS onset/offset, P onset/offset and
 * T offset is moved a fraction `weight` of the way to the median of that boundary over all leads.
 * The leads record one heart at the same instants, so a boundary is a common event plus a
 * lead-specific part; in leads where the wave starts or ends small (low amplitude, noise) the
 * single-lead estimate is the noisier of the two. Outlying leads (beyond `maxPullSamples`) are left
 * alone: a truly different lead should not be dragged to the others.
 * With `replaceBeyond` (samples, per wave; 0 = off), a boundary further than that from the median
 * is taken for a failure of the lead's own search (a slope chain run into noise or into the next
 * wave) and replaced by the median, whatever `maxPullSamples` says. For T the test is on the peak
 * (a stray lobe of a flat or biphasic T) and the whole wave takes the leads' median points, so
 * onset <= peak <= offset holds.
 *
 * @example shrinkToLeadMedian(delineation.leads, 0.5, 15);
 */
export function shrinkToLeadMedian(
  leads: LeadDelineation[], weight: number, maxPullSamples: number, replaceBeyond: { p: number; qrs: number; t: number } = { p: 0, qrs: 0, t: 0 },
): void {
  if (!(weight > 0) || leads.length < 3) return;
  const nb = leads[0].beats.length;
  const buf: number[] = [];
  type Key = 'onset' | 'offset';
  const fields: ['p' | 'qrs' | 't', Key][] = [['p', 'onset'], ['p', 'offset'], ['qrs', 'onset'], ['qrs', 'offset'], ['t', 'offset']];
  // Median over the leads of one point of beat k (null with fewer than three leads having it).
  const medianOf = (k: number, wave: 'p' | 'qrs' | 't', key: 'onset' | 'peak' | 'offset'): number | null => {
    buf.length = 0;
    for (const l of leads) {
      const v = (l.beats[k][wave] as Partial<Record<typeof key, number | null>>)[key];
      if (v !== null && v !== undefined) buf.push(v);
    }
    if (buf.length < 3) return null;
    buf.sort((a, b) => a - b);
    const m = buf.length;
    return m % 2 ? buf[m >> 1] : 0.5 * (buf[(m >> 1) - 1] + buf[m >> 1]);
  };
  const roundedMedianOfT = (k: number, key: 'onset' | 'peak' | 'offset'): number | null => {
    const v = medianOf(k, 't', key);
    return v === null ? null : Math.round(v);
  };
  for (let k = 0; k < nb; k++) {
    if (replaceBeyond.t > 0) {
      const peak = roundedMedianOfT(k, 'peak'), onset = roundedMedianOfT(k, 'onset'), offset = roundedMedianOfT(k, 'offset');
      if (peak !== null && onset !== null && offset !== null && onset <= peak && peak <= offset) {
        for (const l of leads) {
          const t = l.beats[k].t;
          if (t.peak !== null && Math.abs(t.peak - peak) > replaceBeyond.t) { t.onset = onset; t.peak = peak; t.offset = offset; }
        }
      }
    }
    for (const [wave, key] of fields) {
      const med = medianOf(k, wave, key);
      if (med === null) continue;
      for (const l of leads) {
        const b = l.beats[k][wave];
        const v = b[key];
        if (v === null) continue;
        // A boundary moved towards the other leads never crosses its own lead's P or T peak
        // (onset <= peak <= offset), as in shiftLeadPConventions: a late P peak in V3 with the
        // others' P offset before it (LUDB 107) would otherwise end before it peaks.
        const peak = 'peak' in b ? b.peak : null;
        const keep = (x: number) => (peak === null ? x : key === 'onset' ? Math.min(x, peak) : Math.max(x, peak));
        const far = replaceBeyond[wave];
        if (far > 0 && Math.abs(v - med) > far) { b[key] = keep(Math.round(med)); continue; }
        if (Math.abs(v - med) > maxPullSamples) continue;
        b[key] = keep(Math.round(v + weight * (med - v)));
      }
    }
  }
}

/**
 * shrinkToLeadMedian with the options' strength (`leadShrinkage`), pull limit and replacement
 * distances (ms, turned into samples at `fsHz`): the one call of the beat and median-beat paths.
 *
 * @example shrinkToLeadMedianByOptions(delineation.leads, DEFAULT_DELINEATION_OPTIONS, 500);
 */
export function shrinkToLeadMedianByOptions(leads: LeadDelineation[], o: DelineationOptions, fsHz: number): void {
  const smp = (v: number) => Math.round((v * fsHz) / 1000);
  shrinkToLeadMedian(leads, o.leadShrinkage, smp(o.leadShrinkageMaxMs), { p: smp(o.leadOutlierPMs), qrs: smp(o.leadOutlierQrsMs), t: smp(o.leadOutlierTMs) });
}
