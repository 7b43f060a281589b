/**
 * Unreadable signal (from the quality stage) as the rhythm stage uses it: spans sorted, clipped and
 * merged, and a per-beat flag so that beats inside them count toward nothing.
 */
import type { UnreadableSpan } from './types.js';

/**
 * `spans` sorted by start, clipped to [0, lengthSamples), empty ones dropped and overlapping or
 * touching ones merged (their distinct reasons joined with '; ').
 *
 * @example
 * mergedUnreadableSpans([{ startSample: 50, endSample: 90 }, { startSample: 0, endSample: 60 }], 80);
 * // [{ startSample: 0, endSample: 80, reason: '' }]
 */
export function mergedUnreadableSpans(spans: ReadonlyArray<UnreadableSpan> | undefined, lengthSamples: number): Array<Required<UnreadableSpan>> {
  if (!spans || spans.length === 0) return [];
  const sorted = spans
    .filter((s) => Number.isFinite(s.startSample) && Number.isFinite(s.endSample))
    .map((s) => ({ startSample: Math.max(0, Math.round(s.startSample)), endSample: Math.min(lengthSamples, Math.round(s.endSample)), reason: s.reason ?? '' }))
    .filter((s) => s.endSample > s.startSample)
    .sort((a, b) => a.startSample - b.startSample);
  const out: Array<Required<UnreadableSpan>> = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && last.endSample >= s.startSample) {
      last.endSample = Math.max(last.endSample, s.endSample);
      if (s.reason && !last.reason.split('; ').includes(s.reason)) last.reason = last.reason ? `${last.reason}; ${s.reason}` : s.reason;
    } else out.push({ ...s });
  }
  return out;
}

/**
 * 1 for each beat that lies inside one of `spans` (sorted by start; {@link mergedUnreadableSpans}
 * returns them so), else 0.
 *
 * @example
 * beatsInUnreadable(Int32Array.from([10, 60, 120]), [{ startSample: 50, endSample: 100 }]); // [0, 1, 0]
 */
export function beatsInUnreadable(beats: ArrayLike<number>, spans: ReadonlyArray<UnreadableSpan>): Uint8Array {
  const flag = new Uint8Array(beats.length);
  let k = 0;
  for (let i = 0; i < beats.length; i++) {
    while (k < spans.length && spans[k].endSample <= beats[i]) k++;
    if (k < spans.length && beats[i] >= spans[k].startSample) flag[i] = 1;
  }
  return flag;
}
