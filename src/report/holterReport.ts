import type { AnalysisSections } from './analysisSections.js';
import type { HolterReport } from './types.js';

/** Rhythm labels that are not reported as episodes (the background rhythm and gaps). */
const NOT_EPISODES = new Set(['sinus_rhythm', 'undetermined']);

/**
 * Heart rate per minute from beat times: 60000 / median RR of the minute's beats; null under 2 beats.
 *
 * @example rateTrendBpm([0, 360, 720, 1080], 360, 60) // [60]
 */
export function rateTrendBpm(beatSamples: readonly number[], fsHz: number, durationS: number): Array<number | null> {
  const minutes = Math.max(1, Math.ceil(durationS / 60));
  const rrByMinute: number[][] = Array.from({ length: minutes }, () => []);
  for (let i = 1; i < beatSamples.length; i++) {
    const m = Math.min(minutes - 1, Math.floor(beatSamples[i] / fsHz / 60));
    rrByMinute[m].push(((beatSamples[i] - beatSamples[i - 1]) / fsHz) * 1000);
  }
  return rrByMinute.map((rr) => {
    if (rr.length < 2) return null;
    const s = [...rr].sort((a, b) => a - b);
    const med = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    return Math.round(60000 / med);
  });
}

/**
 * The summary of a long record as a Holter report gives it: beats and classes per hour, episodes
 * other than sinus rhythm with start and duration, longest pause, AF burden, ectopy counts, HRV and
 * the heart-rate trend, all from the analysis's beats, classes, rhythm and HRV sections.
 *
 * @example holterReport(analysisSections(await analyze(holterRecord)))?.afBurdenPct
 */
export function holterReport(s: AnalysisSections): HolterReport | null {
  const rhythm = s.rhythm;
  if (!rhythm) return null;
  const h = rhythm.holter;
  const beats = s.beatClasses?.samples ?? s.beats?.samples ?? [];
  const labels = s.beatClasses?.labels ?? [];
  const hours: HolterReport['hours'] = [];
  const nHours = Math.max(1, Math.ceil(s.durationS / 3600));
  for (let k = 0; k < nHours; k++) hours.push({ hour: k, beats: 0, byClass: {}, meanRateBpm: null });
  for (let i = 0; i < beats.length; i++) {
    const hr = hours[Math.min(nHours - 1, Math.floor(beats[i] / s.fsHz / 3600))];
    hr.beats++;
    const c = labels[i] ?? 'N';
    hr.byClass[c] = (hr.byClass[c] ?? 0) + 1;
  }
  for (const hr of hours) {
    const spanS = Math.min(3600, s.durationS - hr.hour * 3600);
    hr.meanRateBpm = spanS > 0 && hr.beats > 1 ? Math.round((hr.beats / spanS) * 60) : null;
  }
  const episodes = rhythm.episodes
    .filter((e) => !NOT_EPISODES.has(e.label))
    .map((e) => ({ label: e.label, startS: e.startSample / s.fsHz, durationS: (e.endSample - e.startSample) / s.fsHz, meanRateBpm: e.meanRateBpm }));
  const td = s.hrv?.timeDomain;
  return {
    durationS: s.durationS,
    hours,
    episodes,
    longestPauseS: h.longestPauseS,
    pauseCount: h.pauseCount,
    afBurdenPct: h.afBurdenPct,
    minRateBpm: h.minRateBpm,
    meanRateBpm: h.meanRateBpm,
    maxRateBpm: h.maxRateBpm,
    pvcCount: h.pvcCount,
    pacCount: h.pacCount,
    ventricularCouplets: h.ventricularCouplets,
    ventricularRuns: h.ventricularRuns,
    hrv: td ? { sdnnMs: td.sdnnMs, rmssdMs: td.rmssdMs, pnn50Pct: td.pnn50Pct, sdannMs: td.sdannMs, lfHfRatio: s.hrv?.frequencyDomain?.lfHfRatio ?? null } : null,
    rateTrendBpm: rateTrendBpm(s.beats?.samples ?? beats, s.fsHz, s.durationS),
  };
}
