/** What a beat detector returns. */
export interface BeatDetection {
  /** Sampling rate of `samples`, Hz (the record's). */
  fsHz: number;
  /** Fiducial sample indices, ascending, at least 200 ms apart: the energy centre of each QRS (see detectBeats). */
  samples: Int32Array;
  /** Leads whose signal was fused to find the beats. */
  leadsUsed: string[];
  /** Why there are no or few beats (e.g. 'flat line', 'record shorter than 2 s'); null when nothing is wrong. */
  reason: string | null;
}

/** Tuning of the QRS detector. The defaults were chosen on MIT-BIH DS1 records only. */
export interface BeatDetectorOptions {
  /** QRS band of the causal Butterworth band-pass, Hz (default [5, 20]; the upper edge is capped below Nyquist). */
  bandHz?: [number, number];
  /** Length of the moving energy integration, ms (default 100). */
  integrationMs?: number;
  /** No two beats closer than this, ms (default 200, a physiologic refractory period). */
  refractoryMs?: number;
  /** Peaks closer than this to the previous beat must have steep slopes or they are taken as T waves, ms (default 360). */
  tWaveWindowMs?: number;
  /** Search back for a missed beat after this many mean RR intervals without one (default 1.66, Pan-Tompkins). */
  searchBackRr?: number;
  /** A peak must exceed the median energy background by this factor to be a beat (default 4). */
  backgroundFactor?: number;
}

/** Options of {@link detectBeats}. */
export interface DetectBeatsOptions extends BeatDetectorOptions {
  /** Names of the leads to fuse; default every recorded (not derived) lead. */
  leads?: string[];
}
