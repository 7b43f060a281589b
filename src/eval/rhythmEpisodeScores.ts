/**
 * Episode comparison in the style of WFDB epicmp (ANSI/AAMI EC38/EC57 episode statistics):
 * episode sensitivity and positive predictivity, and duration sensitivity and positive
 * predictivity, for one rhythm label. An episode counts as detected when the other side's
 * episodes cover at least `minOverlapFraction` of it (0 = any overlap).
 */

/** A span [startSample, endSample). */
export interface Span {
  startSample: number;
  endSample: number;
}

/** Raw counts, summable over records (gross statistics). */
export interface EpisodeCounts {
  refEpisodes: number;
  refDetected: number;
  testEpisodes: number;
  testConfirmed: number;
  refSamples: number;
  testSamples: number;
  overlapSamples: number;
}

/**
 * Episode and duration counts of `test` against `ref` (both non-overlapping within themselves).
 *
 * @example
 * const c = episodeCounts([{ startSample: 0, endSample: 100 }], [{ startSample: 50, endSample: 150 }]);
 * // c.refDetected = 1, c.overlapSamples = 50
 */
export function episodeCounts(ref: Span[], test: Span[], minOverlapFraction = 0): EpisodeCounts {
  const covered = (e: Span, others: Span[]): number => {
    let s = 0;
    for (const o of others) s += Math.max(0, Math.min(e.endSample, o.endSample) - Math.max(e.startSample, o.startSample));
    return s;
  };
  const hit = (e: Span, others: Span[]): boolean => {
    const c = covered(e, others);
    return c > 0 && c >= minOverlapFraction * (e.endSample - e.startSample);
  };
  let overlap = 0;
  for (const r of ref) overlap += covered(r, test);
  return {
    refEpisodes: ref.length,
    refDetected: ref.filter((r) => hit(r, test)).length,
    testEpisodes: test.length,
    testConfirmed: test.filter((t) => hit(t, ref)).length,
    refSamples: ref.reduce((s, r) => s + r.endSample - r.startSample, 0),
    testSamples: test.reduce((s, t) => s + t.endSample - t.startSample, 0),
    overlapSamples: overlap,
  };
}

/**
 * Sum of two sets of counts (gross statistics over records).
 *
 * @example
 * const total = addEpisodeCounts(countsOf100, countsOf101);
 */
export function addEpisodeCounts(a: EpisodeCounts, b: EpisodeCounts): EpisodeCounts {
  return {
    refEpisodes: a.refEpisodes + b.refEpisodes,
    refDetected: a.refDetected + b.refDetected,
    testEpisodes: a.testEpisodes + b.testEpisodes,
    testConfirmed: a.testConfirmed + b.testConfirmed,
    refSamples: a.refSamples + b.refSamples,
    testSamples: a.testSamples + b.testSamples,
    overlapSamples: a.overlapSamples + b.overlapSamples,
  };
}

/**
 * Episode Se/+P and duration Se/+P in percent; null where the denominator is 0.
 *
 * @example
 * episodeStatistics(total).episodeSe; // e.g. 94.0
 */
export function episodeStatistics(c: EpisodeCounts): { episodeSe: number | null; episodePp: number | null; durationSe: number | null; durationPp: number | null } {
  const pct = (a: number, b: number): number | null => (b > 0 ? (100 * a) / b : null);
  return {
    episodeSe: pct(c.refDetected, c.refEpisodes),
    episodePp: pct(c.testConfirmed, c.testEpisodes),
    durationSe: pct(c.overlapSamples, c.refSamples),
    durationPp: pct(c.overlapSamples, c.testSamples),
  };
}

/**
 * Reference rhythm episodes from WFDB rhythm annotations (code '+', aux '(AFIB', '(VT', ...): each
 * lasts until the next rhythm annotation or `lengthSamples`. Returns spans by aux label.
 *
 * @example
 * const byLabel = rhythmSpansFromAnnotations(atr, rec.length); // byLabel.get('(AFIB')
 */
export function rhythmSpansFromAnnotations(annotations: Array<{ sample: number; code: string; aux?: string }>, lengthSamples: number): Map<string, Span[]> {
  const marks = annotations.filter((a) => a.code === '+' && a.aux && a.aux.startsWith('('));
  const out = new Map<string, Span[]>();
  for (let i = 0; i < marks.length; i++) {
    const label = marks[i].aux!.replace(/\0/g, '').trim();
    const end = i + 1 < marks.length ? marks[i + 1].sample : lengthSamples;
    if (end <= marks[i].sample) continue;
    const list = out.get(label) ?? [];
    const last = list[list.length - 1];
    if (last && last.endSample === marks[i].sample) last.endSample = end;
    else list.push({ startSample: marks[i].sample, endSample: end });
    out.set(label, list);
  }
  return out;
}
