/**
 * Second-order IIR sections (RBJ audio-EQ cookbook designs), used only to measure band powers in
 * the quality stage, where phase does not matter. Kept private to the stage so quality does not
 * depend on the dsp stage's schedule.
 */

export interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

function normalised(b0: number, b1: number, b2: number, a0: number, a1: number, a2: number): Biquad {
  return { b0: b0 / a0, b1: b1 / a0, b2: b2 / a0, a1: a1 / a0, a2: a2 / a0 };
}

/** Butterworth-Q low-pass section at `cutoffHz`. */
export function lowPassBiquad(cutoffHz: number, fsHz: number, q = Math.SQRT1_2): Biquad {
  const w = (2 * Math.PI * cutoffHz) / fsHz;
  const cw = Math.cos(w);
  const alpha = Math.sin(w) / (2 * q);
  return normalised((1 - cw) / 2, 1 - cw, (1 - cw) / 2, 1 + alpha, -2 * cw, 1 - alpha);
}

/** Butterworth-Q high-pass section at `cutoffHz`. */
export function highPassBiquad(cutoffHz: number, fsHz: number, q = Math.SQRT1_2): Biquad {
  const w = (2 * Math.PI * cutoffHz) / fsHz;
  const cw = Math.cos(w);
  const alpha = Math.sin(w) / (2 * q);
  return normalised((1 + cw) / 2, -(1 + cw), (1 + cw) / 2, 1 + alpha, -2 * cw, 1 - alpha);
}

/** Notch section at `centreHz` with quality factor `q` (higher = narrower). */
export function notchBiquad(centreHz: number, fsHz: number, q = 10): Biquad {
  const w = (2 * Math.PI * centreHz) / fsHz;
  const cw = Math.cos(w);
  const alpha = Math.sin(w) / (2 * q);
  return normalised(1, -2 * cw, 1, 1 + alpha, -2 * cw, 1 - alpha);
}

/**
 * Runs `sections` in cascade over `x` into `out` (which may be `x` itself). Direct form II
 * transposed; the state starts at rest.
 *
 * @example
 * const hf = applyBiquads(x, [highPassBiquad(30, 360), highPassBiquad(30, 360)], new Float32Array(x.length));
 */
export function applyBiquads(x: Float32Array, sections: Biquad[], out: Float32Array): Float32Array {
  const n = x.length;
  if (out !== x) out.set(x);
  for (const s of sections) {
    const { b0, b1, b2, a1, a2 } = s;
    let z1 = 0;
    let z2 = 0;
    for (let i = 0; i < n; i++) {
      const v = out[i];
      const y = b0 * v + z1;
      z1 = b1 * v - a1 * y + z2;
      z2 = b2 * v - a2 * y;
      out[i] = y;
    }
  }
  return out;
}

/** Sum of squares of `x` over [from, to). */
export function energy(x: Float32Array, from = 0, to = x.length): number {
  let s = 0;
  for (let i = from; i < to; i++) s += x[i] * x[i];
  return s;
}
