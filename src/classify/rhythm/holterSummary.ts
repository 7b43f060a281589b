/**
 * Holter report figures: counts of ectopic beats, couplets and runs, pauses, rates, and the time
 * (burden) in each rhythm.
 */
import { runsOfClass } from './ectopicRuns.js';
import type { RrSeries } from './rrIntervals.js';
import { EVENT_LABELS, type BeatClass, type HolterSummary, type RhythmEpisode } from './types.js';

/**
 * Holter summary of a record from its beats, classes and episodes.
 *
 * @example
 * const h = holterSummary(360, rec.length, beats, classes, episodes, rr); // h.afBurdenPct
 */
export function holterSummary(
  fsHz: number,
  lengthSamples: number,
  beats: Int32Array,
  classes: ArrayLike<BeatClass | string> | undefined,
  episodes: RhythmEpisode[],
  rr: RrSeries | null,
): HolterSummary {
  const secondsByLabel: HolterSummary['secondsByLabel'] = {};
  let analysed = 0;
  for (const e of episodes) {
    if (EVENT_LABELS.has(e.label)) continue;
    const s = (e.endSample - e.startSample) / fsHz;
    secondsByLabel[e.label] = (secondsByLabel[e.label] ?? 0) + s;
    if (e.label !== 'undetermined') analysed += s;
  }
  const pct = (s: number | undefined): number => (analysed > 0 && s ? Math.round((1000 * s) / analysed) / 10 : 0);
  let pvc: number | null = null, pac: number | null = null;
  let vCouplets: number | null = null, vRuns: number | null = null, sCouplets: number | null = null, sRuns: number | null = null;
  if (classes) {
    pvc = 0; pac = 0;
    for (let i = 0; i < classes.length; i++) { if (classes[i] === 'V') pvc++; else if (classes[i] === 'S') pac++; }
    const v2 = runsOfClass(classes, 'V', 2), s2 = runsOfClass(classes, 'S', 2);
    vCouplets = v2.filter((r) => r.last - r.first === 1).length;
    vRuns = v2.length - vCouplets;
    sCouplets = s2.filter((r) => r.last - r.first === 1).length;
    sRuns = s2.length - sCouplets;
  }
  let longest: number | null = null, minRate: number | null = null, maxRate: number | null = null, meanRate: number | null = null;
  let pauseCount = 0;
  if (rr && rr.rrS.length > 0) {
    longest = 0;
    for (let i = 0; i < rr.rrS.length; i++) if (rr.rrS[i] > longest) longest = rr.rrS[i];
    longest = Math.round(longest * 1000) / 1000;
    pauseCount = episodes.filter((e) => e.label === 'pause').length;
    // Min/max over 8-beat means, as Holter reports do, so one ectopic interval is not "the max rate".
    const w = Math.min(8, rr.rrS.length);
    let sum = 0;
    for (let i = 0; i < w; i++) sum += rr.rrS[i];
    let lo = sum, hi = sum;
    for (let i = w; i < rr.rrS.length; i++) { sum += rr.rrS[i] - rr.rrS[i - w]; if (sum < lo) lo = sum; if (sum > hi) hi = sum; }
    maxRate = Math.round((60 * w) / lo);
    minRate = Math.round((60 * w) / hi);
    meanRate = Math.round((60 * fsHz * rr.rrS.length) / (beats[beats.length - 1] - beats[0]));
  }
  return {
    durationS: lengthSamples / fsHz,
    beatCount: beats.length,
    afBurdenPct: pct(secondsByLabel.atrial_fibrillation),
    atrialFlutterBurdenPct: pct(secondsByLabel.atrial_flutter),
    pvcCount: pvc,
    pacCount: pac,
    ventricularCouplets: vCouplets,
    ventricularRuns: vRuns,
    supraventricularCouplets: sCouplets,
    supraventricularRuns: sRuns,
    pauseCount,
    longestPauseS: longest,
    minRateBpm: minRate,
    meanRateBpm: meanRate,
    maxRateBpm: maxRate,
    secondsByLabel,
  };
}
