/**
 * Atrial fibrillation episodes from beat-by-beat RR irregularity, with hysteresis: an episode
 * opens when irregularity rises above `onThreshold` and closes only when it falls below
 * `offThreshold`, so a few regular-looking beats inside AF do not split it.
 */
import type { RrSeries } from './rrIntervals.js';
import { median } from './median.js';
import { rrIrregularityByBeat } from './rrIrregularity.js';

export interface AfOptions {
  /** Intervals per irregularity window; default 24 (about 15-20 s of AF). */
  windowBeats?: number;
  /** Irregularity that opens an episode; default 0.085. */
  onThreshold?: number;
  /** Irregularity below which an open episode closes; default 0.06. */
  offThreshold?: number;
  /** Turning-point ratio needed to open an episode (random: 2/3); default 0.5. */
  minTurningPointRatio?: number;
  /**
   * P-wave consistency per beat (see pWaveConsistencyByBeat), when a lead is available: an episode
   * opens only where it is below `maxPWaveConsistency` (P waves absent) and closes where it rises
   * above `closePWaveConsistency` (P waves back).
   */
  pWaveConsistency?: Float64Array;
  /** Default 0.3. */
  maxPWaveConsistency?: number;
  /** Default 0.45. */
  closePWaveConsistency?: number;
  /** A run whose median P-wave consistency is at or above this is not AF; default 0.2. */
  maxRunPWaveConsistency?: number;
  /** AF runs separated by up to this many intervals without P waves are merged; default 40. */
  mergeGapNoPBeats?: number;
  /** Episodes with fewer intervals are dropped; default 12. */
  minBeats?: number;
  /** Episodes separated by fewer intervals are merged; default 6. */
  mergeGapBeats?: number;
}

/** An AF run in interval indices: intervals [firstRr, lastRr] inclusive, with its mean evidence. */
export interface AfRun {
  firstRr: number;
  lastRr: number;
  /** 0..1, mean over the run of a logistic map of irregularity around the on threshold. */
  confidence: number;
  meanIrregularity: number;
}

/**
 * AF runs (interval indices) from an RR series.
 *
 * @example
 * const runs = afRunsFromRr(rrSeriesFromBeats(beats, fs, classes));
 */
export function afRunsFromRr(series: RrSeries, options: AfOptions = {}): { runs: AfRun[]; irregularity: Float64Array; turningPointRatio: Float64Array } {
  const on = options.onThreshold ?? 0.085;
  const off = options.offThreshold ?? 0.06;
  const minBeats = options.minBeats ?? 12;
  const mergeGap = options.mergeGapBeats ?? 6;
  const minTpr = options.minTurningPointRatio ?? 0.5;
  const pWave = options.pWaveConsistency;
  const pOpen = options.maxPWaveConsistency ?? 0.3;
  const pClose = options.closePWaveConsistency ?? 0.45;
  const { irregularity: irr, turningPointRatio: tpr } = rrIrregularityByBeat(series, options.windowBeats ?? 24);
  const n = irr.length;
  const raw: Array<[number, number]> = [];
  let inAf = false;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const v = irr[i];
    if (v !== v) continue; // unknown: keep the current state
    const pc = pWave ? pWave[i + 1] : NaN;
    if (!inAf && v >= on && tpr[i] >= minTpr && !(pc >= pOpen)) {
      inAf = true;
      start = i;
    } else if (inAf && (v < off || pc > pClose)) {
      inAf = false;
      raw.push([start, i - 1]);
    }
  }
  if (inAf) raw.push([start, n - 1]);
  // A gap between AF runs where P waves are still absent is AF with a briefly regular-looking
  // ventricular response (or ectopy), not a return to sinus rhythm.
  const mergeGapNoP = options.mergeGapNoPBeats ?? 40;
  const gapHasNoP = (a: number, b: number): boolean => {
    let below = 0, known = 0;
    for (let i = a; i < b; i++) {
      const v = pWave![i + 1];
      if (v !== v) continue;
      known++;
      if (v < pOpen) below++;
    }
    return known > 0 && below >= 0.8 * known;
  };
  const merged: Array<[number, number]> = [];
  for (const r of raw) {
    const last = merged[merged.length - 1];
    if (last && (r[0] - last[1] <= mergeGap || (pWave && r[0] - last[1] <= mergeGapNoP && gapHasNoP(last[1] + 1, r[0])))) last[1] = r[1];
    else merged.push([r[0], r[1]]);
  }
  const runs: AfRun[] = [];
  const runMaxP = options.maxRunPWaveConsistency ?? 0.2;
  const buf = new Float64Array(n + 1);
  for (const [a, b] of merged) {
    if (b - a + 1 < minBeats) continue;
    if (pWave) {
      // Over the whole run P waves must be absent, not only where it opened: the median P-wave
      // consistency of AF beats is below 0.2 (its 95th percentile in MIT-BIH AF is about 0.2).
      let m = 0;
      for (let i = a + 1; i <= b + 1; i++) if (pWave[i] === pWave[i]) buf[m++] = pWave[i];
      if (m > 0 && median(buf, m) >= runMaxP) continue;
    }
    let s = 0, c = 0, si = 0;
    for (let i = a; i <= b; i++) {
      const v = irr[i];
      if (v !== v) continue;
      s += 1 / (1 + Math.exp(-(v - on) / 0.015));
      si += v;
      c++;
    }
    runs.push({ firstRr: a, lastRr: b, confidence: c ? s / c : 0.5, meanIrregularity: c ? si / c : NaN });
  }
  return { runs, irregularity: irr, turningPointRatio: tpr };
}
