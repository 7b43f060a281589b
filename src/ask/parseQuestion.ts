import { SinusError } from '../errors.js';
import { correctTypos } from './correctTypos.js';
import { guardQuestion } from './guardQuestion.js';
import { LEAD_ALIASES, normalizePhrase, questionLexicon, type QuestionLexicon } from './questionLexicon.js';
import type { AttributeType, FeatureChange, QuestionIntent, QuestionType } from './types.js';

const DEFAULT_LEXICON = questionLexicon();

/** A phrase list indexed by first word, longest phrases first; built once per list. */
type PhraseIndex<T> = Map<string, Array<{ words: string[]; phrase: string; value: T }>>;
const INDEXES = new WeakMap<object, PhraseIndex<unknown>>();

function phraseIndex<T>(list: ReadonlyArray<[string, T]>): PhraseIndex<T> {
  let idx = INDEXES.get(list) as PhraseIndex<T> | undefined;
  if (!idx) {
    idx = new Map();
    for (const [phrase, value] of list) {
      const words = phrase.split(' ');
      const arr = idx.get(words[0]) ?? [];
      arr.push({ words, phrase, value });
      idx.set(words[0], arr);
    }
    for (const arr of idx.values()) arr.sort((a, b) => b.words.length - a.words.length || b.phrase.length - a.phrase.length);
    INDEXES.set(list, idx as PhraseIndex<unknown>);
  }
  return idx;
}

/** Phrases found in a word list, left to right, the longest at each position, none overlapping another. */
function findPhrases<T>(words: readonly string[], list: ReadonlyArray<[string, T]>): Array<{ value: T; at: number; phrase: string }> {
  const idx = phraseIndex(list);
  const found: Array<{ value: T; at: number; phrase: string }> = [];
  for (let i = 0; i < words.length; ) {
    const hit = idx.get(words[i])?.find((c) => c.words.every((w, k) => words[i + k] === w));
    if (hit) {
      found.push({ value: hit.value, at: i, phrase: hit.phrase });
      i += hit.words.length;
    } else i++;
  }
  return found;
}

const LEADISH = /^(v\d{1,2}|av[a-z]|i{1,3}|iv|v|vi|\d{1,2}|[a-z]\d{1,2})$/;

/** Leads named in the question ('lead V1', 'leads II, III and aVF', 'in V2-V4', bare 'aVL'). */
function leadsIn(words: readonly string[]): string[] {
  const leads: string[] = [];
  const add = (l: string) => { if (!leads.includes(l)) leads.push(l); };
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const afterLeadWord = i > 0 && (words[i - 1] === 'lead' || words[i - 1] === 'leads' || words[i - 1] === 'and' || (words[i - 1] === 'or' && leads.length > 0) || LEAD_ALIASES.has(words[i - 1]) && leads.length > 0);
    const known = LEAD_ALIASES.get(w);
    if (known && (afterLeadWord || /^(v\d|av[rlf])$/.test(w))) {
      if (/^\d$/.test(w) && !afterLeadWord) continue;
      add(known);
    } else if (i > 0 && (words[i - 1] === 'lead' || words[i - 1] === 'leads') && LEADISH.test(w) && !known) {
      throw new SinusError('BAD_ARGUMENT', `unknown lead "${w}" in the question; leads are I, II, III, aVR, aVL, aVF, V1-V6`);
    }
  }
  return leads;
}

const NORMAL_WORDS = /\b(normal|typical|standard|stable|regular|usual|healthy|within)\b/;
const ABNORMAL_WORDS = /\b(abnormal|abnormally|atypical|unusual|irregular|anomalous|deviate|deviates|deviating|outside|out of|not normal|not within)\b/;

function changeIn(text: string): FeatureChange | null {
  if (/\b(still|remain|remains|remained|continue|continues|persist|persists|persistent)\b/.test(text)) return 'still_abnormal';
  if (/\babnormal to (normal|typical|standard)\b|\bback to\b|\bnormali[sz]ed\b|\bresolved\b/.test(text)) return 'became_normal';
  if (ABNORMAL_WORDS.test(text)) return 'became_abnormal';
  if (NORMAL_WORDS.test(text)) return 'became_normal';
  if (/\b(widen|widened|widening|wider|longer|lengthen|lengthened|prolonged|increase|increased|rise|risen|rose|higher|faster)\b/.test(text)) return 'increased';
  if (/\b(narrow|narrowed|narrower|shorter|shortened|decrease|decreased|fell|fall|lower|slower|drop|dropped)\b/.test(text)) return 'decreased';
  return null;
}

function questionTypeOf(words: readonly string[], text: string, two: boolean, consecutive: boolean, choose: boolean): QuestionType {
  const verify = /^(does|do|did|is|are|was|were|has|have|had|can|could|will|would|should|may|might)\b/.test(text) || /\b(is|are) there\b/.test(text) || /^(any|show)\b/.test(text);
  if (two) return `comparison_${consecutive ? 'consecutive' : 'irrelevant'}-${verify && !/^(what|which)\b/.test(text) ? 'verify' : 'query'}` as QuestionType;
  if (/\bwhich leads?\b|\bin which leads?\b|\bwhat leads?\b/.test(text)) return 'single-leads';
  if (choose) return 'single-choose';
  if (/^(what|how)\b/.test(text) && /\b(value|how long|how wide|how fast|how slow|what is the|what s the|whats the|what was the|measure|measured)\b/.test(text) && !/\b(features|attributes|abnormal|symptoms|statements|findings|kind|type|noises?)\b/.test(text)) return 'single-value';
  if (verify) return 'single-verify';
  return words.length > 0 ? 'single-query' : 'single-verify';
}

/**
 * Parses a free-text question about one or two ECGs into a {@link QuestionIntent}: question type
 * (ECG-QA's verify/choose/query, comparison of consecutive or unrelated ECGs, or a plain "what is"
 * / "which leads" question), attribute type and attributes, leads and which ECG. Typos are
 * corrected against the lexicon; paraphrases are handled by synonyms and cue words, not templates.
 *
 * @throws SinusError BAD_ARGUMENT for empty, oversized or hostile text, unknown lead names, or a question about nothing sinus knows.
 * @example parseQuestion('Does this ECG show static noise in lead aVL?').attributes // ['static noise']
 */
export function parseQuestion(question: string, lexicon: QuestionLexicon = DEFAULT_LEXICON): QuestionIntent {
  const q = guardQuestion(question);
  const raw = normalizePhrase(q.replace(/\bq\s*t\s*c\b/gi, 'qtc').replace(/\ba\s*v\s*([rlf])\b/gi, 'av$1'));
  const { words, corrections } = correctTypos(raw.split(' ').filter(Boolean), lexicon.vocabulary);
  const text = words.join(' ');
  const leads = leadsIn(words);
  const two = /\b(second|first|previous|prior|earlier|former|latter|older|newer|both|two) (ecg|ecgs|electrocardiogram|electrocardiograms|recording|recordings|tracing|one|record)\b|\b(compared|comparison|comparing|since|relative to|in contrast|versus|vs)\b/.test(text);
  const consecutive = /\b(previous|prior|earlier|since|consecutive|follow up|last|older|before)\b/.test(text);
  const ecg: QuestionIntent['ecg'] = !two ? 'first' : /\bfirst\b/.test(text) && !/\bsecond\b/.test(text) ? 'first' : 'second';

  const noise = findPhrases(words, lexicon.noise);
  const features = findPhrases(words, lexicon.features);
  const axis = findPhrases(words, lexicon.axis);
  const extra = findPhrases(words, lexicon.extraSystoles);
  const stage = findPhrases(words, lexicon.infarctionStage);
  const statements = findPhrases(words, lexicon.statements);
  const uniq = <T>(xs: Array<{ value: T }>): T[] => [...new Set(xs.map((x) => x.value))];

  let attributeType: AttributeType;
  let attributes: string[];
  const numericWords = /\b(numeric|numerical|features|feature|measurements|values|attributes|parameters|metrics|intervals)\b/.test(text);
  if (noise.length > 0 && !(statements.length > 0 && noise.every((n) => n.value === 'any kind of noises') && !/\bnois/.test(text))) {
    attributeType = 'noise';
    attributes = uniq(noise).filter((n, _, all) => n !== 'any kind of noises' || all.length === 1);
  } else if (stage.length > 0 && /\b(stage|infarction|mi)\b/.test(text) && stage.some((s) => s.value === 'stage' || /\bstage\b/.test(text))) {
    attributeType = 'stage_of_infarction';
    attributes = uniq(stage).filter((s) => s !== 'stage');
  } else if (extra.length > 0 && (/\bextra|ectopic|premature\b/.test(text) || statements.length === 0)) {
    attributeType = 'extra_systole';
    attributes = uniq(extra);
  } else if (axis.length > 0 && (/\baxis\b/.test(text) || axis.some((a) => a.value !== 'heart axis'))) {
    attributeType = 'heart_axis';
    attributes = uniq(axis).filter((a) => a !== 'heart axis');
  } else if (features.length > 0 && (numericWords || statements.length === 0 || features.some((f) => f.phrase.split(' ').length > 1))) {
    attributeType = features.length > 0 && (/\b(normal range|range|above|below|within|abnormal|normal)\b/.test(text) || two) ? 'numeric_feature' : 'measurement';
    attributes = uniq(features);
  } else if (numericWords && two) {
    attributeType = 'numeric_feature';
    attributes = [];
  } else if (statements.length > 0) {
    attributeType = 'scp_code';
    attributes = uniq(statements);
  } else {
    throw new SinusError('BAD_ARGUMENT', `could not find what the question asks about; sinus answers about rhythm and statements (e.g. AF, LBBB), measurements (RR, P, PR, QRS, QT, QTc, axis), noise per lead, extra systoles and infarction stage`);
  }
  if (attributeType === 'measurement' && features.length > 0 && /^(is|are|does|do)\b/.test(text) && /\b(normal|abnormal|prolonged|long|short|wide)\b/.test(text)) attributeType = 'numeric_feature';
  const change = two ? changeIn(text) : null;
  const range = /\babove\b|\bhigh(er)?\b|\bprolonged\b|\blong\b/.test(text) ? 'above' : /\bbelow\b|\blow(er)?\b|\bshort\b/.test(text) ? 'below' : /\bwithin\b|\bnormal range\b/.test(text) ? 'within' : null;
  const choose = /\bor\b/.test(text) && attributes.length >= 2;
  const questionType = questionTypeOf(words, text, two, consecutive, choose);
  return { questionType, attributeType, attributes, leads, ecg, change, range, corrections };
}
