/**
 * Second-order sections (biquads): the storage every IIR filter in sinus uses, because cascaded
 * biquads stay numerically stable at the low cut-offs ECG needs (0.05-0.5 Hz at 1000 Hz) where a
 * single high-order polynomial would not.
 */

/**
 * Filter coefficients as second-order sections, six numbers per section in SciPy's order
 * `b0 b1 b2 a0 a1 a2`, with `a0 = 1`.
 */
export type Sos = Float64Array;

/** Number of sections in `sos`. */
export function sectionCount(sos: Sos): number {
  return sos.length / 6;
}

/**
 * Steady-state initial conditions for {@link sosFilterInPlace} when the input has been constant 1
 * forever (SciPy's `sosfilt_zi`): two states per section (transposed direct form II). Multiply by
 * the first sample to start a filter without a step transient.
 *
 * @example
 * const zi = sosSteadyState(butterworthSos('lowpass', 2, 40, 360));
 */
export function sosSteadyState(sos: Sos): Float64Array {
  const n = sectionCount(sos);
  const zi = new Float64Array(2 * n);
  let scale = 1;
  for (let s = 0; s < n; s++) {
    const o = 6 * s;
    const b0 = sos[o], b1 = sos[o + 1], b2 = sos[o + 2], a1 = sos[o + 4], a2 = sos[o + 5];
    const gain = (b0 + b1 + b2) / (1 + a1 + a2);
    zi[2 * s] = scale * (gain - b0);
    zi[2 * s + 1] = scale * (b2 - a2 * gain);
    scale *= gain;
  }
  return zi;
}

/**
 * Runs the cascade over `x` (causal), in place, starting from `state` (2 per section; updated so a
 * later call continues the same filter). Float64 arithmetic.
 *
 * @example
 * const sos = butterworthSos('highpass', 2, 0.5, 360);
 * const y = Float64Array.from(x); sosFilterInPlace(sos, y, new Float64Array(4));
 */
export function sosFilterInPlace(sos: Sos, x: Float64Array, state: Float64Array): void {
  const n = sectionCount(sos);
  const len = x.length;
  for (let s = 0; s < n; s++) {
    const o = 6 * s;
    const b0 = sos[o], b1 = sos[o + 1], b2 = sos[o + 2], a1 = sos[o + 4], a2 = sos[o + 5];
    let z1 = state[2 * s], z2 = state[2 * s + 1];
    for (let i = 0; i < len; i++) {
      const xi = x[i];
      const yi = b0 * xi + z1;
      z1 = b1 * xi - a1 * yi + z2;
      z2 = b2 * xi - a2 * yi;
      x[i] = yi;
    }
    state[2 * s] = z1;
    state[2 * s + 1] = z2;
  }
}

/**
 * Complex frequency response of `sos` at `fHz`: magnitude (linear) and phase (radians).
 *
 * @example
 * sosResponseAt(butterworthSos('lowpass', 4, 40, 500), 40, 500).magnitude; // ~0.7071
 */
export function sosResponseAt(sos: Sos, fHz: number, fsHz: number): { magnitude: number; phaseRad: number } {
  const w = (2 * Math.PI * fHz) / fsHz;
  const c1 = Math.cos(w), s1 = -Math.sin(w), c2 = Math.cos(2 * w), s2 = -Math.sin(2 * w);
  let re = 1, im = 0;
  for (let o = 0; o < sos.length; o += 6) {
    const nr = sos[o] + sos[o + 1] * c1 + sos[o + 2] * c2;
    const ni = sos[o + 1] * s1 + sos[o + 2] * s2;
    const dr = sos[o + 3] + sos[o + 4] * c1 + sos[o + 5] * c2;
    const di = sos[o + 4] * s1 + sos[o + 5] * s2;
    const d2 = dr * dr + di * di;
    const hr = (nr * dr + ni * di) / d2;
    const hi = (ni * dr - nr * di) / d2;
    const r2 = re * hr - im * hi;
    im = re * hi + im * hr;
    re = r2;
  }
  return { magnitude: Math.hypot(re, im), phaseRad: Math.atan2(im, re) };
}

/**
 * Group delay of `sos` at `fHz`, in samples (numerical derivative of the unwrapped phase). Used to
 * place fiducials found on a causally filtered signal back onto the input's time axis.
 *
 * @example
 * const delaySamples = sosGroupDelaySamples(butterworthSos('bandpass', 2, [5, 20], 360), 12, 360);
 */
export function sosGroupDelaySamples(sos: Sos, fHz: number, fsHz: number): number {
  const df = Math.min(1e-3 * fsHz, fHz * 1e-3 + 1e-6);
  const p1 = sosResponseAt(sos, fHz - df, fsHz).phaseRad;
  const p2 = sosResponseAt(sos, fHz + df, fsHz).phaseRad;
  let dp = p2 - p1;
  while (dp > Math.PI) dp -= 2 * Math.PI;
  while (dp < -Math.PI) dp += 2 * Math.PI;
  const dw = (2 * Math.PI * 2 * df) / fsHz;
  return -dp / dw;
}
