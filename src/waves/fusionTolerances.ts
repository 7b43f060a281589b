import type { FusionTolerances } from './globalBoundaries.js';
import type { DelineationOptions } from './options.js';

/** The options' fusion tolerances (ms) in samples at `fsHz`. */
export function fusionTolerances(o: DelineationOptions, fsHz: number): FusionTolerances {
  const s = (v: number) => (v * fsHz) / 1000;
  return { pOnset: s(o.fusePOnsetMs), pOffset: s(o.fusePOffsetMs), qrsOnset: s(o.fuseQrsOnsetMs), qrsOffset: s(o.fuseQrsOffsetMs), tOffset: s(o.fuseTOffsetMs) };
}
