import type { EcgRecord } from '../record/types.js';

/**
 * Pacemaker stimulus artefacts: a jump of at least `minJumpMv` in one sample out of a still
 * signal (the sample step before it under 15 % of the jump), reversing at once (the next step of
 * opposite sign, at least 20 % of the jump), seen at the same sample in at least `minLeads` leads.
 * A heart's own deflections build up over several samples; a stimulus does not. Returns sorted
 * sample indices of the jumps. Below `minFsHz` (default 300 Hz) a sample lasts long enough for a
 * QRS upstroke to look like such a jump, so nothing is reported there.
 *
 * @example pacingSpikeSamples(record) // Int32Array [512, 1010, ...] for a paced record
 */
export function pacingSpikeSamples(record: EcgRecord, minJumpMv = 0.1, minLeads = 2, minFsHz = 300): Int32Array {
  if (!(record.fs >= minFsHz)) return new Int32Array(0);
  const n = record.length;
  const votes = new Uint8Array(n);
  for (const l of record.leads) {
    const x = l.samples;
    const m = Math.min(n, x.length);
    for (let i = 2; i < m - 1; i++) {
      const d = x[i] - x[i - 1];
      const a = Math.abs(d);
      if (!(a >= minJumpMv)) continue;
      const dp = x[i - 1] - x[i - 2], dn = x[i + 1] - x[i];
      if (Math.abs(dp) <= 0.15 * a && dn * d < 0 && Math.abs(dn) >= 0.2 * a) votes[i]++;
    }
  }
  const out: number[] = [];
  const need = Math.min(minLeads, record.leads.length);
  for (let i = 0; i < n; i++) if (votes[i] >= need) out.push(i);
  return Int32Array.from(out);
}

/**
 * The record with each pacing spike bridged by a straight line over `blankMs` from the jump, in
 * every lead (the stimulus and its decay are not the heart's activity, and the wave boundaries
 * are those of the heart's response). Returns the record itself when there are no spikes.
 *
 * @example const clean = withoutPacingSpikes(record, pacingSpikeSamples(record), 16);
 */
export function withoutPacingSpikes(record: EcgRecord, spikes: Int32Array, blankMs: number): EcgRecord {
  if (spikes.length === 0) return record;
  const blank = Math.max(1, Math.round((blankMs * record.fs) / 1000));
  const leads = record.leads.map((l) => {
    const x = Float32Array.from(l.samples);
    const n = x.length;
    for (const s of spikes) {
      const a = s - 1, b = Math.min(n - 1, s + blank);
      if (a < 0) continue;
      for (let i = a + 1; i < b; i++) x[i] = x[a] + ((x[b] - x[a]) * (i - a)) / (b - a);
    }
    return { ...l, samples: x };
  });
  return { ...record, leads };
}
