import type { QualityReport, SampleSpan } from './types.js';

/**
 * The spans later stages should skip: where no lead is usable, or, given a lead name, where that
 * lead is unusable. Spans are in time order, merged, end exclusive. An unknown lead name gives [].
 *
 * @example
 * for (const s of unusableSegments(report)) console.log(s.startSample / report.fsHz, s.endSample / report.fsHz);
 */
export function unusableSegments(report: QualityReport, lead?: string): SampleSpan[] {
  const segs = lead === undefined ? report.segments : (report.leads.find((l) => l.lead === lead)?.segments ?? []);
  const out: SampleSpan[] = [];
  for (const s of segs) {
    if (s.usable) continue;
    const last = out[out.length - 1];
    if (last && last.endSample >= s.startSample) last.endSample = Math.max(last.endSample, s.endSample);
    else out.push({ startSample: s.startSample, endSample: s.endSample });
  }
  return out;
}

/**
 * True when sample `i` lies inside one of `spans` (sorted, as {@link unusableSegments} returns them).
 *
 * @example isInSpans(unusableSegments(report), beat)
 */
export function isInSpans(spans: readonly SampleSpan[], i: number): boolean {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    if (i < spans[m].startSample) hi = m - 1;
    else if (i >= spans[m].endSample) lo = m + 1;
    else return true;
  }
  return false;
}
