import type { LeadDelineation } from './types.js';

/**
 * A paced QRS cannot start before the pacing stimulus that caused it: in each lead, a QRS onset
 * that lies before the last stimulus in front of its beat's fiducial (within `maxBeforeSamples`)
 * is moved onto the stimulus. Threshold boundaries otherwise walk back through the stimulus
 * artefact and whatever precedes it (a dissociated P in AV block); LUDB's marks on paced beats lie
 * at or after the stimulus in every lead. `spikes` are sorted sample indices (pacingSpikeSamples).
 * Only in a paced record (a stimulus before at least `minPacedFraction` of the beats): a stray
 * noise jump taken for a stimulus must not cut into a natural QRS.
 *
 * @example stimulusBoundOnsets(delineation.leads, beats, pacingSpikeSamples(record), 60);
 */
export function stimulusBoundOnsets(leads: LeadDelineation[], beats: Int32Array, spikes: Int32Array, maxBeforeSamples: number, minPacedFraction = 0.5): void {
  if (spikes.length === 0) return;
  const stimulus = new Int32Array(beats.length).fill(-1);
  let j = 0, paced = 0;
  for (let k = 0; k < beats.length; k++) {
    const f = beats[k];
    while (j < spikes.length && spikes[j] <= f) j++;
    const s = j > 0 ? spikes[j - 1] : -1;
    if (s >= 0 && f - s <= maxBeforeSamples) { stimulus[k] = s; paced++; }
  }
  if (paced === 0 || paced < minPacedFraction * beats.length) return;
  for (let k = 0; k < beats.length; k++) {
    const s = stimulus[k];
    if (s < 0) continue;
    for (const l of leads) {
      const q = l.beats[k].qrs;
      if (q.onset !== null && q.onset < s) q.onset = s;
    }
  }
}
