import { CATALOGUE } from '../interpret/catalogue.js';
import { SCP_STATEMENTS } from '../interpret/scpStatements.js';
import { questionLexicon, type QuestionLexicon } from './questionLexicon.js';

let cached: QuestionLexicon | null = null;

/**
 * The question lexicon with every statement of the statement catalogue (its English and German
 * text and PTB-XL's description of the code) beside the everyday synonyms; built once.
 *
 * @example parseQuestion('Is there a complete left bundle branch block?', catalogueQuestionLexicon()).attributes // ['CLBBB']
 */
export function catalogueQuestionLexicon(): QuestionLexicon {
  cached ??= questionLexicon(
    Object.values(CATALOGUE).map((e) => ({ code: e.code, texts: [e.text.en, e.text.de, ...(SCP_STATEMENTS[e.code] ? [SCP_STATEMENTS[e.code].description] : [])] })),
  );
  return cached;
}
