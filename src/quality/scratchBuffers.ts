/**
 * Reusable work arrays for the quality stage. A 10 s 12-lead record would otherwise allocate a
 * dozen typed arrays per lead, and the garbage collection of those costs more than the analysis.
 * Only arrays up to {@link MAX_POOLED} samples are kept, so a long Holter record does not pin
 * memory. Contents are stale: every user writes the whole array before reading it. Nothing that
 * leaves the stage may be a pooled array.
 */
const MAX_POOLED = 1 << 16;
const f32 = new Map<string, Float32Array>();
const u8 = new Map<string, Uint8Array>();
const f64 = new Map<string, Float64Array>();

function pooled<T extends Float32Array | Uint8Array | Float64Array>(pool: Map<string, T>, slot: string, n: number, make: (n: number) => T): T {
  if (n > MAX_POOLED) return make(n);
  let a = pool.get(slot);
  if (!a || a.length !== n) {
    a = make(n);
    pool.set(slot, a);
  }
  return a;
}

/** A Float32Array of length n for `slot`, reused between calls (stale contents). */
export function scratchFloat32(slot: string, n: number): Float32Array {
  return pooled(f32, slot, n, (k) => new Float32Array(k));
}

/** A Uint8Array of length n for `slot`, reused between calls (stale contents). */
export function scratchUint8(slot: string, n: number): Uint8Array {
  return pooled(u8, slot, n, (k) => new Uint8Array(k));
}

/** A Float64Array of length n for `slot`, reused between calls (stale contents). */
export function scratchFloat64(slot: string, n: number): Float64Array {
  return pooled(f64, slot, n, (k) => new Float64Array(k));
}
