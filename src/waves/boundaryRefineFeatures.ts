import type { LeadDelineation } from './types.js';

/** The per-lead boundaries the learned refinement can move. */
export type RefinedBoundary = 'qrsOnset' | 'qrsOffset' | 'pOnset' | 'pOffset';

/** Grid step (ms) of the signal window around a boundary. */
export const REFINE_STEP_MS = 8;
/** Grid points on each side of the boundary (12 x 8 ms = +-96 ms). */
export const REFINE_HALF_POINTS = 12;

/** Lead names of the one-hot lead identity features, lower case (standard 12-lead order). */
export const REFINE_LEAD_NAMES = ['i', 'ii', 'iii', 'avr', 'avl', 'avf', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6'] as const;

const W = 2 * REFINE_HALF_POINTS + 1;
const LEAD_INDEX = new Map<string, number>(REFINE_LEAD_NAMES.map((n, i) => [n, i]));
const clip = (v: number, m: number) => (v > m ? m : v < -m ? -m : v);

/**
 * Names of the features of {@link boundaryRefineFeatures}, in order: the window's level (minus the
 * level at the boundary, over the wave's amplitude, signed so that the wave's largest deflection is
 * positive) and absolute slope (central difference over two grid steps, over the amplitude) at
 * each grid point; then the boundary's distance to the median, earliest and latest of the leads'
 * same boundary in this beat (ms / 10), the wave's width in this lead and its median over the
 * leads (ms / 100), log10 of the amplitude (mV), paced, RR (s), lead one-hot; last, the window's
 * |level| and level squared (a linear model on them fits a curved response to the shape; chosen
 * by record-wise 5-fold CV, models/boundary-refinement.md).
 */
export const BOUNDARY_REFINE_FEATURE_NAMES: readonly string[] = [
  ...Array.from({ length: W }, (_, j) => `level${(j - REFINE_HALF_POINTS) * REFINE_STEP_MS}`),
  ...Array.from({ length: W }, (_, j) => `absSlope${(j - REFINE_HALF_POINTS) * REFINE_STEP_MS}`),
  'toLeadsMedian', 'toLeadsEarliest', 'toLeadsLatest', 'widthMs', 'leadsMedianWidthMs', 'log10AmpMv', 'paced', 'rrS',
  ...REFINE_LEAD_NAMES.map((n) => `lead_${n}`),
  ...Array.from({ length: W }, (_, j) => `absLevel${(j - REFINE_HALF_POINTS) * REFINE_STEP_MS}`),
  ...Array.from({ length: W }, (_, j) => `levelSquared${(j - REFINE_HALF_POINTS) * REFINE_STEP_MS}`),
];

/** Number of features per boundary. */
export const BOUNDARY_REFINE_FEATURE_COUNT = BOUNDARY_REFINE_FEATURE_NAMES.length;

/** The boundary's position, and the wave's onset and offset (sample indices) in one lead-beat, or nulls. */
function waveOf(l: LeadDelineation, k: number, boundary: RefinedBoundary): { at: number | null; on: number | null; off: number | null } {
  const b = l.beats[k];
  const w = boundary === 'qrsOnset' || boundary === 'qrsOffset' ? b.qrs : b.p;
  return { at: boundary.endsWith('Onset') ? w.onset : w.offset, on: w.onset, off: w.offset };
}

/** What the features of one beat share across its leads: the leads' positions of the boundary and widths. */
export interface RefineBeatContext {
  /** The boundary in every lead (sample index), null where missing or the lead failed. */
  positions: (number | null)[];
  medianPosition: number;
  earliestPosition: number;
  latestPosition: number;
  medianWidthSamples: number;
}

/**
 * The leads' positions of `boundary` in beat `k` and their summaries, or null when fewer than
 * three leads have it (the other-lead features would mean little).
 */
export function refineBeatContext(leads: LeadDelineation[], k: number, boundary: RefinedBoundary, buf: number[]): RefineBeatContext | null {
  const positions: (number | null)[] = [];
  const widths: number[] = [];
  buf.length = 0;
  for (const l of leads) {
    const w = l.reason ? null : waveOf(l, k, boundary);
    positions.push(w?.at ?? null);
    if (w && w.at !== null) buf.push(w.at);
    if (w && w.on !== null && w.off !== null) widths.push(w.off - w.on);
  }
  if (buf.length < 3) return null;
  buf.sort((a, b) => a - b);
  widths.sort((a, b) => a - b);
  const m = buf.length;
  return {
    positions, medianPosition: m % 2 ? buf[m >> 1] : 0.5 * (buf[(m >> 1) - 1] + buf[m >> 1]),
    earliestPosition: buf[0], latestPosition: buf[m - 1], medianWidthSamples: widths.length ? widths[widths.length >> 1] : 0,
  };
}

/** Scratch for {@link boundaryRefineFeatures}: the window's grid levels. */
export interface RefineScratch { grid: Float64Array }

/** Scratch sized for the window (grid plus one point each side for the slopes). */
export const refineScratch = (): RefineScratch => ({ grid: new Float64Array(W + 2) });

/**
 * Writes the features (BOUNDARY_REFINE_FEATURE_NAMES) of `boundary` in lead `l`, beat `k` into
 * `out` and returns true, or returns false when the lead-beat lacks the wave or the window leaves
 * the record. `x` is the lead's signal (mV) as delineated; `rrS` the beat's RR interval (s).
 */
export function boundaryRefineFeatures(
  x: Float32Array, fsHz: number, l: LeadDelineation, k: number, boundary: RefinedBoundary,
  ctx: RefineBeatContext, paced: boolean, rrS: number, s: RefineScratch, out: Float64Array,
): boolean {
  const { at, on, off } = waveOf(l, k, boundary);
  if (at === null || on === null || off === null || off <= on) return false;
  const step = (REFINE_STEP_MS * fsHz) / 1000;
  // Each grid level is the mean over one step around its instant (a box anti-alias at 500 Hz and up).
  const half = Math.max(0, Math.floor(step / 2));
  const first = Math.floor(at - (REFINE_HALF_POINTS + 1) * step) - half, last = Math.ceil(at + (REFINE_HALF_POINTS + 1) * step) + half;
  if (first < 0 || last >= x.length) return false;
  const g = s.grid;
  for (let j = 0; j < W + 2; j++) {
    const c = Math.round(at + (j - REFINE_HALF_POINTS - 1) * step);
    let sum = 0;
    for (let i = c - half; i <= c + half; i++) sum += x[i];
    g[j] = sum / (2 * half + 1);
  }
  // The wave's amplitude (peak to peak between our onset and offset) and the sign of its largest
  // deflection from the level at the boundary: features then do not depend on the lead's polarity.
  let lo = Infinity, hi = -Infinity;
  for (let i = on; i <= off; i++) { const v = x[i]; if (v < lo) lo = v; if (v > hi) hi = v; }
  const level = x[at];
  const amp = Math.max(0.02, hi - lo);
  const sign = hi - level >= level - lo ? 1 : -1;
  const base = g[REFINE_HALF_POINTS + 1];
  let f = 0;
  for (let j = 1; j <= W; j++) out[f++] = clip((sign * (g[j] - base)) / amp, 3);
  for (let j = 1; j <= W; j++) out[f++] = clip(Math.abs(g[j + 1] - g[j - 1]) / amp, 3);
  const toMs = 1000 / fsHz;
  out[f++] = clip(((at - ctx.medianPosition) * toMs) / 10, 10);
  out[f++] = clip(((at - ctx.earliestPosition) * toMs) / 10, 10);
  out[f++] = clip(((at - ctx.latestPosition) * toMs) / 10, 10);
  out[f++] = ((off - on) * toMs) / 100;
  out[f++] = (ctx.medianWidthSamples * toMs) / 100;
  out[f++] = Math.log10(amp);
  out[f++] = paced ? 1 : 0;
  out[f++] = clip(rrS, 3);
  const lead = LEAD_INDEX.get(l.lead.toLowerCase()) ?? -1;
  for (let i = 0; i < REFINE_LEAD_NAMES.length; i++) out[f++] = i === lead ? 1 : 0;
  for (let j = 0; j < W; j++) out[f++] = Math.abs(out[j]);
  for (let j = 0; j < W; j++) out[f++] = out[j] * out[j];
  return true;
}
