/**
 * Holter report figures: counts of ectopic beats, couplets and runs, pauses, rates, and the time
 * (burden) in each rhythm.
 */
import { runsOfClass } from './ectopicRuns.js';
import type { RrSeries } from './rrIntervals.js';
import { EVENT_LABELS, type BeatClass, type HolterSummary, type RhythmEpisode } from './types.js';

/**
 * Holter summary of a record from its beats, classes and episodes. `unreadable.beats` (1 per beat
 * inside unreadable signal) is counted; pass classes already masked (see analyzeRhythm) to keep
 * those beats out of the class counts, couplets and runs. `unreadable.rr` (1 per RR interval that
 * touches or crosses unreadable signal) keeps intervals out of the rates and the longest RR.
 * 'noise' and 'undetermined' time is out of the burden denominators.
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
  unreadable?: { beats: Uint8Array; rr: Uint8Array },
): HolterSummary {
  const secondsByLabel: HolterSummary['secondsByLabel'] = {};
  let analysed = 0;
  for (const e of episodes) {
    if (EVENT_LABELS.has(e.label)) continue;
    const s = (e.endSample - e.startSample) / fsHz;
    secondsByLabel[e.label] = (secondsByLabel[e.label] ?? 0) + s;
    if (e.label !== 'undetermined' && e.label !== 'noise') analysed += s;
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
  // Intervals with a beat in unreadable signal say nothing about the rate (missed or extra beats).
  const readable = (i: number): boolean => !unreadable || !unreadable.rr[i];
  let readableRr = 0, readableRrSumS = 0;
  if (rr) for (let i = 0; i < rr.rrS.length; i++) if (readable(i)) { readableRr++; readableRrSumS += rr.rrS[i]; }
  if (rr && readableRr > 0) {
    longest = 0;
    for (let i = 0; i < rr.rrS.length; i++) if (readable(i) && rr.rrS[i] > longest) longest = rr.rrS[i];
    longest = Math.round(longest * 1000) / 1000;
    pauseCount = episodes.filter((e) => e.label === 'pause').length;
    // Min/max over 8-beat means, as Holter reports do, so one ectopic interval is not "the max rate";
    // a window holding an unreadable interval is skipped.
    const w = Math.min(8, readableRr);
    let sum = 0, bad = 0, lo = Infinity, hi = -Infinity;
    for (let i = 0; i < rr.rrS.length; i++) {
      sum += rr.rrS[i];
      if (!readable(i)) bad++;
      if (i >= w) { sum -= rr.rrS[i - w]; if (!readable(i - w)) bad--; }
      if (i >= w - 1 && bad === 0) { if (sum < lo) lo = sum; if (sum > hi) hi = sum; }
    }
    if (lo !== Infinity) {
      maxRate = Math.round((60 * w) / lo);
      minRate = Math.round((60 * w) / hi);
    }
    meanRate = Math.round((60 * readableRr) / readableRrSumS);
  }
  let unreadableS = 0, beatsInUnreadable = 0;
  for (const e of episodes) if (e.label === 'noise') unreadableS += (e.endSample - e.startSample) / fsHz;
  if (unreadable) for (let i = 0; i < unreadable.beats.length; i++) beatsInUnreadable += unreadable.beats[i];
  const durationS = lengthSamples / fsHz;
  return {
    durationS,
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
    unreadableS: Math.round(unreadableS * 10) / 10,
    unreadablePct: durationS > 0 ? Math.round((1000 * unreadableS) / durationS) / 10 : 0,
    beatsInUnreadable,
  };
}
