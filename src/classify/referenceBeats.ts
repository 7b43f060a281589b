import { aamiClass, BEAT_CODES } from '../io/wfdb/annotationCodes.js';
import type { EcgRecord } from '../record/types.js';
import type { BeatClass } from './features/layout.js';

/** Reference beats of a record with their AAMI class. */
export interface ReferenceBeats {
  /** Strictly increasing sample indices. */
  samples: Int32Array;
  /** AAMI EC57 class of each beat. */
  classes: BeatClass[];
  /** The original label of each beat (e.g. 'A', 'L', 'V'). */
  codes: string[];
}

/**
 * The beat annotations of a record's reference annotator (e.g. MIT-BIH 'atr') as AAMI classes.
 * Non-beat annotations are skipped; a second beat label at the same sample is dropped. Returns
 * null when the record has no such annotator.
 *
 * @example
 * const ref = referenceBeats(record); // { samples, classes: ['N', 'N', 'V', ...], codes }
 */
export function referenceBeats(record: Pick<EcgRecord, 'annotations'>, annotator = 'atr'): ReferenceBeats | null {
  const set = record.annotations.find((a) => a.annotator === annotator);
  if (!set) return null;
  const samples: number[] = [];
  const classes: BeatClass[] = [];
  const codes: string[] = [];
  for (const a of set.annotations) {
    if (!BEAT_CODES.has(a.code)) continue;
    const c = aamiClass(a.code);
    if (!c) continue;
    if (samples.length > 0 && a.sample <= samples[samples.length - 1]) continue;
    samples.push(a.sample);
    classes.push(c);
    codes.push(a.code);
  }
  return { samples: Int32Array.from(samples), classes, codes };
}
