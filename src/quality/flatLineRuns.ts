import type { QualityFinding, QualitySeverity } from './types.js';
import { round3 } from './windowFindings.js';

/**
 * Lead-off / flat-line stretches: runs of at least `minDurationS` over which the lead stays within
 * `toleranceMv` (max - min). A living ECG is never that still for half a second, so such a run is
 * a disconnected electrode, a dropout or held missing samples. Severity: mild < 1 s, moderate
 * < 2 s, severe from 2 s. `value` is the run's duration in seconds.
 *
 * @example
 * const runs = flatLineFindings(x, 500, 'V1', 0.005);
 */
export function flatLineFindings(x: Float32Array, fsHz: number, lead: string, toleranceMv: number, minDurationS = 0.5): QualityFinding[] {
  const out: QualityFinding[] = [];
  const n = x.length;
  const minLen = Math.max(2, Math.round(minDurationS * fsHz));
  let start = 0;
  let lo = x[0];
  let hi = x[0];
  const close = (end: number) => {
    const len = end - start;
    if (len >= minLen) {
      const s = len / fsHz;
      const severity: QualitySeverity = s >= 2 ? 'severe' : s >= 1 ? 'moderate' : 'mild';
      out.push({ lead, kind: 'flat-line', severity, startSample: start, endSample: end, value: round3(s), unit: 's' });
    }
  };
  for (let i = 1; i < n; i++) {
    const v = x[i];
    const nlo = v < lo ? v : lo;
    const nhi = v > hi ? v : hi;
    if (nhi - nlo <= toleranceMv) {
      lo = nlo;
      hi = nhi;
      continue;
    }
    close(i);
    start = i;
    lo = v;
    hi = v;
  }
  close(n);
  return out;
}

/**
 * Clipping / saturation: runs of at least 15 ms pinned at the lead's own extreme value (within
 * half an ADC step), which a real R wave never does. Runs are grouped per analysis window; the
 * finding's `value` is the clipped duration in seconds. Severity: severe when a run lasts 100 ms
 * or the window is >= 10% clipped, moderate from 2%, else mild.
 */
export function clippingFindings(x: Float32Array, fsHz: number, lead: string, lsbMv: number, windowStarts: Int32Array): QualityFinding[] {
  const n = x.length;
  if (n === 0) return [];
  let mx = -Infinity;
  let mn = Infinity;
  for (let i = 0; i < n; i++) {
    if (x[i] > mx) mx = x[i];
    if (x[i] < mn) mn = x[i];
  }
  if (mx - mn <= lsbMv) return []; // a flat lead is a flat-line finding, not clipping
  const tol = Math.max(0.5 * lsbMv, 1e-6);
  const minRun = Math.max(3, Math.round(0.015 * fsHz));
  const longRun = Math.round(0.1 * fsHz);
  const nw = windowStarts.length - 1;
  const clipped = new Float64Array(nw);
  const hasLong = new Uint8Array(nw);
  let w = 0;
  let i = 0;
  while (i < n) {
    const atMax = mx - x[i] <= tol;
    const atMin = x[i] - mn <= tol;
    if (!atMax && !atMin) {
      i++;
      continue;
    }
    let e = i + 1;
    while (e < n && (atMax ? mx - x[e] <= tol : x[e] - mn <= tol)) e++;
    if (e - i >= minRun) {
      for (let j = i; j < e; j++) {
        while (w < nw - 1 && j >= windowStarts[w + 1]) w++;
        clipped[w]++;
        if (e - i >= longRun) hasLong[w] = 1;
      }
    }
    i = e;
  }
  const out: QualityFinding[] = [];
  let k = 0;
  while (k < nw) {
    if (clipped[k] === 0) {
      k++;
      continue;
    }
    let e = k;
    let total = 0;
    let level = 0;
    while (e < nw && clipped[e] > 0) {
      const frac = clipped[e] / (windowStarts[e + 1] - windowStarts[e]);
      level = Math.max(level, hasLong[e] || frac >= 0.1 ? 3 : frac >= 0.02 ? 2 : 1);
      total += clipped[e];
      e++;
    }
    out.push({
      lead,
      kind: 'clipping',
      severity: level === 3 ? 'severe' : level === 2 ? 'moderate' : 'mild',
      startSample: windowStarts[k],
      endSample: windowStarts[e],
      value: round3(total / fsHz),
      unit: 's',
    });
    k = e;
  }
  return out;
}
