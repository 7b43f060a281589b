import type { GlobalBeatBoundaries, LeadDelineation } from './types.js';

/** How far (samples) a lead's boundary may lie from the leads' median before it is an outlier. */
export interface FusionTolerances {
  pOnset: number;
  pOffset: number;
  qrsOnset: number;
  qrsOffset: number;
  tOffset: number;
}

/**
 * Multi-lead boundaries of each beat, CSE convention: earliest onset and latest offset across
 * leads. A lead whose boundary lies further than its tolerance from the median of all leads is an
 * outlier (a stray wave, a noisy lead) and does not take part, so one or two bad leads cannot
 * decide the global boundary while a real early onset seen by several leads still does.
 *
 * @example
 * const global = fuseGlobalBoundaries(delineation.leads, { pOnset: 10, pOffset: 10, qrsOnset: 10, qrsOffset: 10, tOffset: 20 });
 */
export function fuseGlobalBoundaries(leads: LeadDelineation[], tol: FusionTolerances): GlobalBeatBoundaries[] {
  const nb = leads.length ? leads[0].beats.length : 0;
  const out: GlobalBeatBoundaries[] = new Array(nb);
  const buf: number[] = [];
  const pick = (get: (l: LeadDelineation) => number | null, earliest: boolean, tolerance: number): [number | null, number] => {
    buf.length = 0;
    for (const l of leads) { const v = get(l); if (v !== null) buf.push(v); }
    if (buf.length === 0) return [null, 0];
    buf.sort((a, b) => a - b);
    const m = buf.length;
    const med = m % 2 ? buf[m >> 1] : 0.5 * (buf[(m >> 1) - 1] + buf[m >> 1]);
    // With one or two leads there is no majority to tell an outlier: plain CSE extreme, unless the
    // two leads disagree by more than the tolerance (then which one is right cannot be told).
    if (m === 2 && buf[1] - buf[0] > tolerance) return [null, m];
    if (m < 3) return [earliest ? buf[0] : buf[m - 1], m];
    let best: number | null = null;
    for (const v of buf) {
      if (Math.abs(v - med) > tolerance) continue;
      if (best === null || (earliest ? v < best : v > best)) best = v;
    }
    // Two middle leads far apart (even count): the nearer of them to the CSE side.
    if (best === null) best = earliest ? buf[(m >> 1) - 1] : buf[m >> 1];
    return [best, m];
  };
  for (let k = 0; k < nb; k++) {
    const [pOn, c0] = pick((l) => l.beats[k].p.onset, true, tol.pOnset);
    const [pOff, c1] = pick((l) => l.beats[k].p.offset, false, tol.pOffset);
    const [qOn, c2] = pick((l) => l.beats[k].qrs.onset, true, tol.qrsOnset);
    const [qOff, c3] = pick((l) => l.beats[k].qrs.offset, false, tol.qrsOffset);
    const [tOff, c4] = pick((l) => l.beats[k].t.offset, false, tol.tOffset);
    out[k] = { pOnset: pOn, pOffset: pOff, qrsOnset: qOn, qrsOffset: qOff, tOffset: tOff, leadCounts: [c0, c1, c2, c3, c4] };
  }
  return out;
}

/**
 * Moves every fused P onset by `shiftSamples` (negative = earlier), clamped at 0. The reference
 * global P onset is the earliest of twelve hand marks, each with its own scatter, so it lies
 * earlier than an earliest-within-tolerance over our leads, whose scatter the template removes;
 * the shift (BENCHMARKS.md, measured on LUDB's odd records) takes up that difference.
 */
export function shiftGlobalPOnsets(global: GlobalBeatBoundaries[], shiftSamples: number): void {
  if (shiftSamples === 0) return;
  for (const g of global) if (g.pOnset !== null) g.pOnset = Math.max(0, g.pOnset + shiftSamples);
}
