/**
 * Leave-one-out retrieval scores of one set of vectors over one pool of corpus records: each record
 * queries all the others. Relevant = shares a diagnostic superclass; graded relevance = Jaccard of
 * statement sets; same-patient recall@k over queries whose patient has other records in the pool.
 */
import { exactNeighbours } from '../src/similar/exactNeighbours.js';
import { averagePrecision, jaccard, ndcgAtK, precisionAtK } from '../src/similar/retrievalScores.js';
import type { CorpusItem } from './similarCorpus.js';

export interface RetrievalScores {
  queries: number;
  p1: number; p5: number; p10: number; map: number; ndcg10: number;
  /** Same-patient recall@10 and the number of queries it averages (null when none). */
  patientRecall10: number | null; patientQueries: number;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

/** Scores `vectors` (row i = items[i], dimension dim) by leave-one-out over `items`. */
export function retrievalScores(items: CorpusItem[], vectors: Float32Array, dim: number): RetrievalScores {
  const n = items.length;
  const p1: number[] = [], p5: number[] = [], p10: number[] = [], ap: number[] = [], nd: number[] = [], pr: number[] = [];
  for (let q = 0; q < n; q++) {
    const query = vectors.subarray(q * dim, (q + 1) * dim);
    const ranked = exactNeighbours(query, vectors, dim, n - 1, (row) => row !== q).map((x) => x.row);
    const sup = new Set(items[q].superclasses);
    if (sup.size) {
      const rel = ranked.map((r) => items[r].superclasses.some((c) => sup.has(c)));
      p1.push(precisionAtK(rel, 1)); p5.push(precisionAtK(rel, 5)); p10.push(precisionAtK(rel, 10));
      const a = averagePrecision(rel);
      if (a !== null) ap.push(a);
    }
    const gains = ranked.map((r) => jaccard(items[q].statements, items[r].statements));
    const g = ndcgAtK(gains, gains, 10);
    if (g !== null) nd.push(g);
    const same = ranked.filter((r) => items[r].patientId === items[q].patientId).length;
    if (same > 0) pr.push(ranked.slice(0, 10).filter((r) => items[r].patientId === items[q].patientId).length / Math.min(same, 10));
  }
  return { queries: p1.length, p1: mean(p1), p5: mean(p5), p10: mean(p10), map: mean(ap), ndcg10: mean(nd), patientRecall10: pr.length ? mean(pr) : null, patientQueries: pr.length };
}
