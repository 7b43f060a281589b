import { atrialLocking } from './atrialLocking.js';
import { diastolicActivityRatios } from './diastolicActivity.js';
import { pSearchStart } from './delineateLeadSignal.js';
import type { DelineationOptions } from './options.js';
import { findPWave, pWaveScratch } from './pWave.js';
import type { LeadDelineation } from './types.js';

const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s[s.length >> 1]; };

/**
 * Decides once for the whole record whether the activity before the QRS is a P wave, and makes
 * the per-lead P waves agree with it (boundaries not yet shifted):
 * - atrial activity that does not survive beat averaging (locking index under `pLockingMin`:
 *   fibrillation, flutter with varying conduction, AV dissociation) is no P, in every lead;
 * - between `pLockingMin` and `pLockingSure` the P-QRS interval must also be steady in most leads;
 * - a P must stand out of the diastole: when the activity between beats is as large as the waves
 *   taken for P (see diastolicActivityRatios; median ratio >= `pMaxDiastolicRatio`), they are
 *   fibrillatory or flutter waves that happen to sit before the QRS, not P;
 * - when P is present, every beat's P is looked for where the averaged activity peaks (a fixed
 *   distance before each QRS onset), which replaces waves picked elsewhere (end of the previous T,
 *   noise) and finds small P waves a free search missed.
 * Returns whether P is present.
 *
 * @example const hasP = settleAtrialActivity(samples, 500, beats, leads, o, prSdByLead);
 */
export function settleAtrialActivity(
  samples: Float32Array[], fsHz: number, beats: Int32Array, leads: LeadDelineation[], o: DelineationOptions,
  prSdByLead: (number | null)[],
): boolean {
  const locks = leads.map((l, li) => (l.reason ? null : atrialLocking(samples[li], fsHz, l.beats.map((b) => b.qrs.onset))));
  const idx = locks.filter((x) => x !== null).map((x) => x!.index);
  const sds = prSdByLead.filter((v): v is number => v !== null);
  const lockIndex = idx.length ? median(idx) : null;
  const prSd = sds.length >= 3 ? median(sds) : null;
  let present: boolean, why = '', unsteady = false;
  if (lockIndex === null) { present = prSd !== null && prSd <= o.pRecordMaxPrSdMs; why = 'too few beats to tell P from atrial fibrillation'; }
  else if (lockIndex < o.pLockingMin) { present = false; why = `atrial activity not locked to the QRS (index ${lockIndex.toFixed(2)}): fibrillation, flutter or AV dissociation`; }
  else if (lockIndex >= o.pLockingSure) present = true;
  else {
    // Between the two, single-beat P picks must keep their distance to the QRS, unless the P the
    // beats show at the averaged position stands out clearly from the diastole (tested below):
    // noisy single-beat picks can scatter around a real P.
    present = true;
    unsteady = !(prSd === null || prSd <= o.pRecordMaxPrSdMs);
    why = `P-QRS interval inconsistent across beats in most leads (SD ${prSd?.toFixed(0)} ms)`;
  }
  const clearP = () => { for (const l of leads) for (const b of l.beats) { b.p = { onset: null, peak: null, offset: null }; if (b.qrs.onset !== null) b.pReason = `no P: ${why}`; } };
  if (!present) { clearP(); return false; }
  const offs = locks.filter((x) => x !== null && x.index >= o.pLockingMin).map((x) => x!.peakBeforeQrsSamples);
  if (offs.length === 0) { if (unsteady) clearP(); return !unsteady; }
  const before = median(offs);
  const near = Math.round((o.pHintMs * fsHz) / 1000);
  const scratch = pWaveScratch(fsHz, o);
  leads.forEach((l, li) => {
    if (l.reason) return;
    l.beats.forEach((b, k) => {
      const on = b.qrs.onset;
      if (on === null) return;
      const hint = on - before;
      if (b.p.peak !== null && Math.abs(b.p.peak - hint) <= near) return;
      const start = pSearchStart(on, k > 0 ? l.beats[k - 1].t.offset : null, k > 0 ? beats[k - 1] : null, fsHz, o);
      const p = start >= 0 ? findPWave(samples[li], fsHz, on, start, o, scratch, hint) : null;
      b.p = p ?? { onset: null, peak: null, offset: null };
      b.pReason = p ? null : 'no P where the other beats have it';
    });
  });
  // A P wave stands out of an isoelectric diastole; f/F waves that happen to sit at a steady
  // distance before the QRS have rivals as large between the beats.
  const ratios: number[] = [];
  leads.forEach((l, li) => { if (!l.reason) diastolicActivityRatios(samples[li], fsHz, l.beats, ratios); });
  const r = ratios.length >= o.pDiastoleMinBeats ? median(ratios) : null;
  if (r !== null && r >= o.pMaxDiastolicRatio) { why = `atrial activity between beats as large as the P (ratio ${r.toFixed(2)}): fibrillation or flutter waves`; clearP(); return false; }
  if (unsteady && (r === null || r >= o.pUnsteadyMaxDiastolicRatio)) {
    why += r === null ? '' : ` and diastolic activity ratio ${r.toFixed(2)}`;
    clearP();
    return false;
  }
  return true;
}
