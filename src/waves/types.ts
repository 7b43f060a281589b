/**
 * Delineation results. Every position is an integer sample index from the record start (never
 * seconds); a missing point is `null` and the beat carries a reason saying why.
 */

/** Shape of a T wave relative to the isoelectric line. */
export type TPolarity = 'positive' | 'negative' | 'biphasic' | 'flat';

/** One wave's fiducial points (sample indices); `null` when not measurable. */
export interface WavePoints {
  onset: number | null;
  peak: number | null;
  offset: number | null;
}

/** The QRS complex of one beat in one lead, with its named peaks (sample indices). */
export interface QrsPoints {
  onset: number | null;
  offset: number | null;
  /** Negative deflection before the first R, when there is one. */
  qPeak: number | null;
  /** First positive deflection. */
  rPeak: number | null;
  /** Negative deflection after R. */
  sPeak: number | null;
  /** Second positive deflection after S (RSR'). */
  rPrimePeak: number | null;
}

/** The delineation of one beat in one lead. */
export interface LeadBeatDelineation {
  p: WavePoints;
  /** Why `p` is null or partly null (e.g. 'no P', 'P-QRS relation inconsistent across beats'). */
  pReason: string | null;
  qrs: QrsPoints;
  qrsReason: string | null;
  t: WavePoints;
  tPolarity: TPolarity | null;
  tReason: string | null;
  /** Isoelectric level (mV) measured in the PR segment just before QRS onset; null when unknown. */
  baselineMv: number | null;
}

/** Boundaries fused across leads for one beat (CSE convention). */
export interface GlobalBeatBoundaries {
  pOnset: number | null;
  pOffset: number | null;
  qrsOnset: number | null;
  qrsOffset: number | null;
  tOffset: number | null;
  /** Number of leads that contributed to each boundary, in the order above. */
  leadCounts: [number, number, number, number, number];
}

/** The delineation of one lead. `beats[k]` belongs to the k-th input beat. */
export interface LeadDelineation {
  lead: string;
  beats: LeadBeatDelineation[];
  /** Set when the whole lead could not be delineated (flat, missing samples...). */
  reason: string | null;
}

/** Result of {@link delineateBeats}. */
export interface Delineation {
  fsHz: number;
  /** The beat fiducial positions the delineation was built on (sample indices). */
  beatSamples: Int32Array;
  leads: LeadDelineation[];
  /** Multi-lead boundaries, one per beat. */
  global: GlobalBeatBoundaries[];
}

