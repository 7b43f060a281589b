/**
 * Record-level atrial evidence for short records (a 10 s 12-lead ECG holds ~8-20 beats, too few for
 * the beat-window AF detector): how alike the P windows of all beats are in each recorded lead, and
 * how irregular the intervals between non-ectopic beats are.
 */
import { median } from './median.js';
import { pWaveConsistencyByBeat } from './pWaveConsistency.js';

/** What {@link recordAtrialEvidence} found. */
export interface AtrialEvidence {
  /**
   * P-window consistency (0..1, see pWaveConsistencyByBeat) over all usable beats, in the lead where
   * it is highest; null with fewer than 6 usable beats. Sinus rhythm reads ~0.5-0.9, AF ~1/beats.
   */
  pWaveConsistency: number | null;
  /** The lead `pWaveConsistency` was read in; null when none. */
  pWaveLead: string | null;
  /** Median over recorded leads of the same figure; null when none. */
  pWaveConsistencyMedian: number | null;
  /**
   * RR irregularity: median of |RR(i+1) - RR(i)| / mean(RR(i), RR(i+1)) over pairs of intervals between
   * non-ectopic beats; null with fewer than 4 such pairs. Sinus rhythm ~0.01-0.05, AF ~0.1-0.3.
   */
  rrIrregularity: number | null;
  /** Pairs of intervals `rrIrregularity` rests on. */
  rrPairs: number;
}

/**
 * Atrial evidence for a whole (short) record from its recorded leads. `useBeat` leaves beats out of the P windows (ectopic
 * beats bring their own or no P wave); `normalBeat` marks the beats whose intervals count for the RR
 * irregularity (by default the same).
 *
 * @example
 * const ev = recordAtrialEvidence(record.leads.filter((l) => !l.derived), record.fs, beats, (k) => classes[k] === 'N');
 * if (ev.pWaveConsistency !== null && ev.pWaveConsistency < 0.25) console.log('no consistent P waves');
 */
export function recordAtrialEvidence(leads: ReadonlyArray<{ name: string; samples: Float32Array }>, fsHz: number, beats: Int32Array, useBeat?: (k: number) => boolean, normalBeat: (k: number) => boolean = useBeat ?? (() => true)): AtrialEvidence {
  const byLead: Array<{ name: string; value: number }> = [];
  for (const lead of leads) {
    const pc = pWaveConsistencyByBeat(lead.samples, fsHz, beats, beats.length, useBeat);
    let v = NaN;
    for (let i = 0; i < pc.length && v !== v; i++) v = pc[i];
    if (v === v) byLead.push({ name: lead.name, value: v });
  }
  let best: { name: string; value: number } | null = null;
  for (const l of byLead) if (!best || l.value > best.value) best = l;
  const values = Float64Array.from(byLead, (l) => l.value);
  const ratios: number[] = [];
  for (let i = 0; i + 2 < beats.length; i++) {
    if (!normalBeat(i) || !normalBeat(i + 1) || !normalBeat(i + 2)) continue;
    const a = beats[i + 1] - beats[i], b = beats[i + 2] - beats[i + 1];
    ratios.push(Math.abs(b - a) / ((a + b) / 2));
  }
  const r = Float64Array.from(ratios);
  return {
    pWaveConsistency: best ? round3(best.value) : null,
    pWaveLead: best?.name ?? null,
    pWaveConsistencyMedian: values.length ? round3(median(values, values.length)) : null,
    rrIrregularity: r.length >= 4 ? round3(median(r, r.length)) : null,
    rrPairs: r.length,
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
