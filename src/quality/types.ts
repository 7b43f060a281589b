/**
 * Data model of the quality stage: per-lead findings (what is wrong, where, how bad), classical
 * signal-quality indices, verdicts and the usable/unusable time spans later stages can skip.
 */

/** What a finding says is wrong with a stretch of one lead. */
export type QualityFindingKind =
  | 'flat-line'
  | 'clipping'
  | 'baseline-wander'
  | 'powerline'
  | 'muscle-noise'
  | 'motion-artifact'
  | 'step';

export type QualitySeverity = 'mild' | 'moderate' | 'severe';

/** A problem found on one lead over a span of samples (end exclusive). */
export interface QualityFinding {
  lead: string;
  kind: QualityFindingKind;
  severity: QualitySeverity;
  startSample: number;
  /** Exclusive end. */
  endSample: number;
  /** The measured quantity that set the severity (worst over the span). */
  value: number;
  /** Unit of `value`, e.g. 'mV', 's', 'dB'. */
  unit: string;
}

export type QualityVerdict = 'excellent' | 'acceptable' | 'unusable';

/** A span of samples [startSample, endSample). */
export interface SampleSpan {
  startSample: number;
  endSample: number;
}

/** A span of the record with a usability label. */
export interface QualitySegment extends SampleSpan {
  usable: boolean;
  /** Why the span is unusable (empty when usable). */
  reasons: string[];
}

/**
 * Classical signal-quality indices of one lead. Every index is `null` when it cannot be computed,
 * with the reason in {@link LeadQuality.indexNotes}.
 */
export interface QualityIndices {
  /** Agreement of two independent beat detectors (matched / union, 150 ms), in [0,1]. */
  bSqi: number | null;
  /** Kurtosis of the baseline-free signal (not excess kurtosis; clean ECG is well above 5). */
  kSqi: number | null;
  /** Power in 5-15 Hz over power in 5-40 Hz, in [0,1]. */
  pSqi: number | null;
  /** 1 - power below 1 Hz over power below 40 Hz, in [0,1]. */
  basSqi: number | null;
  /** Mean correlation of each beat with the median beat, in [-1,1]. */
  templateCorrelation: number | null;
  /** Signal-to-noise ratio in dB as the MIT-BIH NSTDB defines it (QRS peak-to-peak vs noise RMS). */
  snrDb: number | null;
  /** Peak-to-peak QRS amplitude of the median beat in mV (the 'signal' of {@link snrDb}). */
  qrsAmplitudeMv: number | null;
  /** Noise RMS in mV (trimmed mean over 1 s windows of what the beat template does not explain). */
  noiseRmsMv: number | null;
  /** Median over windows of the RMS above 30 Hz outside QRS complexes, mains notched (muscle noise), mV. */
  muscleNoiseMv: number | null;
  /** Median over windows of the mains-frequency amplitude (peak), mV. */
  powerlineMv: number | null;
  /** Median over windows of the baseline excursion within a window, mV. */
  baselineExcursionMv: number | null;
  /** Beats per minute found by the own detector, a plausibility check. */
  heartRateBpm: number | null;
  /** Share of the lead's duration inside unusable segments, in [0,1]. */
  unusableFraction: number;
}

/** Quality of one lead. */
export interface LeadQuality {
  lead: string;
  verdict: QualityVerdict;
  /** 0 (unusable) .. 1 (clean). */
  score: number;
  reasons: string[];
  indices: QualityIndices;
  /** Why an index is null or was not computed, by index name. */
  indexNotes: Partial<Record<keyof QualityIndices, string>>;
  findings: QualityFinding[];
  /** Usable and unusable spans of this lead, in time order, covering the whole record. */
  segments: QualitySegment[];
  /** Beat positions (samples) the quality stage's own detector found on this lead. */
  ownBeats: Int32Array;
}

/** Quality of a whole record. */
export interface QualityReport {
  fsHz: number;
  length: number;
  verdict: QualityVerdict;
  /** 0 (unusable) .. 1 (clean). */
  score: number;
  reasons: string[];
  leads: LeadQuality[];
  /** Spans where no lead is usable are unusable; covers the whole record in time order. */
  segments: QualitySegment[];
  /** Mains frequency the powerline check looked at (50 or 60), or null when fs is too low to see it. */
  mainsHz: 50 | 60 | null;
}

/**
 * A beat detector over one signal: returns QRS sample indices in increasing order, or an object
 * holding them in `samples` (as the beats stage's `detectBeatsInSignal` does).
 */
export type BeatDetectorFn = (samples: Float32Array, fsHz: number) => ArrayLike<number> | { samples: ArrayLike<number> };

export interface QualityOptions {
  /**
   * The pipeline's primary beat detector. bSQI compares it with the quality stage's own, deliberately
   * different detector; without it bSQI is null and the own detector alone drives the template.
   */
  primaryDetector?: BeatDetectorFn;
  /**
   * Beats the pipeline already found on the whole record (fused over leads), used as every lead's
   * primary beats when no `primaryDetector` is given, so nothing is detected twice.
   */
  primaryBeats?: ArrayLike<number>;
  /** Mains frequency; default: whichever of 50 and 60 Hz is stronger in the record. */
  mainsHz?: 50 | 60;
  /** Length of the analysis windows in seconds (default 1, the NSTDB noise window). */
  windowS?: number;
  /** Leads to assess, by name; default all non-derived leads (all leads when every lead is derived). */
  leads?: string[];
}
