import { LEADS_USED, WAVE_CHANNELS, WINDOW_BEFORE, WINDOW_LENGTH, MODEL_FS_HZ } from './layout.js';
import { regionCorrelation } from '../../dsp/regionCorrelation.js';
import { rrIrregularityAroundBeat } from './rrIrregularityAroundBeat.js';
import { clippedRrIntervals, quantileOfSorted as quantile } from './rrIntervals.js';

/** Bumped whenever these features change meaning; the feature MLP stores the version it was trained with. */
export const SINUS_CONTEXT_VERSION = 2;

/** Context features, in order (see {@link sinusContextFeatures}). */
export const SINUS_CONTEXT_FEATURE_NAMES = [
  'logPreOverSinusP75', 'logPostOverSinusP75', 'logPreOverSinusP90', 'logSinusP75OverP25',
  'preMinusMean10S', 'logPreOverMean10', 'rrCv10', 'logPreOverRecordMean', 'logPreOverLongerNeighbour',
  'L0.pCorr', 'L0.logPStdRatio', 'L1.pCorr', 'L1.logPStdRatio', 'prevQrsCorr', 'nextQrsCorr',
  'L0.localPCorrP75', 'L1.localPCorrP75', 'L0.templatePStd', 'L1.templatePStd',
  'rrSuccessiveDiffP35Around', 'rrMinLagDiffAround',
] as const;

/** Intervals on each side whose upper percentiles estimate the underlying sinus cycle (~1 min). */
const CYCLE_HALF = 32;
/** Causal window (intervals) of the "last ~10 beats" mean and variability. */
const RECENT = 10;
const MS = MODEL_FS_HZ / 1000;
/** P-wave region of the window: -250 .. -60 ms from the fiducial point. */
const P_FROM = Math.max(0, WINDOW_BEFORE - Math.round(250 * MS));
const P_TO = WINDOW_BEFORE - Math.round(60 * MS);
/** QRS region for the dominant-likeness test: -100 .. +150 ms (as the morphology features). */
const QRS_FROM = WINDOW_BEFORE - Math.round(100 * MS);
const QRS_TO = WINDOW_BEFORE + Math.round(150 * MS);
/** A beat whose QRS correlates at least this much with the dominant beat's (first lead) looks supraventricular. */
const DOMINANT_CORR = 0.9;
/** Beats on each side whose beat-to-beat P correlation (75th percentile) tells whether P waves are there at all (AF: not). */
const P_HALF = 16;
/** Intervals on each side whose irregularity (leaving out the beat's own pair) tells AF from sinus rhythm with APCs. */
const IRREGULARITY_HALF = 16;
/** Fewer sinus-like intervals than this in a window: the percentiles use all intervals there. */
const MIN_SINUS_INTERVALS = 8;

/**
 * Features that place each beat against the patient's own underlying sinus rhythm and P wave,
 * row-major, {@link SINUS_CONTEXT_FEATURE_NAMES} per beat. The sinus cycle is estimated by the 75th
 * and 90th percentiles of the ~65 surrounding RR intervals: unlike a median it does not collapse
 * when premature beats outnumber sinus ones (frequent APCs, bigeminy), since early intervals sit in
 * the lower part of the distribution; only intervals between two beats shaped like the dominant
 * beat count (when at least 8 are there), so PVCs and compensatory pauses do not stretch it. A causal mean and variability of the last 10 intervals, the
 * whole-record mean, the P-region correlation and size against the dominant beat and the beat-to-beat repeatability of the P region nearby (an ectopic
 * atrial beat has an early, differently shaped P, or a P hidden in the preceding T), and the QRS
 * likeness of the neighbouring beats (an N beat after a PVC is not premature) and the RR irregularity around the
 * beat without its own intervals ({@link rrIrregularityAroundBeat}: high in AF, low in sinus rhythm with APCs) complete them.
 *
 * `waves` is the `waves` array of {@link beatClassInputs} (scaled beat and beat minus dominant beat).
 *
 * @example
 * const inputs = beatClassInputs(record, beats);
 * const ctx = sinusContextFeatures(beats, record.fs, inputs.waves);
 */
export function sinusContextFeatures(beatSamples: ArrayLike<number>, fsHz: number, waves: Float32Array): Float32Array {
  const n = beatSamples.length;
  const K = SINUS_CONTEXT_FEATURE_NAMES.length;
  const out = new Float32Array(n * K);
  if (n === 0) return out;
  const rr = clippedRrIntervals(beatSamples, fsHz);
  const m = rr.length;
  let total = 0;
  for (let i = 0; i < m; i++) total += rr[i];
  const recordMean = m > 0 ? total / m : 1;
  // Intervals between two beats shaped like the dominant beat: PVCs and their compensatory pauses
  // are left out of the sinus-cycle estimate (bigeminy would otherwise stretch it).
  const qrsCorr = new Float64Array(n);
  for (let i = 0; i < n; i++) qrsCorr[i] = qrsCorrelation(waves, i * LEADS_USED * WAVE_CHANNELS * WINDOW_LENGTH);
  const sinusLike = new Uint8Array(m);
  for (let i = 0; i < m; i++) sinusLike[i] = qrsCorr[i] >= DOMINANT_CORR && qrsCorr[i + 1] >= DOMINANT_CORR ? 1 : 0;
  const p25 = new Float64Array(m), p75 = new Float64Array(m), p90 = new Float64Array(m);
  const buf = new Float64Array(2 * CYCLE_HALF + 1);
  for (let i = 0; i < m; i++) {
    const a = Math.max(0, i - CYCLE_HALF);
    const b = Math.min(m, i + CYCLE_HALF + 1);
    let c = 0;
    for (let j = a; j < b; j++) if (sinusLike[j]) buf[c++] = rr[j];
    if (c < MIN_SINUS_INTERVALS) { c = b - a; buf.set(rr.subarray(a, b)); }
    const w = buf.subarray(0, c);
    w.sort();
    p25[i] = quantile(w, 0.25);
    p75[i] = quantile(w, 0.75);
    p90[i] = quantile(w, 0.9);
  }
  const at = (x: Float64Array, i: number, dflt: number) => (m === 0 ? dflt : x[Math.min(m - 1, Math.max(0, i - 1))]);
  const preAt = (i: number) => (i >= 1 && i - 1 < m ? rr[i - 1] : at(p75, i, recordMean));
  const postAt = (i: number) => (i < m ? rr[i] : at(p75, i, recordMean));
  for (let i = 0; i < n; i++) {
    const pre = preAt(i);
    const post = postAt(i);
    const c75 = at(p75, i, recordMean);
    // Causal recent rhythm: the intervals before the beat's own pre-RR.
    let s = 0, s2 = 0, c = 0;
    for (let j = i - 2; j >= 0 && c < RECENT; j--, c++) { s += rr[j]; s2 += rr[j] * rr[j]; }
    const mean10 = c > 0 ? s / c : pre;
    const sd10 = c > 1 ? Math.sqrt(Math.max(0, s2 / c - mean10 * mean10)) : 0;
    const prevPre = i >= 1 ? preAt(i - 1) : pre;
    const o = i * K;
    out[o] = Math.log(pre / c75);
    out[o + 1] = Math.log(post / c75);
    out[o + 2] = Math.log(pre / at(p90, i, recordMean));
    out[o + 3] = Math.log(c75 / at(p25, i, recordMean));
    out[o + 4] = pre - mean10;
    out[o + 5] = Math.log(pre / mean10);
    out[o + 6] = sd10 / mean10;
    out[o + 7] = Math.log(pre / recordMean);
    out[o + 8] = Math.log(pre / Math.max(prevPre, post));
    for (let l = 0; l < LEADS_USED; l++) {
      const wo = (i * LEADS_USED + l) * WAVE_CHANNELS * WINDOW_LENGTH;
      pWaveFeatures(waves, wo, wo + WINDOW_LENGTH, out, o + 9 + 2 * l);
    }
    out[o + 13] = i >= 1 ? qrsCorr[i - 1] : qrsCorr[i];
    out[o + 14] = i + 1 < n ? qrsCorr[i + 1] : qrsCorr[i];
    for (let l = 0; l < LEADS_USED; l++) {
      const wo = (i * LEADS_USED + l) * WAVE_CHANNELS * WINDOW_LENGTH;
      out[o + 17 + l] = templatePStd(waves, wo, wo + WINDOW_LENGTH);
    }
  }
  // AF test that does not depend on P-wave size: irregularity of the surrounding intervals
  // without the beat's own premature/pause pair (context version 2).
  const irr = rrIrregularityAroundBeat(rr, IRREGULARITY_HALF);
  const iIrr = SINUS_CONTEXT_FEATURE_NAMES.indexOf('rrSuccessiveDiffP35Around');
  const iLag = SINUS_CONTEXT_FEATURE_NAMES.indexOf('rrMinLagDiffAround');
  for (let i = 0; i < n; i++) {
    out[i * K + iIrr] = irr.successiveDiffP35[i];
    out[i * K + iLag] = irr.minLagDiffMedian[i];
  }
  // P waves present around the beat: 75th percentile over ±16 beats of the correlation of each
  // beat's P region with the previous beat's. It needs no template, so it stays high in sinus rhythm
  // even when ectopic beats outnumber sinus ones (each P repeats its predecessor's more often than
  // not), and low in atrial fibrillation, whose fibrillatory waves do not repeat: there the
  // irregular, "premature" N beats are not taken for APCs. Since context version 2 an MLP input only:
  // the SVEB gate uses the RR test above (small or varying P waves closed round 2's gate on APCs).
  const pc = new Float64Array(2 * P_HALF + 1);
  const consec = new Float64Array(n);
  for (let l = 0; l < LEADS_USED; l++) {
    for (let i = 0; i < n; i++) {
      const cur = (i * LEADS_USED + l) * WAVE_CHANNELS * WINDOW_LENGTH;
      const prev = ((i > 0 ? i - 1 : Math.min(1, n - 1)) * LEADS_USED + l) * WAVE_CHANNELS * WINDOW_LENGTH;
      consec[i] = (regionCorrelation(waves, cur, waves, prev, P_FROM, P_TO) || 0);
    }
    for (let i = 0; i < n; i++) {
      const a = Math.max(0, i - P_HALF);
      const b = Math.min(n, i + P_HALF + 1);
      pc.set(consec.subarray(a, b));
      const w = pc.subarray(0, b - a).sort();
      out[i * K + 15 + l] = quantile(w, 0.75);
    }
  }
  return out;
}

/** Correlation of a beat's QRS region (first lead) with the dominant beat's (beat minus difference channel). */
function qrsCorrelation(waves: Float32Array, beatOffset: number): number {
  const d = beatOffset + WINDOW_LENGTH;
  const len = QRS_TO - QRS_FROM;
  let sb = 0, st = 0;
  for (let k = QRS_FROM; k < QRS_TO; k++) { sb += waves[beatOffset + k]; st += waves[beatOffset + k] - waves[d + k]; }
  const mb = sb / len, mt = st / len;
  let bb = 0, tt = 0, bt = 0;
  for (let k = QRS_FROM; k < QRS_TO; k++) {
    const b = waves[beatOffset + k] - mb;
    const t = waves[beatOffset + k] - waves[d + k] - mt;
    bb += b * b; tt += t * t; bt += b * t;
  }
  return bb > 0 && tt > 0 ? bt / Math.sqrt(bb * tt) : 0;
}

/** Spread of the dominant beat's P region (in dominant-QRS units): small without P waves. */
function templatePStd(waves: Float32Array, beatOffset: number, diffOffset: number): number {
  const len = P_TO - P_FROM;
  let st = 0;
  for (let k = P_FROM; k < P_TO; k++) st += waves[beatOffset + k] - waves[diffOffset + k];
  const mt = st / len;
  let tt = 0;
  for (let k = P_FROM; k < P_TO; k++) { const t = waves[beatOffset + k] - waves[diffOffset + k] - mt; tt += t * t; }
  return Math.sqrt(tt / len);
}

/** Correlation of the beat's P region with the dominant beat's, and the log ratio of their spreads. */
function pWaveFeatures(waves: Float32Array, beatOffset: number, diffOffset: number, out: Float32Array, o: number): void {
  const len = P_TO - P_FROM;
  let sb = 0, st = 0;
  for (let k = P_FROM; k < P_TO; k++) {
    const b = waves[beatOffset + k];
    sb += b;
    st += b - waves[diffOffset + k];
  }
  const mb = sb / len, mt = st / len;
  let bb = 0, tt = 0, bt = 0;
  for (let k = P_FROM; k < P_TO; k++) {
    const b = waves[beatOffset + k] - mb;
    const t = waves[beatOffset + k] - waves[diffOffset + k] - mt;
    bb += b * b;
    tt += t * t;
    bt += b * t;
  }
  out[o] = bb > 0 && tt > 0 ? bt / Math.sqrt(bb * tt) : 0;
  // 0.01 of the dominant QRS size keeps a flat P region (atrial fibrillation, noise-free) finite.
  out[o + 1] = Math.log((Math.sqrt(bb / len) + 0.01) / (Math.sqrt(tt / len) + 0.01));
}
