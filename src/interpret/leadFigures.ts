/**
 * Per-lead figures the criteria read, from the measurements: amplitudes by standard lead name,
 * QRS peak-to-peak, and Q-wave duration and QS shape measured on the lead's median beat.
 */
import type { EcgMeasurements, LeadMeasurements } from '../measure/measureEcg.js';

/** Figures of one lead's median beat. */
export interface LeadFigures {
  lead: string;
  m: LeadMeasurements;
  rMv: number;
  /** Depth of S (positive mV; 0 when there is no S). */
  sDepthMv: number;
  /** Depth of Q (positive mV; 0 when there is no Q). */
  qDepthMv: number;
  /** R' height (0 when none). */
  rPrimeMv: number;
  qrsPeakToPeakMv: number | null;
  /** Q-wave duration (ms) from QRS onset to the return to baseline after Q; null when no Q or unknown. */
  qDurationMs: number | null;
  /** QS complex: no R (< 0.05 mV) and a negative QRS. */
  qs: boolean;
  /** R-peak time (ms): from the lead's QRS onset to the peak of its last R wave (R' when there is one); null without R. */
  rPeakTimeMs: number | null;
}

const STANDARD = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'];
const CANON = new Map(STANDARD.map((n) => [n.toUpperCase(), n]));

/** The standard name of a lead ('avl', 'AVL', 'aVL' -> 'aVL'; 'MLII' -> 'II'), or null. */
function canonicalLead(name: string): string | null {
  const u = name.trim().toUpperCase();
  return CANON.get(u) ?? (u === 'MLII' ? 'II' : null);
}

/**
 * The figures of every standard lead the measurements hold, by standard lead name.
 *
 * @example leadFigures(measurements).get('V1')?.sDepthMv
 */
export function leadFigures(m: EcgMeasurements): Map<string, LeadFigures> {
  const out = new Map<string, LeadFigures>();
  const md = m.medianDelineation;
  m.leads.forEach((l, i) => {
    const name = canonicalLead(l.lead);
    if (!name || out.has(name)) return;
    const a = l.amplitudes;
    const rMv = Math.max(0, a.rMv ?? 0), sDepthMv = Math.max(0, -(a.sMv ?? 0)), qDepthMv = Math.max(0, -(a.qMv ?? 0));
    const rPrimeMv = Math.max(0, a.rPrimeMv ?? 0);
    const hasQrs = l.qrsDurationMs !== null || a.qrsNetMv !== null;
    const p2p = hasQrs ? Math.max(rMv, rPrimeMv) + Math.max(sDepthMv, qDepthMv) : null;
    const beat = md?.leads[i]?.beats[0];
    const samples = m.median?.leads[i]?.samples;
    let qDurationMs: number | null = null;
    const qs = hasQrs && rMv < 0.05 && rPrimeMv < 0.05 && (a.qrsNetMv ?? 0) < 0;
    if (beat && samples && beat.baselineMv !== null && beat.qrs.onset !== null && (beat.qrs.qPeak !== null || qs)) {
      // From QRS onset to where the signal comes back to baseline after the Q (or S of a QS) trough.
      const trough = beat.qrs.qPeak ?? beat.qrs.sPeak ?? null;
      const end = beat.qrs.offset ?? samples.length - 1;
      if (trough !== null) {
        let k = trough;
        while (k < end && samples[k] - beat.baselineMv < 0) k++;
        qDurationMs = ((k - beat.qrs.onset) * 1000) / m.fsHz;
      }
    }
    const lastR = beat ? (beat.qrs.rPrimePeak ?? beat.qrs.rPeak) : null;
    const rPeakTimeMs = beat && lastR !== null && beat.qrs.onset !== null && rMv > 0 ? ((lastR - beat.qrs.onset) * 1000) / m.fsHz : null;
    out.set(name, { lead: name, m: l, rMv, sDepthMv, qDepthMv, rPrimeMv, qrsPeakToPeakMv: p2p, qDurationMs, qs, rPeakTimeMs });
  });
  return out;
}
