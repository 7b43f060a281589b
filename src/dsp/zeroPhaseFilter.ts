import { SinusError } from '../errors.js';
import { sectionCount, sosFilterInPlace, sosSteadyState, type Sos } from './sos.js';

/**
 * Zero-phase filtering (SciPy's `sosfiltfilt`): the signal is extended at both ends by odd
 * reflection about its end samples (`2*x[0] - x[k]`), filtered forward from steady-state initial
 * conditions, then backward, and trimmed. The magnitude response is squared and the phase is zero,
 * so QRS and ST shapes are not shifted or skewed. NaN samples are not allowed here (fill them first).
 *
 * The extension length is SciPy's default, `3 * (2 * sections + 1 - trailing zeros)`, shortened to
 * `x.length - 1` for short inputs. Throws SinusError NOT_ENOUGH_DATA for fewer than 2 samples.
 *
 * @example
 * const y = zeroPhaseFilter(butterworthSos('lowpass', 4, 40, fs), lead.samples);
 */
export function zeroPhaseFilter(sos: Sos, x: ArrayLike<number>): Float32Array {
  const n = x.length;
  if (n < 2) throw new SinusError('NOT_ENOUGH_DATA', `zero-phase filtering needs at least 2 samples, got ${n}`);
  const nsec = sectionCount(sos);
  let zerosB2 = 0, zerosA2 = 0;
  for (let s = 0; s < nsec; s++) {
    if (sos[6 * s + 2] === 0) zerosB2++;
    if (sos[6 * s + 5] === 0) zerosA2++;
  }
  const pad = Math.min(n - 1, 3 * (2 * nsec + 1 - Math.min(zerosB2, zerosA2)));
  const m = n + 2 * pad;
  const ext = new Float64Array(m);
  const x0 = x[0], xn = x[n - 1];
  for (let i = 0; i < pad; i++) ext[i] = 2 * x0 - x[pad - i];
  for (let i = 0; i < n; i++) ext[pad + i] = x[i];
  for (let i = 0; i < pad; i++) ext[pad + n + i] = 2 * xn - x[n - 2 - i];
  const zi = sosSteadyState(sos);
  const state = new Float64Array(zi.length);
  for (let i = 0; i < zi.length; i++) state[i] = zi[i] * ext[0];
  sosFilterInPlace(sos, ext, state);
  ext.reverse();
  for (let i = 0; i < zi.length; i++) state[i] = zi[i] * ext[0];
  sosFilterInPlace(sos, ext, state);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) y[i] = ext[m - 1 - pad - i];
  return y;
}
