import { CATALOGUE, statementText } from '../interpret/catalogue.js';
import type { StatementLanguage, StatementQualifier } from '../interpret/types.js';

/**
 * A statement's text in `lang`, from the statement catalogue (the one statement-to-text table),
 * with its qualifiers; the statement's own text when the catalogue has no entry for its code.
 *
 * @example statementWording({ code: 'SBRAD', text: 'sinus bradycardia' }, 'de') // 'Sinusbradykardie'
 */
export function statementWording(st: { code: string; text: string; qualifiers?: readonly StatementQualifier[] }, lang: StatementLanguage): string {
  return CATALOGUE[st.code] ? statementText(st.code, lang, st.qualifiers ?? []) : st.text;
}
