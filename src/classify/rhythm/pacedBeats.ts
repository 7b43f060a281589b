/**
 * Paced rhythm from pacemaker stimuli: which beats follow a stimulus, and whether the atria, the
 * ventricles or both are paced. The stimuli come from the same spike finder the delineator uses
 * (src/waves/pacingSpikes.ts), required in at least 4 leads (2 on 2-lead records) so that sharp
 * noise in one or two leads is not taken for a stimulus.
 */
import type { EcgRecord } from '../../record/types.js';
import { pacingSpikeSamples } from '../../waves/pacingSpikes.js';

/** A ventricular stimulus precedes the QRS peak by at most this (ms): the paced QRS follows the spike at once. */
const VENTRICULAR_LAG_MS = 140;
/** An atrial stimulus precedes the QRS peak by at most this (ms): the AV delay plus the QRS upstroke. */
const ATRIAL_LAG_MS = 350;
/** A detected beat may sit this much (ms) before the stimulus it belongs to (the detector's fiducial is approximate). */
const EARLY_BEAT_MS = 20;
/**
 * A record is paced when at least this share of its beats (and at least MIN_PACED_BEATS) follow a
 * stimulus. On LUDB (10 s, 12 leads) non-paced records reach 0.1 with stimuli required in 4 leads,
 * the records marked paced 0.45-1 (3 of 10 marked records show no stimulus at 500 Hz); on PTB-XL
 * 1-350 no non-paced record has more than one such beat.
 */
const MIN_PACED_SHARE = 0.3;
const MIN_PACED_BEATS = 3;

/** Which chambers a pacemaker drives. */
export type PacingMode = 'atrial' | 'ventricular' | 'dual';

/** What {@link pacedBeats} found. */
export interface PacingFinding {
  /** Null when the record is not found paced. */
  mode: PacingMode | null;
  /** Every stimulus found (sample indices), paced or not. */
  spikeSamples: number[];
  /** Per beat: 'A' atrial stimulus only, 'V' ventricular stimulus (with or without an atrial one: 'D'), '' none. */
  beatPacing: Array<'A' | 'V' | 'D' | ''>;
  /** Beats that follow a stimulus. */
  pacedBeatCount: number;
  /** Median stimulus-to-beat delay (ms) of the ventricular stimuli; null when none. */
  ventricularLagMs: number | null;
  reason: string;
}

/**
 * Finds pacemaker stimuli and the beats they drive. Below 300 Hz stimuli cannot be told from QRS
 * upstrokes, so nothing is reported there (`reason` says so).
 *
 * @example
 * const p = pacedBeats(record, beats);
 * if (p.mode) console.log(`${p.mode} pacing, ${p.pacedBeatCount} of ${beats.length} beats`);
 */
export function pacedBeats(record: EcgRecord, beats: ArrayLike<number>): PacingFinding {
  const fs = record.fs;
  const beatPacing: PacingFinding['beatPacing'] = Array.from({ length: beats.length }, () => '');
  if (!(fs >= 300)) return { mode: null, spikeSamples: [], beatPacing, pacedBeatCount: 0, ventricularLagMs: null, reason: `pacing stimuli are not looked for below 300 Hz (record at ${fs} Hz)` };
  const recorded = record.leads.filter((l) => !l.derived).length || record.leads.length;
  const spikes = pacingSpikeSamples(record, 0.1, Math.min(4, recorded));
  const vLag = Math.round((VENTRICULAR_LAG_MS * fs) / 1000), aLag = Math.round((ATRIAL_LAG_MS * fs) / 1000), early = Math.round((EARLY_BEAT_MS * fs) / 1000);
  const lags: number[] = [];
  let nA = 0, nV = 0, nD = 0, k = 0;
  for (let i = 0; i < beats.length; i++) {
    const b = beats[i];
    while (k < spikes.length && spikes[k] < b - aLag) k++;
    let v = false, a = false, lag = Infinity;
    for (let j = k; j < spikes.length && spikes[j] <= b + early; j++) {
      const d = b - spikes[j];
      if (d <= vLag) { v = true; lag = Math.min(lag, Math.abs(d)); } else a = true;
    }
    if (v && a) { beatPacing[i] = 'D'; nD++; } else if (v) { beatPacing[i] = 'V'; nV++; } else if (a) { beatPacing[i] = 'A'; nA++; }
    if (v) lags.push((lag * 1000) / fs);
  }
  const paced = nA + nV + nD;
  const base = { spikeSamples: Array.from(spikes), beatPacing, pacedBeatCount: paced, ventricularLagMs: lags.length ? Math.round(lags.sort((x, y) => x - y)[lags.length >> 1]) : null };
  if (paced < MIN_PACED_BEATS || paced < MIN_PACED_SHARE * beats.length) {
    return { ...base, mode: null, reason: `${paced} of ${beats.length} beats follow a pacing stimulus (${spikes.length} stimuli found): not a paced rhythm` };
  }
  const mode: PacingMode = nD >= Math.max(2, 0.3 * paced) || (nA >= 2 && nV >= 2) ? 'dual' : nA > nV + nD ? 'atrial' : 'ventricular';
  return { ...base, mode, reason: `${paced} of ${beats.length} beats follow a pacing stimulus (${nV} ventricular, ${nA} atrial, ${nD} both)` };
}
