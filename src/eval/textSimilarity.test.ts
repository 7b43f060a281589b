import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bleu4, lcsLength, rougeL, textTokens } from './textSimilarity.js';

test('textTokens keeps German words and drops punctuation', () => {
  assert.deepEqual(textTokens('Sinusrhythmus, Überdrehter Linkstyp. QRS 120ms'), ['sinusrhythmus', 'überdrehter', 'linkstyp', 'qrs', '120ms']);
});

test('BLEU-4 is 1 for identical text, 0 without a common 4-gram, and has the brevity penalty of its definition', () => {
  const a = textTokens('sinus rhythm left axis deviation normal ecg');
  assert.equal(bleu4([a], [a]), 1);
  assert.equal(bleu4([textTokens('a b c d')], [textTokens('d c b a')]), 0);
  // Candidate is the first 4 of 8 reference tokens: all precisions 1, BP = exp(1 - 8/4).
  const ref = textTokens('one two three four five six seven eight');
  assert.ok(Math.abs(bleu4([ref.slice(0, 4)], [ref]) - Math.exp(-1)) < 1e-12);
});

test('ROUGE-L F1 from the longest common subsequence (Lin 2004)', () => {
  assert.equal(lcsLength(['a', 'b', 'c', 'd'], ['a', 'c', 'd']), 3);
  // LCS 2, P = 2/2, R = 2/3, F1 = 0.8.
  assert.ok(Math.abs(rougeL(['sinus', 'rhythm'], ['sinus', 'rhythm', 'normal']) - 0.8) < 1e-12);
  assert.equal(rougeL([], ['x']), 0);
});
