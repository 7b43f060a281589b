/** The summary line 12-lead programs print under their statements: normal, otherwise normal, borderline, abnormal. */
import { statementText } from './catalogue.js';
import type { InterpretInput } from './interpretInput.js';
import type { RhythmStatement, Statement, SummaryClass } from './types.js';

const STANDARD_LEADS = 12;

/**
 * The summary class and its text, and (in `norm`) why NORM is stated when it is: a sinus rhythm, no
 * borderline or abnormal statement, and an adequate 12-lead recording.
 *
 * @example summaryOf(rhythm, statements, null, input).class // 'otherwise_normal'
 */
export function summaryOf(rhythm: RhythmStatement | null, statements: Statement[], blocker: string | null, input: InterpretInput): { class: SummaryClass; text: string; norm: string | null } {
  if (blocker) return { class: 'undetermined', text: `Cannot be interpreted: ${blocker}`, norm: null };
  if (!rhythm && statements.length === 0) return { class: 'undetermined', text: 'Cannot be interpreted: the rhythm cannot be named and nothing else was found', norm: null };
  const worst = (xs: Statement[]) => (xs.some((s) => s.severity === 'abnormal') ? 'abnormal' : xs.some((s) => s.severity === 'borderline') ? 'borderline' : 'normal');
  const other = worst(statements);
  const rhythmSeverity = rhythm ? worst([rhythm]) : 'borderline';
  const leads = input.measurements?.leads.length ?? 0;
  const adequate = leads >= STANDARD_LEADS && input.quality?.verdict !== 'unusable';
  if (other === 'abnormal' || rhythmSeverity === 'abnormal') return { class: 'abnormal', text: 'Abnormal ECG', norm: null };
  if (adequate && rhythm && ['SR', 'SARRH', 'SBRAD', 'STACH'].includes(rhythm.code)) {
    // NORM: no abnormal finding; borderline findings (a long P, a QRS of 110-119 ms, an axis at the
    // limit) leave the ECG normal in PTB-XL's sense and make the summary 'borderline'.
    const borderline = statements.filter((s) => s.severity === 'borderline').map((s) => s.text);
    const norm = `${statementText(rhythm.code, 'en')}, no abnormal finding in ${leads} leads${borderline.length ? ` (borderline: ${borderline.join(', ')})` : ''}`;
    if (other === 'borderline') return { class: 'borderline', text: 'Borderline ECG', norm };
    return rhythmSeverity === 'normal'
      ? { class: 'normal', text: 'Normal ECG', norm }
      : { class: 'otherwise_normal', text: `${statementText(rhythm.code, 'en').replace(/^./, (c) => c.toUpperCase())}, otherwise normal ECG`, norm };
  }
  return { class: 'borderline', text: other === 'normal' && !adequate ? `Borderline ECG (${leads} leads measured, ${STANDARD_LEADS} needed to call it normal)` : 'Borderline ECG', norm: null };
}
