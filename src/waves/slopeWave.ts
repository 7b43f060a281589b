/**
 * Finds one low-frequency wave (P or T) in a window from its two largest opposite slopes, as the
 * wavelet delineators do (Martinez 2004: the wave is the pair of modulus maxima of opposite sign at
 * a coarse scale; its peak lies between them; its onset and offset are where the slope decays to a
 * fraction of the outer maxima). Works on a local buffer so the QRS can be held flat first.
 */

/** A wave found by {@link findSlopeWave}; indices are into the local buffer. */
export interface SlopeWave {
  onset: number;
  peak: number;
  offset: number;
  /** +1 for a wave rising first (upright), -1 for one falling first (inverted). */
  sign: 1 | -1;
  /** Largest rising and falling slopes (mV/s). */
  riseMvPerS: number;
  fallMvPerS: number;
  /** Buffer indices of the pair's first and last slope maxima (the peak lies between them). */
  firstSlope: number;
  lastSlope: number;
  /** True when the onset or offset search hit the edge of the allowed span. */
  onsetAtEdge: boolean;
  offsetAtEdge: boolean;
}

/**
 * Locates a wave in `d` (smoothed derivative) / `y` (smoothed signal) between `start` and `end`
 * (inclusive). Boundaries may extend to `[spanStart, spanEnd]`. Returns null when the window has
 * no interior slope maximum of each sign.
 *
 * @example
 * const w = findSlopeWave(d, y, 40, 200, 0, 260, 0.3, 0.3);
 */
export function findSlopeWave(
  d: Float32Array, y: Float32Array, start: number, end: number,
  spanStart: number, spanEnd: number, onsetFraction: number, offsetFraction: number,
  extendFraction = 0, extendGap = 0,
): SlopeWave | null {
  let iMax = -1, iMin = -1;
  let vMax = 0, vMin = 0;
  const s = Math.max(start, spanStart + 1), e = Math.min(end, spanEnd - 1);
  for (let i = s; i <= e; i++) {
    const v = d[i];
    // Only interior local extrema: an edge value that keeps growing outward belongs to a neighbour.
    if (v > vMax && v >= d[i - 1] && v >= d[i + 1]) { vMax = v; iMax = i; }
    if (v < vMin && v <= d[i - 1] && v <= d[i + 1]) { vMin = v; iMin = i; }
  }
  if (iMax < 0 || iMin < 0) return null;
  const sign: 1 | -1 = iMax < iMin ? 1 : -1;
  const first = sign === 1 ? iMax : iMin;
  const last = sign === 1 ? iMin : iMax;
  let peak = first;
  if (sign === 1) { for (let i = first; i <= last; i++) if (y[i] > y[peak]) peak = i; }
  else { for (let i = first; i <= last; i++) if (y[i] < y[peak]) peak = i; }
  // A notched (bifid) wave has more slope lobes than the two largest: take in outer lobes of either
  // sign that reach extendFraction of the pair's smaller slope and follow within extendGap samples.
  let outerFirst = first, outerLast = last;
  if (extendFraction > 0) {
    const thr = extendFraction * Math.min(vMax, -vMin);
    for (let i = first - 1, gap = 0; i >= s; i--) {
      if (Math.abs(d[i]) >= thr) { if (Math.abs(d[i]) >= Math.abs(d[i - 1]) && Math.abs(d[i]) >= Math.abs(d[i + 1])) outerFirst = i; gap = 0; }
      else if (++gap > extendGap) break;
    }
    for (let i = last + 1, gap = 0; i <= e; i++) {
      if (Math.abs(d[i]) >= thr) { if (Math.abs(d[i]) >= Math.abs(d[i - 1]) && Math.abs(d[i]) >= Math.abs(d[i + 1])) outerLast = i; gap = 0; }
      else if (++gap > extendGap) break;
    }
  }
  const firstMag = Math.abs(d[outerFirst]);
  const onThr = onsetFraction * firstMag;
  let onset = outerFirst;
  while (onset > spanStart && Math.abs(d[onset - 1]) > onThr && Math.sign(d[onset - 1]) === Math.sign(d[outerFirst])) onset--;
  const lastMag = Math.abs(d[outerLast]);
  const offThr = offsetFraction * lastMag;
  let offset = outerLast;
  while (offset < spanEnd && Math.abs(d[offset + 1]) > offThr && Math.sign(d[offset + 1]) === Math.sign(d[outerLast])) offset++;
  return {
    onset, peak, offset, sign, firstSlope: first, lastSlope: last,
    riseMvPerS: vMax, fallMvPerS: vMin,
    onsetAtEdge: onset <= spanStart, offsetAtEdge: offset >= spanEnd,
  };
}
