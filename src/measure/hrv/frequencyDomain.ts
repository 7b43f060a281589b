import { lombScarglePsd } from './lombScargle.js';

/** Frequency-domain HRV (ms^2) from a Lomb-Scargle spectrum of the NN series. */
export interface HrvFrequencyDomain {
  vlfMs2: number | null;
  lfMs2: number | null;
  hfMs2: number | null;
  lfHfRatio: number | null;
  /** LF and HF in normalised units (share of LF+HF, %). */
  lfNu: number | null;
  hfNu: number | null;
  reasons: Record<string, string>;
}

/** Task Force bands (Hz) and the shortest recording each needs (s): ~ 2 cycles of its lowest frequency, and 5 min for VLF. */
const BANDS = { vlf: [0.0033, 0.04, 300], lf: [0.04, 0.15, 120], hf: [0.15, 0.4, 60] } as const;

/**
 * VLF/LF/HF power and LF/HF by Lomb-Scargle, which needs no resampling of the uneven NN series and
 * tolerates gaps left by excluded ectopic beats. A band is null when the recording is shorter than
 * it needs (VLF 5 min, LF 2 min, HF 1 min) or there are fewer than 10 NN intervals.
 *
 * @example hrvFrequencyDomain(nn.nnMs, nn.timesS).lfHfRatio
 */
export function hrvFrequencyDomain(nnMs: Float64Array, timesS: Float64Array): HrvFrequencyDomain {
  const r: HrvFrequencyDomain = { vlfMs2: null, lfMs2: null, hfMs2: null, lfHfRatio: null, lfNu: null, hfNu: null, reasons: {} };
  const n = nnMs.length;
  const durationS = n >= 2 ? timesS[n - 1] - timesS[0] : 0;
  if (n < 10) {
    for (const k of ['vlfMs2', 'lfMs2', 'hfMs2', 'lfHfRatio', 'lfNu', 'hfNu']) r.reasons[k] = `not enough data: ${n} NN intervals, 10 needed`;
    return r;
  }
  const df = 1 / 1024;
  const nf = Math.floor(0.4 / df) + 1;
  const freqs = new Float64Array(nf);
  for (let i = 0; i < nf; i++) freqs[i] = (i + 1) * df;
  const psd = lombScarglePsd(timesS, nnMs, freqs);
  const band = (lo: number, hi: number) => {
    let s = 0;
    for (let i = 0; i < nf; i++) if (freqs[i] >= lo && freqs[i] < hi) s += psd[i] * df;
    return s;
  };
  const put = (key: 'vlfMs2' | 'lfMs2' | 'hfMs2', b: readonly [number, number, number]) => {
    if (durationS >= b[2]) r[key] = band(b[0], b[1]);
    else r.reasons[key] = `not enough data: ${durationS.toFixed(0)} s of NN intervals, ${b[2]} s needed`;
  };
  put('vlfMs2', BANDS.vlf); put('lfMs2', BANDS.lf); put('hfMs2', BANDS.hf);
  if (r.lfMs2 !== null && r.hfMs2 !== null && r.hfMs2 > 0) {
    r.lfHfRatio = r.lfMs2 / r.hfMs2;
    r.lfNu = (100 * r.lfMs2) / (r.lfMs2 + r.hfMs2);
    r.hfNu = 100 - r.lfNu;
  } else r.reasons.lfHfRatio = r.reasons.lfNu = r.reasons.hfNu = r.reasons.lfMs2 ?? r.reasons.hfMs2 ?? 'no HF power';
  return r;
}
