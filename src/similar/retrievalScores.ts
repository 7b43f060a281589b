/**
 * Retrieval scores for a ranked list (nearest first): precision@k, average precision (for mAP),
 * nDCG@k with graded relevance, and recall@k. Browser-safe.
 */

/**
 * Fraction of the first k results that are relevant.
 *
 * @example precisionAtK([true, false, true], 2) // 0.5
 */
export function precisionAtK(relevant: boolean[], k: number): number {
  let hits = 0;
  for (let i = 0; i < k && i < relevant.length; i++) if (relevant[i]) hits++;
  return hits / k;
}

/**
 * Average precision over the whole ranking (relevant items' precision at their ranks, averaged);
 * null when nothing is relevant.
 *
 * @example averagePrecision([true, false, true]) // (1 + 2/3) / 2
 */
export function averagePrecision(relevant: boolean[]): number | null {
  let hits = 0;
  let sum = 0;
  relevant.forEach((r, i) => {
    if (r) sum += ++hits / (i + 1);
  });
  return hits ? sum / hits : null;
}

/**
 * Normalised discounted cumulative gain at k (gain / log2(rank + 1)); `allGains` are the gains of
 * every candidate (for the ideal ordering). Null when every gain is 0.
 *
 * @example ndcgAtK([0.5, 0, 1], [1, 0.5, 0], 3)
 */
export function ndcgAtK(rankedGains: number[], allGains: number[], k: number): number | null {
  const dcg = (g: number[]) => g.slice(0, k).reduce((s, x, i) => s + x / Math.log2(i + 2), 0);
  const ideal = dcg([...allGains].sort((a, b) => b - a));
  return ideal > 0 ? dcg(rankedGains) / ideal : null;
}

/**
 * Jaccard overlap of two label sets.
 *
 * @example jaccard(['NORM', 'SR'], ['SR']) // 0.5
 */
export function jaccard(a: string[], b: string[]): number {
  const sa = new Set(a);
  const sb = new Set(b);
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  const union = sa.size + sb.size - inter;
  return union ? inter / union : 0;
}
