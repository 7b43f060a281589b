/**
 * Shapes of question answering: the intent a question is parsed into (ECG-QA's question and
 * attribute types, plus the plain questions users ask) and the answer with its evidence.
 */

/** ECG-QA's question types, plus `single-value` (what is X?) and `single-leads` (which leads show X?). */
export type QuestionType =
  | 'single-verify'
  | 'single-choose'
  | 'single-query'
  | 'single-value'
  | 'single-leads'
  | 'comparison_consecutive-verify'
  | 'comparison_consecutive-query'
  | 'comparison_irrelevant-verify'
  | 'comparison_irrelevant-query';

/** ECG-QA's attribute types, plus `measurement` (a value such as the QTc) and `rhythm`. */
export type AttributeType =
  | 'scp_code'
  | 'noise'
  | 'stage_of_infarction'
  | 'extra_systole'
  | 'heart_axis'
  | 'numeric_feature'
  | 'measurement';

/** ECG-QA's noise attributes (PTB-XL's noise columns). */
export type NoiseType = 'static noise' | 'burst noise' | 'baseline drift' | 'electrodes problems' | 'any kind of noises';

/** ECG-QA's numeric features (lead II), also the measurements a plain question can ask for. */
export type NumericFeature = 'rr interval' | 'p duration' | 'pr interval' | 'qrs duration' | 'qt interval' | 'qt corrected';

/** How a numeric feature changed between two ECGs (ECG-QA templates 68-70), or a plain change question. */
export type FeatureChange = 'became_normal' | 'became_abnormal' | 'still_abnormal' | 'increased' | 'decreased';

/** What a question asks, in a form the answerer can act on. */
export interface QuestionIntent {
  questionType: QuestionType;
  attributeType: AttributeType;
  /**
   * Canonical attributes: SCP codes for `scp_code`, noise types, numeric features, 'left axis
   * deviation' etc. for `heart_axis`, 'ventricular extrasystoles' etc. for `extra_systole`.
   */
  attributes: string[];
  /** Leads named in the question, canonical names (I, II, ..., aVR, V1...). */
  leads: string[];
  /** Which ECG the question is about when two are given. */
  ecg: 'first' | 'second' | 'both';
  change: FeatureChange | null;
  /** Range asked about for a numeric feature ('above', 'below', 'within' the normal range). */
  range: 'above' | 'below' | 'within' | null;
  /** Words the parser corrected (typos), as `from -> to`. */
  corrections: string[];
}

/** One piece of evidence an answer rests on. */
export interface AnswerEvidence {
  /** Which ECG (0 first, 1 second). */
  ecgIndex: number;
  kind: 'measurement' | 'statement' | 'quality' | 'rhythm' | 'beats' | 'note';
  name: string;
  lead: string | null;
  value: number | string | boolean | null;
  unit: string | null;
  text: string;
}

/** An answer to a question about one or two analysed ECGs. */
export interface Answer {
  question: string;
  intent: QuestionIntent;
  /** 'answered', or 'cannot_determine' when the recording does not allow an answer (see `reason`). */
  status: 'answered' | 'cannot_determine';
  /** The answer in ECG-QA's vocabulary ('yes', 'no', 'none', feature or statement names); empty when not determined. */
  answer: string[];
  /** One English sentence. */
  text: string;
  reason: string | null;
  evidence: AnswerEvidence[];
  /** The analyses the answer came from (record names and analysis times). */
  sources: Array<{ record: string; analysedAt: string }>;
}

/** What an answerer returns before the question and sources are attached. */
export interface PartialAnswer {
  status: 'answered' | 'cannot_determine';
  answer: string[];
  text: string;
  reason: string | null;
  evidence: AnswerEvidence[];
}
