import { medianRrOf } from './delineateLeadSignal.js';
import type { DelineationOptions } from './options.js';
import { lobeSignAt, tLobeCandidates, tLobeScratch, type TLobeCandidate, type TLobeScratch } from './tLobeCandidates.js';
import { appendTLobeAcrossBeatFeatures, T_LOBE_ACROSS_BEATS } from './tLobeAcrossBeatFeatures.js';
import type { LeadDelineation } from './types.js';

/**
 * A pairwise logistic model: P(an alternative lobe, not the current peak, is the annotated one),
 * from the alternative's features (indices into T_LOBE_FEATURE_NAMES followed by
 * T_LOBE_ACROSS_BEAT_FEATURE_NAMES), the alternative's minus
 * the current's, and the current's, in that order.
 */
export interface TLobeModel {
  altFeatures: number[];
  diffFeatures: number[];
  currentFeatures: number[];
  /** Standardisation (subtract mean, divide by sd) of the concatenated features before the weights. */
  mean: number[];
  sd: number[];
  weights: number[];
  bias: number;
  /** The best alternative replaces the current peak when its probability exceeds this. */
  threshold: number;
}

/**
 * The T-lobe candidates of every lead in beat `k` (see tLobeCandidates), from the leads' current
 * T peaks; null for a lead without a T. Shared by the shipped choice and the training dump so
 * both see the same features.
 */
export function tLobeCandidatesOfBeat(
  samples: Float32Array[], fsHz: number, beats: Int32Array, leads: LeadDelineation[], k: number, o: DelineationOptions,
  s: TLobeScratch, typicalRr: number,
): (TLobeCandidate[] | null)[] {
  const peaks = leads.map((l) => (l.reason ? null : l.beats[k].t.peak));
  const present = peaks.filter((p): p is number => p !== null).sort((a, b) => a - b);
  if (present.length < 4) return leads.map(() => null);
  const medianPeak = present[present.length >> 1];
  const hNear = Math.max(1, Math.round((8 * fsHz) / 1000)), hWide = Math.round((60 * fsHz) / 1000);
  const signs = peaks.map((p, li) => (p === null ? 0 : lobeSignAt(samples[li], p, hNear, hWide)));
  const next = k + 1 < beats.length ? k + 1 : -1;
  return leads.map((l, li) => {
    if (peaks[li] === null) return null;
    const b = l.beats[k];
    const ctx = {
      otherPeaks: peaks.filter((_, j) => j !== li), otherSigns: signs.filter((_, j) => j !== li), medianPeak,
      rrSamples: next >= 0 ? beats[next] - beats[k] : typicalRr, nextQrsOnset: next >= 0 ? l.beats[next].qrs.onset : null, fiducial: beats[k],
    };
    const c = tLobeCandidates(samples[li], fsHz, b, ctx, o, s);
    return c.length ? c : null;
  });
}

/**
 * The T-lobe candidates of beats `from` .. `to` - 1 and every lead (`[beat - from][lead]`, see
 * tLobeCandidatesOfBeat) with the features of appendTLobeAcrossBeatFeatures (the same lead's other
 * beats) appended, all from the peaks as they are now. The features of a beat depend on its
 * T_LOBE_ACROSS_BEATS neighbours only, so those of beats `lo` .. `hi` - 1 computed from the range
 * widened by that margin equal those computed from the whole record. Shared by the shipped choice
 * and the training dump (whole record: `from` 0, `to` beats.length).
 */
export function tLobeCandidatesOfRecord(
  samples: Float32Array[], fsHz: number, beats: Int32Array, leads: LeadDelineation[], o: DelineationOptions,
  from = 0, to = beats.length,
): (TLobeCandidate[] | null)[][] {
  const s = tLobeScratch(fsHz, o);
  const typicalRr = medianRrOf(beats) ?? fsHz;
  const cands: (TLobeCandidate[] | null)[][] = [];
  for (let k = from; k < to; k++) cands.push(tLobeCandidatesOfBeat(samples, fsHz, beats, leads, k, o, s, typicalRr));
  appendTLobeAcrossBeatFeatures(cands, beats.subarray(from, to), Math.round((20 * fsHz) / 1000));
  return cands;
}

/** Probability from `model` that the alternative lobe `alt`, rather than `current`, is the annotated one. */
export function tLobeSwitchProbability(model: TLobeModel, alt: number[], current: number[]): number {
  let z = model.bias, i = 0;
  const add = (v: number) => { z += (model.weights[i] * (v - model.mean[i])) / model.sd[i]; i++; };
  for (const f of model.altFeatures) add(alt[f]);
  for (const f of model.diffFeatures) add(alt[f] - current[f]);
  for (const f of model.currentFeatures) add(current[f]);
  return 1 / (1 + Math.exp(-z));
}

/**
 * Learned lobe choice: in every lead-beat with a T, each alternative lobe is scored against the
 * current peak by `model`, and the T peak moves to the best one when its probability exceeds the
 * model's threshold. Only the peak moves (onset and offset stay, widened to hold the peak), so
 * the T offset, which the lobe choice does not inform, is unchanged. All leads of a beat are
 * scored from the peaks as they were before any of them moved.
 * `blockBeats` (at least T_LOBE_ACROSS_BEATS) bounds how many beats' candidates are held at once.
 *
 * @example chooseTLobes(record.leads.map((l) => l.samples), 500, beats, leads, o, T_LOBE_MODEL);
 */
export function chooseTLobes(
  samples: Float32Array[], fsHz: number, beats: Int32Array, leads: LeadDelineation[], o: DelineationOptions, model: TLobeModel, blockBeats = 1024,
): void {
  // Blocks of beats bound the memory (all candidates of a 24 h 12-lead record would take ~0.7 GB).
  // A block's candidates, margins included, are built before the previous block's peaks move, so
  // every feature sees the peaks as they were before any move, as with the whole record at once.
  // A block at least as long as the margin, so the next block's margin reaches back into this block only.
  const n = beats.length, margin = T_LOBE_ACROSS_BEATS, step = Math.max(margin, blockBeats);
  const candidatesOf = (lo: number, hi: number) => {
    const from = Math.max(0, lo - margin);
    return { from, cands: tLobeCandidatesOfRecord(samples, fsHz, beats, leads, o, from, Math.min(n, hi + margin)) };
  };
  let block = n > 0 ? candidatesOf(0, Math.min(n, step)) : null;
  for (let lo = 0; block && lo < n; lo += step) {
    const hi = Math.min(n, lo + step);
    const next = hi < n ? candidatesOf(hi, Math.min(n, hi + step)) : null;
    for (let k = lo; k < hi; k++) {
      block.cands[k - block.from].forEach((c, li) => {
        if (!c || c.length < 2) return;
        let best = -1, pBest = model.threshold;
        for (let i = 1; i < c.length; i++) { const p = tLobeSwitchProbability(model, c[i].features, c[0].features); if (p > pBest) { pBest = p; best = i; } }
        if (best < 0) return;
        const t = leads[li].beats[k].t;
        t.peak = c[best].peak;
        if (t.onset !== null && t.onset > t.peak) t.onset = t.peak;
        if (t.offset !== null && t.offset < t.peak) t.offset = t.peak;
      });
    }
    block = next;
  }
}
