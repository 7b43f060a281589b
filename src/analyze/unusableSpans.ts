import { beatsInUnreadable } from '../classify/rhythm/unreadableSpans.js';
import type { UnreadableSpan } from '../classify/rhythm/types.js';
import type { QualityReport } from '../quality/types.js';

/**
 * Spans of a quality report where no lead is usable, with the quality stage's reasons; none when
 * the quality stage gave nothing. Later stages claim nothing there.
 *
 * @example
 * const spans = unusableSpansOf(assessQuality(record)); // [{ startSample, endSample, reason }]
 */
export function unusableSpansOf(quality: QualityReport | null): UnreadableSpan[] {
  if (!quality) return [];
  return quality.segments
    .filter((s) => !s.usable)
    .map((s) => ({ startSample: s.startSample, endSample: s.endSample, reason: s.reasons.length ? s.reasons.join('; ') : undefined }));
}

/**
 * Beat classes with the beats inside `spans` turned into 'Q' (unclassifiable), so NN intervals and
 * ectopic counts skip them; the classes as given (or undefined) when there are no spans.
 *
 * @example
 * const classes = classesOutsideSpans(beats.samples, beatClasses?.labels, unusableSpansOf(quality));
 */
export function classesOutsideSpans(beats: ArrayLike<number>, classes: readonly string[] | undefined, spans: ReadonlyArray<{ startSample: number; endSample: number }>): readonly string[] | undefined {
  if (spans.length === 0) return classes;
  const inSpan = beatsInUnreadable(beats, [...spans].sort((a, b) => a.startSample - b.startSample));
  return Array.from(inSpan, (q, i) => (q ? 'Q' : (classes?.[i] ?? 'N')));
}
