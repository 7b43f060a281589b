import type { AnalysisSections } from '../report/analysisSections.js';
import type { NumericFeature } from './types.js';

/**
 * ECG-QA's own normal ranges (ms) for its numeric features, as its dataset generation defines them
 * (Oh et al., NeurIPS 2023; `encode_ptbxl.py` of the ECG-QA pipeline): RR 600-1000, P <= 120,
 * PR 120-200, QRS 60-110, QT 330-430, QTc 330-555 (= 330/sqrt(1.0) .. 430/sqrt(0.6)). A feature is
 * out of range when its smallest or largest per-beat value in lead II is.
 */
export const ECGQA_NORMAL_RANGES_MS: Readonly<Record<NumericFeature, { low: number | null; high: number | null }>> = {
  'rr interval': { low: 600, high: 1000 },
  'p duration': { low: null, high: 120 },
  'pr interval': { low: 120, high: 200 },
  'qrs duration': { low: 60, high: 110 },
  'qt interval': { low: 330, high: 430 },
  'qt corrected': { low: 330, high: 430 / Math.sqrt(0.6) },
};

interface WaveBeat {
  p: { onset: number; offset: number } | null;
  qrs: { onset: number; offset: number } | null;
  t: { onset: number; offset: number } | null;
}
interface WavesSection {
  fsHz: number;
  beatSamples: number[];
  leads: Array<{ lead: string; beats: WaveBeat[] }>;
}

/**
 * Smallest and largest per-beat value (ms) of a feature in lead II from the waves section (the
 * per-beat delineation), as ECG-QA measures its features; null when lead II or the waves are
 * missing or no beat has the wave.
 *
 * @example beatFeatureExtremesMs(sections, waves, 'pr interval') // { minMs: 138, maxMs: 152 }
 */
export function beatFeatureExtremesMs(s: AnalysisSections, waves: unknown, feature: NumericFeature): { minMs: number; maxMs: number } | null {
  const w = waves as WavesSection | null;
  const lead = w?.leads?.find((l) => l.lead === 'II');
  if (!w || !lead) return null;
  const ms = (samples: number) => (samples / w.fsHz) * 1000;
  const values: number[] = [];
  lead.beats.forEach((b, i) => {
    const rr = i > 0 ? ms(w.beatSamples[i] - w.beatSamples[i - 1]) : null;
    let v: number | null = null;
    if (feature === 'rr interval') v = rr;
    else if (feature === 'p duration' && b.p) v = ms(b.p.offset - b.p.onset);
    else if (feature === 'pr interval' && b.p && b.qrs) v = ms(b.qrs.onset - b.p.onset);
    else if (feature === 'qrs duration' && b.qrs) v = ms(b.qrs.offset - b.qrs.onset);
    else if (feature === 'qt interval' && b.qrs && b.t) v = ms(b.t.offset - b.qrs.onset);
    else if (feature === 'qt corrected' && b.qrs && b.t && rr) v = ms(b.t.offset - b.qrs.onset) / Math.sqrt(rr / 1000);
    if (v != null && Number.isFinite(v) && v > 0) values.push(v);
  });
  void s;
  return values.length ? { minMs: Math.min(...values), maxMs: Math.max(...values) } : null;
}
