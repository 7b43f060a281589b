/**
 * Atrial flutter from the atrial activity left after QRST cancellation (see atrialActivity.ts):
 * flutter leaves a regular saw-tooth at 230-360 /min (3.8-6 Hz) whose 3-12 Hz power sits in one
 * narrow peak and its harmonic, while sinus rhythm leaves almost nothing (its P waves are locked to
 * the QRS and cancel) and AF leaves broad, disorganised 4-9 Hz power.
 * Conservative by design: a window counts only with a sharp, dominant, large enough peak that is not
 * a harmonic of the ventricular rate. Flutter with a fixed 2:1 or 4:1 block is given up: its F waves
 * are locked to the QRS, so they cancel with it, and a peak at a multiple of the heart rate cannot be
 * told from imperfectly cancelled T waves.
 */
import { atrialSpectrumWindows, qrstCancelledResidual } from './atrialActivity.js';

const WINDOW_S = 8;
const STEP_S = 4;
/** Flutter F-wave rate band (Hz): 230-360 /min. */
const FLUTTER_LO_HZ = 3.8;
const FLUTTER_HI_HZ = 6;
/**
 * Share of 3-12 Hz power in the peak and its harmonic. 0.4 passes 5 of the 8 flutter strips of the
 * development set (PTB-XL 17 18 20 23 34, LUDB 35 52 103) and none of LUDB's 15 AF strips, and,
 * with the other rules, 0.2% of the sinus windows of MIT-BIH DS1.
 */
const MIN_ORGANISATION = 0.4;
/** F waves are at least this large (RMS in 3-12 Hz, mV); sinus residuals are mostly noise below it. */
const MIN_BAND_RMS_MV = 0.03;
/** A peak within this distance (Hz) of a multiple of the heart rate is taken for QRS-T residue. */
const HARMONIC_TOLERANCE_HZ = 0.2;

/** Windows where more than this share of the beats are V, F or Q are not judged. */
const MAX_VENTRICULAR_SHARE = 0.2;

/** An atrial flutter run. */
export interface FlutterRun {
  startSample: number;
  endSample: number;
  /** Mean organisation over the run's windows (0..1). */
  confidence: number;
  /** Mean F-wave rate (per minute). */
  atrialRatePerMin: number;
  /**
   * Atrioventricular conduction: '2:1', '3:1', '4:1' when the atrial rate is within 0.25 of that
   * multiple of the ventricular rate over the run, 'variable' otherwise; null without a ventricular rate.
   */
  conduction: string | null;
  reason: string;
}

/**
 * AV conduction ratio of flutter from its atrial and ventricular rates (see FlutterRun.conduction).
 *
 * @example flutterConduction(300, 150); // '2:1'
 */
export function flutterConduction(atrialRatePerMin: number, ventricularRateBpm: number): string | null {
  if (!(ventricularRateBpm > 0) || !(atrialRatePerMin > 0)) return null;
  const r = atrialRatePerMin / ventricularRateBpm;
  const k = Math.round(r);
  return k >= 1 && k <= 4 && Math.abs(r - k) <= 0.25 ? `${k}:1` : 'variable';
}

/**
 * Atrial flutter runs (sample spans) from one lead and its beats: at least two overlapping flutter
 * windows (12 s), or the one window of a strip too short for two. `classes` (one per beat) keeps
 * ectopic beats out of the normal beats' templates; `ectopyClasses` (default `classes`) marks the
 * V/F/Q beats whose share rules a window out.
 *
 * @example
 * const runs = flutterRuns(lead, 360, beats, classes);
 */
export function flutterRuns(signal: Float32Array, fsHz: number, beats: Int32Array, classes?: ArrayLike<string>, ectopyClasses: ArrayLike<string> | undefined = classes): FlutterRun[] {
  const out: FlutterRun[] = [];
  if (signal.length < WINDOW_S * fsHz || beats.length < 6) return out;
  const windows = atrialSpectrumWindows(qrstCancelledResidual(signal, fsHz, beats, classes), fsHz, WINDOW_S, STEP_S);
  const minWindows = Math.min(2, windows.length);
  let open: { startSample: number; endSample: number; score: number; n: number; hz: number } | null = null;
  let bi = 0;
  for (const w of windows) {
    while (bi < beats.length && beats[bi] < w.startSample) bi++;
    const hrHz = meanRateHz(beats, bi, w.endSample, fsHz);
    const ratio = hrHz > 0 ? w.dominantHz / hrHz : 0;
    // Flutter is an atrial rhythm conducted to the ventricles: windows full of ventricular ectopy
    // (whose multiform templates cancel badly) say nothing about it.
    if (ectopyClasses && ventricularShare(ectopyClasses, beats, bi, w.endSample) > MAX_VENTRICULAR_SHARE) continue;
    const harmonic = hrHz > 0 && Math.abs(ratio - Math.round(ratio)) * hrHz < HARMONIC_TOLERANCE_HZ;
    const flutter = w.dominantHz >= FLUTTER_LO_HZ && w.dominantHz <= FLUTTER_HI_HZ && w.organisation >= MIN_ORGANISATION && w.bandRms >= MIN_BAND_RMS_MV && hrHz > 0 && !harmonic;
    if (!flutter) continue;
    if (open && w.startSample <= open.endSample) { open.endSample = w.endSample; open.score += w.organisation; open.n++; open.hz += w.dominantHz; }
    else { if (open) close(open); open = { startSample: w.startSample, endSample: w.endSample, score: w.organisation, n: 1, hz: w.dominantHz }; }
  }
  if (open) close(open);
  return out;

  function close(o: { startSample: number; endSample: number; score: number; n: number; hz: number }): void {
    if (o.n < minWindows) return;
    const rate = (60 * o.hz) / o.n;
    let first = 0;
    while (first < beats.length && beats[first] < o.startSample) first++;
    const conduction = flutterConduction(rate, 60 * meanRateHz(beats, first, o.endSample, fsHz));
    out.push({
      startSample: o.startSample, endSample: o.endSample, confidence: Math.min(1, o.score / o.n), atrialRatePerMin: rate, conduction,
      reason: `regular atrial waves at ${rate.toFixed(0)} /min after QRST cancellation (organisation ${(o.score / o.n).toFixed(2)})${conduction ? `, ${conduction} conduction` : ''}`,
    });
  }
}

/** Mean beat rate (Hz) of the beats from index `first` up to sample `end`; 0 with < 2 beats. */
function meanRateHz(beats: Int32Array, first: number, end: number, fsHz: number): number {
  let last = first;
  while (last + 1 < beats.length && beats[last + 1] < end) last++;
  return last > first ? ((last - first) * fsHz) / (beats[last] - beats[first]) : 0;
}

/** Share of the beats from index `first` up to sample `end` that are not N or S. */
function ventricularShare(classes: ArrayLike<string>, beats: Int32Array, first: number, end: number): number {
  let n = 0, v = 0;
  for (let k = first; k < beats.length && beats[k] < end; k++) { n++; if (classes[k] !== 'N' && classes[k] !== 'S') v++; }
  return n ? v / n : 0;
}
