import type { EcgRecord } from '../record/types.js';
import { delineateBeatsWithTemplate } from '../waves/delineateBeats.js';
import type { MedianBeats } from '../waves/medianBeats.js';
import { recordMedianBeat, type MedianBeat } from '../waves/recordMedianBeat.js';
import type { Delineation, TPolarity } from '../waves/types.js';
import { MEDIAN_BOUNDARY_REFINE_MODELS } from '../waves/medianBoundaryRefineModel.js';
import type { BoundaryRefineModels } from '../waves/refineBoundaries.js';
import { refinedMedianDelineation } from '../waves/refinedMedianDelineation.js';
import { refinedGlobalShiftsInSamples, type RefinedGlobalShifts } from '../waves/refinedGlobalBoundaries.js';
import { fusionTolerances } from '../waves/fusionTolerances.js';
import { DEFAULT_DELINEATION_OPTIONS } from '../waves/options.js';
import { pacingSpikeSamples } from '../waves/pacingSpikes.js';
import { frontalAxisDeg } from './frontalAxis.js';
import { qtcMs, type QtcMs } from './qtc.js';
import { voltageCriteriaMv, type VoltageCriteriaMv } from './voltageCriteria.js';
import { waveAmplitudesMv, type WaveAmplitudesMv } from './waveAmplitudes.js';
import { spatialMedianBoundaries, type SpatialBoundaryOptions, type SpatialMedianBoundaries } from './spatialMedianBoundaries.js';
import { withSpatialGlobalBoundaries } from './withSpatialGlobalBoundaries.js';

/** Intervals and amplitudes of one lead's median beat. */
export interface LeadMeasurements {
  lead: string;
  pDurationMs: number | null;
  prMs: number | null;
  qrsDurationMs: number | null;
  qtMs: number | null;
  amplitudes: WaveAmplitudesMv;
  tPolarity: TPolarity | null;
}

/** The 12-lead measurement set (global values from the fused median-beat boundaries). */
export interface EcgMeasurements {
  fsHz: number;
  /** Beats in the median beat. */
  beatCount: number;
  rrMs: number | null;
  heartRateBpm: number | null;
  prMs: number | null;
  pDurationMs: number | null;
  qrsDurationMs: number | null;
  qtMs: number | null;
  qtc: QtcMs;
  pAxisDeg: number | null;
  qrsAxisDeg: number | null;
  tAxisDeg: number | null;
  voltage: VoltageCriteriaMv;
  leads: LeadMeasurements[];
  /** Why a global value is null, by field name. */
  reasons: Record<string, string>;
  /**
   * The delineation of the median beat the figures come from, after the learned median-beat
   * refinement (positions index the median beat; the beat itself is `MeasureOptions.medianBeat`,
   * `results.medianBeat` in an Analysis).
   */
  medianDelineation: Delineation | null;
  /**
   * The global QRS onset/offset and T end found on all leads together (spatial velocity and
   * magnitude of the median beats, ms from the median's start), which the global QRS and QT are;
   * null when no median beat was formed.
   */
  spatialBoundaries: SpatialMedianBoundaries | null;
}

export interface MeasureOptions {
  /** Per-beat delineation already computed for these beats (used to decide whether P exists); computed here when absent. */
  delineation?: Delineation;
  /** The median beat to measure (`recordMedianBeat`); built here when absent (from the template of the delineation made here, or from `use`). */
  medianBeat?: MedianBeat;
  /** Pacemaker stimuli the delineation bridged (`delineateBeatsWithTemplate`); looked for here when absent and needed. */
  pacingSpikes?: Int32Array;
  /** Indices of the beats to build the median from (e.g. the normal beats), when `medianBeat` is not given. Default all. */
  use?: ArrayLike<number>;
  /**
   * Learned refinement of the median beat's per-lead P/QRS boundaries before the global ones are
   * fused again (refinedMedianDelineation): the models and the shifts (ms) of the re-fused global
   * boundaries. Default null (off): fitted on LUDB only, it made PTB-XL's 100 vs 500 Hz PR agree
   * less and the device PRs of the clinical example files further off (docs/notes/generalise-measurements.md);
   * MEDIAN_BEAT_REFINEMENT turns it on.
   */
  medianRefinement?: MedianBeatRefinement | null;
  /** Tuning of the global boundaries found on all leads together (default SPATIAL_BOUNDARY_OPTIONS). */
  spatial?: Partial<SpatialBoundaryOptions>;
}

/** Models and global convention shifts (ms) of the median-beat boundary refinement. */
export interface MedianBeatRefinement {
  models: BoundaryRefineModels;
  globalShiftMs: RefinedGlobalShifts;
}

/**
 * The shipped median-beat refinement: ridge models fitted on the median beats' own boundaries (the
 * per-beat models' features; models/boundary-refinement.md, "Median beat") and global shifts, both
 * chosen by record-wise 5-fold CV on LUDB (BENCHMARKS.md waves round 8).
 */
export const MEDIAN_BEAT_REFINEMENT: MedianBeatRefinement = {
  models: MEDIAN_BOUNDARY_REFINE_MODELS,
  // Fitted on all 200 LUDB records to zero the mean PR, QRS and QT errors (P offset: the per-beat
  // shift, no scored interval depends on it); models/median-beat-refinement-shifts.json.
  globalShiftMs: { pOnset: -10, pOffset: 8, qrsOnset: -6, qrsOffset: 6 },
};

/**
 * Measures a 12-lead (or any-lead) ECG from its beats: median beat per lead, delineated, fused
 * into global PR, P duration, QRS, QT, QTc, frontal P/QRS/T axes, per-lead amplitudes and ST
 * levels, Sokolow-Lyon and Cornell voltages. P figures are null when most beats show no P
 * (atrial fibrillation/flutter), never measured on fibrillatory waves.
 *
 * @example
 * const m = measureEcg(record, detectBeats(record).samples);
 * console.log(m.qrsDurationMs, m.qtc.bazettMs, m.reasons);
 */
export function measureEcg(record: EcgRecord, beatSamples: ArrayLike<number>, options: MeasureOptions = {}): EcgMeasurements {
  const fs = record.fs;
  const toMs = (v: number) => (v * 1000) / fs;
  const reasons: Record<string, string> = {};
  const beats = Int32Array.from(beatSamples, (v) => Math.round(v)).sort();
  // Per-beat delineation first: it decides whether P exists, and its beat template (the median of
  // the beats of the dominant shape, re-aligned on each other) is the median beat measured here.
  // The pipeline hands both in (stages waves and medianBeat); a direct call makes them here.
  const own = options.delineation ? null : delineateBeatsWithTemplate(record, beats);
  const per = options.delineation ?? own!.delineation;
  const medianBeat = options.medianBeat ?? recordMedianBeat(record, beatSamples, { template: own?.template ?? null, use: options.use });
  const median = medianBeat.median;
  const pacingSpikes = options.pacingSpikes ?? own?.pacingSpikes;
  const rrMs = median.medianRrSamples === null ? null : toMs(median.medianRrSamples);
  if (rrMs === null) reasons.rrMs = `${beats.length} beats, 2 needed for an RR interval`;
  const empty: EcgMeasurements = {
    fsHz: fs, beatCount: median.beatCount, rrMs, heartRateBpm: rrMs === null ? null : 60000 / rrMs,
    prMs: null, pDurationMs: null, qrsDurationMs: null, qtMs: null, qtc: qtcMs(null, null),
    pAxisDeg: null, qrsAxisDeg: null, tAxisDeg: null, voltage: { sokolowLyonMv: null, cornellMv: null },
    leads: [], reasons, medianDelineation: null, spatialBoundaries: null,
  };
  const md0 = medianBeat.delineation;
  if (median.reason || md0 === null) {
    for (const k of ['prMs', 'pDurationMs', 'qrsDurationMs', 'qtMs', 'pAxisDeg', 'qrsAxisDeg', 'tAxisDeg']) reasons[k] = median.reason ?? 'the median beat was not delineated';
    return empty;
  }
  const refined = refineMedian(md0, median, record, pacingSpikes, options.medianRefinement ?? null);
  // Global QRS and T end from all leads together (IEC 60601-2-25 / CSE), written into the median
  // delineation's global boundaries so every view shows the boundaries the figures come from.
  const spatial = spatialMedianBoundaries(median, options.spatial);
  const md = withSpatialGlobalBoundaries(refined, spatial);
  const g = md.global[0];
  // Whether atrial activity is P waves at all is decided on the single beats, not on the median.
  let withP = 0, counted = 0;
  for (let k = 0; k < per.beatSamples.length; k++) {
    let leadsWithP = 0, leadsWithQrs = 0;
    for (const l of per.leads) { if (l.beats[k].p.peak !== null) leadsWithP++; if (l.beats[k].qrs.onset !== null) leadsWithQrs++; }
    if (leadsWithQrs === 0) continue;
    counted++;
    if (leadsWithP >= Math.min(3, leadsWithQrs)) withP++;
  }
  const hasP = counted > 0 && withP >= 0.5 * counted;
  const noPReason = `no P wave in most beats (${withP} of ${counted})`;
  const disagree = (i: number, what: string) => (g.leadCounts[i] >= 2 ? `the ${g.leadCounts[i]} leads disagree on the ${what}` : `${what} not found in the median beat`);
  const span = (a: number | null, b: number | null) => (a === null || b === null ? null : toMs(b - a));
  const m: EcgMeasurements = { ...empty, medianDelineation: md, spatialBoundaries: spatial };
  // Durations from the spatial boundaries' 1 ms grid, not from the record's sample spacing.
  const between = (a: number | null, b: number | null) => (a === null || b === null ? null : Math.round(b - a));
  m.prMs = hasP && g.pOnset !== null ? between(toMs(g.pOnset), spatial.qrsOnsetMs) : null;
  m.pDurationMs = hasP ? span(g.pOnset, g.pOffset) : null;
  m.qrsDurationMs = between(spatial.qrsOnsetMs, spatial.qrsOffsetMs);
  m.qtMs = between(spatial.qrsOnsetMs, spatial.tOffsetMs);
  if (!hasP) { reasons.prMs = noPReason; reasons.pDurationMs = noPReason; reasons.pAxisDeg = noPReason; }
  else {
    if (m.prMs === null) reasons.prMs = g.pOnset === null ? disagree(0, 'P onset') : disagree(2, 'QRS onset');
    if (m.pDurationMs === null) reasons.pDurationMs = g.pOnset === null ? disagree(0, 'P onset') : disagree(1, 'P offset');
  }
  if (m.prMs === null && hasP && spatial.qrsOnsetMs === null) reasons.prMs = spatial.reasons.qrsOnsetMs;
  if (m.qrsDurationMs === null) reasons.qrsDurationMs = spatial.reasons.qrsOnsetMs ?? spatial.reasons.qrsOffsetMs;
  if (m.qtMs === null) reasons.qtMs = spatial.reasons.qrsOnsetMs ?? spatial.reasons.tOffsetMs;
  m.qtc = qtcMs(m.qtMs, rrMs);
  m.leads = md.leads.map((l, i) => {
    const b = l.beats[0];
    const amplitudes = waveAmplitudesMv(median.leads[i].samples, fs, b);
    if (!hasP) { amplitudes.pMv = null; amplitudes.pAreaMvS = null; }
    return {
      lead: l.lead,
      pDurationMs: hasP ? span(b.p.onset, b.p.offset) : null,
      prMs: hasP ? span(b.p.onset, b.qrs.onset) : null,
      qrsDurationMs: span(b.qrs.onset, b.qrs.offset),
      qtMs: span(b.qrs.onset, b.t.offset),
      amplitudes,
      tPolarity: b.tPolarity,
    };
  });
  const byLead = Object.fromEntries(m.leads.map((l) => [l.lead, l.amplitudes]));
  const limb = (f: (a: WaveAmplitudesMv) => number | null): [number | null, number | null] => {
    const I = byLead.I ? f(byLead.I) : null;
    let aVF = byLead.aVF ? f(byLead.aVF) : null;
    if (aVF === null && byLead.II && I !== null) { const II = f(byLead.II); aVF = II === null ? null : II - I / 2; }
    return [I, aVF];
  };
  m.qrsAxisDeg = frontalAxisDeg(...limb((a) => a.qrsNetMv));
  m.pAxisDeg = hasP ? frontalAxisDeg(...limb((a) => a.pAreaMvS), 0.0005) : null;
  m.tAxisDeg = frontalAxisDeg(...limb((a) => a.tAreaMvS), 0.002);
  if (m.qrsAxisDeg === null) reasons.qrsAxisDeg = 'needs leads I and aVF (or II) with a measurable QRS';
  if (m.tAxisDeg === null) reasons.tAxisDeg = 'needs leads I and aVF (or II) with a measurable T';
  if (hasP && m.pAxisDeg === null) reasons.pAxisDeg = 'needs leads I and aVF (or II) with a measurable P';
  m.voltage = voltageCriteriaMv(byLead);
  return m;
}

/**
 * Lowest rate (Hz) the median-beat refinement runs at. Its corrections and shifts are a few ms,
 * fitted at 500 Hz: at 100 Hz each rounds to a whole 10 ms sample (the shifts alone would add up to
 * 5 ms per boundary), and there the refined QT of PTB-XL 00020 drifted 42 ms from its 500 Hz twin.
 */
const MEDIAN_REFINE_MIN_FS_HZ = 250;

/** The median delineation refined (a copy), or as it was when refinement is off, RR unknown or the rate too low. */
function refineMedian(md: Delineation, median: MedianBeats, record: EcgRecord, spikes: Int32Array | undefined, r: MedianBeatRefinement | null): Delineation {
  if (!r || median.medianRrSamples === null || md.leads.length < 3 || median.fsHz < MEDIAN_REFINE_MIN_FS_HZ) return md;
  const fs = median.fsHz;
  // The median beats come from the record with pacing stimuli bridged; the models' paced feature
  // asks whether there were any (the per-beat delineation found them already, when it ran here).
  const paced = DEFAULT_DELINEATION_OPTIONS.pacingBlankMs > 0 && (spikes ?? pacingSpikeSamples(record)).length > 0;
  return refinedMedianDelineation(md, median, r.models, refinedGlobalShiftsInSamples(r.globalShiftMs, fs),
    fusionTolerances(DEFAULT_DELINEATION_OPTIONS, fs), median.medianRrSamples / fs, paced);
}
