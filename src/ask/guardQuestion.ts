import { SinusError } from '../errors.js';

/** Longest question accepted, in characters (a long clinical question is a few hundred). */
export const MAX_QUESTION_CHARS = 1000;

const INJECTION_PATTERNS: RegExp[] = [
  /\b(ignore|disregard|forget|override)\b.{0,40}\b(instruction|instructions|rules|previous|above|prompt|system)\b/i,
  /\b(system|developer)\s*prompt\b/i,
  /\byou are (now|no longer)\b/i,
  /\bact as\b|\bpretend (to be|you)\b|\bjailbreak\b/i,
  /<\s*\/?\s*(script|iframe|img|svg|object)\b/i,
  /\b(drop|delete|truncate)\s+table\b|;\s*--|\bunion\s+select\b/i,
  /\b(rm\s+-rf|sudo|curl\s+http|wget\s+http|process\.env|require\s*\()/i,
  /\{\{.*\}\}|\$\{.*\}/,
];

/**
 * Checks a question before parsing: a string, not empty, at most {@link MAX_QUESTION_CHARS}
 * characters, no control characters, and no attempt to instruct the program instead of asking
 * about the ECG (prompt injection, markup, SQL or shell). Returns the trimmed question.
 *
 * @throws SinusError BAD_ARGUMENT with the reason.
 * @example guardQuestion('  what is the QTc? ') // 'what is the QTc?'
 */
export function guardQuestion(question: unknown): string {
  if (typeof question !== 'string') throw new SinusError('BAD_ARGUMENT', 'question must be text');
  const q = question.trim();
  if (q.length === 0) throw new SinusError('BAD_ARGUMENT', 'question is empty');
  if (q.length > MAX_QUESTION_CHARS) throw new SinusError('BAD_ARGUMENT', `question is ${q.length} characters long; at most ${MAX_QUESTION_CHARS} are accepted`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(q)) throw new SinusError('BAD_ARGUMENT', 'question contains control characters');
  for (const p of INJECTION_PATTERNS) {
    if (p.test(q)) throw new SinusError('BAD_ARGUMENT', 'refused: the text gives instructions or code instead of asking about the ECG; sinus answers only questions about the recording');
  }
  return q;
}
