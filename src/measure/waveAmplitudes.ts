import type { LeadBeatDelineation } from '../waves/types.js';

/** Amplitudes (mV) of one beat in one lead, relative to the PR-segment isoelectric level. */
export interface WaveAmplitudesMv {
  pMv: number | null;
  qMv: number | null;
  rMv: number | null;
  sMv: number | null;
  rPrimeMv: number | null;
  tMv: number | null;
  /** ST level at the J point (QRS offset) and 60 ms after it. */
  stJMv: number | null;
  stJ60Mv: number | null;
  /** Net QRS deflection (R + R' - |Q| - |S| by peak heights, i.e. max + min), for the axis. */
  qrsNetMv: number | null;
  /** Signed P and T areas (mV*s) over the wave, for the axis. */
  pAreaMvS: number | null;
  tAreaMvS: number | null;
}

/**
 * Amplitudes of P, Q, R, S, R', T and ST levels at J and J+60 ms, in one lead, from a delineated
 * beat. Q and S are negative numbers (mV below baseline); a missing wave is null.
 *
 * @example
 * const a = waveAmplitudesMv(lead.samples, 500, delineation.leads[1].beats[0]);
 */
export function waveAmplitudesMv(x: ArrayLike<number>, fsHz: number, b: LeadBeatDelineation): WaveAmplitudesMv {
  const out: WaveAmplitudesMv = { pMv: null, qMv: null, rMv: null, sMv: null, rPrimeMv: null, tMv: null, stJMv: null, stJ60Mv: null, qrsNetMv: null, pAreaMvS: null, tAreaMvS: null };
  if (b.baselineMv === null) return out;
  const base = b.baselineMv;
  const at = (i: number | null) => (i === null || i < 0 || i >= x.length || Number.isNaN(x[i]) ? null : x[i] - base);
  // Average a few samples so one noisy sample does not set an amplitude.
  const avg = (i: number | null, halfMs: number) => {
    if (i === null) return null;
    const h = Math.max(0, Math.round((halfMs * fsHz) / 1000));
    let s = 0, c = 0;
    for (let k = i - h; k <= i + h; k++) if (k >= 0 && k < x.length && !Number.isNaN(x[k])) { s += x[k]; c++; }
    return c ? s / c - base : null;
  };
  out.pMv = avg(b.p.peak, 4);
  out.qMv = at(b.qrs.qPeak);
  out.rMv = at(b.qrs.rPeak);
  out.sMv = at(b.qrs.sPeak);
  out.rPrimeMv = at(b.qrs.rPrimePeak);
  out.tMv = avg(b.t.peak, 10);
  out.stJMv = avg(b.qrs.offset, 2);
  out.stJ60Mv = b.qrs.offset === null ? null : avg(b.qrs.offset + Math.round((60 * fsHz) / 1000), 4);
  if (b.qrs.onset !== null && b.qrs.offset !== null) {
    let hi = -Infinity, lo = Infinity;
    for (let i = b.qrs.onset; i <= b.qrs.offset; i++) { const v = x[i] - base; if (v > hi) hi = v; if (v < lo) lo = v; }
    out.qrsNetMv = Math.max(0, hi) + Math.min(0, lo);
  }
  const area = (on: number | null, off: number | null) => {
    if (on === null || off === null || off <= on) return null;
    let s = 0;
    for (let i = on; i <= off; i++) s += x[i] - base;
    return s / fsHz;
  };
  out.pAreaMvS = area(b.p.onset, b.p.offset);
  out.tAreaMvS = area(b.t.onset, b.t.offset);
  return out;
}
