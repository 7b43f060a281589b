import type { BeatClassification } from './classifyBeats.js';
import type { BeatClass } from './rhythm/types.js';

/**
 * The classification with every beat inside `spans` labelled 'Q' (unclassifiable) and the counts
 * redone; the probabilities stay the model's. Beats kept in unreadable signal are real detections
 * (they count for beat detection), but their shape is the noise's: their class would be a guess
 * (MIT-BIH 105's noise bursts read as runs of V beats). Spans must be sorted and not overlap.
 *
 * @example
 * const c = unclassifiedInSpans(await classifyBeats(record, beats), [{ startSample: 1000, endSample: 4000 }]);
 */
export function unclassifiedInSpans(c: BeatClassification, spans: ReadonlyArray<{ startSample: number; endSample: number }>): BeatClassification {
  if (spans.length === 0) return c;
  const labels = c.labels.slice();
  let changed = 0;
  for (let i = 0, k = 0; i < c.samples.length; i++) {
    const s = c.samples[i];
    while (k < spans.length && spans[k].endSample <= s) k++;
    if (k < spans.length && spans[k].startSample <= s && labels[i] !== 'Q') { labels[i] = 'Q'; changed++; }
  }
  if (changed === 0) return c;
  const counts = { N: 0, S: 0, V: 0, F: 0, Q: 0 } as Record<BeatClass, number>;
  for (const l of labels) counts[l]++;
  return { ...c, labels, counts, notes: [...c.notes, `${changed} beat(s) in unreadable signal labelled Q (unclassifiable)`] };
}
