import type { NoiseType, NumericFeature } from './types.js';

/**
 * The words questions use for each concept sinus can answer about: phrases (lower case, single
 * spaces) mapped to a canonical attribute. Statement phrases come from the statement catalogue
 * (see `questionLexicon`), the rest from ECG-QA's attribute names and their usual synonyms.
 */
export interface QuestionLexicon {
  noise: Array<[string, NoiseType]>;
  features: Array<[string, NumericFeature]>;
  axis: Array<[string, string]>;
  extraSystoles: Array<[string, string]>;
  infarctionStage: Array<[string, string]>;
  /** Phrase -> SCP statement code. */
  statements: Array<[string, string]>;
  /** Every word of every phrase, for typo correction. */
  vocabulary: Set<string>;
}

/** Canonical lead names by the spellings questions use. */
export const LEAD_ALIASES: ReadonlyMap<string, string> = new Map([
  ...['i', 'ii', 'iii', 'v1', 'v2', 'v3', 'v4', 'v5', 'v6'].map((l) => [l, l.toUpperCase()] as [string, string]),
  ['avr', 'aVR'], ['avl', 'aVL'], ['avf', 'aVF'], ['1', 'I'], ['2', 'II'], ['3', 'III'],
]);

const NOISE: Array<[string, NoiseType]> = [
  ['static noise', 'static noise'], ['static', 'static noise'], ['constant noise', 'static noise'], ['continuous noise', 'static noise'],
  ['burst noise', 'burst noise'], ['burst', 'burst noise'], ['bursts', 'burst noise'], ['noise bursts', 'burst noise'], ['sudden noise', 'burst noise'], ['spikes of noise', 'burst noise'],
  ['baseline drift', 'baseline drift'], ['baseline wander', 'baseline drift'], ['baseline wandering', 'baseline drift'], ['wandering baseline', 'baseline drift'], ['drifting baseline', 'baseline drift'], ['baseline shift', 'baseline drift'], ['drift', 'baseline drift'],
  ['electrodes problems', 'electrodes problems'], ['electrode problems', 'electrodes problems'], ['electrode problem', 'electrodes problems'], ['electrode issues', 'electrodes problems'], ['electrodes issues', 'electrodes problems'], ['electrode issue', 'electrodes problems'], ['electrode', 'electrodes problems'], ['electrodes', 'electrodes problems'], ['lead off', 'electrodes problems'], ['loose lead', 'electrodes problems'],
  ['any kind of noises', 'any kind of noises'], ['any kind of noise', 'any kind of noises'], ['noises', 'any kind of noises'], ['noise', 'any kind of noises'], ['noisy', 'any kind of noises'], ['interference', 'any kind of noises'], ['artifact', 'any kind of noises'], ['artifacts', 'any kind of noises'], ['artefact', 'any kind of noises'], ['artefacts', 'any kind of noises'], ['distortion', 'any kind of noises'], ['distortions', 'any kind of noises'], ['disturbance', 'any kind of noises'], ['disturbances', 'any kind of noises'],
];

const FEATURES: Array<[string, NumericFeature]> = [
  ['rr interval', 'rr interval'], ['rr intervals', 'rr interval'], ['rr', 'rr interval'], ['r r interval', 'rr interval'], ['heart rate', 'rr interval'], ['rate', 'rr interval'], ['pulse', 'rr interval'],
  ['p duration', 'p duration'], ['p wave duration', 'p duration'], ['p-wave duration', 'p duration'], ['duration of the p wave', 'p duration'], ['p width', 'p duration'],
  ['pr interval', 'pr interval'], ['pr', 'pr interval'], ['pq interval', 'pr interval'], ['pq', 'pr interval'],
  ['qrs duration', 'qrs duration'], ['qrs width', 'qrs duration'], ['qrs complex duration', 'qrs duration'], ['qrs', 'qrs duration'], ['duration of the qrs', 'qrs duration'],
  ['qt corrected', 'qt corrected'], ['corrected qt', 'qt corrected'], ['qtc', 'qt corrected'], ['qt c', 'qt corrected'], ['corrected qt interval', 'qt corrected'], ['qtc interval', 'qt corrected'],
  ['qt interval', 'qt interval'], ['qt', 'qt interval'],
];

const AXIS: Array<[string, string]> = [
  ['left axis deviation', 'left axis deviation'], ['left axis', 'left axis deviation'], ['lad', 'left axis deviation'], ['left deviation', 'left axis deviation'],
  ['right axis deviation', 'right axis deviation'], ['right axis', 'right axis deviation'], ['rad', 'right axis deviation'], ['right deviation', 'right axis deviation'],
  ['extreme axis deviation', 'extreme axis deviation'], ['extreme axis', 'extreme axis deviation'], ['northwest axis', 'extreme axis deviation'], ['no man s land', 'extreme axis deviation'],
  ['normal heart axis', 'normal heart axis'], ['normal axis', 'normal heart axis'],
  ['heart axis', 'heart axis'], ['electrical axis', 'heart axis'], ['qrs axis', 'heart axis'], ['axis', 'heart axis'],
];

const EXTRA_SYSTOLES: Array<[string, string]> = [
  ['ventricular extrasystoles', 'ventricular extrasystoles'], ['ventricular extrasystole', 'ventricular extrasystoles'], ['ventricular premature', 'ventricular extrasystoles'], ['pvc', 'ventricular extrasystoles'], ['pvcs', 'ventricular extrasystoles'], ['ventricular ectopics', 'ventricular extrasystoles'], ['ventricular ectopic beats', 'ventricular extrasystoles'],
  ['supraventricular extrasystoles', 'supraventricular extrasystoles'], ['supraventricular extrasystole', 'supraventricular extrasystoles'], ['atrial premature', 'supraventricular extrasystoles'], ['pac', 'supraventricular extrasystoles'], ['pacs', 'supraventricular extrasystoles'], ['supraventricular premature', 'supraventricular extrasystoles'], ['supraventricular ectopics', 'supraventricular extrasystoles'],
  ['extrasystoles', 'extrasystoles'], ['extrasystole', 'extrasystoles'], ['extra systoles', 'extrasystoles'], ['extra beats', 'extrasystoles'], ['ectopic beats', 'extrasystoles'], ['premature beats', 'extrasystoles'], ['ectopics', 'extrasystoles'], ['premature contractions', 'extrasystoles'],
];

const STAGES: Array<[string, string]> = [
  ['early stage of myocardial infarction', 'early stage of myocardial infarction'], ['early stage', 'early stage of myocardial infarction'], ['acute', 'early stage of myocardial infarction'],
  ['middle stage of myocardial infarction', 'middle stage of myocardial infarction'], ['middle stage', 'middle stage of myocardial infarction'], ['recent', 'middle stage of myocardial infarction'],
  ['old stage of myocardial infarction', 'old stage of myocardial infarction'], ['old stage', 'old stage of myocardial infarction'], ['old', 'old stage of myocardial infarction'], ['chronic', 'old stage of myocardial infarction'],
  ['stage of myocardial infarction', 'stage'], ['stage of infarction', 'stage'], ['infarction stage', 'stage'], ['stage', 'stage'],
];

/**
 * Everyday names for statements, beside the catalogue's own text (which gives the formal names).
 * Keyed by SCP code as in PTB-XL's scp_statements.csv.
 */
const STATEMENT_SYNONYMS: Array<[string, string]> = [
  ['af', 'AFIB'], ['afib', 'AFIB'], ['a fib', 'AFIB'], ['atrial fibrillation', 'AFIB'], ['fibrillation', 'AFIB'],
  ['flutter', 'AFLT'], ['atrial flutter', 'AFLT'],
  ['sinus rhythm', 'SR'], ['normal sinus rhythm', 'SR'], ['sinus bradycardia', 'SBRAD'], ['bradycardia', 'SBRAD'], ['sinus tachycardia', 'STACH'], ['tachycardia', 'STACH'], ['sinus arrhythmia', 'SARRH'],
  ['supraventricular tachycardia', 'SVTAC'], ['svt', 'SVTAC'], ['paced', 'PACE'], ['pacemaker', 'PACE'], ['pacing', 'PACE'],
  ['bigeminy', 'BIGU'], ['bigeminal', 'BIGU'], ['trigeminy', 'TRIGU'],
  ['lbbb', 'CLBBB'], ['left bundle branch block', 'CLBBB'], ['complete left bundle branch block', 'CLBBB'], ['rbbb', 'CRBBB'], ['right bundle branch block', 'CRBBB'], ['complete right bundle branch block', 'CRBBB'],
  ['incomplete rbbb', 'IRBBB'], ['incomplete right bundle branch block', 'IRBBB'], ['incomplete lbbb', 'ILBBB'], ['incomplete left bundle branch block', 'ILBBB'],
  ['lafb', 'LAFB'], ['left anterior fascicular block', 'LAFB'], ['lpfb', 'LPFB'], ['left posterior fascicular block', 'LPFB'],
  ['first degree av block', '1AVB'], ['1st degree av block', '1AVB'], ['first degree heart block', '1AVB'], ['av block', '1AVB'], ['second degree av block', '2AVB'], ['third degree av block', '3AVB'], ['complete heart block', '3AVB'],
  ['wpw', 'WPW'], ['pre excitation', 'WPW'], ['preexcitation', 'WPW'], ['ivcd', 'IVCD'],
  ['lvh', 'LVH'], ['left ventricular hypertrophy', 'LVH'], ['rvh', 'RVH'], ['right ventricular hypertrophy', 'RVH'],
  ['left atrial enlargement', 'LAO/LAE'], ['left atrial abnormality', 'LAO/LAE'], ['right atrial enlargement', 'RAO/RAE'], ['right atrial abnormality', 'RAO/RAE'],
  ['low voltage', 'LVOLT'], ['low qrs voltage', 'LVOLT'], ['high voltage', 'HVOLT'], ['high qrs voltage', 'HVOLT'],
  ['long qt', 'LNGQT'], ['prolonged qt', 'LNGQT'], ['qt prolongation', 'LNGQT'],
  ['st elevation', 'STE_'], ['st elevations', 'STE_'], ['elevated st', 'STE_'], ['st depression', 'STD_'], ['st depressions', 'STD_'], ['depressed st', 'STD_'],
  ['t wave inversion', 'INVT'], ['inverted t waves', 'INVT'], ['inverted t wave', 'INVT'], ['t inversion', 'INVT'], ['negative t waves', 'INVT'],
  ['inferior infarction', 'IMI'], ['inferior mi', 'IMI'], ['inferior myocardial infarction', 'IMI'], ['anterior infarction', 'AMI'], ['anterior mi', 'AMI'], ['anteroseptal infarction', 'ASMI'], ['anteroseptal mi', 'ASMI'], ['lateral infarction', 'LMI'], ['lateral mi', 'LMI'],
  // ECG-QA's names for the infarction codes (its category_to_name).
  ['myocardial infarction in inferior leads', 'IMI'], ['myocardial infarction in anteroseptal leads', 'ASMI'], ['myocardial infarction in anterior leads', 'AMI'],
  ['myocardial infarction in lateral leads', 'LMI'], ['myocardial infarction in anterolateral leads', 'ALMI'], ['myocardial infarction in inferolateral leads', 'ILMI'],
  ['myocardial infarction in inferoposterior leads', 'IPMI'], ['myocardial infarction in inferoposterolateral leads', 'IPLMI'], ['myocardial infarction in posterior leads', 'PMI'],
  ['pvc', 'PVC'], ['pvcs', 'PVC'], ['ventricular premature complex', 'PVC'], ['pac', 'PAC'], ['pacs', 'PAC'], ['atrial premature complex', 'PAC'],
  ['normal ecg', 'NORM'], ['normal', 'NORM'],
];

/**
 * Lower-cases, keeps letters, digits and single spaces.
 *
 * @example normalizePhrase("T-wave in aVL's") // 't wave in avl s'
 */
export function normalizePhrase(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9äöüß]+/g, ' ').trim();
}

/**
 * Builds the question lexicon; `statementTexts` gives each catalogue statement's code and its texts
 * (English and any other language, formal names), which join the everyday synonyms above.
 *
 * @example questionLexicon([{ code: 'CLBBB', texts: ['complete left bundle branch block'] }]).statements.length > 0
 */
export function questionLexicon(statementTexts: ReadonlyArray<{ code: string; texts: readonly string[] }> = []): QuestionLexicon {
  const statements: Array<[string, string]> = [...STATEMENT_SYNONYMS];
  for (const s of statementTexts) for (const t of s.texts) {
    const p = normalizePhrase(t);
    if (p.length >= 3 && !statements.some(([q]) => q === p)) statements.push([p, s.code]);
  }
  const norm = <T>(list: Array<[string, T]>): Array<[string, T]> => list.map(([p, v]) => [normalizePhrase(p), v]);
  const lex: QuestionLexicon = { noise: norm(NOISE), features: norm(FEATURES), axis: norm(AXIS), extraSystoles: norm(EXTRA_SYSTOLES), infarctionStage: norm(STAGES), statements, vocabulary: new Set() };
  for (const list of [lex.noise, lex.features, lex.axis, lex.extraSystoles, lex.infarctionStage, lex.statements]) {
    for (const [p] of list) for (const w of p.split(' ')) lex.vocabulary.add(w);
  }
  for (const w of QUESTION_WORDS) lex.vocabulary.add(w);
  return lex;
}

/** Words of question structure that typo correction may also map to. */
export const QUESTION_WORDS = [
  'does', 'this', 'show', 'there', 'what', 'which', 'leads', 'lead', 'first', 'second', 'previous', 'earlier', 'compared', 'comparison',
  'abnormal', 'normal', 'still', 'become', 'became', 'features', 'numeric', 'numerical', 'range', 'above', 'below', 'within', 'value',
  'present', 'elevation', 'depression', 'widen', 'widened', 'longer', 'shorter', 'increase', 'decrease', 'ecg', 'electrocardiogram',
  'myocardial', 'infarction', 'stage', 'symptom', 'symptoms', 'unusual', 'typical', 'irregular', 'regular', 'remain', 'persist',
];
