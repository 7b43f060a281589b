/**
 * Expect-type style assertions for the type tests (test/types/*.ts, compiled by `tsc --noEmit` in
 * test/typeChecks.test.ts): a wrong type is a compile error, nothing runs.
 */

/** True when A and B are the same type (not merely assignable either way). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/**
 * Compiles only when `T` is `true`.
 *
 * @example expectTrue<Equal<Analysis['results']['beats'], BeatsJson | null>>();
 */
export function expectTrue<T extends true>(): T | void {}
