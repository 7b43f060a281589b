import { boxSmooth } from '../dsp/boxSmooth.js';
import { boxWidthSamples, slopeScratch, type SlopeScratch } from './smoothedDerivative.js';
import type { DelineationOptions } from './options.js';
import type { LeadBeatDelineation } from './types.js';

/** Names of the features of a T-lobe candidate, in the order of {@link TLobeCandidate.features}. */
export const T_LOBE_FEATURE_NAMES = [
  'isCurrent', 'relProminence', 'logProminenceMv', 'ampOverQrs', 'sameSignAsQrs', 'distToLeadsMedianMs',
  'offsetFromCurrentMs', 'beforeTOffsetMs', 'otherLeadsNear', 'otherLeadsSameSign', 'rrMs', 'fractionOfRr', 'isMax',
] as const;

/** Half-width (ms) of the window around the current T peak where other lobes are looked for. */
const WINDOW_MS = 220;

/** One lobe a lead's T peak could be put on: its sample index, lobe sign and features. */
export interface TLobeCandidate {
  peak: number;
  /** +1 for a maximum of the smoothed signal, -1 for a minimum. */
  sign: 1 | -1;
  prominenceMv: number;
  features: number[];
}

/** What the candidates of one lead-beat are compared with: the other leads' T peaks of the beat. */
export interface TLobeBeatContext {
  /** T peaks (sample indices) of the other leads, null where none. */
  otherPeaks: (number | null)[];
  /** Lobe signs of those peaks (+1 / -1 / 0 unknown). */
  otherSigns: number[];
  /** Median of all leads' T peaks (samples). */
  medianPeak: number;
  rrSamples: number;
  /** Next beat's QRS onset (samples), null for the last beat. */
  nextQrsOnset: number | null;
  fiducial: number;
}

/** Reusable buffers for {@link tLobeCandidates}. */
export type TLobeScratch = SlopeScratch;

export function tLobeScratch(fsHz: number, o: DelineationOptions): TLobeScratch {
  return slopeScratch(Math.round(((2 * WINDOW_MS) * fsHz) / 1000) + 4 * boxWidthSamples(o.waveScaleMs, fsHz) + 4);
}

/**
 * Whether `x` has a maximum (+1) or a minimum (-1) at `i`: the mean over +-`hNear` samples against
 * the mean over +-`hWide` samples.
 */
export function lobeSignAt(x: ArrayLike<number>, i: number, hNear: number, hWide: number): 1 | -1 {
  const mean = (h: number) => {
    let s = 0, m = 0;
    for (let j = i - h; j <= i + h; j++) if (j >= 0 && j < x.length) { s += x[j]; m++; }
    return s / Math.max(1, m);
  };
  return mean(hNear) >= mean(hWide) ? 1 : -1;
}

/**
 * The lobes (extrema of the signal smoothed at the T scale, QRS and next beat held flat) a lead's T
 * peak could sit on in one beat: its current peak and every other extremum with a prominence of at
 * least `minRelProminence` of the largest, between `tStartAfterQrsMs` after the QRS and the T search
 * end and within 150 ms of the current peak. Each comes with the features the learned lobe choice weighs (see T_LOBE_FEATURE_NAMES): how
 * prominent, how large against the QRS, its sign against the QRS's net deflection, where it lies
 * against the other leads' peaks, the current peak and T offset, and the RR. Empty when the beat
 * has no T or no room.
 *
 * @example const c = tLobeCandidates(lead.samples, 500, beat, ctx, o, tLobeScratch(500, o));
 */
export function tLobeCandidates(
  x: ArrayLike<number>, fsHz: number, b: LeadBeatDelineation, c: TLobeBeatContext, o: DelineationOptions, s: TLobeScratch,
  minRelProminence = 0.15,
): TLobeCandidate[] {
  const q = b.qrs, t = b.t;
  if (q.onset === null || q.offset === null || t.peak === null || t.offset === null) return [];
  const n = x.length;
  const ms = (v: number) => Math.round((v * fsHz) / 1000);
  const w = boxWidthSamples(o.waveScaleMs, fsHz);
  const holdAfter = c.nextQrsOnset !== null ? c.nextQrsOnset - 1 : n - 1;
  let start = q.offset + ms(o.tStartAfterQrsMs);
  let end = c.fiducial + Math.min(Math.round(o.tEndRrFraction * c.rrSamples), ms(o.tMaxMs));
  end = Math.min(end, holdAfter - ms(40), n - 2);
  if (end - start < ms(60)) return [];
  // Only lobes within the benchmark's matching reach of the current peak (+-150 ms) can change a
  // match; the narrower window also keeps the smoothing cheap.
  start = Math.max(start, t.peak - ms(WINDOW_MS)); end = Math.min(end, t.peak + ms(WINDOW_MS));
  if (end <= start) return [];
  const from = start - 2 * w;
  const len = Math.min(s.seg.length, end + 2 * w - from + 1);
  const sm = heldSmooth(x, from, len, q.offset, holdAfter, w, s);
  const lo = Math.max(1, start - from), hi = Math.min(len - 2, end - from);
  const cur = Math.min(Math.max(t.peak - from, lo), hi);
  // Extrema of the smoothed signal in the window and their prominence inside it.
  const js: number[] = [], signs: (1 | -1)[] = [], proms: number[] = [];
  for (let j = lo; j <= hi; j++) {
    const v = sm[j];
    const sg = v > sm[j - 1] && v >= sm[j + 1] ? 1 : v < sm[j - 1] && v <= sm[j + 1] ? -1 : 0;
    if (sg === 0) continue;
    js.push(j); signs.push(sg); proms.push(prominence(sm, j, sg, lo, hi));
  }
  const tooClose = ms(20);
  // The current peak (template-blended, so not always an extremum) takes the prominence of the
  // nearest extremum of its sign within 20 ms.
  const curSign = lobeSignAt(sm, cur, 1, w);
  let curProm = 0, bestD = tooClose + 1, maxProm = 1e-6;
  for (let i = 0; i < js.length; i++) {
    if (proms[i] > maxProm) maxProm = proms[i];
    if (signs[i] === curSign && Math.abs(js[i] - cur) < bestD) { bestD = Math.abs(js[i] - cur); curProm = proms[i]; }
  }
  // QRS size and net sign, from the baseline before it.
  const base = b.baselineMv ?? x[q.onset];
  let qMax = -Infinity, qMin = Infinity;
  for (let i = q.onset; i <= q.offset && i < n; i++) { if (x[i] > qMax) qMax = x[i]; if (x[i] < qMin) qMin = x[i]; }
  const lobe: LobeContext = {
    from, base, qrsPp: Math.max(0.05, qMax - qMin), qrsSign: qMax - base >= base - qMin ? 1 : -1, maxProm,
    msPerSample: 1000 / fsHz, near: ms(40), peak: t.peak, offset: t.offset, qrsOffset: q.offset,
  };
  const out: TLobeCandidate[] = [{ peak: t.peak, sign: curSign, prominenceMv: curProm, features: lobeFeatures(sm, cur, curSign, curProm, true, lobe, c) }];
  for (let i = 0; i < js.length; i++) {
    if (proms[i] < minRelProminence * maxProm || Math.abs(js[i] - cur) <= tooClose) continue;
    out.push({ peak: js[i] + from, sign: signs[i], prominenceMv: proms[i], features: lobeFeatures(sm, js[i], signs[i], proms[i], false, lobe, c) });
  }
  return out;
}

interface LobeContext {
  from: number; base: number; qrsPp: number; qrsSign: number; maxProm: number; msPerSample: number; near: number;
  peak: number; offset: number; qrsOffset: number;
}

/** The features of T_LOBE_FEATURE_NAMES for the lobe at buffer index `j`. */
function lobeFeatures(sm: Float32Array, j: number, sign: 1 | -1, prom: number, isCurrent: boolean, l: LobeContext, c: TLobeBeatContext): number[] {
  const at = j + l.from;
  let near = 0, nPeaks = 0, same = 0, nSign = 0;
  for (const p of c.otherPeaks) if (p !== null) { nPeaks++; if (Math.abs(p - at) <= l.near) near++; }
  for (const sg of c.otherSigns) if (sg !== 0) { nSign++; if (sg === sign) same++; }
  const toMs = l.msPerSample;
  return [
    isCurrent ? 1 : 0,
    prom / l.maxProm,
    Math.log(Math.max(prom, 0) + 0.005),
    Math.abs(sm[j] - l.base) / l.qrsPp,
    sign === l.qrsSign ? 1 : -1,
    (Math.abs(at - c.medianPeak) * toMs) / 100,
    ((at - l.peak) * toMs) / 100,
    ((l.offset - at) * toMs) / 100,
    nPeaks ? near / nPeaks : 0,
    nSign ? same / nSign : 0,
    (c.rrSamples * toMs) / 1000,
    (at - l.qrsOffset) / Math.max(1, c.rrSamples),
    sign,
  ];
}

/**
 * x[from, from + len) with the signal held flat before `holdFrom` and after `holdTo` (the QRS and
 * the next beat), smoothed by two boxes of `w` samples; a view into `s.sm`.
 */
function heldSmooth(x: ArrayLike<number>, from: number, len: number, holdFrom: number, holdTo: number, w: number, s: TLobeScratch): Float32Array {
  const n = x.length;
  for (let j = 0; j < len; j++) {
    const i = from + j;
    const k = i < holdFrom ? holdFrom : i > holdTo ? holdTo : i;
    s.seg[j] = x[k < 0 ? 0 : k >= n ? n - 1 : k];
  }
  const sm = s.sm.subarray(0, len), tmp = s.tmp.subarray(0, len);
  boxSmooth(s.seg.subarray(0, len), w, tmp, s.prefix);
  return boxSmooth(tmp, w, sm, s.prefix);
}

/** Height of the extremum at `j` (sign +1 max, -1 min) over the higher of its two flanks, inside [lo, hi]. */
function prominence(y: Float32Array, j: number, sign: 1 | -1, lo: number, hi: number): number {
  const v = sign * y[j];
  let left = v, right = v;
  for (let i = j - 1; i >= lo; i--) { const u = sign * y[i]; if (u > v) break; if (u < left) left = u; }
  for (let i = j + 1; i <= hi; i++) { const u = sign * y[i]; if (u > v) break; if (u < right) right = u; }
  return v - Math.max(left, right);
}
