import type { StatementLanguage, SummaryClass } from '../interpret/types.js';

/** One row of the measurement table: a label, the value as printed, and the value and unit behind it. */
export interface ReportMeasurementRow {
  key: string;
  label: string;
  /** As printed, e.g. '132 ms' or 'nicht messbar'. */
  text: string;
  value: number | null;
  unit: string | null;
  /** Why the value is unknown, when it is. */
  reason: string | null;
}

/** One statement as printed, with the evidence it rests on. */
export interface ReportStatement {
  code: string;
  text: string;
  category: string;
  certainty: number | null;
  criterion: string;
  /** Evidence sentences, in the report's language where the evidence is structured. */
  evidence: string[];
}

/** The summary page of a long (Holter) record. */
export interface HolterReport {
  durationS: number;
  /** Per clock hour from the start: beats by class and mean heart rate. */
  hours: Array<{ hour: number; beats: number; byClass: Record<string, number>; meanRateBpm: number | null }>;
  /** Episodes other than sinus rhythm, with start and duration in seconds from the record start. */
  episodes: Array<{ label: string; startS: number; durationS: number; meanRateBpm: number | null }>;
  longestPauseS: number | null;
  pauseCount: number;
  afBurdenPct: number;
  minRateBpm: number | null;
  meanRateBpm: number | null;
  maxRateBpm: number | null;
  pvcCount: number | null;
  pacCount: number | null;
  ventricularCouplets: number | null;
  ventricularRuns: number | null;
  hrv: { sdnnMs: number | null; rmssdMs: number | null; pnn50Pct: number | null; sdannMs: number | null; lfHfRatio: number | null } | null;
  /** Heart rate per minute (bpm; null where the minute has under 2 beats). */
  rateTrendBpm: Array<number | null>;
}

/** A clinical report built from one Analysis: everything the printed page says, as data. */
export interface ClinicalReport {
  language: StatementLanguage;
  title: string;
  /** Patient fields the reader understood (label: value), in print order; empty when none. */
  patient: Array<{ label: string; value: string }>;
  recording: Array<{ label: string; value: string }>;
  measurements: ReportMeasurementRow[];
  /** The reconciled rhythm statement first, then the others, as a cart prints them. */
  statements: ReportStatement[];
  notDetermined: Array<{ code: string; text: string; reason: string }>;
  summary: { class: SummaryClass; text: string } | null;
  quality: { verdict: string | null; text: string };
  device: { statements: string[]; agreement: string | null } | null;
  holter: HolterReport | null;
  /** 'Unconfirmed computer analysis ...' in the report's language. */
  disclaimer: string;
  /** Where the report came from. */
  source: { record: string; analysedAt: string; software: string; catalogueVersion: string | null };
}
