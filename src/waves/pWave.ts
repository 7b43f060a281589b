import type { DelineationOptions } from './options.js';
import { boxWidthSamples, heldWindowSlope, slopeScratch, type SlopeScratch } from './smoothedDerivative.js';
import { findSlopeWave } from './slopeWave.js';
import type { WavePoints } from './types.js';

/** Reusable buffers for {@link findPWave}, sized for the longest search window. */
export type PWaveScratch = SlopeScratch;

const ms = (v: number, fsHz: number) => Math.round((v * fsHz) / 1000);

/** Buffers for P searches at `fsHz` with these options. */
export function pWaveScratch(fsHz: number, o: DelineationOptions): PWaveScratch {
  const len = ms(o.pSearchMs + 100, fsHz) + 4 * boxWidthSamples(o.pScaleMs, fsHz) + 4;
  return slopeScratch(len);
}

/**
 * The P wave before a QRS starting at `qrsOnset`, searched from `start`: the pair of opposite
 * slopes at the P scale (QRS held flat so its slope cannot leak in), kept when its amplitude over
 * the onset-offset line reaches `pMinAmplitudeMv`. With `hintPeak` (where other leads see the P)
 * the search is narrowed around it and the amplitude floor halved: a small P in one lead is still
 * the P the other leads show. Returns null for no P.
 *
 * @example const p = findPWave(x, 500, 1320, 1180, DEFAULT_DELINEATION_OPTIONS, pWaveScratch(500, o), null);
 */
export function findPWave(
  x: ArrayLike<number>, fsHz: number, qrsOnset: number, start: number, o: DelineationOptions,
  s: PWaveScratch, hintPeak: number | null,
): WavePoints | null {
  const wP = boxWidthSamples(o.pScaleMs, fsHz);
  const pad = 2 * wP;
  const on = qrsOnset;
  if (start < 0 || on - start < ms(60, fsHz)) return null;
  const from = start - pad;
  const len = Math.min(s.seg.length, on + pad - from + 1);
  const { sm, dd } = heldWindowSlope(x, from, len, start, on - ms(8, fsHz), wP, fsHz, s);
  let ws = start - from, we = on - from - 1;
  if (hintPeak !== null) { ws = Math.max(ws, hintPeak - ms(60, fsHz) - from); we = Math.min(we, hintPeak + ms(60, fsHz) - from); }
  if (we - ws < ms(20, fsHz)) return null;
  const w = findSlopeWave(dd, sm, ws, we, start - from, on - from, o.pOnsetFraction, o.pOffsetFraction, o.pExtendFraction, ms(o.pExtendGapMs, fsHz));
  if (!w || w.onsetAtEdge) return null;
  if (o.pOffsetLevelFraction > 0) {
    // The P ends where the signal is back near its level at onset, even when a slow slope (atrial
    // repolarisation, the PR segment drifting into the QRS) keeps the slope rule going.
    const base = sm[w.onset], top = sm[w.peak] - base;
    for (let j = w.peak + 1; j < w.offset; j++) {
      if (Math.abs(sm[j] - base) <= o.pOffsetLevelFraction * Math.abs(top)) { w.offset = j; break; }
    }
  }
  const lineA = sm[w.onset], lineB = sm[w.offset];
  const frac = (w.peak - w.onset) / Math.max(1, w.offset - w.onset);
  const amp = Math.abs(sm[w.peak] - (lineA + (lineB - lineA) * frac));
  if (!(amp >= (hintPeak === null ? o.pMinAmplitudeMv : o.pMinAmplitudeMv / 2))) return null;
  if (hintPeak !== null && Math.abs(w.peak + from - hintPeak) > ms(30, fsHz)) return null;
  return { onset: w.onset + from, peak: w.peak + from, offset: w.offset + from };
}
