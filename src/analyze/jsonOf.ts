/** A value JSON can hold exactly. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Typed arrays of integers: every element is finite, so their JSON form is a list of numbers. */
export type IntegerTypedArray = Int8Array | Uint8Array | Uint8ClampedArray | Int16Array | Uint16Array | Int32Array | Uint32Array;

/** Typed arrays of floats: NaN or infinite elements ("not computed") become null in JSON. */
export type FloatTypedArray = Float32Array | Float64Array;

/**
 * The JSON form of a stage result of type `T`, exactly as `toJsonValue` (and so `JSON.stringify`)
 * writes it: integer typed arrays become `number[]`, float typed arrays `(number | null)[]`
 * (non-finite elements become null), Dates ISO strings, properties that are `undefined` or functions
 * are left out. Plain `number` fields stay `number`: stage results say "unknown" with `null`, and
 * the Analysis schema test fails on any non-finite number that slips through.
 *
 * @example
 * type BeatsJson = JsonOf<{ samples: Int32Array; probabilities: Float32Array }>;
 * // { samples: number[]; probabilities: (number | null)[] }
 */
export type JsonOf<T> = T extends IntegerTypedArray
  ? number[]
  : T extends FloatTypedArray
    ? Array<number | null>
    : T extends string | number | boolean | null
      ? T
      : T extends Date
        ? string
        : T extends (...args: never[]) => unknown
          ? never
          : T extends ReadonlyArray<infer U>
            ? Array<JsonOf<U>>
            : T extends object
              ? { -readonly [K in keyof T]: JsonOf<T[K]> }
              : never;
