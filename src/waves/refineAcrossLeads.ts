import type { DelineationOptions } from './options.js';
import type { LeadDelineation } from './types.js';
import { medianRrOf, pSearchStart, shiftToReferenceConvention, tContext } from './delineateLeadSignal.js';
import { findTWave, tWaveScratch } from './tWave.js';
import { findPWave, pWaveScratch } from './pWave.js';

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
