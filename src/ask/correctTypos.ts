/** Words never corrected: they are ordinary English and look like lexicon words one edit away. */
const KEEP = new Set([
  'these', 'those', 'then', 'than', 'that', 'have', 'here', 'where', 'were', 'when', 'with', 'from', 'into', 'onto', 'some', 'same',
  'more', 'most', 'less', 'much', 'many', 'also', 'only', 'over', 'under', 'seen', 'seem', 'seems', 'show', 'shows', 'shown',
  'signs', 'sign', 'being', 'been', 'their', 'there', 'they', 'them', 'your', 'ours', 'mean', 'means', 'near', 'next', 'last',
  'while', 'well', 'time', 'tell', 'give', 'list', 'name', 'know', 'need', 'does', 'done', 'made', 'make', 'like', 'look', 'find',
  'found', 'data', 'read', 'reads', 'rate', 'rates', 'case', 'type', 'kind', 'kinds', 'sort', 'form', 'part', 'both', 'each', 'ones', 'state', 'states', 'stable', 'values', 'sure', 'find', 'wave', 'waves',
]);

/** Corrections already worked out, per vocabulary (bounded). */
const MEMO = new WeakMap<ReadonlySet<string>, Map<string, string | null>>();

/**
 * Damerau-Levenshtein (optimal string alignment) distance, stopping early above `max`.
 *
 * @example editDistance('fibrilation', 'fibrillation') // 1
 */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length][b.length];
}

/**
 * Replaces each word that is not in `vocabulary` by the vocabulary word closest to it, when one is
 * close enough (one edit for words of 4-6 letters, two for longer words) and unique at that
 * distance; words under 4 letters, numbers and common English words are left alone.
 *
 * @example correctTypos(['fibrilation'], new Set(['fibrillation'])).words // ['fibrillation']
 */
export function correctTypos(words: readonly string[], vocabulary: ReadonlySet<string>): { words: string[]; corrections: string[] } {
  let memo = MEMO.get(vocabulary);
  if (!memo) MEMO.set(vocabulary, (memo = new Map()));
  const out: string[] = [];
  const corrections: string[] = [];
  for (const w of words) {
    if (w.length < 4 || vocabulary.has(w) || KEEP.has(w) || /\d/.test(w)) {
      out.push(w);
      continue;
    }
    const known = memo.get(w);
    if (known !== undefined) {
      out.push(known ?? w);
      if (known) corrections.push(`${w} -> ${known}`);
      continue;
    }
    const max = w.length >= 7 ? 2 : 1;
    let best: string | null = null;
    let bestD = max + 1;
    let tie = false;
    for (const v of vocabulary) {
      if (v.length < 3) continue;
      const dist = editDistance(w, v, max);
      if (dist < bestD) {
        best = v;
        bestD = dist;
        tie = false;
      } else if (dist === bestD && v !== best) tie = true;
    }
    if (memo.size < 10_000) memo.set(w, best !== null && bestD <= max && !tie ? best : null);
    if (best !== null && bestD <= max && !tie) {
      out.push(best);
      corrections.push(`${w} -> ${best}`);
    } else out.push(w);
  }
  return { words: out, corrections };
}
