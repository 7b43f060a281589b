/** Time-domain HRV (Task Force 1996). Null fields have a reason in `reasons`. */
export interface HrvTimeDomain {
  meanNnMs: number | null;
  sdnnMs: number | null;
  rmssdMs: number | null;
  pnn50Pct: number | null;
  /** SD of the means of 5-min segments, and mean of their SDs: records over 10 minutes only. */
  sdannMs: number | null;
  sdnnIndexMs: number | null;
  reasons: Record<string, string>;
}

function sd(v: ArrayLike<number>, from = 0, to = v.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += v[i];
  const m = s / (to - from);
  let q = 0;
  for (let i = from; i < to; i++) q += (v[i] - m) ** 2;
  return Math.sqrt(q / (to - from - 1));
}

/**
 * Mean NN, SDNN, RMSSD, pNN50, and for recordings over 10 min SDANN and SDNN index (5-min
 * segments). Needs 2 NN intervals for mean/SDNN and 2 successive differences for RMSSD/pNN50.
 *
 * @example hrvTimeDomain(nn.nnMs, nn.timesS).rmssdMs
 */
export function hrvTimeDomain(nnMs: Float64Array, timesS: Float64Array): HrvTimeDomain {
  const n = nnMs.length;
  const r: HrvTimeDomain = { meanNnMs: null, sdnnMs: null, rmssdMs: null, pnn50Pct: null, sdannMs: null, sdnnIndexMs: null, reasons: {} };
  if (n >= 1) { let s = 0; for (let i = 0; i < n; i++) s += nnMs[i]; r.meanNnMs = s / n; }
  else r.reasons.meanNnMs = 'not enough data: 0 NN intervals, 1 needed';
  if (n >= 2) r.sdnnMs = sd(nnMs);
  else r.reasons.sdnnMs = `not enough data: ${n} NN intervals, 2 needed`;
  // Successive differences only between NN intervals that are truly adjacent (no excluded beat between).
  let sq = 0, cnt = 0, over50 = 0;
  for (let i = 1; i < n; i++) {
    if (Math.abs(timesS[i] - timesS[i - 1] - nnMs[i] / 1000) > 1e-3) continue;
    const d = nnMs[i] - nnMs[i - 1];
    sq += d * d; cnt++;
    if (Math.abs(d) > 50) over50++;
  }
  if (cnt >= 2) { r.rmssdMs = Math.sqrt(sq / cnt); r.pnn50Pct = (100 * over50) / cnt; }
  else { r.reasons.rmssdMs = r.reasons.pnn50Pct = `not enough data: ${cnt} successive NN differences, 2 needed`; }
  const durationS = n ? timesS[n - 1] - (timesS[0] - nnMs[0] / 1000) : 0;
  if (durationS > 600) {
    const t0 = timesS[0] - nnMs[0] / 1000;
    const means: number[] = [], sds: number[] = [];
    for (let seg = 0, i = 0; t0 + (seg + 1) * 300 <= timesS[n - 1] + 1e-9; seg++) {
      const start = i;
      while (i < n && timesS[i] <= t0 + (seg + 1) * 300) i++;
      if (i - start >= 2) {
        let s = 0;
        for (let k = start; k < i; k++) s += nnMs[k];
        means.push(s / (i - start));
        sds.push(sd(nnMs, start, i));
      }
    }
    if (means.length >= 2) {
      r.sdannMs = sd(means);
      r.sdnnIndexMs = sds.reduce((a, b) => a + b, 0) / sds.length;
    } else r.reasons.sdannMs = r.reasons.sdnnIndexMs = `not enough data: ${means.length} usable 5-min segments, 2 needed`;
  } else {
    r.reasons.sdannMs = r.reasons.sdnnIndexMs = `not enough data: ${durationS.toFixed(0)} s of NN intervals, over 600 s needed`;
  }
  return r;
}
