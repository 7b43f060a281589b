import { beatsInUnreadable, mergedUnreadableSpans } from '../classify/rhythm/unreadableSpans.js';
import { MIN_UNREADABLE_S, rhythmLead } from '../classify/rhythm/analyzeRhythm.js';
import { qrsConsistencyByBeat } from '../classify/rhythm/qrsConsistency.js';
import { ventricularRunsUnderNoise } from '../classify/rhythm/ventricularRunsUnderNoise.js';
import { unclassifiedInSpans } from '../classify/unclassifiedInSpans.js';
import type { BeatClassification } from '../classify/classifyBeats.js';
import type { EcgRecord } from '../record/types.js';
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

/**
 * Beat classes with the beats of unreadable spans >= MIN_UNREADABLE_S turned into Q: the beats stage keeps
 * beats in unusable signal (they count as detections), but their shape is the noise's, so they are
 * unclassifiable in the same spans the rhythm stage calls noise. A span holding a run of alike V beats
 * above 100 bpm is VT, not noise (the rhythm stage runs the same test), and keeps its classes.
 *
 * @example
 * const classes = unclassifiedWhereUnreadable(record, await classifyBeats(record, beats.samples), quality);
 */
export function unclassifiedWhereUnreadable(record: EcgRecord, c: BeatClassification, quality: QualityReport | null): BeatClassification {
  const spans = mergedUnreadableSpans(unusableSpansOf(quality), record.length).filter((s) => s.endSample - s.startSample >= MIN_UNREADABLE_S * record.fs);
  if (spans.length === 0) return c;
  const beats = Int32Array.from(c.samples);
  const lead = rhythmLead(record)?.samples;
  const likeness = lead && beats.length >= 3 ? qrsConsistencyByBeat(lead, record.fs, beats) : null;
  return unclassifiedInSpans(c, ventricularRunsUnderNoise(spans, beats, c.labels, likeness, record.fs).noise);
}
