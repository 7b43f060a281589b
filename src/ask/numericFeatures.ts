import type { AnalysisSections } from '../report/analysisSections.js';
import type { NumericFeature } from './types.js';

/**
 * Adult normal ranges (inclusive) of ECG-QA's numeric features, in ms; null = no bound.
 * RR from 60-100 bpm; P < 120 ms, PR 120-200 ms and QRS <= 110 ms from the AHA/ACC/HRS 2009
 * recommendations (part III: 110-119 ms is incomplete block, >= 120 ms complete); QT 300-450 ms;
 * QTc 350-460 ms (part IV: long QTc >= 450 ms men / 460 ms women; only frankly short values below
 * 350 ms count as short, sex being unknown to ECG-QA's questions).
 */
export const NUMERIC_NORMAL_RANGES_MS: Readonly<Record<NumericFeature, { low: number | null; high: number | null }>> = {
  'rr interval': { low: 600, high: 1000 },
  'p duration': { low: null, high: 120 },
  'pr interval': { low: 120, high: 200 },
  'qrs duration': { low: null, high: 110 },
  'qt interval': { low: 300, high: 450 },
  'qt corrected': { low: 350, high: 460 },
};

/** Smallest change counted as a change between two ECGs (ms): about the IEC 60601-2-25 interval tolerances. */
export const CHANGE_TOLERANCE_MS: Readonly<Record<NumericFeature, number>> = {
  'rr interval': 50,
  'p duration': 10,
  'pr interval': 10,
  'qrs duration': 10,
  'qt interval': 20,
  'qt corrected': 20,
};

export const NUMERIC_FEATURES: readonly NumericFeature[] = ['rr interval', 'p duration', 'pr interval', 'qrs duration', 'qt interval', 'qt corrected'];

/** A numeric feature's value in one ECG, where it came from, or why it is unknown. */
export interface FeatureValue {
  feature: NumericFeature;
  valueMs: number | null;
  /** Lead the value was measured in ('II' as ECG-QA does); null for a global value. */
  lead: string | null;
  /** How it was obtained, e.g. 'lead II median beat' or 'Bazett from lead II QT and RR'. */
  source: string;
  reason: string | null;
}

/**
 * The value of a numeric feature as ECG-QA defines it: measured on lead II's median beat (RR from
 * the record's beats, QTc by Bazett from lead II's QT); the global (all-lead) value when lead II has
 * none, saying so. With `global`, the all-lead value (what a report prints) is used first.
 *
 * @example numericFeatureValue(analysisSections(a), 'qrs duration').valueMs
 */
export function numericFeatureValue(s: AnalysisSections, feature: NumericFeature, global = false): FeatureValue {
  const m = s.measurements;
  if (!m) return { feature, valueMs: null, lead: null, source: 'measurements', reason: `no measurements: ${s.missing.measurements ?? 'not computed'}` };
  const ii = m.leads.find((l) => l.lead === 'II') ?? null;
  const rr = m.rrMs;
  const pick = (leadV: number | null | undefined, globalV: number | null, name: string): FeatureValue => {
    if (!global && leadV != null) return { feature, valueMs: leadV, lead: 'II', source: 'lead II median beat', reason: null };
    if (globalV != null) return { feature, valueMs: globalV, lead: null, source: global ? 'global (all leads)' : 'global (all leads): lead II has none', reason: null };
    return { feature, valueMs: null, lead: null, source: 'measurements', reason: m.reasons?.[name] ?? `${feature} not measurable on this recording` };
  };
  switch (feature) {
    case 'rr interval':
      return rr != null ? { feature, valueMs: rr, lead: null, source: 'median RR of the beats', reason: null } : { feature, valueMs: null, lead: null, source: 'measurements', reason: m.reasons?.rrMs ?? 'too few beats for an RR interval' };
    case 'p duration':
      return pick(ii?.pDurationMs, m.pDurationMs, 'pDurationMs');
    case 'pr interval':
      return pick(ii?.prMs, m.prMs, 'prMs');
    case 'qrs duration':
      return pick(ii?.qrsDurationMs, m.qrsDurationMs, 'qrsDurationMs');
    case 'qt interval':
      return pick(ii?.qtMs, m.qtMs, 'qtMs');
    case 'qt corrected': {
      if (!global && ii?.qtMs != null && rr != null) return { feature, valueMs: ii.qtMs / Math.sqrt(rr / 1000), lead: 'II', source: 'Bazett from lead II QT and RR', reason: null };
      const b = m.qtc?.bazettMs ?? null;
      return b != null ? { feature, valueMs: b, lead: null, source: 'Bazett, global QT', reason: null } : { feature, valueMs: null, lead: null, source: 'measurements', reason: m.reasons?.qtMs ?? 'QT not measurable' };
    }
  }
}

/**
 * Where a value lies against its clinical normal range.
 *
 * @example rangeOf('pr interval', 230) // 'above'
 */
export function rangeOf(feature: NumericFeature, valueMs: number): 'below' | 'within' | 'above' {
  const r = NUMERIC_NORMAL_RANGES_MS[feature];
  if (r.low != null && valueMs < r.low) return 'below';
  if (r.high != null && valueMs > r.high) return 'above';
  return 'within';
}
