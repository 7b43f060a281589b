/** Tuning of {@link globalTEnd}. */
export interface GlobalTEndOptions {
  /** Leads whose T is smaller than this fraction of the largest lead's T give no tangent (0 = magnitude tangent only). */
  tEndLeadMinAmplitude: number;
  /** A lead's tangent T end later than the magnitude's by more than this (ms) is a stray (U wave, next P) and left out. */
  tEndLeadLateMs: number;
  /** The global T end is the lead T end of this rank from the latest (1 = the latest; 2 = the second latest, so one lead alone cannot lengthen it). */
  tEndLeadRank: number;
}

/**
 * The global T end (index on a 1 kHz grid) of median beats already band-limited and brought to a
 * 1 kHz grid, QRS onset `on` and offset `off` known: the latest of the leads' tangent T ends (the
 * tangent at the steepest descent of each lead's T, measured from its level just before the QRS,
 * meets that level), as IEC 60601-2-25 and CSE take the global T end as the latest T end of any lead.
 * Only leads whose T is at least `tEndLeadMinAmplitude` of the largest take part (a flat T has no
 * tangent), and a lead's end more than `tEndLeadLateMs` after the spatial magnitude's tangent T end
 * (the same construction on the root of the leads' summed squares) is left out as a stray. Returns
 * why when there is no T.
 *
 * @example
 * const tEnd = globalTEnd(curves1kHz, qrsOn, qrsOff, fiducial, 850, { tEndLeadMinAmplitude: 0.25, tEndLeadLateMs: 60 });
 */
export function globalTEnd(curves: Float32Array[], on: number, off: number, fid: number, rrMs: number | null, o: GlobalTEndOptions): number | string {
  const n = curves[0].length;
  // Each lead's level just before the QRS is its zero.
  const b0 = Math.max(0, on - 20), b1 = Math.max(b0 + 1, on - 5);
  const base = curves.map((c) => { let s = 0; for (let i = b0; i < b1; i++) s += c[i]; return s / (b1 - b0); });
  const mag = new Float64Array(n);
  for (let i = 0; i < n; i++) { let s = 0; for (let l = 0; l < curves.length; l++) { const d = curves[l][i] - base[l]; s += d * d; } mag[i] = Math.sqrt(s); }
  const end = Math.min(n - 2, fid + Math.max(300, rrMs === null ? 650 : Math.min(rrMs - 80, 700)));
  const from = off + 60;
  if (end - from < 60) return 'the beat is too short after the QRS for a T wave';
  // The T peak lies within 0.6 RR of the QRS onset (300-550 ms): later peaks are a U wave or the next P.
  const peakEnd = Math.min(end, on + Math.max(300, Math.min(550, 0.6 * (rrMs ?? 900))));
  let pk = from;
  for (let i = from; i <= peakEnd; i++) if (mag[i] > mag[pk]) pk = i;
  const magEnd = tangentEnd(mag, pk, end, 1, 0, true);
  if (magEnd === null) return 'the T wave has no descent in the median beat';
  if (o.tEndLeadMinAmplitude <= 0) return magEnd;
  const leads: { amp: number; t: number | null }[] = curves.map((c, l) => {
    let lp = Math.max(from, pk - 80);
    for (let i = lp; i <= Math.min(end, pk + 80); i++) if (Math.abs(c[i] - base[l]) > Math.abs(c[lp] - base[l])) lp = i;
    return { amp: Math.abs(c[lp] - base[l]), t: tangentEnd(c, lp, end, Math.sign(c[lp] - base[l]) || 1, base[l], false) };
  });
  const big = Math.max(...leads.map((x) => x.amp));
  const ends = leads.filter((x) => x.t !== null && x.amp >= o.tEndLeadMinAmplitude * big && x.t <= magEnd + o.tEndLeadLateMs).map((x) => x.t!).sort((a, b) => b - a);
  const ranked = ends[Math.min(ends.length, Math.max(1, o.tEndLeadRank)) - 1];
  return ranked === undefined ? magEnd : Math.max(magEnd, ranked);
}

/**
 * Where the tangent at the steepest descent of `sign x (x - level)` after `peak` (within 250 ms,
 * slope over +-4 samples) meets zero (or, `toLowest`, the lowest value after the descent), capped
 * at `end`; null without a descent.
 */
function tangentEnd(x: ArrayLike<number>, peak: number, end: number, sign: number, level: number, toLowest: boolean): number | null {
  const h = 4;
  let steep = -1, slope = 0;
  for (let i = peak + h; i <= Math.min(end - h, peak + 250); i++) {
    const d = (sign * (x[i + h] - x[i - h])) / (2 * h);
    if (d < slope) { slope = d; steep = i; }
  }
  if (steep < 0) return null;
  // The magnitude never returns below its lowest level after the T; a lead returns to its zero.
  let floor = 0;
  if (toLowest) { floor = Infinity; for (let i = steep; i <= end; i++) floor = Math.min(floor, sign * (x[i] - level)); }
  return Math.min(end, steep + (sign * (x[steep] - level) - floor) / -slope);
}
