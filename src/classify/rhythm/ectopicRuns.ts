/**
 * Runs and patterns of ectopic beats from beat classes: V runs (VT when faster than 100 bpm),
 * S runs (SVTA), couplets, bigeminy (N V N V ...) and trigeminy (N N V N N V ...).
 */
import type { BeatClass } from './types.js';

/** A run of beats [first, last] (beat indices, inclusive). */
export interface BeatRun {
  first: number;
  last: number;
}

/**
 * Maximal runs of consecutive beats of class `cls`, of at least `minLength` beats.
 *
 * @example
 * runsOfClass(['N', 'V', 'V', 'V', 'N'], 'V', 3); // [{ first: 1, last: 3 }]
 */
export function runsOfClass(classes: ArrayLike<BeatClass | string>, cls: BeatClass, minLength: number): BeatRun[] {
  const out: BeatRun[] = [];
  let i = 0;
  const n = classes.length;
  while (i < n) {
    if (classes[i] !== cls) { i++; continue; }
    let j = i;
    while (j + 1 < n && classes[j + 1] === cls) j++;
    if (j - i + 1 >= minLength) out.push({ first: i, last: j });
    i = j + 1;
  }
  return out;
}

/**
 * Stretches of ventricular bigeminy (`period` 2: N V) or trigeminy (`period` 3: N N V) holding at
 * least `minCycles` consecutive cycles. Returns beat-index runs.
 *
 * @example
 * ventricularGeminyRuns('NVNVNVNV'.split(''), 2, 3); // [{ first: 0, last: 7 }]
 */
export function ventricularGeminyRuns(classes: ArrayLike<BeatClass | string>, period: 2 | 3, minCycles = 3): BeatRun[] {
  const out: BeatRun[] = [];
  const n = classes.length;
  // A cycle ending at beat v: classes[v] = V and the period-1 beats before it are N.
  const cycleAt = (v: number): boolean => {
    if (v - (period - 1) < 0 || classes[v] !== 'V') return false;
    for (let k = 1; k < period; k++) if (classes[v - k] !== 'N') return false;
    return true;
  };
  let v = 0;
  while (v < n) {
    if (!cycleAt(v)) { v++; continue; }
    let cycles = 1;
    let end = v;
    while (end + period < n && cycleAt(end + period)) { end += period; cycles++; }
    if (cycles >= minCycles) out.push({ first: v - (period - 1), last: end });
    v = end + 1;
  }
  return out;
}
