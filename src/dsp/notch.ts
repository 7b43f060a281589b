import { SinusError } from '../errors.js';
import type { Sos } from './sos.js';
import { zeroPhaseFilter } from './zeroPhaseFilter.js';

/**
 * Second-order IIR notch at `notchHz` with quality factor `q` (-3 dB width = notchHz / q), as
 * SciPy's `iirnotch`, returned as one second-order section.
 *
 * @example
 * const sos = notchSos(50, 500, 30);
 */
export function notchSos(notchHz: number, fsHz: number, q = 30): Sos {
  if (!(notchHz > 0 && notchHz < fsHz / 2)) throw new SinusError('BAD_ARGUMENT', `notch ${notchHz} Hz must lie in (0, ${fsHz / 2}) Hz`);
  if (!(q > 0)) throw new SinusError('BAD_ARGUMENT', `notch quality factor must be positive, got ${q}`);
  const w0 = (2 * Math.PI * notchHz) / fsHz;
  const bw = w0 / q;
  const beta = Math.tan(bw / 2);
  const gain = 1 / (1 + beta);
  const c = Math.cos(w0);
  return Float64Array.of(gain, -2 * gain * c, gain, 1, -2 * gain * c, 2 * gain - 1);
}

/**
 * Removes mains interference (50 or 60 Hz, and its harmonics below Nyquist when `harmonics` is
 * true) with zero-phase notch filters, so the QRS is not shifted.
 *
 * @example
 * const clean = removeMains(lead.samples, 500, 50);
 */
export function removeMains(x: ArrayLike<number>, fsHz: number, mainsHz: 50 | 60 = 50, options: { q?: number; harmonics?: boolean } = {}): Float32Array {
  const q = options.q ?? 30;
  let y: ArrayLike<number> = x;
  for (let f = mainsHz; f < fsHz / 2; f += mainsHz) {
    y = zeroPhaseFilter(notchSos(f, fsHz, q), y);
    if (!options.harmonics) break;
  }
  return y instanceof Float32Array && y !== x ? y : Float32Array.from(y);
}
