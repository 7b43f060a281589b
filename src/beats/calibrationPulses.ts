/**
 * Calibration pulses and other rectangular, non-cardiac deflections: an instantaneous step, a flat
 * plateau, an instantaneous step back, at the same samples in most recorded leads. Electrocardiographs
 * put a 1 mV, 100-200 ms pulse at the start or end of a printout (the Philips SierraECG examples carry
 * one at 10.7-10.9 s in all 12 leads); a QRS detector sees its two edges as two wide beats.
 * A heart's deflections build up over several samples and are never flat to a few microvolts for
 * 40 ms, so the shape alone tells them apart.
 */
import type { EcgRecord } from '../record/types.js';

/** Smallest step (mV) taken for a pulse edge. */
const MIN_STEP_MV = 0.2;
/** The plateau holds for at least this long (ms), and at most this long. */
const MIN_PLATEAU_MS = 40;
const MAX_PLATEAU_MS = 1000;
/** Plateau flatness: its range stays within this share of the step (and at least FLAT_FLOOR_MV). */
const FLAT_SHARE = 0.01;
const FLAT_FLOOR_MV = 0.003;
/** An edge is instantaneous: the samples before it (and after the return) move by less than this share of the step. */
const STILL_SHARE = 0.1;

/** One rectangular pulse: `endSample` exclusive (the first sample back at baseline). */
export interface CalibrationPulse {
  startSample: number;
  endSample: number;
  /** Median step height over the leads that carry it (mV, signed). */
  amplitudeMv: number;
  /** Recorded leads that carry it. */
  leads: string[];
}

/**
 * The rectangular pulses of a record, found in at least half of its recorded (not derived) leads.
 *
 * @example
 * const pulses = calibrationPulses(record); // [{ startSample: 5350, endSample: 5450, amplitudeMv: 1, leads: ['I', ...] }]
 */
export function calibrationPulses(record: EcgRecord): CalibrationPulse[] {
  const leads = record.leads.filter((l) => !l.derived);
  const use = leads.length ? leads : record.leads;
  const minPlateau = Math.max(2, Math.round((MIN_PLATEAU_MS * record.fs) / 1000));
  const maxPlateau = Math.round((MAX_PLATEAU_MS * record.fs) / 1000);
  const found = new Map<number, { end: number; steps: number[]; leads: string[] }>();
  for (const lead of use) {
    for (const p of pulsesInLead(lead.samples, minPlateau, maxPlateau)) {
      // The same pulse in another lead may start one sample apart.
      const key = [p.start, p.start - 1, p.start + 1].find((k) => found.has(k)) ?? p.start;
      const entry = found.get(key) ?? { end: p.end, steps: [], leads: [] };
      entry.end = Math.max(entry.end, p.end);
      entry.steps.push(p.step);
      entry.leads.push(lead.name);
      found.set(key, entry);
    }
  }
  const need = Math.max(1, Math.ceil(use.length / 2));
  const out: CalibrationPulse[] = [];
  for (const [start, e] of found) {
    if (e.leads.length < need) continue;
    const steps = e.steps.slice().sort((a, b) => a - b);
    out.push({ startSample: start, endSample: e.end, amplitudeMv: Math.round(steps[steps.length >> 1] * 1000) / 1000, leads: e.leads });
  }
  return out.sort((a, b) => a.startSample - b.startSample);
}

/** Rectangular pulses of one lead: start = first plateau sample, end = first sample after the step back. */
function pulsesInLead(x: Float32Array, minPlateau: number, maxPlateau: number): Array<{ start: number; end: number; step: number }> {
  const out: Array<{ start: number; end: number; step: number }> = [];
  const n = x.length;
  for (let i = 2; i < n - minPlateau; i++) {
    const step = x[i] - x[i - 1];
    const a = Math.abs(step);
    if (!(a >= MIN_STEP_MV) || Math.abs(x[i - 1] - x[i - 2]) > STILL_SHARE * a) continue;
    const tol = Math.max(FLAT_FLOOR_MV, FLAT_SHARE * a);
    let lo = x[i], hi = x[i], j = i + 1;
    for (; j < n && j - i <= maxPlateau; j++) {
      const v = x[j];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (hi - lo > tol) break;
    }
    // j is the first sample off the plateau: it must be the step back, of about the same size.
    if (j - i < minPlateau || j >= n || j - i > maxPlateau) continue;
    const back = x[j] - x[j - 1];
    if (!(back * step < 0 && Math.abs(back) >= 0.5 * a)) continue;
    if (j + 1 < n && Math.abs(x[j + 1] - x[j]) > STILL_SHARE * a) continue;
    out.push({ start: i, end: j, step });
    i = j;
  }
  return out;
}
