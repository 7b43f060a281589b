/** Scoring helpers for the delineation benchmark: 1:1 matching within a window, error summaries. */

export interface PointScore {
  tp: number;
  fn: number;
  fp: number;
  /** detected - reference, in ms, for matched points. */
  errorsMs: number[];
}

export const newScore = (): PointScore => ({ tp: 0, fn: 0, fp: 0, errorsMs: [] });

/**
 * Matches detected to reference points (both sorted sample indices) one to one, nearest first,
 * within `windowS`; reference points inside [spanStart, spanEnd] count.
 */
export function scorePoints(ref: number[], det: number[], spanStart: number, spanEnd: number, fsHz: number, windowS: number, into: PointScore): void {
  const r = ref.filter((v) => v >= spanStart && v <= spanEnd).sort((a, b) => a - b);
  const win = windowS * fsHz;
  // Detections just outside the span may still match a reference mark at its edge; unmatched ones
  // only count as false when they lie inside the span.
  const d = det.filter((v) => v >= spanStart - win && v <= spanEnd + win).sort((a, b) => a - b);
  const pairs: [number, number, number][] = [];
  for (let i = 0, j0 = 0; i < r.length; i++) {
    while (j0 < d.length && d[j0] < r[i] - win) j0++;
    for (let j = j0; j < d.length && d[j] <= r[i] + win; j++) pairs.push([Math.abs(d[j] - r[i]), i, j]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const ru = new Uint8Array(r.length), du = new Uint8Array(d.length);
  let tp = 0;
  for (const [, i, j] of pairs) {
    if (ru[i] || du[j]) continue;
    ru[i] = 1; du[j] = 1; tp++;
    into.errorsMs.push(((d[j] - r[i]) * 1000) / fsHz);
  }
  into.tp += tp;
  into.fn += r.length - tp;
  for (let j = 0; j < d.length; j++) if (!du[j] && d[j] >= spanStart && d[j] <= spanEnd) into.fp++;
}

export function meanSd(v: number[]): { mean: number; sd: number } {
  if (v.length === 0) return { mean: Number.NaN, sd: Number.NaN };
  let s = 0;
  for (const x of v) s += x;
  const mean = s / v.length;
  let q = 0;
  for (const x of v) q += (x - mean) ** 2;
  return { mean, sd: Math.sqrt(q / Math.max(1, v.length - 1)) };
}

export function median(v: number[]): number {
  if (v.length === 0) return Number.NaN;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
