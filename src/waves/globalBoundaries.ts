import type { GlobalBeatBoundaries, LeadDelineation } from './types.js';

/**
 * Multi-lead boundaries of each beat, CSE convention: earliest onset and latest offset across
 * leads. One lead with a stray boundary would otherwise decide the global one, so up to
 * `outlierLeads` extreme values are skipped when they lie further than `outlierSamples` from the
 * next one (they are kept when the leads agree).
 *
 * @example
 * const global = fuseGlobalBoundaries(delineation.leads, 1, 5);
 */
export function fuseGlobalBoundaries(leads: LeadDelineation[], outlierLeads = 1, outlierSamples = 5): GlobalBeatBoundaries[] {
  const nb = leads.length ? leads[0].beats.length : 0;
  const out: GlobalBeatBoundaries[] = new Array(nb);
  const buf: number[] = [];
  const pick = (k: number, get: (l: LeadDelineation) => number | null, earliest: boolean): [number | null, number] => {
    buf.length = 0;
    for (const l of leads) { const v = get(l); if (v !== null) buf.push(v); }
    if (buf.length === 0) return [null, 0];
    buf.sort((a, b) => (earliest ? a - b : b - a));
    let i = 0;
    // Drop a lone extreme only when enough leads remain to outvote it.
    while (i < outlierLeads && buf.length - i >= 4 && Math.abs(buf[i] - buf[i + 1]) > outlierSamples) i++;
    return [buf[i], buf.length];
  };
  for (let k = 0; k < nb; k++) {
    const [pOn, c0] = pick(k, (l) => l.beats[k].p.onset, true);
    const [pOff, c1] = pick(k, (l) => l.beats[k].p.offset, false);
    const [qOn, c2] = pick(k, (l) => l.beats[k].qrs.onset, true);
    const [qOff, c3] = pick(k, (l) => l.beats[k].qrs.offset, false);
    const [tOff, c4] = pick(k, (l) => l.beats[k].t.offset, false);
    out[k] = { pOnset: pOn, pOffset: pOff, qrsOnset: qOn, qrsOffset: qOff, tOffset: tOff, leadCounts: [c0, c1, c2, c3, c4] };
  }
  return out;
}
