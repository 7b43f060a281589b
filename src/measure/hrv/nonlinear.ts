/** Nonlinear HRV: Poincare SD1/SD2, sample entropy, DFA alpha1/alpha2. */
export interface HrvNonlinear {
  sd1Ms: number | null;
  sd2Ms: number | null;
  sampleEntropy: number | null;
  dfaAlpha1: number | null;
  dfaAlpha2: number | null;
  reasons: Record<string, string>;
}

/**
 * Poincare SD1/SD2 (from successive differences and SDNN: SD1^2 = SDSD^2/2,
 * SD2^2 = 2 SDNN^2 - SD1^2), needs 3 NN intervals.
 *
 * @example poincareMs([800, 810, 790, 805]).sd1Ms
 */
export function poincareMs(nn: ArrayLike<number>): { sd1Ms: number | null; sd2Ms: number | null } {
  const n = nn.length;
  if (n < 3) return { sd1Ms: null, sd2Ms: null };
  let m = 0;
  for (let i = 0; i < n; i++) m += nn[i];
  m /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (nn[i] - m) ** 2;
  v /= n - 1;
  let dm = 0;
  for (let i = 1; i < n; i++) dm += nn[i] - nn[i - 1];
  dm /= n - 1;
  let dv = 0;
  for (let i = 1; i < n; i++) dv += (nn[i] - nn[i - 1] - dm) ** 2;
  dv /= n - 2;
  const sd1sq = dv / 2;
  return { sd1Ms: Math.sqrt(sd1sq), sd2Ms: Math.sqrt(Math.max(0, 2 * v - sd1sq)) };
}

/**
 * Sample entropy SampEn(m, r) (Richman & Moorman 2000), r as a fraction of the SD (default
 * m = 2, r = 0.2). Null when no template of length m+1 matches (undefined) or the series is short.
 *
 * @example sampleEntropy(nn.nnMs)
 */
export function sampleEntropy(x: ArrayLike<number>, m = 2, rFraction = 0.2): number | null {
  const n = x.length;
  if (n < m + 2) return null;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  let v = 0;
  for (let i = 0; i < n; i++) v += (x[i] - mean) ** 2;
  const r = rFraction * Math.sqrt(v / (n - 1));
  let a = 0, b = 0;
  // Both counts use the same n - m templates so A/B compares like with like.
  for (let i = 0; i < n - m; i++) {
    for (let j = i + 1; j < n - m; j++) {
      let k = 0;
      while (k < m && Math.abs(x[i + k] - x[j + k]) <= r) k++;
      if (k === m) { b++; if (Math.abs(x[i + m] - x[j + m]) <= r) a++; }
    }
  }
  if (a === 0 || b === 0) return null;
  return -Math.log(a / b);
}

/**
 * Detrended fluctuation analysis exponent over box sizes [minBox, maxBox] (beats): the slope of
 * log F(n) against log n, with linear detrending in non-overlapping boxes (Peng 1995).
 *
 * @example dfaAlpha(nn.nnMs, 4, 16) // alpha1
 */
export function dfaAlpha(x: ArrayLike<number>, minBox: number, maxBox: number): number | null {
  const n = x.length;
  if (n < 2 * maxBox) return null;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i];
  mean /= n;
  const y = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) { acc += x[i] - mean; y[i] = acc; }
  const lx: number[] = [], ly: number[] = [];
  for (let box = minBox; box <= maxBox; box++) {
    const nBoxes = Math.floor(n / box);
    let f2 = 0;
    // x positions 0..box-1: sums are closed-form.
    const sx = (box * (box - 1)) / 2, sxx = ((box - 1) * box * (2 * box - 1)) / 6;
    const den = box * sxx - sx * sx;
    for (let b = 0; b < nBoxes; b++) {
      let sy = 0, sxy = 0;
      for (let k = 0; k < box; k++) { const v = y[b * box + k]; sy += v; sxy += k * v; }
      const slope = (box * sxy - sx * sy) / den;
      const icpt = (sy - slope * sx) / box;
      for (let k = 0; k < box; k++) { const e = y[b * box + k] - (icpt + slope * k); f2 += e * e; }
    }
    const f = Math.sqrt(f2 / (nBoxes * box));
    if (f > 0) { lx.push(Math.log(box)); ly.push(Math.log(f)); }
  }
  if (lx.length < 3) return null;
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length, my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0, d = 0;
  for (let i = 0; i < lx.length; i++) { num += (lx[i] - mx) * (ly[i] - my); d += (lx[i] - mx) ** 2; }
  return num / d;
}

/**
 * All nonlinear indices with not-enough-data reasons: Poincare needs 3 NN, sample entropy 100
 * (computed on at most the first 5000),
 * DFA alpha1 (4-16 beats) 32 and alpha2 (16-64 beats) 128.
 *
 * @example hrvNonlinear(nn.nnMs).dfaAlpha1
 */
export function hrvNonlinear(nnMs: Float64Array): HrvNonlinear {
  const n = nnMs.length;
  const r: HrvNonlinear = { sd1Ms: null, sd2Ms: null, sampleEntropy: null, dfaAlpha1: null, dfaAlpha2: null, reasons: {} };
  const p = poincareMs(nnMs);
  r.sd1Ms = p.sd1Ms; r.sd2Ms = p.sd2Ms;
  if (n < 3) r.reasons.sd1Ms = r.reasons.sd2Ms = `not enough data: ${n} NN intervals, 3 needed`;
  if (n >= 100) {
    // O(n^2): long Holter series are cut to their first 5000 NN intervals (about an hour).
    r.sampleEntropy = sampleEntropy(n > 5000 ? nnMs.subarray(0, 5000) : nnMs);
    if (r.sampleEntropy === null) r.reasons.sampleEntropy = 'undefined: no matching templates of length 3';
  } else r.reasons.sampleEntropy = `not enough data: ${n} NN intervals, 100 needed`;
  if (n >= 32) r.dfaAlpha1 = dfaAlpha(nnMs, 4, 16);
  else r.reasons.dfaAlpha1 = `not enough data: ${n} NN intervals, 32 needed`;
  if (n >= 128) r.dfaAlpha2 = dfaAlpha(nnMs, 16, 64);
  else r.reasons.dfaAlpha2 = `not enough data: ${n} NN intervals, 128 needed`;
  return r;
}
