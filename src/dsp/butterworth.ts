import { SinusError } from '../errors.js';
import type { Sos } from './sos.js';

/** Kind of Butterworth filter. */
export type FilterKind = 'lowpass' | 'highpass' | 'bandpass';

type C = [number, number];
const cmul = (a: C, b: C): C => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
const cdiv = (a: C, b: C): C => {
  const d = b[0] * b[0] + b[1] * b[1];
  return [(a[0] * b[0] + a[1] * b[1]) / d, (a[1] * b[0] - a[0] * b[1]) / d];
};
const csqrt = (a: C): C => {
  const r = Math.hypot(a[0], a[1]);
  const re = Math.sqrt(Math.max(0, (r + a[0]) / 2));
  const im = Math.sqrt(Math.max(0, (r - a[0]) / 2));
  return [re, a[1] < 0 ? -im : im];
};

/**
 * Designs a digital Butterworth filter as second-order sections: analog prototype poles, the
 * low/high/band-pass transform at pre-warped edges, then the bilinear transform (as SciPy's
 * `butter(..., output='sos')`). `cutoffHz` is the -3 dB frequency, or `[lowHz, highHz]` for a
 * band-pass (whose order doubles, as in SciPy). Throws SinusError BAD_ARGUMENT for edges outside
 * (0, fs/2).
 *
 * @example
 * const sos = butterworthSos('bandpass', 2, [5, 20], 360); // 4 poles, 2 sections
 */
export function butterworthSos(kind: FilterKind, order: number, cutoffHz: number | [number, number], fsHz: number): Sos {
  if (!Number.isInteger(order) || order < 1 || order > 16) throw new SinusError('BAD_ARGUMENT', `filter order must be 1-16, got ${order}`);
  if (!(fsHz > 0)) throw new SinusError('BAD_ARGUMENT', `sampling rate must be positive, got ${fsHz}`);
  const edges = typeof cutoffHz === 'number' ? [cutoffHz] : cutoffHz;
  if ((kind === 'bandpass') !== (edges.length === 2)) throw new SinusError('BAD_ARGUMENT', `${kind} needs ${kind === 'bandpass' ? 'two edges' : 'one cut-off'}`);
  for (const f of edges) {
    if (!(f > 0 && f < fsHz / 2)) throw new SinusError('BAD_ARGUMENT', `cut-off ${f} Hz must lie in (0, ${fsHz / 2}) Hz`);
  }
  if (kind === 'bandpass' && !(edges[0] < edges[1])) throw new SinusError('BAD_ARGUMENT', 'band-pass edges must be ascending');
  const fs2 = 2 * fsHz;
  const warp = (f: number) => fs2 * Math.tan((Math.PI * f) / fsHz);

  // Analog prototype poles on the unit circle's left half.
  const proto: C[] = [];
  for (let k = 0; k < order; k++) {
    const theta = (Math.PI * (2 * k + order + 1)) / (2 * order);
    proto.push([Math.cos(theta), Math.sin(theta)]);
  }
  let poles: C[];
  let gain: number;
  let zeroAtPlusOne = 0; // analog zeros at s = 0 map to z = +1
  if (kind === 'lowpass') {
    const wc = warp(edges[0]);
    poles = proto.map((p) => [p[0] * wc, p[1] * wc] as C);
    gain = Math.pow(wc, order);
  } else if (kind === 'highpass') {
    const wc = warp(edges[0]);
    poles = proto.map((p) => cdiv([wc, 0], p));
    gain = 1;
    zeroAtPlusOne = order;
  } else {
    const w1 = warp(edges[0]), w2 = warp(edges[1]);
    const bw = w2 - w1, w0sq = w1 * w2;
    poles = [];
    for (const p of proto) {
      const pb: C = [p[0] * bw / 2, p[1] * bw / 2];
      const root = csqrt([pb[0] * pb[0] - pb[1] * pb[1] - w0sq, 2 * pb[0] * pb[1]]);
      poles.push([pb[0] + root[0], pb[1] + root[1]], [pb[0] - root[0], pb[1] - root[1]]);
    }
    gain = Math.pow(bw, order);
    zeroAtPlusOne = order;
  }
  // Bilinear transform: z = (fs2 + s) / (fs2 - s); gain times prod(fs2 - z_a) / prod(fs2 - p_a).
  let num: C = [1, 0];
  let den: C = [1, 0];
  for (let i = 0; i < zeroAtPlusOne; i++) num = cmul(num, [fs2, 0]);
  for (const p of poles) den = cmul(den, [fs2 - p[0], -p[1]]);
  const kz = gain * cdiv(num, den)[0];
  const zPoles: C[] = poles.map((p) => cdiv([fs2 + p[0], p[1]], [fs2 - p[0], -p[1]]));
  const zeroAtMinusOne = poles.length - zeroAtPlusOne;

  // Pair poles: conjugate pairs together, real poles two by two.
  const eps = 1e-12;
  const complexUpper = zPoles.filter((p) => p[1] > eps).sort((a, b) => Math.hypot(a[0] - 1, a[1]) - Math.hypot(b[0] - 1, b[1]));
  const real = zPoles.filter((p) => Math.abs(p[1]) <= eps).map((p) => p[0]);
  const sections: number[][] = []; // denominators [1, a1, a2]
  for (const p of complexUpper) sections.push([1, -2 * p[0], p[0] * p[0] + p[1] * p[1]]);
  for (let i = 0; i < real.length; i += 2) {
    if (i + 1 < real.length) sections.push([1, -(real[i] + real[i + 1]), real[i] * real[i + 1]]);
    else sections.push([1, -real[i], 0]);
  }
  // Distribute zeros: each section takes up to two, mixing +1 and -1 as the band-pass needs.
  let plus = zeroAtPlusOne, minus = zeroAtMinusOne;
  const sos = new Float64Array(6 * sections.length);
  sections.forEach((a, s) => {
    const degree = a[2] === 0 ? 1 : 2;
    let b: number[] = [1, 0, 0];
    for (let d = 0; d < degree; d++) {
      let root: number;
      if (plus > 0 && (minus === 0 || plus >= minus)) { root = 1; plus--; } else if (minus > 0) { root = -1; minus--; } else break;
      // multiply b by (1 - root z^-1)
      b = [b[0], b[1] - root * b[0], b[2] - root * b[1]];
    }
    const o = 6 * s;
    const g = s === 0 ? kz : 1;
    sos[o] = g * b[0]; sos[o + 1] = g * b[1]; sos[o + 2] = g * b[2];
    sos[o + 3] = 1; sos[o + 4] = a[1]; sos[o + 5] = a[2];
  });
  return sos;
}
