/**
 * Exact nearest neighbours by squared Euclidean distance over vectors packed row after row in one
 * Float32Array: the reference the approximate index is scored against, and the search used for
 * small or filtered sets. Browser-safe.
 */

/** One neighbour: its row and squared distance. */
export interface Neighbour {
  row: number;
  distance2: number;
}

/**
 * Squared Euclidean distance between `q` and row `row` of `data` (dimension `dim`); it stops early
 * (returning a value >= `bound`) once the partial sum reaches `bound`, as a top-k search needs.
 *
 * @example distance2(new Float32Array([0, 0]), new Float32Array([3, 4]), 0, 2) // 25
 */
export function distance2(q: Float32Array, data: Float32Array, row: number, dim: number, bound = Infinity): number {
  let s = 0;
  const o = row * dim;
  for (let j = 0; j < dim; j += 8) {
    const end = Math.min(dim, j + 8);
    for (let i = j; i < end; i++) {
      const d = q[i] - data[o + i];
      s += d * d;
    }
    if (s >= bound) return s;
  }
  return s;
}

/**
 * Keeps the k smallest of a stream of (row, distance) pairs: a sorted array, enough for k <= ~100.
 *
 * @example const top = new TopK(10); top.push(3, 0.5); top.sorted();
 */
export class TopK {
  private readonly items: Neighbour[] = [];
  constructor(private readonly k: number) {}
  /** The distance a new item must beat to enter (Infinity until k are held). */
  get bound(): number {
    return this.items.length < this.k ? Infinity : this.items[this.items.length - 1].distance2;
  }
  push(row: number, distance2: number): void {
    if (distance2 >= this.bound) return;
    let i = this.items.length;
    if (i === this.k) this.items.pop(), i--;
    while (i > 0 && this.items[i - 1].distance2 > distance2) i--;
    this.items.splice(i, 0, { row, distance2 });
  }
  sorted(): Neighbour[] {
    return this.items.slice();
  }
}

/**
 * The k rows of `data` nearest `q`, nearest first; `accept(row)` (optional) filters rows, e.g. to
 * leave the query itself out or to keep one patient's records.
 *
 * @example exactNeighbours(q, data, 126, 10, (row) => row !== self)
 */
export function exactNeighbours(q: Float32Array, data: Float32Array, dim: number, k: number, accept?: (row: number) => boolean): Neighbour[] {
  const top = new TopK(k);
  const n = Math.floor(data.length / dim);
  for (let row = 0; row < n; row++) {
    if (accept && !accept(row)) continue;
    top.push(row, distance2(q, data, row, dim, top.bound));
  }
  return top.sorted();
}
