import type { EcgRecord } from '../record/types.js';
import type { BeatTemplate } from './beatTemplate.js';
import { delineateMedianBeats } from './delineateMedianBeats.js';
import { medianBeats, type MedianBeats } from './medianBeats.js';
import type { Delineation } from './types.js';

/**
 * The record's median beat: one representative beat per lead and its delineation, what 12-lead
 * measurements (and statements about them) are made on. Positions index the median beat's samples.
 */
export interface MedianBeat {
  /**
   * How it was built: `template` = the delineation's dominant-beat template (beats of the dominant
   * shape re-aligned on each other); `selectedBeats` = the median of the beats the caller chose
   * (e.g. the normal beats), aligned on the detector's fiducials.
   */
  source: 'template' | 'selectedBeats';
  /** The median beat of each lead. */
  median: MedianBeats;
  /** Its delineation (one beat, global boundaries fused across leads); null when no median could be formed (`median.reason`). */
  delineation: Delineation | null;
}

/** What {@link recordMedianBeat} builds the median beat from. */
export interface RecordMedianBeatInput {
  /** The template `delineateBeatsWithTemplate` returned (null when it found none). */
  template: BeatTemplate | null;
  /** Indices (into the beat list) of the beats to build the median from, e.g. the normal beats; when given, the template is not used. */
  use?: ArrayLike<number>;
}

/**
 * The record's median beat: the delineation's beat template when there is one and no beat subset
 * is asked for, otherwise the median of the chosen beats (all beats by default), delineated.
 *
 * @example
 * const { delineation, template } = delineateBeatsWithTemplate(record, beats);
 * const mb = recordMedianBeat(record, beats, { template });
 * console.log(mb.source, mb.median.beatCount, mb.delineation?.global[0].qrsOnset);
 */
export function recordMedianBeat(record: EcgRecord, beatSamples: ArrayLike<number>, input: RecordMedianBeatInput): MedianBeat {
  const template = input.use ? null : input.template;
  if (template) return { source: 'template', median: template.median, delineation: template.delineation };
  // `use` indexes the caller's array, so the median is built from it as given (not a sorted copy).
  const median = medianBeats(record, beatSamples, { use: input.use });
  return { source: 'selectedBeats', median, delineation: median.reason ? null : delineateMedianBeats(median) };
}
