/**
 * Second-order IIR sections (RBJ audio-EQ cookbook designs), used only to measure band powers in
 * the quality stage, where phase does not matter. Kept private to the stage so quality does not
 * depend on the dsp stage's schedule.
 *
 * Not dsp/sos.ts `sosFilterInPlace`: that one needs a Float64 copy per call, while this runs
 * on Float32 scratch in place, two sections per pass. Outputs equal sosFilterInPlace's (rounded to
 * Float32) for one or two sections; with four (lead quality's high-pass + two notches) the Float32
 * store between the pairs differs from it by up to one ulp.
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
  let src = x;
  let k = 0;
  // Two sections per pass: half the memory traffic of one pass per section.
  for (; k + 1 < sections.length; k += 2) {
    const p = sections[k];
    const q = sections[k + 1];
    const pb0 = p.b0, pb1 = p.b1, pb2 = p.b2, pa1 = p.a1, pa2 = p.a2;
    const qb0 = q.b0, qb1 = q.b1, qb2 = q.b2, qa1 = q.a1, qa2 = q.a2;
    let p1 = 0, p2 = 0, q1 = 0, q2 = 0;
    for (let i = 0; i < n; i++) {
      const v = src[i];
      const y = pb0 * v + p1;
      p1 = pb1 * v - pa1 * y + p2;
      p2 = pb2 * v - pa2 * y;
      const z = qb0 * y + q1;
      q1 = qb1 * y - qa1 * z + q2;
      q2 = qb2 * y - qa2 * z;
      out[i] = z;
    }
    src = out;
  }
  if (k < sections.length) {
    const { b0, b1, b2, a1, a2 } = sections[k];
    let z1 = 0;
    let z2 = 0;
    for (let i = 0; i < n; i++) {
      const v = src[i];
      const y = b0 * v + z1;
      z1 = b1 * v - a1 * y + z2;
      z2 = b2 * v - a2 * y;
      out[i] = y;
    }
    src = out;
  }
  if (src !== out) out.set(src);
  return out;
}
