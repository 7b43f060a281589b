/**
 * RR intervals in seconds from beat positions, with the intervals that touch an ectopic (V, or
 * unclassifiable Q) beat flagged, so irregularity measures can skip them.
 */
import { median } from './median.js';
import type { BeatClass } from './types.js';

export const VENTRICULAR = 1;
export const SUPRAVENTRICULAR = 2;

export interface RrSeries {
  /** rrS[i] = (beat[i+1] - beat[i]) / fs; length = beats - 1. */
  rrS: Float64Array;
  /** 0 normal; VENTRICULAR where the interval starts or ends at a V/F/Q beat; SUPRAVENTRICULAR at an S beat. */
  ectopic: Uint8Array;
}

/**
 * RR intervals (s) and their ectopic flags.
 *
 * @example
 * const { rrS } = rrSeriesFromBeats(new Int32Array([0, 360, 720]), 360); // rrS = [1, 1]
 */
export function rrSeriesFromBeats(beats: ArrayLike<number>, fsHz: number, classes?: ArrayLike<BeatClass | string>): RrSeries {
  const n = Math.max(0, beats.length - 1);
  const rrS = new Float64Array(n);
  const ectopic = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    rrS[i] = (beats[i + 1] - beats[i]) / fsHz;
    if (classes) {
      const a = classes[i];
      const b = classes[i + 1];
      // The interval into an ectopic beat is premature and the one after it compensatory (or
      // reset): neither is the underlying atrial-to-ventricular timing, so neither says anything
      // about AF. A classifier that calls AF beats S would hide AF here, which is why AF windows
      // with too few usable intervals fall back to all intervals (see rrIrregularity).
      if (a === 'V' || a === 'F' || a === 'Q' || b === 'V' || b === 'F' || b === 'Q') ectopic[i] = VENTRICULAR;
      else if (a !== 'N' || b !== 'N') ectopic[i] = SUPRAVENTRICULAR;
    }
  }
  return { rrS, ectopic };
}

/**
 * Per beat: 1 where the interval into it is shorter than `fraction` of the median of the
 * `windowIntervals` intervals around it (a premature beat: PAC, PVC, or a run of them), else 0.
 * The first beat is never premature.
 *
 * @example
 * prematureBeats(new Int32Array([0, 360, 720, 900, 1260]), 0.85); // [0, 0, 0, 1, 0]
 */
export function prematureBeats(beats: ArrayLike<number>, fraction = 0.85, windowIntervals = 9): Uint8Array {
  const n = beats.length;
  const out = new Uint8Array(n);
  const buf = new Float64Array(windowIntervals);
  const half = windowIntervals >> 1;
  for (let k = 1; k < n; k++) {
    const i = k - 1; // interval into beat k
    let m = 0;
    for (let j = Math.max(0, i - half); j < Math.min(n - 1, i + half + 1); j++) buf[m++] = beats[j + 1] - beats[j];
    if (beats[k] - beats[k - 1] < fraction * median(buf, m)) out[k] = 1;
  }
  return out;
}
