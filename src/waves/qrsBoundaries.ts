import type { QrsPoints } from './types.js';

/** Result of {@link findQrsBoundaries}: the points, or null points and a reason. */
export interface QrsSearchResult {
  points: QrsPoints;
  reason: string | null;
}

const NO_QRS: QrsPoints = { onset: null, offset: null, qPeak: null, rPeak: null, sPeak: null, rPrimePeak: null };

/**
 * QRS onset/offset of one beat in one lead from the fine-scale smoothed derivative `d`: the QRS is
 * the run of slopes above `significantFraction` of the steepest slope near the fiducial (gaps up to
 * `maxGap` samples allowed); onset/offset are where the slope, walking outward from the first/last
 * significant slope maximum, falls below a fraction of the steepest QRS slope or stops decreasing (threshold rule of Martinez
 * 2004 / Laguna 1994). Q, R, S, R' are the extrema of `x` relative to the level at onset.
 *
 * @example
 * const { points } = findQrsBoundaries(x, d, 1200, 1150, 1250, 1000, 1400, 0.15, 12, 0.1, 0.1, 0.05);
 */
export function findQrsBoundaries(
  x: Float32Array, d: Float32Array, fiducial: number, searchStart: number, searchEnd: number,
  limitStart: number, limitEnd: number, significantFraction: number, maxGap: number,
  onsetFraction: number, offsetFraction: number, minPeakMv: number,
): QrsSearchResult {
  let m = -1, mv = 0;
  for (let i = searchStart; i <= searchEnd; i++) {
    const a = Math.abs(d[i]);
    if (a > mv) { mv = a; m = i; }
  }
  if (m < 0 || !(mv > 0)) return { points: { ...NO_QRS }, reason: 'no QRS slope near the beat' };
  const thr = significantFraction * mv;
  // Earliest significant sample reachable from m without a gap longer than maxGap.
  let first = m, gap = 0;
  for (let i = m - 1; i >= limitStart; i--) {
    if (Math.abs(d[i]) > thr) { first = i; gap = 0; } else if (++gap > maxGap) break;
  }
  let last = m;
  gap = 0;
  for (let i = m + 1; i <= limitEnd; i++) {
    if (Math.abs(d[i]) > thr) { last = i; gap = 0; } else if (++gap > maxGap) break;
  }
  // Climb from the outermost significant samples to their slope maxima.
  let pFirst = first;
  while (pFirst < m && Math.abs(d[pFirst + 1]) >= Math.abs(d[pFirst])) pFirst++;
  let pLast = last;
  while (pLast > m && Math.abs(d[pLast - 1]) >= Math.abs(d[pLast])) pLast--;
  const onThr = onsetFraction * mv;
  let onset = pFirst;
  while (onset > limitStart && Math.abs(d[onset - 1]) > onThr && Math.abs(d[onset - 1]) <= Math.abs(d[onset]) + onThr) onset--;
  const offThr = offsetFraction * mv;
  let offset = pLast;
  while (offset < limitEnd && Math.abs(d[offset + 1]) > offThr && Math.abs(d[offset + 1]) <= Math.abs(d[offset]) + offThr) offset++;
  if (onset <= limitStart && limitStart === 0) return { points: { ...NO_QRS }, reason: 'QRS onset before record start' };
  if (offset >= limitEnd && limitEnd === x.length - 1) return { points: { ...NO_QRS }, reason: 'QRS offset after record end' };
  return { points: qrsPeaks(x, onset, offset, minPeakMv), reason: null };
}

/** Named QRS peaks between onset and offset, relative to the level at onset. */
function qrsPeaks(x: Float32Array, onset: number, offset: number, minPeakMv: number): QrsPoints {
  const base = x[onset];
  let r = -1;
  for (let i = onset + 1; i < offset; i++) {
    const v = x[i] - base;
    if (v > minPeakMv && x[i] >= x[i - 1] && x[i] >= x[i + 1] && (r < 0 || x[i] > x[r])) r = i;
  }
  const localMin = (a: number, b: number): number => {
    let k = -1;
    for (let i = Math.max(a, onset + 1); i < Math.min(b, offset); i++) {
      if (x[i] - base < -minPeakMv && x[i] <= x[i - 1] && x[i] <= x[i + 1] && (k < 0 || x[i] < x[k])) k = i;
    }
    return k;
  };
  if (r < 0) {
    const qs = localMin(onset + 1, offset);
    return { onset, offset, qPeak: qs < 0 ? null : qs, rPeak: null, sPeak: null, rPrimePeak: null };
  }
  // The first R is the first large positive peak; a later one after an S is R'.
  let firstR = r;
  for (let i = onset + 1; i < r; i++) {
    if (x[i] - base > 0.5 * (x[r] - base) && x[i] >= x[i - 1] && x[i] >= x[i + 1]) { firstR = i; break; }
  }
  const q = localMin(onset + 1, firstR);
  const s = localMin(firstR + 1, offset);
  let rPrime = -1;
  if (s > 0) {
    for (let i = s + 1; i < offset; i++) {
      if (x[i] - base > minPeakMv && x[i] >= x[i - 1] && x[i] >= x[i + 1] && (rPrime < 0 || x[i] > x[rPrime])) rPrime = i;
    }
  }
  return { onset, offset, qPeak: q < 0 ? null : q, rPeak: firstR, sPeak: s < 0 ? null : s, rPrimePeak: rPrime < 0 ? null : rPrime };
}
