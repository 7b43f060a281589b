import { SinusError } from '../errors.js';
import type { Annotation } from '../record/types.js';
import { BEAT_CODES } from '../io/wfdb/annotationCodes.js';

/** How two beat lists are compared (ANSI/AAMI EC57 defaults). */
export interface BeatComparisonOptions {
  /** Largest distance between a reference and a test beat that still matches, s (EC57: 0.15). */
  matchWindowS?: number;
  /** First sample of the test period (EC57 and bxb: 5 min; pass 0 for the whole record). */
  startSample?: number;
  /** End of the test period, exclusive (default: the end of the record). */
  endSample?: number;
  /** Sample ranges [from, to) left out of scoring, e.g. ventricular flutter episodes. */
  excluded?: Array<[number, number]>;
}

/** Beat-by-beat result of one record. */
export interface BeatComparison {
  record: string;
  /** Reference beats matched by a test beat (true positives). */
  matched: number;
  /** Reference beats without a test beat (false negatives). */
  missed: number;
  /** Test beats without a reference beat (false positives). */
  extra: number;
  /** Se = TP / (TP + FN), %; null when the test period holds no reference beat. */
  sensitivityPct: number | null;
  /** +P = TP / (TP + FP), %; null when there are no test beats. */
  positivePredictivityPct: number | null;
  /** Sample indices of the missed reference beats and the extra test beats (for review). */
  missedSamples: number[];
  extraSamples: number[];
}

/** Reference beats of an annotation list (codes in BEAT_CODES) and the flutter episodes ('[' to ']') EC57 leaves out. */
export interface ReferenceBeats {
  samples: Int32Array;
  excluded: Array<[number, number]>;
}

/**
 * Picks the beat annotations (WFDB isqrs codes) and the ventricular flutter/fibrillation episodes
 * ('[' ... ']'), which EC57 and bxb leave out of QRS detection scoring.
 *
 * @example
 * const ref = referenceBeats(rec.annotations.find((a) => a.annotator === 'atr')!.annotations, rec.length);
 */
export function referenceBeats(annotations: Annotation[], recordLength: number): ReferenceBeats {
  const beats: number[] = [];
  const excluded: Array<[number, number]> = [];
  let flutterFrom: number | null = null;
  for (const a of annotations) {
    if (BEAT_CODES.has(a.code)) beats.push(a.sample);
    else if (a.code === '[') flutterFrom = a.sample;
    else if (a.code === ']' && flutterFrom !== null) { excluded.push([flutterFrom, a.sample + 1]); flutterFrom = null; }
  }
  if (flutterFrom !== null) excluded.push([flutterFrom, recordLength]);
  beats.sort((a, b) => a - b);
  return { samples: Int32Array.from(beats), excluded };
}

const pct = (num: number, den: number) => (den > 0 ? (100 * num) / den : null);

/**
 * Compares test beats with reference beats as WFDB `bxb` does for QRS detection: both lists are cut
 * to the test period (minus excluded ranges), then pairs closer than the match window are matched
 * nearest first, each beat at most once. Unmatched reference beats are misses (FN), unmatched test
 * beats extras (FP).
 *
 * @example
 * const r = compareBeats('100', ref.samples, beats.samples, 360, { startSample: 5 * 60 * 360, excluded: ref.excluded });
 * console.log(r.sensitivityPct, r.positivePredictivityPct);
 */
export function compareBeats(record: string, reference: ArrayLike<number>, test: ArrayLike<number>, fsHz: number, options: BeatComparisonOptions = {}): BeatComparison {
  if (!(fsHz > 0)) throw new SinusError('BAD_ARGUMENT', `sampling rate must be positive, got ${fsHz}`);
  const window = Math.round((options.matchWindowS ?? 0.15) * fsHz);
  const start = options.startSample ?? 0;
  const end = options.endSample ?? Infinity;
  const excluded = options.excluded ?? [];
  const excludedAt = (s: number) => excluded.some(([a, b]) => s >= a && s < b);
  const inPeriod = (s: number) => s >= start && s < end && !excludedAt(s);
  // A beat just outside the test period may pair with one just inside it (so a fiducial a few ms
  // before the period's start is not scored as a miss), but unpaired outsiders are not counted.
  const nearPeriod = (s: number) => s >= start - window && s < end + window && !excludedAt(s);
  const ref = Array.from(reference).filter(nearPeriod).sort((a, b) => a - b);
  const tst = Array.from(test).filter(nearPeriod).sort((a, b) => a - b);
  // Candidate pairs within the window, then nearest first.
  const pairs: Array<[number, number, number]> = [];
  let j0 = 0;
  for (let i = 0; i < ref.length; i++) {
    while (j0 < tst.length && tst[j0] < ref[i] - window) j0++;
    for (let j = j0; j < tst.length && tst[j] <= ref[i] + window; j++) pairs.push([Math.abs(tst[j] - ref[i]), i, j]);
  }
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const refUsed = new Uint8Array(ref.length), tstUsed = new Uint8Array(tst.length);
  let matched = 0;
  for (const [, i, j] of pairs) {
    if (refUsed[i] || tstUsed[j]) continue;
    refUsed[i] = 1;
    tstUsed[j] = 1;
    // A pair counts when either beat lies in the period; pairs wholly outside it do not.
    if (inPeriod(ref[i]) || inPeriod(tst[j])) matched++;
  }
  const missedSamples = ref.filter((s, i) => !refUsed[i] && inPeriod(s));
  const extraSamples = tst.filter((s, j) => !tstUsed[j] && inPeriod(s));
  return {
    record,
    matched,
    missed: missedSamples.length,
    extra: extraSamples.length,
    sensitivityPct: pct(matched, matched + missedSamples.length),
    positivePredictivityPct: pct(matched, matched + extraSamples.length),
    missedSamples,
    extraSamples,
  };
}

/** Gross (beats summed over records) and average (mean of per-record figures) statistics. */
export interface BeatComparisonSummary {
  records: number;
  matched: number;
  missed: number;
  extra: number;
  grossSensitivityPct: number | null;
  grossPositivePredictivityPct: number | null;
  averageSensitivityPct: number | null;
  averagePositivePredictivityPct: number | null;
}

/**
 * Gross and average Se and +P over records, as EC57 reports them.
 *
 * @example
 * const total = summarizeBeatComparisons(results);
 */
export function summarizeBeatComparisons(results: BeatComparison[]): BeatComparisonSummary {
  let matched = 0, missed = 0, extra = 0;
  for (const r of results) { matched += r.matched; missed += r.missed; extra += r.extra; }
  const mean = (xs: Array<number | null>) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  };
  return {
    records: results.length,
    matched, missed, extra,
    grossSensitivityPct: pct(matched, matched + missed),
    grossPositivePredictivityPct: pct(matched, matched + extra),
    averageSensitivityPct: mean(results.map((r) => r.sensitivityPct)),
    averagePositivePredictivityPct: mean(results.map((r) => r.positivePredictivityPct)),
  };
}

/**
 * The comparison as a fixed-width text table (one line per record, then gross and average lines),
 * in the spirit of bxb's line format.
 *
 * @example
 * console.log(formatBeatComparisonTable(results));
 */
export function formatBeatComparisonTable(results: BeatComparison[]): string {
  const f = (v: number | null) => (v === null ? '     -' : v.toFixed(2).padStart(6));
  const lines = ['record      TP     FN     FP      Se     +P'];
  for (const r of results) {
    lines.push(`${r.record.padEnd(8)} ${String(r.matched).padStart(6)} ${String(r.missed).padStart(6)} ${String(r.extra).padStart(6)}  ${f(r.sensitivityPct)} ${f(r.positivePredictivityPct)}`);
  }
  const s = summarizeBeatComparisons(results);
  lines.push(`${'gross'.padEnd(8)} ${String(s.matched).padStart(6)} ${String(s.missed).padStart(6)} ${String(s.extra).padStart(6)}  ${f(s.grossSensitivityPct)} ${f(s.grossPositivePredictivityPct)}`);
  lines.push(`${'average'.padEnd(8)} ${''.padStart(20)}  ${f(s.averageSensitivityPct)} ${f(s.averagePositivePredictivityPct)}`);
  return lines.join('\n');
}
