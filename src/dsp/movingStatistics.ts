import { SinusError } from '../errors.js';

/*
 * Moving statistics over centred windows of `windowSamples` samples (odd lengths are exactly
 * centred; even lengths reach one sample further back). Near the ends the window shrinks to the
 * samples that exist, so every output is a statistic of real input. Each runs in O(n) or
 * O(n log w) with all buffers allocated once.
 */

function checkWindow(windowSamples: number): number {
  if (!Number.isFinite(windowSamples) || windowSamples < 1) throw new SinusError('BAD_ARGUMENT', `window must be at least 1 sample, got ${windowSamples}`);
  return Math.floor(windowSamples);
}

/**
 * Centred moving mean.
 *
 * @example
 * const smooth = movingMean(x, Math.round(0.1 * fs));
 */
export function movingMean(x: ArrayLike<number>, windowSamples: number): Float32Array {
  const w = checkWindow(windowSamples);
  const n = x.length;
  const y = new Float32Array(n);
  const back = w >> 1, ahead = w - 1 - back;
  let sum = 0;
  let lo = 0, hi = -1; // current window [lo, hi]
  for (let i = 0; i < n; i++) {
    const wantHi = Math.min(n - 1, i + ahead), wantLo = Math.max(0, i - back);
    while (hi < wantHi) sum += x[++hi];
    while (lo < wantLo) sum -= x[lo++];
    y[i] = sum / (hi - lo + 1);
  }
  return y;
}

/**
 * Centred moving root-mean-square.
 *
 * @example
 * const envelopeMv = movingRms(x, Math.round(0.15 * fs));
 */
export function movingRms(x: ArrayLike<number>, windowSamples: number): Float32Array {
  const w = checkWindow(windowSamples);
  const n = x.length;
  const y = new Float32Array(n);
  const back = w >> 1, ahead = w - 1 - back;
  let sum = 0;
  let lo = 0, hi = -1;
  for (let i = 0; i < n; i++) {
    const wantHi = Math.min(n - 1, i + ahead), wantLo = Math.max(0, i - back);
    while (hi < wantHi) { hi++; sum += x[hi] * x[hi]; }
    while (lo < wantLo) { sum -= x[lo] * x[lo]; lo++; }
    y[i] = Math.sqrt(Math.max(0, sum) / (hi - lo + 1));
  }
  return y;
}

function movingExtreme(x: ArrayLike<number>, windowSamples: number, sign: 1 | -1): Float32Array {
  const w = checkWindow(windowSamples);
  const n = x.length;
  const y = new Float32Array(n);
  const back = w >> 1, ahead = w - 1 - back;
  // Monotonic deque of indices (van Herk / Lemire): O(n) regardless of the window.
  const dq = new Int32Array(n + 1);
  let head = 0, tail = 0;
  let hi = -1;
  for (let i = 0; i < n; i++) {
    const wantHi = Math.min(n - 1, i + ahead), lo = Math.max(0, i - back);
    while (hi < wantHi) {
      hi++;
      const v = sign * x[hi];
      while (tail > head && sign * x[dq[tail - 1]] <= v) tail--;
      dq[tail++] = hi;
    }
    while (dq[head] < lo) head++;
    y[i] = x[dq[head]];
  }
  return y;
}

/**
 * Centred moving maximum.
 *
 * @example
 * const peakEnvelope = movingMax(absX, Math.round(0.2 * fs));
 */
export function movingMax(x: ArrayLike<number>, windowSamples: number): Float32Array {
  return movingExtreme(x, windowSamples, 1);
}

/**
 * Centred moving minimum.
 *
 * @example
 * const floor = movingMin(x, 51);
 */
export function movingMin(x: ArrayLike<number>, windowSamples: number): Float32Array {
  return movingExtreme(x, windowSamples, -1);
}

/**
 * Centred moving median (a sorted window kept by binary insertion; O(n log w) compares plus one
 * block move per sample). NaN inputs are not allowed.
 *
 * @example
 * const baselineMv = movingMedian(x, Math.round(0.2 * fs) | 1);
 */
export function movingMedian(x: ArrayLike<number>, windowSamples: number): Float32Array {
  const w = checkWindow(windowSamples);
  const n = x.length;
  const y = new Float32Array(n);
  const back = w >> 1, ahead = w - 1 - back;
  const sorted = new Float64Array(w);
  let count = 0;
  const lowerBound = (v: number) => {
    let a = 0, b = count;
    while (a < b) {
      const m = (a + b) >> 1;
      if (sorted[m] < v) a = m + 1; else b = m;
    }
    return a;
  };
  let lo = 0, hi = -1;
  for (let i = 0; i < n; i++) {
    const wantHi = Math.min(n - 1, i + ahead), wantLo = Math.max(0, i - back);
    while (lo < wantLo) {
      const at = lowerBound(x[lo]);
      sorted.copyWithin(at, at + 1, count);
      count--;
      lo++;
    }
    while (hi < wantHi) {
      hi++;
      const v = x[hi];
      const at = lowerBound(v);
      sorted.copyWithin(at + 1, at, count);
      sorted[at] = v;
      count++;
    }
    y[i] = count & 1 ? sorted[count >> 1] : 0.5 * (sorted[(count >> 1) - 1] + sorted[count >> 1]);
  }
  return y;
}
