/** A seeded pseudo-random source, so anything random (synthesis, fuzzing, baselines) is reproducible from its seed. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box-Muller). */
  normal(): number;
}

/**
 * Uniform numbers in [0, 1) from a 32-bit seed (mulberry32).
 *
 * @example
 * const u = mulberry32(1); u(); // 0.6270739405881613
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A reproducible random source (uniform and standard normal) from a 32-bit seed.
 *
 * @example
 * const rng = seededRandom(42); rng.next(); rng.normal();
 */
export function seededRandom(seed: number): Random {
  const next = mulberry32(seed);
  return {
    next,
    normal: () => {
      const u = Math.max(next(), 1e-12), v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
  };
}
