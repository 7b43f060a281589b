import { resample } from '../dsp/resample.js';
import { butterworthFilter } from '../dsp/butterworthFilter.js';
import type { MedianBeats } from '../waves/medianBeats.js';
import { globalTEnd, type GlobalTEndOptions } from './globalTEnd.js';

/**
 * Global QRS onset/offset and T end of the median beat, found on all leads together (the
 * IEC 60601-2-25 / CSE convention of 12-lead programs), in ms from the start of the median beats.
 * Fractional: found on a 1 kHz grid, whatever the record's rate.
 */
export interface SpatialMedianBoundaries {
  qrsOnsetMs: number | null;
  qrsOffsetMs: number | null;
  tOffsetMs: number | null;
  /** The leads the curves were formed from (the independent ones of a 12-lead set). */
  leads: string[];
  /** Why a boundary is null, by field name. */
  reasons: Record<string, string>;
}

/** Tuning of {@link spatialMedianBoundaries}; the defaults are {@link SPATIAL_BOUNDARY_OPTIONS}. */
export interface SpatialBoundaryOptions extends GlobalTEndOptions {
  /** Common band limit (Hz) of every rate's median beats, so 100 Hz and 1000 Hz records see the same curve. */
  lowpassHz: number;
  /** QRS onset/offset where the spatial velocity falls to floor + fraction x (peak - floor). */
  qrsOnsetFraction: number;
  qrsOffsetFraction: number;
  /** The velocity must stay below the threshold this long (ms) for the QRS to have begun / ended. */
  quietMs: number;
}

/**
 * Defaults, chosen on PTB-XL strat_fold 1-8 only (docs/notes/generalise-measurements.md): the QRS
 * fraction by the AUC of the QRS duration for CLBBB/CRBBB/IVCD against NORM (0.03 and 0.05: 0.995;
 * 0.08: 0.979; 0.12: 0.978), both of the best within 3 ms of 100 vs 500 Hz agreement; of those two,
 * 0.05, because at 0.03 a single lead's QRS (LUDB 1, lead II) came out 17 ms longer than all
 * leads' together, which cannot be (the global QRS spans every lead's). The T end by its definition
 * (the latest lead's end) and, among such variants, by 100 vs 500 Hz agreement. LUDB's marks follow
 * a wider convention and were not used.
 */
export const SPATIAL_BOUNDARY_OPTIONS: SpatialBoundaryOptions = { lowpassHz: 40, qrsOnsetFraction: 0.05, qrsOffsetFraction: 0.05, quietMs: 12, tEndLeadMinAmplitude: 0.25, tEndLeadLateMs: 40, tEndLeadRank: 1 };

/** The grid (Hz) every median beat is brought to before its boundaries are sought. */
const GRID_HZ = 1000;

/** Leads that are linear combinations of I and II: left out when both are there, so the limb plane is not counted three times. */
const DERIVED_LIMB = new Set(['III', 'aVR', 'aVL', 'aVF']);

/**
 * The leads whose median beats form the spatial curves: all of them, except the limb leads derived
 * from I and II when both are present; leads with gaps (NaN) are left out.
 *
 * @example
 * spatialLeadNames(median); // ['I', 'II', 'V1', ..., 'V6'] for a 12-lead median
 */
export function spatialLeadNames(median: MedianBeats): string[] {
  const names = median.leads.map((l) => l.lead);
  const both = names.includes('I') && names.includes('II');
  return median.leads.filter((l) => !(both && DERIVED_LIMB.has(l.lead)) && !l.samples.some((v) => Number.isNaN(v))).map((l) => l.lead);
}

/**
 * Global QRS onset and offset from the spatial velocity (the root of the summed squared
 * derivatives of the median beats, band-limited to a common `lowpassHz` on a 1 kHz grid): the QRS
 * is the span around the fiducial where the velocity stays above floor + fraction x (peak - floor),
 * the floor being the velocity's median before the QRS (for the offset, or after it if higher). The T end is where the tangent at the steepest
 * descent of the spatial magnitude (distance of all leads from their level before the QRS) after its
 * T peak meets that magnitude's lowest level after the T. One computation for 1 to 12 leads and any
 * rate; null with a reason when the median beat has no leads or no QRS.
 *
 * @example
 * const b = spatialMedianBoundaries(medianBeats(record, detectBeats(record).samples));
 * const qrsMs = b.qrsOffsetMs! - b.qrsOnsetMs!;
 */
export function spatialMedianBoundaries(median: MedianBeats, options: Partial<SpatialBoundaryOptions> = {}): SpatialMedianBoundaries {
  const o = { ...SPATIAL_BOUNDARY_OPTIONS, ...options };
  const names = spatialLeadNames(median);
  const out: SpatialMedianBoundaries = { qrsOnsetMs: null, qrsOffsetMs: null, tOffsetMs: null, leads: names, reasons: {} };
  const none = (why: string) => { out.reasons.qrsOnsetMs = why; out.reasons.qrsOffsetMs = why; out.reasons.tOffsetMs = why; return out; };
  if (median.reason || names.length === 0) return none(median.reason ?? 'no lead without gaps in the median beat');
  const fs = median.fsHz;
  const lp = Math.min(o.lowpassHz, 0.45 * Math.min(fs, GRID_HZ));
  const curves = median.leads.filter((l) => names.includes(l.lead)).map((l) => butterworthFilter(fs === GRID_HZ ? l.samples : resample(l.samples, fs, GRID_HZ), GRID_HZ, 'lowpass', 2, lp));
  const n = curves[0].length;
  const ms = (v: number) => Math.round((v * GRID_HZ) / 1000);
  const fid = Math.round((median.fiducialIndex * GRID_HZ) / fs);
  const velocity = spatialVelocity(curves);
  const qrs = qrsSpan(velocity, fid, o, ms);
  if (typeof qrs === 'string') return none(qrs);
  out.qrsOnsetMs = qrs[0];
  out.qrsOffsetMs = qrs[1];
  const rrMs = median.medianRrSamples === null ? null : (median.medianRrSamples * 1000) / fs;
  const tEnd = globalTEnd(curves, qrs[0], qrs[1], fid, rrMs, o);
  if (typeof tEnd === 'string') out.reasons.tOffsetMs = tEnd;
  else out.tOffsetMs = tEnd;
  return out;
}

/** Root of the summed squared central differences of the curves (per grid sample). */
function spatialVelocity(curves: Float32Array[]): Float64Array {
  const n = curves[0].length;
  const v = new Float64Array(n);
  for (let i = 1; i < n - 1; i++) {
    let s = 0;
    for (const c of curves) { const d = c[i + 1] - c[i - 1]; s += d * d; }
    v[i] = Math.sqrt(s);
  }
  v[0] = v[1];
  v[n - 1] = v[n - 2];
  return v;
}

/** [onset, offset] grid indices of the QRS on the spatial velocity, or why there is none. */
function qrsSpan(v: Float64Array, fid: number, o: SpatialBoundaryOptions, ms: (v: number) => number): [number, number] | string {
  const n = v.length;
  let peak = -1, peakAt = -1;
  for (let i = Math.max(1, fid - ms(80)); i <= Math.min(n - 2, fid + ms(80)); i++) if (v[i] > peak) { peak = v[i]; peakAt = i; }
  if (peakAt < 0 || !(peak > 0)) return 'no QRS in the median beat (flat around the beat fiducial)';
  // The floors: the median velocity between 350 and 40 ms before the fiducial (the PR segment or
  // TP, whatever P or fibrillatory waves it holds), and for the offset also 40-300 ms
  // after the peak (the ST segment; higher under flutter or fibrillatory waves, which the QRS end
  // must not run on through).
  const lowLevel = (from: number, to: number) => {
    const seg = Array.from(v.subarray(Math.max(0, from), Math.max(0, Math.min(n, to)))).sort((a, b) => a - b);
    return seg.length ? seg[Math.floor(0.5 * (seg.length - 1))] : Number.NaN;
  };
  let floor = lowLevel(fid - ms(350), fid - ms(40));
  if (!Number.isFinite(floor)) floor = 0;
  const after = lowLevel(peakAt + ms(40), peakAt + ms(300));
  const floorOff = Number.isFinite(after) ? Math.max(floor, after) : floor;
  if (peak <= 3 * floor) return 'the QRS does not stand out from the activity before it in the median beat';
  const quiet = Math.max(1, ms(o.quietMs));
  const below = (thr: number, from: number, step: 1 | -1): number | null => {
    let run = 0;
    for (let i = from; i > 0 && i < n - 1; i += step) {
      if (v[i] < thr) { run++; if (run >= quiet) return i - step * (quiet - 1); } else run = 0;
    }
    return null;
  };
  const on = below(floor + o.qrsOnsetFraction * (peak - floor), peakAt, -1);
  const off = below(floorOff + o.qrsOffsetFraction * (peak - floorOff), peakAt, 1);
  if (on === null || off === null) return 'the QRS runs to the edge of the median beat';
  if (off - on > ms(250)) return `the QRS spans ${off - on} ms on the spatial velocity (more than 250 ms: no clear end)`;
  return [on, off];
}
