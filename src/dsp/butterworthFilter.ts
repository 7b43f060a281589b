import { butterworthSos, type FilterKind } from './butterworth.js';
import { zeroPhaseFilter } from './zeroPhaseFilter.js';

/**
 * Zero-phase Butterworth filtering in one call: designs `order` (per pass; the forward-backward
 * run doubles the attenuation, and the -3 dB point of one pass becomes -6 dB) and runs it forward
 * and backward.
 *
 * @example
 * const qrsBand = butterworthFilter(lead.samples, rec.fs, 'bandpass', 2, [5, 20]);
 */
export function butterworthFilter(x: ArrayLike<number>, fsHz: number, kind: FilterKind, order: number, cutoffHz: number | [number, number]): Float32Array {
  return zeroPhaseFilter(butterworthSos(kind, order, cutoffHz, fsHz), x);
}
