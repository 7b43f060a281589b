/**
 * Multi-scale smoothed derivative: the signal smoothed by two cascaded centred moving averages,
 * then differentiated with a central difference. Two cascaded boxes of width w followed by a
 * difference is a quadratic-spline-like wavelet at scale ~w (the a trous quadratic-spline wavelet
 * of Martinez et al. 2004 is the derivative of a cubic B-spline smoothing), but the width is set in
 * milliseconds so the same scale is used at 250, 360 or 500 Hz without resampling. Each pass is
 * O(n) with running sums, so a 12-lead 10 s record costs a few hundred thousand operations.
 */

import { boxSmooth } from '../dsp/boxSmooth.js';

/** Smoothed signal and its derivative (mV/s) at one scale. */
export interface ScaleSignals {
  smooth: Float32Array;
  derivativeMvPerS: Float32Array;
  /** Box width used, in samples (odd). */
  widthSamples: number;
}

/** Box width in samples (odd, >= 1) for a width in ms at `fsHz`. */
export function boxWidthSamples(widthMs: number, fsHz: number): number {
  const w = Math.max(1, Math.round((widthMs * fsHz) / 1000));
  return w % 2 === 1 ? w : w + 1;
}

/**
 * Smooths `x` with two cascaded boxes of `widthMs` and differentiates it.
 *
 * @example
 * const { smooth, derivativeMvPerS } = smoothedDerivative(lead.samples, 500, 40);
 */
export function smoothedDerivative(x: ArrayLike<number>, fsHz: number, widthMs: number, scratch?: Float64Array): ScaleSignals {
  const n = x.length;
  const w = boxWidthSamples(widthMs, fsHz);
  const prefix = scratch && scratch.length >= n + 1 ? scratch : new Float64Array(n + 1);
  const tmp = new Float32Array(n);
  const smooth = new Float32Array(n);
  boxSmooth(x, w, tmp, prefix);
  boxSmooth(tmp, w, smooth, prefix);
  const lag = Math.max(1, w >> 1);
  const d = new Float32Array(n);
  const scale = fsHz / (2 * lag);
  for (let i = 0; i < n; i++) {
    const a = i - lag < 0 ? 0 : i - lag;
    const b = i + lag >= n ? n - 1 : i + lag;
    d[i] = (smooth[b] - smooth[a]) * (b - a === 2 * lag ? scale : fsHz / Math.max(1, b - a));
  }
  return { smooth, derivativeMvPerS: d, widthSamples: w };
}

/** Reusable buffers for {@link heldWindowSlope}, sized for the longest window searched. */
export interface SlopeScratch {
  seg: Float32Array;
  tmp: Float32Array;
  sm: Float32Array;
  dd: Float32Array;
  prefix: Float64Array;
}

/** Buffers for windows of up to `len` samples. */
export function slopeScratch(len: number): SlopeScratch {
  return { seg: new Float32Array(len), tmp: new Float32Array(len), sm: new Float32Array(len), dd: new Float32Array(len), prefix: new Float64Array(len + 1) };
}

/**
 * The window x[from, from + len) with the signal held flat before `holdFrom` and after `holdTo` (so a
 * neighbouring QRS cannot leak its slope in), smoothed by two boxes of `w` samples and differentiated
 * (mV/s). Returns views into `s`: `sm` (length `len`) and `dd` (valid for the first `len` samples).
 *
 * @example const { sm, dd } = heldWindowSlope(x, from, len, qrsOffset, nextOnset - 1, w, 500, slopeScratch(600));
 */
export function heldWindowSlope(x: ArrayLike<number>, from: number, len: number, holdFrom: number, holdTo: number, w: number, fsHz: number, s: SlopeScratch): { sm: Float32Array; dd: Float32Array } {
  const n = x.length;
  for (let j = 0; j < len; j++) {
    const i = from + j;
    const c = i < holdFrom ? holdFrom : i > holdTo ? holdTo : i;
    s.seg[j] = x[c < 0 ? 0 : c >= n ? n - 1 : c];
  }
  const seg = s.seg.subarray(0, len), tmp = s.tmp.subarray(0, len), sm = s.sm.subarray(0, len);
  boxSmooth(seg, w, tmp, s.prefix);
  boxSmooth(tmp, w, sm, s.prefix);
  const lag = Math.max(1, w >> 1), f = fsHz / (2 * lag), dd = s.dd;
  for (let j = 0; j < len; j++) {
    const a = j - lag < 0 ? 0 : j - lag, b = j + lag >= len ? len - 1 : j + lag;
    dd[j] = (sm[b] - sm[a]) * f;
  }
  return { sm, dd };
}
