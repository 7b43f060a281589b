/**
 * Questions generated for PTB-XL ecg_id 1-350 the way ECG-QA derives its answers from PTB-XL's labels
 * (scp_codes, extra_beats, infarction_stadium1), for the attribute types the shared ECG-QA subset lacks.
 * ECG-QA's template wording (its type1QA_templates.csv) is not available here, so the wording is
 * sinus's own, two phrasings per template, and the template ids are negative to keep them apart from
 * ECG-QA's. Attribute names are ECG-QA's (its `category_to_name` for SCP codes). Bench only.
 */
import type { PtbxlRow } from './ptbxlAnalyses.js';
import { scpCodes } from './ptbxlAnalyses.js';

export interface GeneratedQa {
  template_id: number;
  question_type: string;
  attribute_type: string;
  question: string;
  answer: string[];
  ecg_id: number[];
  attribute: string[] | null;
}

/** SCP codes asked about, with ECG-QA's names for them. */
const SCP_NAMES: Record<string, string> = {
  NORM: 'normal ecg', SR: 'sinus rhythm', AFIB: 'atrial fibrillation', SBRAD: 'sinus bradycardia', STACH: 'sinus tachycardia',
  SARRH: 'sinus arrhythmia', CLBBB: 'complete left bundle branch block', CRBBB: 'complete right bundle branch block',
  IRBBB: 'incomplete right bundle branch block', '1AVB': 'first degree av block', LAFB: 'left anterior fascicular block',
  LVH: 'left ventricular hypertrophy', IMI: 'myocardial infarction in inferior leads', ASMI: 'myocardial infarction in anteroseptal leads',
  PVC: 'ventricular premature complex', LVOLT: 'low qrs voltages in the frontal and horizontal leads', PACE: 'normal functioning artificial pacemaker',
};

/** A stable pseudo-random choice (no RNG state): true for about half of (id, code) pairs. */
const pick = (id: number, code: string) => [...`${id}:${code}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 7 === 0;

/**
 * The generated questions: per record, a verify question for every listed SCP code it carries and for
 * about one in seven it does not; an extra-systole verify question; an infarction-stage query.
 *
 * @example generatedQuestions(rows).length
 */
export function generatedQuestions(rows: ReadonlyMap<number, PtbxlRow>): GeneratedQa[] {
  const out: GeneratedQa[] = [];
  for (const [id, row] of rows) {
    const codes = scpCodes(row);
    let k = 0;
    for (const [code, name] of Object.entries(SCP_NAMES)) {
      const has = codes.has(code);
      if (!has && !pick(id, code)) continue;
      const question = k++ % 2 === 0 ? `Does this ECG show symptoms of ${name}?` : `Is there ${name} in this ECG?`;
      out.push({ template_id: -1, question_type: 'single-verify', attribute_type: 'scp_code', question, answer: [has ? 'yes' : 'no'], ecg_id: [id], attribute: [name] });
    }
    const extra = row.extra_beats.trim().toUpperCase();
    const v = /(^|[^S])VES/.test(extra);
    const sv = /SVES/.test(extra);
    const any = extra.length > 0;
    out.push({ template_id: -2, question_type: 'single-verify', attribute_type: 'extra_systole', question: id % 2 ? 'Does this ECG show extrasystoles?' : 'Are there any extra systoles in this recording?', answer: [any ? 'yes' : 'no'], ecg_id: [id], attribute: ['extrasystoles'] });
    out.push({ template_id: -3, question_type: 'single-query', attribute_type: 'extra_systole', question: id % 2 ? 'What kind of extrasystoles does this ECG show?' : 'Which extra systoles are present in this ECG?', answer: v || sv ? [...(v ? ['ventricular extrasystoles'] : []), ...(sv ? ['supraventricular extrasystoles'] : [])] : any ? ['extrasystoles'] : ['none'], ecg_id: [id], attribute: null });
    const st = row.infarction_stadium1.trim();
    const stage = st === '' ? 'none' : /^Stadium I$/.test(st) ? 'early stage of myocardial infarction' : /^Stadium II$/.test(st) ? 'middle stage of myocardial infarction' : /^Stadium III$|II-III/.test(st) ? 'old stage of myocardial infarction' : 'unknown stage of myocardial infarction';
    out.push({ template_id: -4, question_type: 'single-query', attribute_type: 'stage_of_infarction', question: id % 2 ? 'What stage of myocardial infarction does this ECG show?' : 'Which infarction stage is seen on this ECG?', answer: [stage], ecg_id: [id], attribute: null });
  }
  return out;
}
