import type { AnalysisResults, InterpretationJson, RhythmJson } from '../analyze/results.js';
import { EVENT_LABELS, type RhythmLabel } from '../classify/rhythm/types.js';

/** The measurements printed in the header of an ECG print; null = not measured. */
export interface KeyMeasurements {
  heartRateBpm: number | null;
  prMs: number | null;
  qrsMs: number | null;
  qtMs: number | null;
  /** QTc by Bazett, as carts print it. */
  qtcMs: number | null;
  pAxisDeg: number | null;
  qrsAxisDeg: number | null;
  tAxisDeg: number | null;
  rhythm: string | null;
  /** The interpretation's statements and summary as a cart prints them ('Sinus bradycardia. Left atrial enlargement. Borderline ECG'), or null without one. */
  statements: string | null;
  quality: string | null;
}

/** Heart rate from the median RR of the detected beats (when measurements gave none), or null with fewer than 3 beats. */
function rateFromBeats(samples: readonly number[], fsHz: number): number | null {
  if (samples.length < 3 || !(fsHz > 0)) return null;
  const rr: number[] = [];
  for (let i = 1; i < samples.length; i++) rr.push((samples[i] - samples[i - 1]) / fsHz);
  rr.sort((a, b) => a - b);
  const med = rr[rr.length >> 1];
  return med > 0 ? 60 / med : null;
}

/** Labels that say nothing about the underlying rhythm: events overlaying it, and spans without one. */
const NOT_A_RHYTHM: ReadonlySet<RhythmLabel> = new Set<RhythmLabel>([...EVENT_LABELS, 'undetermined', 'noise']);

/** The rhythm that covers most of the record, from the rhythm episodes. */
function dominantRhythm(rhythm: RhythmJson): string | null {
  const samples = new Map<RhythmLabel, number>();
  for (const e of rhythm.episodes) {
    if (NOT_A_RHYTHM.has(e.label)) continue;
    samples.set(e.label, (samples.get(e.label) ?? 0) + e.endSample - e.startSample);
  }
  let best: RhythmLabel | null = null;
  for (const [label, n] of samples) if (best === null || n > samples.get(best)!) best = label;
  return best === null ? null : best.replace(/_/g, ' ') + (samples.size > 1 ? ` (+${samples.size - 1} other)` : '');
}

/** The reconciled rhythm statement's text, 'not determined' when the interpretation names none. */
function reconciledRhythmText(i: InterpretationJson): string {
  return i.rhythm?.text ?? 'not determined';
}

/** Statements and summary of the interpretation, sentence-cased and joined as a cart prints them. */
function statementsLine(i: InterpretationJson): string {
  const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  return [...i.statements.filter((s) => s.code !== 'NORM').map((s) => cap(s.text)), i.summary.text].join('. ');
}

/**
 * Gathers the header measurements from an Analysis's sections (`measurements`, `beats`, `rhythm`,
 * `stripRhythm`, `quality`). Missing sections or fields give null, printed as a dash, never a guess.
 *
 * @example keyMeasurements(analysis).qrsMs // 92 or null
 */
export function keyMeasurements(analysis: { results: AnalysisResults; record: { fsHz: number } } | null): KeyMeasurements {
  const r = analysis?.results;
  const m = r?.measurements ?? null;
  return {
    heartRateBpm: m?.heartRateBpm ?? (r?.beats ? rateFromBeats(r.beats.samples, analysis!.record.fsHz) : null),
    prMs: m?.prMs ?? null,
    qrsMs: m?.qrsDurationMs ?? null,
    qtMs: m?.qtMs ?? null,
    qtcMs: m?.qtc.bazettMs ?? null,
    pAxisDeg: m?.pAxisDeg ?? null,
    qrsAxisDeg: m?.qrsAxisDeg ?? null,
    tAxisDeg: m?.tAxisDeg ?? null,
    rhythm: (r?.interpretation ? reconciledRhythmText(r.interpretation) : null) ?? (r?.rhythm ? dominantRhythm(r.rhythm) : null) ?? r?.stripRhythm?.label ?? null,
    statements: r?.interpretation ? statementsLine(r.interpretation) : null,
    quality: r?.quality?.verdict ?? null,
  };
}
