/**
 * An inverted-file (IVF-flat) approximate nearest-neighbour index: k-means centroids split the
 * vectors into lists; a query scans the lists of its `nprobe` nearest centroids exactly. Pure
 * TypeScript (no native module), browser-safe; chosen over native HNSW packages because it installs
 * everywhere (docs/notes/store-similar.md has the figures).
 */
import { distance2, TopK, type Neighbour } from './exactNeighbours.js';

export interface IvfOptions {
  /** Number of lists (default ~ sqrt(n)). */
  lists?: number;
  /** k-means iterations (default 8) on at most `trainRows` rows (default 20 000). */
  iterations?: number;
  trainRows?: number;
  /** Seed for the centroid initialisation (default 1). */
  seed?: number;
}

export interface IvfIndex {
  dim: number;
  size: number;
  centroids: Float32Array;
  /** Rows of each list, concatenated; list l is rows[offsets[l]..offsets[l+1]). */
  rows: Int32Array;
  offsets: Int32Array;
  /** The vectors reordered by list, so a list is scanned contiguously. */
  packed: Float32Array;
}

function lcg(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

function nearestCentroid(v: Float32Array, vo: number, centroids: Float32Array, k: number, dim: number): number {
  let best = 0, bestD = Infinity;
  for (let c = 0; c < k; c++) {
    let s = 0;
    const co = c * dim;
    for (let j = 0; j < dim && s < bestD; j++) {
      const d = v[vo + j] - centroids[co + j];
      s += d * d;
    }
    if (s < bestD) { bestD = s; best = c; }
  }
  return best;
}

/**
 * Builds the index over `data` (rows of `dim` values).
 *
 * @example
 * const index = buildIvfIndex(vectors, 126);
 * const hits = searchIvfIndex(index, query, 10, 16);
 */
export function buildIvfIndex(data: Float32Array, dim: number, options: IvfOptions = {}): IvfIndex {
  const n = Math.floor(data.length / dim);
  const k = Math.max(1, Math.min(n, options.lists ?? Math.round(Math.sqrt(n))));
  const rand = lcg(options.seed ?? 1);
  const trainN = Math.min(n, options.trainRows ?? 20_000);
  const train = Int32Array.from({ length: trainN }, (_, i) => (trainN === n ? i : Math.floor(rand() * n)));
  const centroids = new Float32Array(k * dim);
  const randomRow = () => {
    const r = train[Math.floor(rand() * trainN)];
    return data.subarray(r * dim, r * dim + dim);
  };
  for (let c = 0; c < k; c++) centroids.set(randomRow(), c * dim);
  for (let it = 0; it < (options.iterations ?? 8); it++) {
    const sums = new Float64Array(k * dim);
    const counts = new Int32Array(k);
    for (const r of train) {
      const c = nearestCentroid(data, r * dim, centroids, k, dim);
      counts[c]++;
      for (let j = 0; j < dim; j++) sums[c * dim + j] += data[r * dim + j];
    }
    for (let c = 0; c < k; c++) {
      // An empty list takes a random training row, so no centroid is wasted.
      if (counts[c] === 0) centroids.set(randomRow(), c * dim);
      else for (let j = 0; j < dim; j++) centroids[c * dim + j] = sums[c * dim + j] / counts[c];
    }
  }
  const assign = new Int32Array(n);
  const sizes = new Int32Array(k + 1);
  for (let r = 0; r < n; r++) sizes[(assign[r] = nearestCentroid(data, r * dim, centroids, k, dim)) + 1]++;
  const offsets = new Int32Array(k + 1);
  for (let c = 0; c < k; c++) offsets[c + 1] = offsets[c] + sizes[c + 1];
  const fill = offsets.slice(0, k);
  const rows = new Int32Array(n);
  const packed = new Float32Array(n * dim);
  for (let r = 0; r < n; r++) {
    const at = fill[assign[r]]++;
    rows[at] = r;
    packed.set(data.subarray(r * dim, r * dim + dim), at * dim);
  }
  return { dim, size: n, centroids, rows, offsets, packed };
}

/**
 * The k nearest rows found by scanning the `nprobe` lists nearest the query (default 8); rows
 * failing `accept` are skipped. Nearest first; `row` is the row in the data the index was built on.
 */
export function searchIvfIndex(index: IvfIndex, q: Float32Array, k: number, nprobe = 8, accept?: (row: number) => boolean): Neighbour[] {
  const nLists = index.offsets.length - 1;
  const probe = new TopK(Math.min(nprobe, nLists));
  for (let c = 0; c < nLists; c++) probe.push(c, distance2(q, index.centroids, c, index.dim, probe.bound));
  const top = new TopK(k);
  for (const { row: list } of probe.sorted()) {
    for (let at = index.offsets[list]; at < index.offsets[list + 1]; at++) {
      const row = index.rows[at];
      if (accept && !accept(row)) continue;
      top.push(row, distance2(q, index.packed, at, index.dim, top.bound));
    }
  }
  return top.sorted();
}
