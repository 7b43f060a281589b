/**
 * Shapes of the interpretation stage (`results.interpretation`): diagnostic statements in the
 * PTB-XL / SCP-ECG vocabulary, each with the evidence that produced it, one reconciled rhythm
 * statement, the statements that could not be judged and why, a summary class, and the device's own
 * statements beside sinus's when the input file carries them.
 *
 * This file is the contract between the interpret stage and what reads it (report, question
 * answering, store, batch, viewer). Text for a statement in any language comes from the catalogue
 * (one statement-to-text table), keyed by `code`.
 */

/** Families of statements, as 12-lead programs group them. */
export type StatementCategory =
  | 'rhythm'
  | 'ectopy'
  | 'pacing'
  | 'conduction'
  | 'axis'
  | 'hypertrophy'
  | 'voltage'
  | 'infarction'
  | 'st_t'
  | 'qt'
  | 'quality';

/** Words a statement may carry after its text: territory, age of an infarct, strain (texts in the catalogue). */
export type StatementQualifier =
  | 'inferior' | 'anterior' | 'anteroseptal' | 'lateral' | 'anterolateral' | 'inferolateral' | 'posterior' | 'septal'
  | 'acute' | 'age_undetermined' | 'with_repolarization_abnormality' | 'limb_leads' | 'precordial_leads' | 'sgarbossa';

/** PTB-XL's diagnostic superclasses. */
export type StatementSuperclass = 'NORM' | 'MI' | 'STTC' | 'CD' | 'HYP';

/** Languages the catalogue carries text for. */
export type StatementLanguage = 'en' | 'de';

/**
 * One piece of evidence: a measurement (global or in one lead) compared with a threshold, an
 * episode or a set of beats, a model's output, or a note.
 */
export interface StatementEvidence {
  kind: 'measurement' | 'episode' | 'beats' | 'model' | 'device' | 'note';
  /** Name of the quantity, as in the measurements (e.g. 'qrsDurationMs', 'rAmplitudeMv', 'qrsAxisDeg'). */
  name: string;
  /** Lead the value was measured in; null for a global value. */
  lead: string | null;
  value: number | string | boolean | null;
  /** Unit of `value` and `threshold` ('ms', 'mV', 'deg', 'bpm', '%', ...); null when unitless. */
  unit: string | null;
  /** The criterion's threshold, when one was crossed or checked. */
  threshold: number | null;
  comparison: '>' | '>=' | '<' | '<=' | 'between' | 'outside' | null;
  /** Whether this piece supports the statement (true) or was checked and did not (false). */
  supports: boolean;
  /** One English sentence, e.g. 'QRS 132 ms >= 120 ms'. */
  text: string;
  /** Beat indices (into results.beats.samples) the evidence rests on, when it rests on beats. */
  beatIndices?: number[];
  /** Sample span (endSample exclusive) the evidence rests on, when it rests on an episode. */
  startSample?: number;
  endSample?: number;
}

/** A statement sinus makes about the record. */
export interface Statement {
  /** SCP-ECG statement code as in PTB-XL's scp_statements.csv (e.g. 'CLBBB', 'LVH', 'SR'). */
  code: string;
  /** AHA code from the same table, when it has one. */
  ahaCode: string | null;
  /** English text from the catalogue. */
  text: string;
  category: StatementCategory;
  /**
   * Calibrated probability that a cardiologist would make this statement, with the data it was
   * calibrated on in `certaintySource`; null when no calibration exists for the statement.
   */
  certainty: number | null;
  certaintySource: string | null;
  /** The published criterion used (e.g. 'Sokolow-Lyon (1949)', 'AHA/ACC/HRS 2009, part III'). */
  criterion: string;
  evidence: StatementEvidence[];
  /** Territory, infarct age or strain the text carries (already in `text`); absent when none. */
  qualifiers?: StatementQualifier[];
  /** PTB-XL diagnostic superclass of the code, when PTB-XL gives one. */
  superclass?: StatementSuperclass | null;
  /** How the statement weighs in the summary: 'normal', 'borderline' or 'abnormal'. */
  severity?: 'normal' | 'borderline' | 'abnormal';
  /** Text in German from the catalogue (PTB-XL's own reports are German). */
  textDe?: string;
}

/** A statement that could not be judged on this record, and why (lead unusable, too few beats, pacing, ...). */
export interface UndeterminedStatement {
  code: string;
  text: string;
  category: StatementCategory;
  reason: string;
}

/** Where a rhythm opinion came from. */
export interface RhythmOpinion {
  source: 'rhythm-rules' | 'strip-model' | 'device';
  /** The opinion as that source states it (e.g. 'sinus_bradycardia', 'af', 'other'). */
  label: string;
  /** That source's own score for it, when it has one (not necessarily calibrated). */
  score: number | null;
}

/** One reconciled rhythm statement for the record (or for one episode of a long record). */
export interface RhythmStatement extends Statement {
  /** Span it covers (endSample exclusive); the whole record for a 10 s ECG. */
  startSample: number;
  endSample: number;
  /** The opinions that were reconciled. */
  opinions: RhythmOpinion[];
  /** How a disagreement between the opinions was resolved, in words; null when they agreed. */
  resolution: string | null;
}

/** The overall class a 12-lead program prints under its statements. */
export type SummaryClass = 'normal' | 'otherwise_normal' | 'borderline' | 'abnormal' | 'undetermined';

/** A statement the recording device printed (GE MUSE, Philips, SCP-ECG, aECG), mapped to SCP codes where possible. */
export interface DeviceStatement {
  text: string;
  /** SCP codes the text maps to by the catalogue's dictionary; empty when it maps to none. */
  codes: string[];
}

/** How sinus's statements compare with the device's. */
export interface DeviceAgreement {
  /** Codes both made. */
  both: string[];
  onlySinus: string[];
  onlyDevice: string[];
}

/** `results.interpretation`. */
export interface Interpretation {
  /** Version of the statement catalogue the codes and criteria come from. */
  catalogueVersion: string;
  /** The reconciled rhythm statement of the whole record; null when the rhythm cannot be determined (see `notDetermined`). */
  rhythm: RhythmStatement | null;
  /** Per-episode rhythm statements of a long record (empty for a 10 s ECG). */
  rhythmEpisodes: RhythmStatement[];
  /** Every statement made, the reconciled rhythm statement first (as in `rhythm`), in the order a cart prints them. */
  statements: Array<Statement | RhythmStatement>;
  notDetermined: UndeterminedStatement[];
  summary: { class: SummaryClass; text: string };
  /** The device's own statements, when the file carries them; null otherwise. */
  device: { statements: DeviceStatement[]; agreement: DeviceAgreement } | null;
}
