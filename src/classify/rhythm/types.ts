/**
 * Shapes of the rhythm stage: inputs (beats, optional beat classes and signal) and outputs
 * (episodes with start/end sample and confidence, Holter counts and burdens).
 */
import type { EcgRecord } from '../../record/types.js';
import type { PacingFinding } from './pacedBeats.js';
import type { AtrialEvidence } from './recordAtrialEvidence.js';

export type { PacingFinding, PacingMode } from './pacedBeats.js';
export type { AtrialEvidence } from './recordAtrialEvidence.js';

/** AAMI EC57 beat class, as the beat classifier gives it. */
export type BeatClass = 'N' | 'S' | 'V' | 'F' | 'Q';

/**
 * Rhythm labels. The first group ("rhythms") tile the record without overlap; `noise` marks signal
 * the quality stage judged unreadable (no rhythm is claimed there), `undetermined` readable signal
 * whose rhythm could not be told (a regular rhythm without consistent P waves is left undetermined,
 * never called sinus), `paced_rhythm` beats that follow pacemaker stimuli (see `pacing`); `pause`,
 * `ventricular_bigeminy` and `ventricular_trigeminy` are events that sit on top of a rhythm.
 */
export type RhythmLabel =
  | 'sinus_rhythm'
  | 'sinus_bradycardia'
  | 'sinus_tachycardia'
  | 'atrial_fibrillation'
  | 'atrial_flutter'
  | 'svta'
  | 'ventricular_tachycardia'
  | 'ventricular_flutter_fibrillation'
  | 'paced_rhythm'
  | 'undetermined'
  | 'noise'
  | 'ventricular_bigeminy'
  | 'ventricular_trigeminy'
  | 'pause';

/** Labels that overlay a rhythm instead of replacing it. */
export const EVENT_LABELS: ReadonlySet<RhythmLabel> = new Set(['pause', 'ventricular_bigeminy', 'ventricular_trigeminy']);

/** One rhythm episode. `endSample` is exclusive. */
export interface RhythmEpisode {
  label: RhythmLabel;
  startSample: number;
  endSample: number;
  /** 0..1: how sure the detector is (mean evidence over the episode). */
  confidence: number;
  /** Number of beats inside the episode (0 for VF/VFL found on the signal alone). */
  beatCount: number;
  /** Mean ventricular rate over the episode; null when there are fewer than 2 beats or the episode is 'noise'. */
  meanRateBpm: number | null;
  /** Why this label, in words (e.g. 'irregular RR: 42 of 48 windows above the AF threshold'). */
  reason: string;
}

/** Per-record counts and burdens as a Holter report lists them. */
export interface HolterSummary {
  durationS: number;
  beatCount: number;
  /** Percent of analysed time in atrial fibrillation (flutter counted separately). */
  afBurdenPct: number;
  atrialFlutterBurdenPct: number;
  /** Number of V beats; null when beat classes were not given. */
  pvcCount: number | null;
  /** Number of S beats; null when beat classes were not given. */
  pacCount: number | null;
  /** Two V beats in a row (not part of a longer run). */
  ventricularCouplets: number | null;
  /** Runs of 3 or more V beats (VT episodes are runs at > 100 bpm). */
  ventricularRuns: number | null;
  supraventricularCouplets: number | null;
  supraventricularRuns: number | null;
  pauseCount: number;
  /** Longest RR interval in seconds; null with fewer than 2 beats. */
  longestPauseS: number | null;
  minRateBpm: number | null;
  meanRateBpm: number | null;
  maxRateBpm: number | null;
  /** Seconds in each rhythm label. */
  secondsByLabel: Partial<Record<RhythmLabel, number>>;
  /**
   * Seconds of unreadable signal ('noise' episodes); its beats are left out of every count, run and rate above.
   * @minimum 0
   */
  unreadableS: number;
  /**
   * `unreadableS` as a percentage of `durationS`.
   * @minimum 0
   * @maximum 100
   */
  unreadablePct: number;
  /**
   * Beats given inside unreadable signal (included in `beatCount`, left out of the class counts). In
   * analyze() the beats stage keeps such beats with a lower confidence (and the beatClasses stage
   * labels them Q), so they are counted here; only detections on calibration pulses or all-flat
   * signal are withheld there (its `beatsInUnusableSignal`).
   */
  beatsInUnreadable: number;
}

/** A span of unreadable signal, e.g. from the quality stage's `unusableSegments`. `endSample` is exclusive. */
export interface UnreadableSpan {
  startSample: number;
  endSample: number;
  /** Why the signal is unreadable (e.g. 'muscle noise'); optional. */
  reason?: string;
}

/** What {@link analyzeRhythm} takes. Positions are sample indices at `fsHz`. */
export interface RhythmInput {
  fsHz: number;
  /** QRS positions (sample indices, ascending). */
  beatSamples: Int32Array | ArrayLike<number>;
  /** AAMI class per beat (same length as `beatSamples`), when a beat classifier ran. */
  beatClasses?: ArrayLike<BeatClass | string>;
  /** One ECG lead in mV at `fsHz`, used for VF/VFL, P-wave and flutter-wave evidence. */
  signal?: Float32Array;
  /** A record: its lead II (or MLII, else the first recorded lead) is used when `signal` is not given. */
  record?: EcgRecord;
  /** Record length in samples; defaults to the signal length or the last beat + 1 s. */
  lengthSamples?: number;
  /**
   * Spans where the signal is unreadable (any order, may overlap). Merged spans of at least
   * MIN_UNREADABLE_S (5 s) become 'noise' episodes, and the beats inside them count toward no rhythm,
   * run, ectopic count, rate or AF-burden denominator; VF/VFL found on the signal stays (see analyzeRhythm).
   */
  unusableSpans?: ReadonlyArray<UnreadableSpan>;
  /**
   * Spans where AF found from the RR series is not named (a second opinion disagreed; see
   * analyzeRhythmWithStripOpinion): the AF there becomes 'undetermined' with `reason`, or atrial
   * flutter where flutter waves were found under it.
   */
  afVetoSpans?: ReadonlyArray<{ startSample: number; endSample: number; reason: string }>;
}

/** What {@link analyzeRhythm} returns. */
export interface RhythmAnalysis {
  fsHz: number;
  /** Sorted by start; rhythms tile the analysed span, events overlay them. */
  episodes: RhythmEpisode[];
  holter: HolterSummary;
  /** False when nothing could be determined (e.g. no beats and no usable signal). */
  determinable: boolean;
  /** Null when determinable; otherwise why not. */
  reason: string | null;
  /** What evidence was used: 'beat classes', 'signal', ... */
  evidence: string[];
  /**
   * Pacemaker stimuli and the beats they drive, when a record was given at 300 Hz or more (stimuli
   * cannot be told from QRS upstrokes below); `mode` null when the rhythm is not paced. Absent when
   * not looked for.
   */
  pacing?: PacingFinding;
  /**
   * Record-level atrial evidence (best-lead P-window consistency, RR irregularity) on which a short
   * record (under 30 s) was judged as a whole; absent for longer records.
   */
  atrialEvidence?: AtrialEvidence;
}
