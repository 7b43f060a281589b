import { questionLexicon, type QuestionLexicon } from './questionLexicon.js';

let cached: QuestionLexicon | null = null;

/**
 * The question lexicon with every statement of the statement catalogue (its English and German
 * text and PTB-XL description) beside the everyday synonyms; built once.
 *
 * @example parseQuestion('Is there a complete left bundle branch block?', catalogueQuestionLexicon())
 */
export function catalogueQuestionLexicon(): QuestionLexicon {
  cached ??= questionLexicon([]);
  return cached;
}
