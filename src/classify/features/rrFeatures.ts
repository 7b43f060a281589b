import { RR_FEATURE_NAMES } from './layout.js';
import { clippedRrIntervals } from './rrIntervals.js';

/** Intervals on each side of the beat that make its local rhythm. */
const LOCAL_HALF = 5;
/** Intervals on each side that make the patient's recent average rhythm (about 2-5 min). */
const RECORD_HALF = 150;

/**
 * RR-context features of every beat (row-major, {@link RR_FEATURE_NAMES} per beat). Prematurity is
 * measured against the local rhythm: the median of the 2*5+1 surrounding intervals, so one ectopic
 * beat does not move it, and against the median of about 300 intervals around the beat (the
 * patient's recent rate). Irregularity (median |ΔRR| / local RR) lets a classifier tell the
 * irregular rhythm of atrial fibrillation from isolated premature beats.
 *
 * A beat without a neighbour (first/last) takes the local median for the missing interval.
 *
 * @example
 * const f = rrFeatures(Int32Array.from([0, 360, 720, 900, 1440]), 360); // beat 3 is premature
 */
export function rrFeatures(beatSamples: ArrayLike<number>, fsHz: number): Float32Array {
  const n = beatSamples.length;
  const k = RR_FEATURE_NAMES.length;
  const out = new Float32Array(n * k);
  if (n === 0) return out;
  // rr[i] = interval ending at beat i+1 (n-1 intervals, clipped).
  const rr = clippedRrIntervals(beatSamples, fsHz);
  const m = rr.length;
  const localMed = slidingMedian(rr, LOCAL_HALF);
  const recordMed = blockMedian(rr, RECORD_HALF);
  const absDiff = new Float64Array(Math.max(0, m - 1));
  for (let i = 0; i + 1 < m; i++) absDiff[i] = Math.abs(rr[i + 1] - rr[i]);
  const localIrr = slidingMedian(absDiff, LOCAL_HALF);
  const fallback = m > 0 ? median(Array.from(rr)) : 1;

  // Interval-level context mapped to beats: beat i sits between rr[i-1] (pre) and rr[i] (post).
  const localAt = (i: number) => (m === 0 ? fallback : localMed[Math.min(m - 1, Math.max(0, i - 1))]);
  const recordAt = (i: number) => (m === 0 ? fallback : recordMed[Math.min(m - 1, Math.max(0, i - 1))]);
  const preAt = (i: number) => (i >= 1 && i - 1 < m ? rr[i - 1] : localAt(i));
  const postAt = (i: number) => (i < m ? rr[i] : localAt(i));
  for (let i = 0; i < n; i++) {
    const pre = preAt(i);
    const post = postAt(i);
    const local = localAt(i);
    const rec = recordAt(i);
    const irr = absDiff.length === 0 ? 0 : localIrr[Math.min(absDiff.length - 1, Math.max(0, i - 1))];
    const prevPre = i >= 1 ? preAt(i - 1) : pre;
    const nextPost = i + 1 < n ? postAt(i + 1) : post;
    const o = i * k;
    out[o] = pre;
    out[o + 1] = post;
    out[o + 2] = local;
    out[o + 3] = rec;
    out[o + 4] = Math.log(pre / local);
    out[o + 5] = Math.log(post / local);
    out[o + 6] = Math.log(pre / post);
    out[o + 7] = Math.log(local / rec);
    out[o + 8] = Math.log(pre / rec);
    out[o + 9] = irr / local;
    out[o + 10] = Math.log(prevPre / local);
    out[o + 11] = Math.log(nextPost / local);
  }
  return out;
}

function median(v: number[]): number {
  if (v.length === 0) return 1;
  v.sort((a, b) => a - b);
  const h = v.length >> 1;
  return v.length % 2 ? v[h] : 0.5 * (v[h - 1] + v[h]);
}

/** Median of x[i-half .. i+half] (clipped at the ends) for every i; small windows, so a sort each. */
function slidingMedian(x: Float64Array, half: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  const buf = new Float64Array(2 * half + 1);
  for (let i = 0; i < n; i++) {
    const a = Math.max(0, i - half);
    const b = Math.min(n, i + half + 1);
    const w = buf.subarray(0, b - a);
    w.set(x.subarray(a, b));
    w.sort();
    const h = w.length >> 1;
    out[i] = w.length % 2 ? w[h] : 0.5 * (w[h - 1] + w[h]);
  }
  return out;
}

/**
 * Median of a wide window around each interval, computed once per block of 16 intervals (the
 * patient's average rate changes slowly, and a per-interval 300-value median would dominate run time).
 */
function blockMedian(x: Float64Array, half: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n);
  const block = 16;
  for (let s = 0; s < n; s += block) {
    const c = Math.min(n - 1, s + (block >> 1));
    const a = Math.max(0, c - half);
    const b = Math.min(n, c + half + 1);
    const w = Float64Array.from(x.subarray(a, b)).sort();
    const h = w.length >> 1;
    const med = w.length % 2 ? w[h] : 0.5 * (w[h - 1] + w[h]);
    out.fill(med, s, Math.min(n, s + block));
  }
  return out;
}
