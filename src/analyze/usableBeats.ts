import type { BeatDetection } from '../beats/types.js';
import { MIN_UNREADABLE_S } from '../classify/rhythm/analyzeRhythm.js';
import { isInSpans, unusableSegments } from '../quality/index.js';
import type { QualityReport } from '../quality/types.js';
import type { BeatsResult } from './results.js';

/** Longest record given a short-strip rhythm label (the strip classifier's own limit is 60 s). */
export const STRIP_MAX_S = 61;

/**
 * A detection with the beats that lie in unusable signal removed (and counted), so later stages never
 * read noise as beats. Only spans of at least MIN_UNREADABLE_S count: the quality stage often calls
 * a lone 1-s window unusable because it holds one wide ectopic beat, and dropping those beats lost
 * real PVCs and VT on MIT-BIH (BENCHMARKS.md, classify, "with quality spans").
 *
 * @example
 * const beats = usableBeats(detectBeats(record), assessQuality(record)); // beats.beatsInUnusableSignal
 */
export function usableBeats(detection: BeatDetection, quality: QualityReport | null): BeatsResult {
  // Short spans are often one wide ectopic beat, so only long ones count; a span that covers (nearly)
  // the whole record counts whatever its length: a 2 s strip of noise has no readable beat.
  const minSamples = quality ? Math.min(MIN_UNREADABLE_S * quality.fsHz, 0.9 * quality.length) : 0;
  // A strip the quality stage rejects as a whole (every lead unusable, or most of it without a
  // usable lead) has no beat worth reading, even where its 1-s windows alternate: 10 s of NSTDB
  // electrode motion otherwise gave a rate and a rhythm. Long records keep their usable spans.
  const wholeStripUnusable = quality !== null && quality.verdict === 'unusable' && quality.length <= STRIP_MAX_S * quality.fsHz;
  const spans = !quality ? [] : wholeStripUnusable
    ? [{ startSample: 0, endSample: quality.length }]
    : unusableSegments(quality).filter((s) => s.endSample - s.startSample >= minSamples);
  if (spans.length === 0) return { ...detection, beatsInUnusableSignal: 0 };
  const kept = detection.samples.filter((s) => !isInSpans(spans, s));
  const dropped = detection.samples.length - kept.length;
  const reason = kept.length === 0 && dropped > 0
    ? wholeStripUnusable
      ? `all ${dropped} detected beats dropped: the record is judged unusable (${quality!.reasons.join('; ')})`
      : `all ${dropped} detected beats lie in signal judged unusable (see quality)`
    : detection.reason;
  return { ...detection, samples: kept, reason, beatsInUnusableSignal: dropped };
}
