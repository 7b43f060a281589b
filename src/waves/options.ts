import type { BoundaryRefineModels } from './refineBoundaries.js';
import type { RefinedGlobalShifts } from './refinedGlobalBoundaries.js';
/**
 * Tunable constants of the delineator. Durations are in ms so they hold at any sampling rate;
 * thresholds are fractions of the local slope maximum (Martinez 2004 style). The defaults were
 * chosen on LUDB's odd-numbered records and checked on the even ones (see BENCHMARKS.md).
 */
export interface DelineationOptions {
  /** Smoothing width for the QRS scale (ms). */
  qrsScaleMs: number;
  /** Smoothing width for the T scale (ms). */
  waveScaleMs: number;
  /** Smoothing width for the P scale (ms). */
  pScaleMs: number;
  /** Half-width of the search for the steepest QRS slope around the fiducial (ms). */
  qrsSearchMs: number;
  /** A slope above this fraction of the steepest QRS slope belongs to the QRS. */
  qrsSignificantFraction: number;
  /** Longest run of non-significant slope allowed inside a QRS (ms). */
  qrsMaxGapMs: number;
  /** Onset: slope falls below this fraction of the steepest QRS slope. */
  qrsOnsetFraction: number;
  /** Offset: slope falls below this fraction of the steepest QRS slope. */
  qrsOffsetFraction: number;
  /** T search starts this long after QRS offset (ms). */
  tStartAfterQrsMs: number;
  /** T search ends at min(this fraction of RR, tMaxMs) after the fiducial. */
  tEndRrFraction: number;
  tMaxMs: number;
  /** T offset: slope falls below this fraction of the T's descending slope maximum. */
  tOffsetFraction: number;
  tOnsetFraction: number;
  /** A lead's T peak further than this (ms) from the other leads' median is searched again near it. */
  tOutlierMs: number;
  /** P search starts this long before QRS onset (ms). */
  pSearchMs: number;
  pOnsetFraction: number;
  pOffsetFraction: number;
  /** P offset no later than where the signal returns within this fraction of the P amplitude of its onset level (0 = off). */
  pOffsetLevelFraction: number;
  /** Smallest P amplitude (mV) taken as a P wave. */
  pMinAmplitudeMv: number;
  /** Notched P: outer slope lobes above this fraction of the main pair's slopes, within pExtendGapMs, belong to the P (0 = off). */
  pExtendFraction: number;
  pExtendGapMs: number;
  /** Smallest T amplitude (mV) not called flat. */
  tFlatMv: number;
  /**
   * A lead's own T far from the other leads' T (tOutlierMs) is kept, not re-searched near theirs,
   * when its lobe is this many times more prominent (TWaveResult.prominenceMv) than the one found
   * near theirs (0 = always re-search). Chosen on the odd LUDB records (BENCHMARKS.md, round 4).
   */
  tKeepProminenceRatio: number;
  /** Learned T-lobe choice after the multi-lead steps (chooseTLobes with T_LOBE_MODEL): on/off. */
  tLobeChoice: boolean;
  /**
   * Learned refinement of the final per-lead QRS/P boundaries (refineBoundaries with
   * BOUNDARY_REFINE_MODELS, last step of delineateBeats): on/off. Boundaries without a shipped model are untouched.
   */
  boundaryRefinement: boolean;
  /**
   * The models boundaryRefinement applies; absent: the shipped BOUNDARY_REFINE_MODELS. Set to score
   * other fits the same way (the waves bench's out-of-fold mode).
   */
  boundaryRefineModels?: BoundaryRefineModels;
  /**
   * With boundaryRefinement: the global P and QRS boundaries are fused again from the refined leads
   * and shifted by these (ms; refuseRefinedGlobalBoundaries), replacing the first fusion and
   * globalPOnsetShiftMs for those four. null: the first fusion stays.
   */
  refinedGlobalShiftMs: RefinedGlobalShifts | null;
  /** Largest SD of the P-peak-to-QRS-onset interval across beats (ms) for P to be accepted in a lead. */
  pMaxPrSdMs: number;
  /** Atrial locking index (see atrialLocking) under which there is no P in the record. */
  pLockingMin: number;
  /** Locking index from which P is present whatever the P-QRS interval spread of single-beat picks. */
  pLockingSure: number;
  /** A beat's P must lie within this (ms) of where the averaged atrial activity peaks, else it is searched there. */
  pHintMs: number;
  /** No P when the diastolic activity is at least this large relative to the P (see diastolicActivityRatios). */
  pMaxDiastolicRatio: number;
  /** With an unsteady P-QRS interval (locking between pLockingMin and pLockingSure), P stands only under this ratio. */
  pUnsteadyMaxDiastolicRatio: number;
  /** Fewest lead-beats with a measurable diastole for that test. */
  pDiastoleMinBeats: number;
  /** P is dropped in all leads when the median across leads of that SD exceeds this (ms). */
  pRecordMaxPrSdMs: number;
  /**
   * Constant shifts (ms) applied to the threshold-based boundaries so they follow the reference
   * annotators' convention (a slope threshold always fires a little inside the wave).
   */
  qrsOnsetShiftMs: number;
  qrsOffsetShiftMs: number;
  pOnsetShiftMs: number;
  pOffsetShiftMs: number;
  tOffsetShiftMs: number;
  /**
   * Shift of the fused per-beat P onsets of delineateBeats to the CSE reference convention (ms), see
   * shiftGlobalPOnsets. Not applied to the median beat (measureEcg), whose PR showed no bias on odd.
   * Superseded by refinedGlobalShiftMs when boundaryRefinement re-fuses the global boundaries.
   */
  globalPOnsetShiftMs: number;
  /**
   * Per-lead shifts (ms, by lead name) of the final P onsets / offsets onto LUDB's annotators'
   * convention in leads that see the P boundary end-on (see shiftLeadPConventions); measured as
   * the median per-lead error on the odd LUDB records (BENCHMARKS.md, waves round 4). Not applied
   * to the fused global boundaries nor to the median beat.
   */
  pOnsetLeadShiftMs: Record<string, number>;
  pOffsetLeadShiftMs: Record<string, number>;
  /** Per-lead boundaries move this fraction of the way to the median over leads (0 = off). */
  leadShrinkage: number;
  /**
   * A lead's P / QRS boundary or T offset further than this (ms) from the median over leads is replaced
   * by it; for T also a peak that far off replaces the lead's whole T by the median T points (0 = off).
   */
  leadOutlierPMs: number;
  leadOutlierQrsMs: number;
  leadOutlierTMs: number;
  /** ...unless they lie further than this (ms) from it. */
  leadShrinkageMaxMs: number;
  /** Global boundaries: leads further than this (ms) from the median of the leads are outliers. */
  fusePOnsetMs: number;
  fusePOffsetMs: number;
  fuseQrsOnsetMs: number;
  fuseQrsOffsetMs: number;
  fuseTOffsetMs: number;
  /** Pacing spikes are bridged over this span from the jump (ms; 0 = off). */
  pacingBlankMs: number;
  /** A QRS onset is no earlier than a pacing stimulus up to this long (ms) before the beat's fiducial (0 = off). */
  pacedStimulusMaxMs: number;
  /** Median-beat-guided delineation (see trackTemplate): on/off. */
  useTemplate: boolean;
  /** Fewest beats of the dominant shape for a template. */
  templateMinBeats: number;
  /** QRS window compared with the template, around the fiducial (ms). */
  templateQrsBeforeMs: number;
  templateQrsAfterMs: number;
  /** Largest re-alignment of a beat's fiducial onto the template (ms). */
  templateMaxQrsLagMs: number;
  /** Joint-lead QRS correlation from which a beat has the template's shape. */
  templateMinCorrelation: number;
  /** Largest T shift against the template, relative to the aligned QRS (ms). */
  templateMaxTLagMs: number;
  /** Joint-lead T correlation from which a beat's T is the template's T. */
  templateMinTCorrelation: number;
  /** A beat's wave agrees with the template's when every point lies within this (ms). */
  templateAgreeQrsMs: number;
  templateAgreePMs: number;
  templateAgreeTMs: number;
  /** The template is trusted in a lead when at least this fraction of beats agree with it. */
  templateTrustFraction: number;
  /** An agreeing beat's points move this fraction of the way to the template's (0 = keep own). */
  templateBlend: number;
}

export const DEFAULT_DELINEATION_OPTIONS: DelineationOptions = {
  qrsScaleMs: 10,
  waveScaleMs: 40,
  pScaleMs: 24,
  qrsSearchMs: 80,
  qrsSignificantFraction: 0.15,
  qrsMaxGapMs: 24,
  qrsOnsetFraction: 0.05,
  qrsOffsetFraction: 0.05,
  tStartAfterQrsMs: 30,
  tEndRrFraction: 0.7,
  tMaxMs: 650,
  tOffsetFraction: 0.3,
  tOnsetFraction: 0.3,
  tOutlierMs: 60,
  pSearchMs: 280,
  pOnsetFraction: 0.3,
  pOffsetFraction: 0.5,
  pMinAmplitudeMv: 0.01,
  pOffsetLevelFraction: 0.1,
  pExtendFraction: 0,
  pExtendGapMs: 20,
  tFlatMv: 0.05,
  tKeepProminenceRatio: 4,
  tLobeChoice: true,
  boundaryRefinement: true,
  refinedGlobalShiftMs: { pOnset: -10, pOffset: 8, qrsOnset: -6, qrsOffset: 8 },
  pMaxPrSdMs: 15,
  pRecordMaxPrSdMs: 20,
  pMaxDiastolicRatio: 1,
  pDiastoleMinBeats: 8,
  pUnsteadyMaxDiastolicRatio: 0.75,
  pLockingMin: 0.55,
  pLockingSure: 0.8,
  pHintMs: 40,
  leadShrinkage: 0.5,
  leadOutlierPMs: 60,
  leadOutlierQrsMs: 40,
  leadOutlierTMs: 80,
  leadShrinkageMaxMs: 80,
  fusePOnsetMs: 30,
  fusePOffsetMs: 40,
  fuseQrsOnsetMs: 24,
  fuseQrsOffsetMs: 30,
  fuseTOffsetMs: 60,
  pacingBlankMs: 16,
  pacedStimulusMaxMs: 120,
  useTemplate: true,
  templateMinBeats: 3,
  templateQrsBeforeMs: 50,
  templateQrsAfterMs: 60,
  templateMaxQrsLagMs: 30,
  templateMinCorrelation: 0.9,
  templateMaxTLagMs: 60,
  templateMinTCorrelation: 0.7,
  templateAgreeQrsMs: 12,
  templateAgreePMs: 30,
  templateAgreeTMs: 60,
  templateTrustFraction: 0.5,
  templateBlend: 0.5,
  qrsOnsetShiftMs: -11,
  qrsOffsetShiftMs: 5,
  pOnsetShiftMs: 2,
  pOffsetShiftMs: 6,
  tOffsetShiftMs: -8,
  globalPOnsetShiftMs: -4,
  pOnsetLeadShiftMs: { aVL: 14 },
  pOffsetLeadShiftMs: { V1: -12 },
};
