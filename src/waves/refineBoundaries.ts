import {
  BOUNDARY_REFINE_FEATURE_COUNT, boundaryRefineFeatures, refineBeatContext, refineScratch, type RefinedBoundary,
} from './boundaryRefineFeatures.js';
import { stimulusBoundOnsets } from './stimulusBoundOnsets.js';
import type { LeadDelineation } from './types.js';

/**
 * A learned correction (ms, added to the boundary) of one per-lead boundary from its
 * BOUNDARY_REFINE_FEATURE_NAMES: standardised features, then either a linear map (`hidden` empty)
 * or one tanh hidden layer and a linear output; clipped to +-`maxShiftMs`.
 */
export interface BoundaryRefineModel {
  /** Standardisation (subtract mean, divide by sd) of the features before the weights. */
  mean: number[];
  sd: number[];
  /** Hidden units' weights (one row of BOUNDARY_REFINE_FEATURE_COUNT per unit); empty for a linear model. */
  hidden: number[][];
  hiddenBias: number[];
  /** Output weights: one per hidden unit, or one per feature for a linear model. */
  weights: number[];
  bias: number;
  maxShiftMs: number;
}

/** One model per refined boundary; boundaries without a model are left alone. */
export type BoundaryRefineModels = Partial<Record<RefinedBoundary, BoundaryRefineModel>>;

const ORDER: RefinedBoundary[] = ['qrsOnset', 'qrsOffset', 'pOnset', 'pOffset'];

/** A linear model with the standardisation folded into its weights: y = bias + sum(weights * f). */
interface FoldedLinear { weights: Float64Array; bias: number }
const folded = new WeakMap<BoundaryRefineModel, FoldedLinear>();

function foldedLinear(model: BoundaryRefineModel): FoldedLinear {
  let m = folded.get(model);
  if (!m) {
    const weights = Float64Array.from(model.weights, (w, i) => w / model.sd[i]);
    let bias = model.bias;
    for (let i = 0; i < weights.length; i++) bias -= weights[i] * model.mean[i];
    m = { weights, bias };
    folded.set(model, m);
  }
  return m;
}

/** The model's correction (ms) for features `f` (BOUNDARY_REFINE_FEATURE_NAMES), clipped to its range. */
export function boundaryRefineShiftMs(model: BoundaryRefineModel, f: Float64Array): number {
  let y: number;
  if (model.hidden.length === 0) {
    // Linear: one dot product (the refinement runs on every lead-beat, 4 boundaries each).
    const { weights, bias } = foldedLinear(model);
    y = bias;
    for (let i = 0; i < weights.length; i++) y += weights[i] * f[i];
  } else {
    y = model.bias;
    for (let h = 0; h < model.hidden.length; h++) {
      const w = model.hidden[h];
      let a = model.hiddenBias[h];
      for (let i = 0; i < f.length; i++) a += (w[i] * (f[i] - model.mean[i])) / model.sd[i];
      y += model.weights[h] * Math.tanh(a);
    }
  }
  return Math.max(-model.maxShiftMs, Math.min(model.maxShiftMs, y));
}

/**
 * Learned refinement of the final per-lead QRS (and P) boundaries: each lead-beat's boundary moves
 * by its model's correction, predicted from the lead's signal around it and the other leads'
 * boundaries (see boundaryRefineFeatures). All corrections of a beat are computed from the
 * boundaries as they were before any moved, then applied; a QRS onset stays before its offset,
 * a P onset / offset on its side of the P peak, and in a paced record no QRS onset moves before its
 * stimulus (stimulusBoundOnsets again). `samples` are the leads as delineated (pacing stimuli
 * bridged); `spikes` the pacing stimuli found (pacingSpikeSamples, empty when none) and
 * `stimulusMaxSamples` how far before a beat one binds its onset (option pacedStimulusMaxMs).
 * Returns false, touching nothing, with fewer than three leads (the features need the other
 * leads' boundaries) or no models. `singleBeat` gives the RR interval (s) and pacing state of a lone
 * beat (the median beat, whose record is not at hand): RR otherwise comes from the beats, paced from `spikes`.
 *
 * @example refineBoundaries(samples, 500, beats, d.leads, new Int32Array(0), 60, BOUNDARY_REFINE_MODELS);
 */
export function refineBoundaries(
  samples: Float32Array[], fsHz: number, beats: Int32Array, leads: LeadDelineation[], spikes: Int32Array, stimulusMaxSamples: number,
  models: BoundaryRefineModels, singleBeat?: { rrS: number; paced: boolean },
): boolean {
  const todo = ORDER.filter((b) => models[b]);
  if (!todo.length || leads.length < 3) return false;
  const f = new Float64Array(BOUNDARY_REFINE_FEATURE_COUNT);
  const s = refineScratch(), buf: number[] = [];
  const nb = beats.length, paced = singleBeat?.paced ?? spikes.length > 0;
  const typicalRrS = nb >= 2 ? (beats[nb - 1] - beats[0]) / (nb - 1) / fsHz : singleBeat?.rrS ?? 1;
  const moves: { li: number; boundary: RefinedBoundary; to: number }[] = [];
  for (let k = 0; k < nb; k++) {
    const rrS = k + 1 < nb ? (beats[k + 1] - beats[k]) / fsHz : k > 0 ? (beats[k] - beats[k - 1]) / fsHz : typicalRrS;
    moves.length = 0;
    for (const boundary of todo) {
      const ctx = refineBeatContext(leads, k, boundary, buf);
      if (!ctx) continue;
      const model = models[boundary]!;
      leads.forEach((l, li) => {
        if (l.reason || ctx.positions[li] === null) return;
        if (!boundaryRefineFeatures(samples[li], fsHz, l, k, boundary, ctx, paced, rrS, s, f)) return;
        const shiftMs = boundaryRefineShiftMs(model, f);
        if (!Number.isFinite(shiftMs)) return;
        moves.push({ li, boundary, to: ctx.positions[li]! + Math.round((shiftMs * fsHz) / 1000) });
      });
    }
    for (const { li, boundary, to } of moves) {
      const b = leads[li].beats[k];
      const n = samples[li].length;
      const v = Math.max(0, Math.min(n - 1, to));
      if (boundary === 'qrsOnset') { if (b.qrs.offset !== null && v < b.qrs.offset) b.qrs.onset = v; }
      else if (boundary === 'qrsOffset') { if (b.qrs.onset !== null && v > b.qrs.onset) b.qrs.offset = v; }
      else if (boundary === 'pOnset') b.p.onset = b.p.peak !== null ? Math.min(b.p.peak, v) : v;
      else b.p.offset = b.p.peak !== null ? Math.max(b.p.peak, v) : v;
    }
  }
  stimulusBoundOnsets(leads, beats, spikes, stimulusMaxSamples);
  return true;
}
