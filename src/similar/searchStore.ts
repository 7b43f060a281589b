/**
 * Text search over a store: the parsed query's statement and measurement filters applied to every
 * analysed record, ranked by the certainty of the matched statements (interpretation certainty
 * where the stage gives one, 1 for stored labels and rhythm episodes).
 */
import type { EcgStore, StoredRecordSummary } from '../store/types.js';
import { parseStoreQuery, type StoreQuery } from './parseStoreQuery.js';
import { recordStatements } from './recordStatements.js';

export interface SearchHit {
  record: StoredRecordSummary;
  /** Product of the matched statements' certainties (1 when the query names no statement). */
  certainty: number;
  matched: string[];
}

const at = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);

/**
 * Records matching a text query (or a parsed {@link StoreQuery}), best first.
 *
 * @example const hits = await searchStore(store, 'LBBB with QTc over 500');
 */
export async function searchStore(store: EcgStore, query: string | StoreQuery, limit = 50): Promise<{ query: StoreQuery; hits: SearchHit[] }> {
  const q = typeof query === 'string' ? parseStoreQuery(query) : query;
  const hits: SearchHit[] = [];
  let afterId: string | undefined;
  for (;;) {
    const page = await store.listRecords({ limit: 500, afterId });
    if (!page.length) break;
    afterId = page[page.length - 1].id;
    for (const r of page) {
      if (q.minAgeYears !== null && !(r.ageYears !== null && r.ageYears >= q.minAgeYears)) continue;
      if (q.maxAgeYears !== null && !(r.ageYears !== null && r.ageYears <= q.maxAgeYears)) continue;
      const a = (await store.getAnalysis(r.id))?.analysis ?? null;
      const m = (a?.results as Record<string, unknown> | undefined)?.measurements;
      if (!q.measurements.every((f) => {
        const v = at(m, f.field);
        return typeof v === 'number' && (f.op === '>' ? v > f.value : v < f.value);
      })) continue;
      const have = recordStatements(r.labels, a).map((s) => s.toLowerCase());
      const certainties = ((a?.results as Record<string, unknown> | undefined)?.interpretation as { statements?: { code: string; certainty: number | null }[] } | undefined)?.statements ?? [];
      const matched: string[] = [];
      let certainty = 1;
      let ok = true;
      for (const codes of q.statements) {
        const hit = codes.find((c) => have.includes(c.toLowerCase()));
        if (!hit) { ok = false; break; }
        matched.push(hit);
        certainty *= certainties.find((s) => s.code === hit)?.certainty ?? 1;
      }
      if (ok) hits.push({ record: r, certainty, matched });
    }
  }
  hits.sort((x, y) => y.certainty - x.certainty);
  return { query: q, hits: hits.slice(0, limit) };
}
