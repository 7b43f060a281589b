import { CATALOGUE } from '../interpret/catalogue.js';
import { SCP_STATEMENTS } from '../interpret/scpStatements.js';
import { textTokens } from './textSimilarity.js';

/**
 * Wordings of SCP statements in English and German ECG reports beyond the catalogue's own text
 * (the phrasing of PTB-XL's reports and of cart printouts), for reading report text back to codes.
 */
const REPORT_PHRASES: Array<[string, string]> = [
  ['normal ecg', 'NORM'], ['normales ekg', 'NORM'], ['otherwise normal ecg', 'NORM'], ['sonst normales ekg', 'NORM'], ['normal ekg', 'NORM'],
  ['sinus rhythm', 'SR'], ['sinusrhythmus', 'SR'], ['sinus arrhythmia', 'SARRH'], ['sinus arrhythmie', 'SARRH'], ['sinusarrhythmie', 'SARRH'],
  ['sinus bradycardia', 'SBRAD'], ['sinusbradykardie', 'SBRAD'], ['sinus tachycardia', 'STACH'], ['sinustachykardie', 'STACH'],
  ['atrial fibrillation', 'AFIB'], ['vorhofflimmern', 'AFIB'], ['atrial flutter', 'AFLT'], ['vorhofflattern', 'AFLT'],
  ['pacemaker', 'PACE'], ['schrittmacher', 'PACE'],
  ['left bundle branch block', 'CLBBB'], ['linksschenkelblock', 'CLBBB'], ['right bundle branch block', 'CRBBB'], ['rechtsschenkelblock', 'CRBBB'],
  ['incomplete right bundle branch block', 'IRBBB'], ['inkompletter rechtsschenkelblock', 'IRBBB'], ['inkompletter rechtsschenkelblock', 'IRBBB'],
  ['left anterior fascicular block', 'LAFB'], ['left anterior hemiblock', 'LAFB'], ['linksanteriorer hemiblock', 'LAFB'],
  ['first degree av block', '1AVB'], ['av block i', '1AVB'], ['av block 1', '1AVB'],
  ['low voltage', 'LVOLT'], ['low limb lead voltage', 'LVOLT'], ['niederspannung', 'LVOLT'], ['periphere niederspannung', 'LVOLT'], ['niedervoltage', 'LVOLT'],
  ['left ventricular hypertrophy', 'LVH'], ['linksherzhypertrophie', 'LVH'], ['linkshypertrophie', 'LVH'], ['lv hypertrophy', 'LVH'],
  ['left atrial enlargement', 'LAO/LAE'], ['ventricular premature', 'PVC'], ['premature ventricular contraction', 'PVC'], ['ventrikuläre extrasystole', 'PVC'], ['ventrikuläre extrasystolen', 'PVC'], ['ves', 'PVC'],
  ['atrial premature', 'PAC'], ['supraventrikuläre extrasystole', 'PAC'], ['supraventrikuläre extrasystolen', 'PAC'], ['sves', 'PAC'],
  ['inferior myocardial infarction', 'IMI'], ['inferiorer infarkt', 'IMI'], ['hinterwandinfarkt', 'IMI'], ['anterior myocardial infarction', 'AMI'], ['vorderwandinfarkt', 'AMI'],
  ['anteroseptal myocardial infarction', 'ASMI'], ['anteroseptaler infarkt', 'ASMI'], ['septal infarct', 'ASMI'],
  ['non specific st changes', 'NST_'], ['nonspecific st', 'NST_'], ['unspezifische st', 'NST_'], ['st depression', 'STD_'], ['st senkung', 'STD_'], ['st elevation', 'STE_'], ['st hebung', 'STE_'],
  ['prolonged qt', 'LNGQT'], ['qt verlängerung', 'LNGQT'], ['long qt', 'LNGQT'], ['left axis deviation', 'LAD'], ['überdrehter linkstyp', 'LAD'], ['right axis deviation', 'RAD'], ['rechtstyp', 'RAD'],
];

/** A phrase -> code dictionary as token lists, longest first. */
export type StatementDictionary = Array<{ tokens: string[]; code: string }>;

/**
 * The statement dictionary: every catalogue statement's English and German text and PTB-XL's
 * description of its code, plus the report wordings above; longest phrases first.
 *
 * @example statementDictionary().length > 100
 */
export function statementDictionary(): StatementDictionary {
  const pairs: Array<[string, string]> = [...REPORT_PHRASES];
  for (const e of Object.values(CATALOGUE)) {
    pairs.push([e.text.en, e.code], [e.text.de, e.code]);
    const row = SCP_STATEMENTS[e.code];
    if (row) pairs.push([row.description, e.code]);
  }
  const seen = new Set<string>();
  const dict: StatementDictionary = [];
  for (const [p, code] of pairs) {
    const tokens = textTokens(p);
    const key = tokens.join(' ');
    if (tokens.length === 0 || seen.has(key)) continue;
    seen.add(key);
    dict.push({ tokens, code });
  }
  return dict.sort((a, b) => b.tokens.length - a.tokens.length);
}

/**
 * The SCP codes a report text states, read with the statement dictionary: at each position the
 * longest phrase that matches, phrases not overlapping.
 *
 * @example statementCodesInText('Sinusrhythmus. Linksschenkelblock.', statementDictionary()) // Set { 'SR', 'CLBBB' }
 */
export function statementCodesInText(text: string, dict: StatementDictionary): Set<string> {
  const t = textTokens(text);
  const codes = new Set<string>();
  for (let i = 0; i < t.length; ) {
    const hit = dict.find((d) => d.tokens.every((w, k) => t[i + k] === w));
    if (hit) {
      codes.add(hit.code);
      i += hit.tokens.length;
    } else i++;
  }
  return codes;
}
