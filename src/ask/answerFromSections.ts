import type { AnalysisSections } from '../report/analysisSections.js';
import type { Statement } from '../interpret/types.js';
import { SCP_STATEMENTS } from '../interpret/scpStatements.js';
import { noiseHits, type NoiseSeverityChoice } from './noiseInLeads.js';
import { beatFeatureExtremesMs, ECGQA_NORMAL_RANGES_MS } from './ecgQaNumericFeatures.js';
import { CHANGE_TOLERANCE_MS, NUMERIC_FEATURES, numericFeatureValue, rangeOf, type FeatureValue } from './numericFeatures.js';
import { statementFinding } from './statementFinding.js';
import type { AnswerEvidence, NoiseType, NumericFeature, PartialAnswer, QuestionIntent } from './types.js';

export type { PartialAnswer } from './types.js';


export const cannot = (reason: string, evidence: AnswerEvidence[] = []): PartialAnswer => ({ status: 'cannot_determine', answer: [], text: `Cannot determine: ${reason}.`, reason, evidence });
const yesNo = (yes: boolean, text: string, evidence: AnswerEvidence[]): PartialAnswer => ({ status: 'answered', answer: [yes ? 'yes' : 'no'], text, reason: null, evidence });

const ms = (v: number) => `${Math.round(v)} ms`;

function featureEvidence(v: FeatureValue, ecgIndex: number): AnswerEvidence {
  return { ecgIndex, kind: 'measurement', name: v.feature, lead: v.lead, value: v.valueMs == null ? null : Math.round(v.valueMs), unit: 'ms', text: v.valueMs == null ? `${v.feature}: unknown (${v.reason})` : `${v.feature} ${ms(v.valueMs)} (${v.source}), ${rangeOf(v.feature, v.valueMs)} the normal range` };
}

/**
 * Noise questions (ECG-QA templates 26-33): from the quality stage's findings per lead.
 *
 * @example answerNoise(parseQuestion('Does this ECG show baseline drift in lead V1?'), analysisSections(a)).answer // ['no']
 */
export function answerNoise(intent: QuestionIntent, s: AnalysisSections, ecgIndex = 0, minSeverity: NoiseSeverityChoice = {}): PartialAnswer {
  const noise = (intent.attributes[0] ?? 'any kind of noises') as NoiseType;
  const hits = noiseHits(s, noise, intent.leads, minSeverity);
  if (hits === null) return cannot(`signal quality was not assessed: ${s.missing.quality ?? 'not computed'}`);
  const unknownLeads = intent.leads.filter((l) => !s.leadNames.includes(l));
  if (unknownLeads.length > 0) return cannot(`the recording has no lead ${unknownLeads.join(', ')}`);
  const where = intent.leads.length > 0 ? `in lead ${intent.leads.join(', ')}` : 'in any lead';
  const evidence: AnswerEvidence[] = hits.slice(0, 12).map((h) => ({ ecgIndex, kind: 'quality', name: h.kind, lead: h.lead, value: h.severity, unit: null, text: `${h.severity} ${h.kind} in ${h.lead}, samples ${h.startSample}-${h.endSample}` }));
  if (intent.questionType === 'single-leads' || intent.questionType === 'single-query') {
    const leads = [...new Set(hits.map((h) => h.lead))];
    if (intent.questionType === 'single-query' && intent.leads.length === 0 && noise === 'any kind of noises') {
      const types = [...new Set(hits.map((h) => h.noise))];
      return { status: 'answered', answer: types.length ? types : ['none'], text: types.length ? `Noise found: ${types.join(', ')}.` : 'No noise found.', reason: null, evidence };
    }
    return { status: 'answered', answer: leads.length ? leads.map((l) => `lead ${l}`) : ['none'], text: leads.length ? `${noise} in ${leads.join(', ')}.` : `No ${noise} in any lead.`, reason: null, evidence };
  }
  if (evidence.length === 0) evidence.push({ ecgIndex, kind: 'quality', name: noise, lead: intent.leads[0] ?? null, value: false, unit: null, text: `no ${noise} finding ${where}` });
  return yesNo(hits.length > 0, hits.length > 0 ? `Yes: ${noise} ${where}.` : `No ${noise} ${where}.`, evidence);
}

/**
 * Numeric features, one ECG: value, in/out of range, which are abnormal.
 *
 * @example answerNumeric(parseQuestion('what is the QTc?'), analysisSections(a)).text
 */
export function answerNumeric(intent: QuestionIntent, s: AnalysisSections, ecgIndex = 0): PartialAnswer {
  const feats = (intent.attributes.length ? intent.attributes : NUMERIC_FEATURES) as NumericFeature[];
  const values = feats.map((f) => numericFeatureValue(s, f, intent.attributeType === 'measurement'));
  const evidence = values.map((v) => featureEvidence(v, ecgIndex));
  if (intent.attributeType === 'measurement' || intent.questionType === 'single-value') {
    const v = values[0];
    if (v.valueMs == null) return cannot(v.reason ?? 'not measurable', evidence);
    let text = `${v.feature}: ${ms(v.valueMs)} (${v.source}).`;
    if (v.feature === 'qt corrected' && s.measurements) {
      const q = s.measurements.qtc;
      text = `QTc ${ms(v.valueMs)} by Bazett` + (q.fridericiaMs != null ? `; Fridericia ${ms(q.fridericiaMs)}` : '') + (q.framinghamMs != null ? `, Framingham ${ms(q.framinghamMs)}` : '') + (q.hodgesMs != null ? `, Hodges ${ms(q.hodgesMs)}` : '') + ` (QT ${s.measurements.qtMs ?? '?'} ms, RR ${s.measurements.rrMs ?? '?'} ms).`;
    }
    if (v.feature === 'rr interval' && s.measurements?.heartRateBpm != null) text = `RR ${ms(v.valueMs)}, heart rate ${Math.round(s.measurements.heartRateBpm)} bpm.`;
    return { status: 'answered', answer: [String(Math.round(v.valueMs))], text, reason: null, evidence };
  }
  const known = values.filter((v) => v.valueMs != null);
  if (intent.questionType === 'single-verify' && values.length === 1) {
    const v = values[0];
    if (v.valueMs == null) return cannot(v.reason ?? 'not measurable', evidence);
    const r = rangeOf(v.feature, v.valueMs);
    const asked = intent.range ?? 'within';
    return yesNo(r === asked, `${v.feature} ${ms(v.valueMs)} is ${r} the normal range.`, evidence);
  }
  if (values.length === 1 && (intent.questionType === 'single-query' || intent.questionType === 'single-choose')) {
    const v = values[0];
    if (v.valueMs == null) return cannot(v.reason ?? 'not measurable', evidence);
    const r = rangeOf(v.feature, v.valueMs);
    return { status: 'answered', answer: [`${r === 'within' ? 'within' : r === 'above' ? 'above' : 'below'} the normal range`], text: `${v.feature} ${ms(v.valueMs)} is ${r} the normal range.`, reason: null, evidence };
  }
  if (known.length === 0) return cannot('none of the features could be measured', evidence);
  const abnormal = known.filter((v) => rangeOf(v.feature, v.valueMs!) !== 'within').map((v) => v.feature);
  return { status: 'answered', answer: abnormal.length ? abnormal : ['none'], text: abnormal.length ? `Outside the normal range: ${abnormal.join(', ')}.` : 'All measured features are within the normal range.', reason: null, evidence };
}

/** How "normal range" is judged: the median beat against clinical ranges, or ECG-QA's per-beat extremes in lead II against its ranges. */
export type NumericDefinition = 'clinical' | 'ecg-qa';

/** Whether a feature is out of its normal range on one ECG, with the evidence; null when not measurable. */
function featureOutOfRange(s: AnalysisSections, f: NumericFeature, def: NumericDefinition, ecgIndex: number): { out: boolean | null; evidence: AnswerEvidence } {
  if (def === 'clinical') {
    const v = numericFeatureValue(s, f);
    return { out: v.valueMs == null ? null : rangeOf(f, v.valueMs) !== 'within', evidence: featureEvidence(v, ecgIndex) };
  }
  const x = beatFeatureExtremesMs(s, s.waves, f);
  const r = ECGQA_NORMAL_RANGES_MS[f];
  if (!x) return { out: null, evidence: { ecgIndex, kind: 'measurement', name: f, lead: 'II', value: null, unit: 'ms', text: `${f}: no per-beat value in lead II` } };
  const out = (r.low != null && x.minMs < r.low) || (r.high != null && x.maxMs > r.high);
  return { out, evidence: { ecgIndex, kind: 'measurement', name: f, lead: 'II', value: `${Math.round(x.minMs)}-${Math.round(x.maxMs)}`, unit: 'ms', text: `${f} ${Math.round(x.minMs)}-${Math.round(x.maxMs)} ms over lead II's beats, ${out ? 'outside' : 'within'} ECG-QA's range ${r.low ?? '-'}-${r.high != null ? Math.round(r.high) : '-'} ms` } };
}

/**
 * Two ECGs, numeric features: became normal / became abnormal / still abnormal (ECG-QA 64-70), or widened/shortened.
 *
 * @example answerNumericComparison(parseQuestion('did the QRS widen since the earlier ECG?'), analysisSections(a), analysisSections(b)).answer
 */
export function answerNumericComparison(intent: QuestionIntent, first: AnalysisSections, second: AnalysisSections, def: NumericDefinition = 'clinical'): PartialAnswer {
  const feats = (intent.attributes.length ? intent.attributes : NUMERIC_FEATURES) as NumericFeature[];
  if (intent.change === 'increased' || intent.change === 'decreased') {
    const a = feats.map((f) => numericFeatureValue(first, f, true));
    const b = feats.map((f) => numericFeatureValue(second, f, true));
    const evidence = [...a.map((v) => featureEvidence(v, 0)), ...b.map((v) => featureEvidence(v, 1))];
    const i = a.findIndex((v, k) => v.valueMs != null && b[k].valueMs != null);
    if (i < 0) return cannot('the feature could not be measured on both ECGs', evidence);
    const [x, y, f] = [a[i].valueMs!, b[i].valueMs!, feats[i]];
    const d = y - x;
    const changed = intent.change === 'increased' ? d > CHANGE_TOLERANCE_MS[f] : d < -CHANGE_TOLERANCE_MS[f];
    const verb = intent.change === 'increased' ? 'increased' : 'decreased';
    return yesNo(changed, `${f} ${ms(x)} on the first ECG, ${ms(y)} on the second (${d >= 0 ? '+' : ''}${Math.round(d)} ms; a change counts beyond ${CHANGE_TOLERANCE_MS[f]} ms): ${changed ? '' : 'not '}${verb}.`, evidence);
  }
  const a = feats.map((f) => featureOutOfRange(first, f, def, 0));
  const b = feats.map((f) => featureOutOfRange(second, f, def, 1));
  const evidence = [...a.map((x) => x.evidence), ...b.map((x) => x.evidence)];
  const known = feats.map((f, i) => ({ f, x: a[i].out, y: b[i].out })).filter((p) => p.x != null && p.y != null) as Array<{ f: NumericFeature; x: boolean; y: boolean }>;
  if (known.length === 0) return cannot('the features could not be measured on both ECGs', evidence);
  const pick = known.filter((p) => (intent.change === 'became_normal' ? p.x && !p.y : intent.change === 'still_abnormal' ? p.x && p.y : !p.x && p.y)).map((p) => p.f);
  const what = intent.change === 'became_normal' ? 'became normal' : intent.change === 'still_abnormal' ? 'are still abnormal' : 'became abnormal';
  if (intent.questionType.endsWith('verify')) return yesNo(pick.length > 0, pick.length ? `${pick.join(', ')} ${what}.` : `No feature ${what}.`, evidence);
  return { status: 'answered', answer: pick.length ? pick : ['none'], text: pick.length ? `Features that ${what} on the second ECG: ${pick.join(', ')}.` : `No feature ${what} on the second ECG.`, reason: null, evidence };
}

/**
 * Heart axis (AHA/ACC/HRS 2009 part I: normal -30..90 deg, left -30..-90, right 90..180, extreme -90..-180).
 *
 * @example answerAxis(parseQuestion('what is the heart axis?'), analysisSections(a)).answer // ['normal heart axis']
 */
export function answerAxis(intent: QuestionIntent, s: AnalysisSections, ecgIndex = 0): PartialAnswer {
  const deg = s.measurements?.qrsAxisDeg ?? null;
  if (deg == null) return cannot(s.measurements?.reasons?.qrsAxisDeg ?? `QRS axis not measured: ${s.missing.measurements ?? 'no measurements'}`);
  const cls = deg >= -30 && deg <= 90 ? 'normal heart axis' : deg < -30 && deg >= -90 ? 'left axis deviation' : deg > 90 && deg <= 180 ? 'right axis deviation' : 'extreme axis deviation';
  const evidence: AnswerEvidence[] = [{ ecgIndex, kind: 'measurement', name: 'qrsAxisDeg', lead: null, value: Math.round(deg), unit: 'deg', text: `frontal QRS axis ${Math.round(deg)} deg: ${cls}` }];
  if (intent.questionType === 'single-verify' && intent.attributes.length > 0) return yesNo(intent.attributes.includes(cls), `QRS axis ${Math.round(deg)} deg: ${cls}.`, evidence);
  return { status: 'answered', answer: [cls], text: `QRS axis ${Math.round(deg)} deg: ${cls}.`, reason: null, evidence };
}

/**
 * Extra systoles from the beat classes (V = ventricular, S = supraventricular).
 *
 * @example answerExtraSystoles(parseQuestion('Does this ECG show extrasystoles?'), analysisSections(a)).answer
 */
export function answerExtraSystoles(intent: QuestionIntent, s: AnalysisSections, ecgIndex = 0, minProbability = 0): PartialAnswer {
  const bc = s.beatClasses;
  if (!bc) return cannot(`beats were not classified: ${s.missing.beatClasses ?? 'not computed'}`);
  const k = bc.classes?.length ?? 0;
  const probabilities = bc.probabilities;
  const sure = (i: number, label: 'V' | 'S') => {
    if (minProbability <= 0 || !bc.classes || !probabilities || probabilities.length !== k * bc.labels.length) return true;
    return (probabilities[i * k + bc.classes.indexOf(label)] ?? 0) >= minProbability;
  };
  const v = bc.labels.filter((l, i) => l === 'V' && sure(i, 'V')).length;
  const sv = bc.labels.filter((l, i) => l === 'S' && sure(i, 'S')).length;
  const found = [...(v > 0 ? ['ventricular extrasystoles'] : []), ...(sv > 0 ? ['supraventricular extrasystoles'] : [])];
  const evidence: AnswerEvidence[] = [{ ecgIndex, kind: 'beats', name: 'beatClasses', lead: null, value: `${v} V, ${sv} S of ${bc.labels.length}`, unit: null, text: `${bc.labels.length} beats: ${v} ventricular, ${sv} supraventricular ectopic${minProbability > 0 ? ` (class probability >= ${minProbability})` : ''}` }];
  if (intent.questionType === 'single-verify') {
    const asked = intent.attributes[0] ?? 'extrasystoles';
    const yes = asked === 'extrasystoles' ? found.length > 0 : found.includes(asked);
    return yesNo(yes, `${v} ventricular and ${sv} supraventricular ectopic beats of ${bc.labels.length}.`, evidence);
  }
  return { status: 'answered', answer: found.length ? found : ['none'], text: `${v} ventricular and ${sv} supraventricular ectopic beats of ${bc.labels.length}.`, reason: null, evidence };
}

/**
 * The statements made on an ECG as ECG-QA names them (PTB-XL's description of the code, lower case; else the catalogue's English text).
 *
 * @example statementNames(interpretation.statements) // ['sinus rhythm', ...]
 */
export function statementNames(list: readonly Statement[]): string[] {
  return list.map((st) => (SCP_STATEMENTS[st.code]?.description ?? st.text).toLowerCase());
}

/**
 * SCP statements (and plain "is there AF?"), one ECG.
 *
 * @example answerStatements(parseQuestion('is there AF?'), analysisSections(a)).answer // ['no']
 */
export function answerStatements(intent: QuestionIntent, s: AnalysisSections, ecgIndex = 0): PartialAnswer {
  if (intent.questionType === 'single-leads') return statementFinding(intent, s, ecgIndex, 'leads');
  if (intent.questionType === 'single-verify' || intent.questionType === 'single-choose') return statementFinding(intent, s, ecgIndex, intent.questionType === 'single-verify' ? 'verify' : 'choose');
  const interp = s.interpretation;
  if (!interp) return cannot(`no interpretation: ${s.missing.interpretation ?? 'the interpretation stage did not run'}`);
  const all = [...(interp.rhythm ? [interp.rhythm] : []), ...interp.statements];
  const names = statementNames(all);
  const evidence: AnswerEvidence[] = all.map((st) => ({ ecgIndex, kind: 'statement', name: st.code, lead: null, value: st.certainty, unit: null, text: `${st.text} (${st.criterion})` }));
  return { status: 'answered', answer: names.length ? names : ['none'], text: names.length ? `Statements: ${all.map((x) => x.text).join('; ')}.` : 'No statements.', reason: null, evidence };
}

/**
 * Stage of infarction: ECG-QA's early/middle/old from the infarction statements' qualifiers and wording.
 *
 * @example answerInfarctionStage(parseQuestion('What stage of myocardial infarction does this ECG show?'), analysisSections(a)).answer
 */
export function answerInfarctionStage(intent: QuestionIntent, s: AnalysisSections, ecgIndex = 0): PartialAnswer {
  const interp = s.interpretation;
  if (!interp) return cannot(`no interpretation: ${s.missing.interpretation ?? 'the interpretation stage did not run'}`);
  const mi = interp.statements.filter((st) => st.category === 'infarction');
  const evidence: AnswerEvidence[] = mi.map((st) => ({ ecgIndex, kind: 'statement', name: st.code, lead: null, value: st.certainty, unit: null, text: st.text }));
  const stageOf = (st: Statement) => (st.qualifiers?.includes('acute') || /acute|early|injury/i.test(st.text) ? 'early stage of myocardial infarction' : /recent|middle/i.test(st.text) ? 'middle stage of myocardial infarction' : /\bold\b|chronic|prior/i.test(st.text) ? 'old stage of myocardial infarction' : 'unknown stage of myocardial infarction');
  const stages = [...new Set(mi.map(stageOf))];
  if (intent.questionType === 'single-verify') return yesNo(intent.attributes.length ? stages.some((x) => intent.attributes.includes(x)) : mi.length > 0, mi.length ? `Infarction statements: ${mi.map((x) => x.text).join('; ')}.` : 'No infarction statement.', evidence);
  return { status: 'answered', answer: stages.length ? stages : ['none'], text: mi.length ? `Infarction statements: ${mi.map((x) => x.text).join('; ')}.` : 'No infarction statement.', reason: null, evidence };
}
