/**
 * Heart-rate variability describes the sinus node's modulation by the autonomic nervous system; over
 * AF, flutter, a paced rhythm or a rhythm without P waves the same figures describe something else
 * (AF's irregularity reads as a huge RMSSD). This says when HRV figures must carry that caveat.
 */
import type { RhythmAnalysis, RhythmLabel } from './types.js';

/** Labels over which HRV is not sinus-node variability. */
const NOT_SINUS_NODE = new Set<RhythmLabel>(['atrial_fibrillation', 'atrial_flutter', 'paced_rhythm', 'svta', 'ventricular_tachycardia', 'ventricular_flutter_fibrillation']);
/** Above this share of the rhythm-labelled time in non-sinus rhythms, HRV is flagged. */
const MAX_NON_SINUS_SHARE = 0.1;

/**
 * The caveat HRV figures carry for this rhythm, or null when the record is (almost) all sinus or an
 * unknown rhythm without evidence against sinus. An undetermined rhythm without consistent P waves
 * counts as non-sinus.
 *
 * @example
 * const caveat = hrvRhythmCaveat(rhythm); // 'HRV is not sinus-node variability here: atrial_fibrillation over 100 % of the record'
 */
export function hrvRhythmCaveat(rhythm: Pick<RhythmAnalysis, 'episodes'> | null | undefined): string | null {
  if (!rhythm) return null;
  const bySeconds = new Map<string, number>();
  let total = 0, non = 0;
  for (const e of rhythm.episodes) {
    if (e.label === 'pause' || e.label === 'ventricular_bigeminy' || e.label === 'ventricular_trigeminy' || e.label === 'noise') continue;
    const n = e.endSample - e.startSample;
    total += n;
    const noP = e.label === 'undetermined' && /without consistent P waves/.test(e.reason);
    if (NOT_SINUS_NODE.has(e.label) || noP) {
      non += n;
      const key = noP ? 'rhythm without P waves' : e.label;
      bySeconds.set(key, (bySeconds.get(key) ?? 0) + n);
    }
  }
  if (total === 0 || non <= MAX_NON_SINUS_SHARE * total) return null;
  const parts = [...bySeconds].sort((a, b) => b[1] - a[1]).map(([l, n]) => `${l} over ${Math.round((100 * n) / total)} %`);
  return `HRV is not sinus-node variability here: ${parts.join(', ')} of the record`;
}
