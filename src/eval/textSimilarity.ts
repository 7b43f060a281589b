/**
 * Text-similarity metrics for generated reports: corpus BLEU-4 (Papineni et al., ACL 2002: clipped
 * n-gram precisions 1-4, geometric mean, brevity penalty over the corpus; one reference per
 * candidate) and ROUGE-L (Lin, 2004: longest common subsequence, F1 of LCS precision and recall,
 * averaged over pairs). Tokens are lower-case runs of letters and digits (umlauts kept).
 */

/**
 * Lower-case word tokens of a text.
 *
 * @example textTokens('Sinusrhythmus, Linkstyp.') // ['sinusrhythmus', 'linkstyp']
 */
export function textTokens(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9äöüß]+/g) ?? [];
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const k = tokens.slice(i, i + n).join(' ');
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/**
 * Corpus BLEU-4 of candidate token lists against one reference each, in [0, 1]; 0 when any n-gram
 * order has no match (no smoothing, as corpus BLEU is usually reported).
 *
 * @example bleu4([['a', 'b', 'c', 'd']], [['a', 'b', 'c', 'd']]) // 1
 */
export function bleu4(candidates: ReadonlyArray<readonly string[]>, references: ReadonlyArray<readonly string[]>): number {
  if (candidates.length !== references.length) throw new Error('bleu4: one reference per candidate');
  const matched = [0, 0, 0, 0];
  const total = [0, 0, 0, 0];
  let candLen = 0;
  let refLen = 0;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i];
    const r = references[i];
    candLen += c.length;
    refLen += r.length;
    for (let n = 1; n <= 4; n++) {
      const cc = ngramCounts(c, n);
      const rc = ngramCounts(r, n);
      for (const [k, v] of cc) matched[n - 1] += Math.min(v, rc.get(k) ?? 0);
      total[n - 1] += Math.max(0, c.length - n + 1);
    }
  }
  if (candLen === 0 || matched.some((m) => m === 0)) return 0;
  const logP = matched.reduce((s, m, k) => s + Math.log(m / total[k]), 0) / 4;
  const bp = candLen > refLen ? 1 : Math.exp(1 - refLen / candLen);
  return bp * Math.exp(logP);
}

/**
 * Length of the longest common subsequence of two token lists.
 *
 * @example lcsLength(['a', 'b', 'c'], ['a', 'c']) // 2
 */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return prev[b.length];
}

/**
 * ROUGE-L F1 of one candidate against one reference, in [0, 1] (0 when either is empty).
 *
 * @example rougeL(['sinus', 'rhythm'], ['sinus', 'rhythm', 'normal']) // 0.8
 */
export function rougeL(candidate: readonly string[], reference: readonly string[]): number {
  const l = lcsLength(candidate, reference);
  if (l === 0) return 0;
  const p = l / candidate.length;
  const r = l / reference.length;
  return (2 * p * r) / (p + r);
}
