/**
 * Where a stretch of a multi-lead template best fits a beat: the lag (samples) that maximises the
 * correlation between the template window and the beat, summed over all leads at once. The leads
 * record one heart at the same instants, so one lag serves them all; summing the leads' covariances
 * before normalising lets large, clean leads dominate instead of noise in small ones.
 */

/** Best lag and its joint Pearson correlation (-1..1); `r` is NaN when nothing could be compared. */
export interface JointLag {
  lagSamples: number;
  r: number;
}

/**
 * Joint-lead lag search. `templates[l]` holds lead l's template, `templateAt` is the template
 * index lined up with sample `beatAt` of the signals at lag 0, and `[from, to]` the template
 * window compared. Lags run over `[-maxLag, maxLag]`, first on a grid of `step` samples comparing
 * every step-th sample, then every lag and sample around the best grid point (a coarse-to-fine
 * search: the grid pass costs 1/step^2 of a full one). Leads whose template or window is missing
 * (NaN, or outside the record) are left out.
 *
 * @example
 * const { lagSamples, r } = jointLag(leadSamples, medianLeads, 200, 5120, 170, 240, 12, 2);
 */
export function jointLag(
  signals: ArrayLike<number>[], templates: ArrayLike<number>[], templateAt: number, beatAt: number,
  from: number, to: number, maxLag: number, step: number,
): JointLag {
  const len = to - from + 1;
  if (len < 3 || from < 0) return { lagSamples: 0, r: Number.NaN };
  const s = Math.max(1, Math.min(step, maxLag || 1));
  let best = 0, bestR = Number.NaN;
  if (s > 1) {
    const coarse = new LagScorer(signals, templates, templateAt, beatAt, from, len, s);
    for (let lag = -Math.floor(maxLag / s) * s; lag <= maxLag; lag += s) {
      const r = coarse.score(lag);
      if (r > bestR || Number.isNaN(bestR)) { bestR = r; best = lag; }
    }
  }
  const fine = new LagScorer(signals, templates, templateAt, beatAt, from, len, 1);
  const c = best;
  bestR = Number.NaN;
  for (let lag = Math.max(-maxLag, c - s + 1); lag <= Math.min(maxLag, c + s - 1); lag++) {
    const r = fine.score(lag);
    if (r > bestR || Number.isNaN(bestR)) { bestR = r; best = lag; }
  }
  return { lagSamples: best, r: bestR };
}

/** Joint correlation of the template window with the signals at any lag, comparing every `stride`-th sample. */
class LagScorer {
  private readonly m: number;
  private readonly tc: Float64Array;
  private readonly vt: Float64Array;
  constructor(
    private readonly signals: ArrayLike<number>[], templates: ArrayLike<number>[], private readonly templateAt: number,
    private readonly beatAt: number, private readonly from: number, private readonly len: number, private readonly stride: number,
  ) {
    const nl = signals.length;
    const m = (this.m = Math.ceil(len / stride));
    // The template side does not depend on the lag: centre it once per lead.
    this.tc = new Float64Array(nl * m);
    this.vt = new Float64Array(nl);
    for (let l = 0; l < nl; l++) {
      const t = templates[l];
      if (from + len > t.length) { this.vt[l] = Number.NaN; continue; }
      let st = 0;
      for (let j = 0; j < len; j += stride) st += t[from + j];
      const mt = st / m;
      let vt = 0;
      for (let j = 0, i = l * m; j < len; j += stride, i++) { const a = t[from + j] - mt; this.tc[i] = a; vt += a * a; }
      this.vt[l] = vt;
    }
  }

  score(lag: number): number {
    let cov = 0, vt = 0, vx = 0;
    const { signals, tc, m, len, stride } = this;
    const x0 = this.beatAt - this.templateAt + this.from + lag;
    for (let l = 0; l < signals.length; l++) {
      const x = signals[l];
      const vtl = this.vt[l];
      if (!(vtl >= 0) || x0 < 0 || x0 + len > x.length) continue;
      let sx = 0, sxx = 0, stx = 0;
      for (let j = 0, i = l * m; j < len; j += stride, i++) {
        const b = x[x0 + j];
        sx += b; sxx += b * b; stx += tc[i] * b;
      }
      if (Number.isNaN(stx)) continue;
      cov += stx;
      vt += vtl;
      vx += sxx - (sx * sx) / m;
    }
    return vt > 0 && vx > 0 ? cov / Math.sqrt(vt * vx) : Number.NaN;
  }
}
