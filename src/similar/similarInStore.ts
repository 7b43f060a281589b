/**
 * Similar-ECG search over a store: embeds analysed records (`features-v1`), and finds a query's
 * nearest stored records, exactly for small or filtered sets and with an IVF index above
 * {@link ANN_THRESHOLD} records. Filters: same patient, a statement, an age range.
 */
import type { Analysis } from '../analyze.js';
import type { EcgStore, StoredRecordSummary } from '../store/types.js';
import { exactNeighbours } from './exactNeighbours.js';
import { FEATURE_EMBEDDING_KIND, featureVector } from './featureVector.js';
import { buildIvfIndex, searchIvfIndex, type IvfIndex } from './ivfIndex.js';
import { recordStatements } from './recordStatements.js';

/** Above this many embeddings an unfiltered search uses the IVF index. */
export const ANN_THRESHOLD = 20_000;

export interface SimilarFilters {
  /** Only this patient's records. */
  patientId?: string;
  /** Only records carrying this statement (code or label, case-insensitive). */
  statement?: string;
  minAgeYears?: number;
  maxAgeYears?: number;
}

export interface SimilarRecord {
  id: string;
  /** Euclidean distance in embedding units (0 = identical features). */
  distance: number;
  record: StoredRecordSummary;
  statements: string[];
}

/**
 * Computes and stores the `features-v1` embedding of every analysed record that lacks one (or of
 * all with `refresh`); returns how many it wrote and how many records have no analysis.
 *
 * @example const { embedded } = await embedStoredRecords(store);
 */
export async function embedStoredRecords(store: EcgStore, options: { refresh?: boolean } = {}): Promise<{ embedded: number; notAnalysed: number }> {
  const have = new Set(options.refresh ? [] : (await store.embeddings(FEATURE_EMBEDDING_KIND)).map((e) => e.recordId));
  let embedded = 0, notAnalysed = 0, afterId: string | undefined;
  for (;;) {
    const page = await store.listRecords({ limit: 500, afterId });
    if (!page.length) break;
    afterId = page[page.length - 1].id;
    for (const r of page) {
      if (have.has(r.id)) continue;
      const a = await store.getAnalysis(r.id);
      if (!a) { notAnalysed++; continue; }
      await store.putEmbedding(r.id, FEATURE_EMBEDDING_KIND, featureVector(a.analysis));
      embedded++;
    }
  }
  return { embedded, notAnalysed };
}

/** The last IVF index built per store, reused while the same embeddings are stored. */
const indexCache = new WeakMap<EcgStore, { key: string; index: IvfIndex }>();

function cachedIndex(store: EcgStore, ids: string[], data: Float32Array, dim: number): IvfIndex {
  const key = ids.join(',');
  const hit = indexCache.get(store);
  if (hit && hit.key === key && hit.index.dim === dim) return hit.index;
  const index = buildIvfIndex(data, dim);
  indexCache.set(store, { key, index });
  return index;
}

function passes(r: StoredRecordSummary, f: SimilarFilters): boolean {
  if (f.patientId !== undefined && r.patientId !== f.patientId) return false;
  if (f.minAgeYears !== undefined && !(r.ageYears !== null && r.ageYears >= f.minAgeYears)) return false;
  if (f.maxAgeYears !== undefined && !(r.ageYears !== null && r.ageYears <= f.maxAgeYears)) return false;
  return true;
}

/**
 * The `k` stored records nearest the analysis `query` (nearest first), leaving out `excludeId`
 * (the query's own stored copy) and records failing the filters. Unfiltered searches over more than
 * `annAbove` (default {@link ANN_THRESHOLD}) records use an IVF index, kept per store while its
 * embeddings do not change.
 *
 * @example
 * const hits = await similarRecords(store, await analyze(record), { k: 10, filters: { minAgeYears: 60 } });
 */
export async function similarRecords(
  store: EcgStore,
  query: Pick<Analysis, 'results'>,
  options: { k?: number; excludeId?: string; filters?: SimilarFilters; annAbove?: number } = {},
): Promise<SimilarRecord[]> {
  const k = Math.max(1, Math.min(1000, Math.floor(options.k ?? 10)));
  const f = options.filters ?? {};
  const rows = await store.embeddings(FEATURE_EMBEDDING_KIND);
  if (!rows.length) return [];
  const dim = rows[0].vector.length;
  const data = new Float32Array(rows.length * dim);
  rows.forEach((e, i) => data.set(e.vector.subarray(0, dim), i * dim));
  const q = featureVector(query);
  const filtered = f.patientId !== undefined || f.minAgeYears !== undefined || f.maxAgeYears !== undefined || f.statement !== undefined;
  const summaries = new Map<string, StoredRecordSummary | null>();
  const summaryOf = async (id: string) => {
    if (!summaries.has(id)) summaries.set(id, await store.getRecord(id));
    return summaries.get(id) ?? null;
  };
  // Unfiltered: the k nearest. Filtered: rank everything (exact), then keep the first k that pass.
  const ranked = !filtered && rows.length > (options.annAbove ?? ANN_THRESHOLD)
    ? searchIvfIndex(cachedIndex(store, rows.map((e) => e.recordId), data, dim), q, k + 1)
    : exactNeighbours(q, data, dim, filtered ? rows.length : k + 1);
  const out: SimilarRecord[] = [];
  for (const n of ranked) {
    if (out.length >= k) break;
    const id = rows[n.row].recordId;
    if (id === options.excludeId) continue;
    const record = await summaryOf(id);
    if (!record || !passes(record, f)) continue;
    const analysis = await store.getAnalysis(id);
    const statements = recordStatements(record.labels, analysis?.analysis ?? null);
    if (f.statement !== undefined && !statements.some((s) => s.toLowerCase() === f.statement!.toLowerCase())) continue;
    out.push({ id, distance: Math.sqrt(n.distance2), record, statements });
  }
  return out;
}
