import type { JsonOf, JsonValue } from './jsonOf.js';

export type { JsonOf, JsonValue } from './jsonOf.js';

const MAX_DEPTH = 32;

function isTypedArray(v: unknown): v is ArrayLike<number> & ArrayBufferView {
  return ArrayBuffer.isView(v) && !(v instanceof DataView);
}

/**
 * Converts a stage result into plain JSON: typed arrays become arrays, non-finite numbers become
 * `null` (JSON has no NaN; "unknown" is null in sinus anyway), Dates become ISO strings, Maps
 * become objects, functions and `undefined` are dropped. Cycles and very deep nesting are cut with
 * a `null`, so one odd stage result can never break serialisation of the whole Analysis.
 *
 * @example toJsonValue({ rr: new Float32Array([0.8, NaN]) }) // { rr: [0.800000011920929, null] }
 */
export function toJsonValue<T>(value: T): JsonOf<T> {
  return convert(value, 0, new WeakSet()) as JsonOf<T>;
}

function convert(v: unknown, depth: number, seen: WeakSet<object>): JsonValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'string':
    case 'boolean':
      return v;
    case 'bigint':
      return Number(v);
    case 'function':
    case 'symbol':
      return null;
  }
  if (depth >= MAX_DEPTH) return null;
  const obj = v as object;
  if (seen.has(obj)) return null;
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? null : obj.toISOString();
  if (isTypedArray(obj)) {
    const n = obj.length;
    const out: JsonValue[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const x = Number(obj[i]);
      out[i] = Number.isFinite(x) ? x : null;
    }
    return out;
  }
  seen.add(obj);
  try {
    if (Array.isArray(obj)) return obj.map((x) => convert(x, depth + 1, seen));
    if (obj instanceof Set) return [...obj].map((x) => convert(x, depth + 1, seen));
    if (obj instanceof Map) {
      const out: { [k: string]: JsonValue } = {};
      for (const [k, x] of obj) out[String(k)] = convert(x, depth + 1, seen);
      return out;
    }
    if (obj instanceof Error) return { name: obj.name, message: obj.message };
    const out: { [k: string]: JsonValue } = {};
    for (const [k, x] of Object.entries(obj)) {
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
      out[k] = convert(x, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(obj);
  }
}
