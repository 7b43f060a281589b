import type { Analysis } from '../analyze.js';
import { SinusError } from '../errors.js';
import { analysisSections, type AnalysisSections } from '../report/analysisSections.js';
import {
  type NumericDefinition, answerAxis, answerExtraSystoles, answerInfarctionStage, answerNoise, answerNumeric, answerNumericComparison, answerStatements, cannot, type PartialAnswer,
} from './answerFromSections.js';
import { parseQuestion } from './parseQuestion.js';
import type { QuestionLexicon } from './questionLexicon.js';
import type { Answer, QuestionIntent } from './types.js';
import type { NoiseSeverityChoice, NOISE_MIN_SEVERITY } from './noiseInLeads.js';

/** Options of {@link askEcg}. */
export interface AskOptions {
  /** Lexicon to parse with (default: synonyms only; `catalogueQuestionLexicon()` adds the statement catalogue). */
  lexicon?: QuestionLexicon;
  /** An intent already parsed (the question text is then only echoed). */
  intent?: QuestionIntent;
  /** Least severity of a quality finding that counts as each noise type (default {@link NOISE_MIN_SEVERITY}). */
  noiseMinSeverity?: NoiseSeverityChoice;
  /** Least class probability for a beat to count as an extra systole (default 0: the classifier's label). */
  extraSystoleMinProbability?: number;
  /** How two ECGs' numeric features are judged normal (default 'clinical': median beat, clinical ranges; 'ecg-qa': ECG-QA's definition). */
  numericDefinition?: NumericDefinition;
}

function answerOne(intent: QuestionIntent, s: AnalysisSections, ecgIndex: number, options: AskOptions = {}): PartialAnswer {
  switch (intent.attributeType) {
    case 'noise': return answerNoise(intent, s, ecgIndex, options.noiseMinSeverity);
    case 'numeric_feature':
    case 'measurement': return answerNumeric(intent, s, ecgIndex);
    case 'heart_axis': return answerAxis(intent, s, ecgIndex);
    case 'extra_systole': return answerExtraSystoles(intent, s, ecgIndex, options.extraSystoleMinProbability);
    case 'stage_of_infarction': return answerInfarctionStage(intent, s, ecgIndex);
    case 'scp_code': return answerStatements(intent, s, ecgIndex);
  }
}

/** Two ECGs: which findings are shared, new or gone (statements, noise, axis, ...), or numeric-feature changes. */
function answerComparison(intent: QuestionIntent, a: AnalysisSections, b: AnalysisSections, options: AskOptions): PartialAnswer {
  if (intent.attributeType === 'numeric_feature' || intent.attributeType === 'measurement') return answerNumericComparison(intent, a, b, options.numericDefinition);
  const single = intent.questionType.endsWith('verify') ? 'single-verify' : 'single-query';
  const x = answerOne({ ...intent, questionType: single }, a, 0, options);
  const y = answerOne({ ...intent, questionType: single }, b, 1, options);
  if (x.status !== 'answered' || y.status !== 'answered') return cannot(`${x.reason ?? y.reason}`, [...x.evidence, ...y.evidence]);
  const evidence = [...x.evidence, ...y.evidence];
  if (single === 'single-verify') {
    const both = x.answer[0] === 'yes' && y.answer[0] === 'yes';
    return { status: 'answered', answer: [both ? 'yes' : 'no'], text: `First ECG: ${x.text} Second ECG: ${y.text}`, reason: null, evidence };
  }
  const inA = new Set(x.answer.filter((v) => v !== 'none'));
  const inB = y.answer.filter((v) => v !== 'none');
  const wantNew = /\b(new|now|appear|appeared|developed)\b/.test(intent.change ?? '') || intent.change === 'became_abnormal';
  const common = inB.filter((v) => inA.has(v));
  const fresh = inB.filter((v) => !inA.has(v));
  const gone = [...inA].filter((v) => !inB.includes(v));
  const answer = intent.change === 'still_abnormal' ? common : wantNew ? fresh : intent.change === 'became_normal' ? gone : common;
  return { status: 'answered', answer: answer.length ? answer : ['none'], text: `In both: ${common.join(', ') || 'none'}; only in the second: ${fresh.join(', ') || 'none'}; only in the first: ${gone.join(', ') || 'none'}.`, reason: null, evidence };
}

/**
 * Answers a free-text question about one analysed ECG, or two (first = earlier), from the
 * analyses alone: the answer, a sentence, the evidence it rests on (measurements, leads,
 * statements, quality findings) and the analyses used; "cannot determine" with the reason when
 * the recording does not allow an answer. Deterministic, no network, no language model.
 *
 * @throws SinusError BAD_ARGUMENT for empty, oversized or hostile questions, unknown leads, or a comparison asked of one ECG.
 * @example (await askEcg('what is the QTc?', [await analyze(record)])).text
 */
export function askEcg(question: string, analyses: readonly Analysis[], options: AskOptions = {}): Answer {
  if (analyses.length < 1 || analyses.length > 2) throw new SinusError('BAD_ARGUMENT', `one or two ECGs are needed, got ${analyses.length}`);
  const intent = options.intent ?? parseQuestion(question, options.lexicon);
  const comparison = intent.questionType.startsWith('comparison');
  if (comparison && analyses.length < 2) throw new SinusError('BAD_ARGUMENT', 'the question compares two ECGs; give a second file');
  const sections = analyses.map(analysisSections);
  const target = !comparison && analyses.length === 2 && intent.ecg === 'second' ? 1 : 0;
  const part = comparison ? answerComparison(intent, sections[0], sections[1], options) : answerOne(intent, sections[target], target, options);
  return { question, intent, ...part, sources: analyses.map((a) => ({ record: a.record.name, analysedAt: a.createdAt })) };
}
