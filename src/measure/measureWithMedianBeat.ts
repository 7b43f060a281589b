import type { EcgRecord } from '../record/types.js';
import { delineateBeatsWithTemplate } from '../waves/delineateBeats.js';
import { recordMedianBeat, type MedianBeat } from '../waves/recordMedianBeat.js';
import { measureEcg, type EcgMeasurements } from './measureEcg.js';

/**
 * Outside the pipeline: delineation, the median beat and the measurements made on it, each computed once
 * as `analyze()` does (its stages waves, medianBeat, measurements), for callers that need the median beat
 * itself (its per-lead samples) beside the figures.
 *
 * @example
 * const { medianBeat, measurements } = measureWithMedianBeat(record, detectBeats(record).samples);
 * console.log(medianBeat.median.leads.length, measurements.qrsDurationMs);
 */
export function measureWithMedianBeat(record: EcgRecord, beatSamples: ArrayLike<number>): { medianBeat: MedianBeat; measurements: EcgMeasurements } {
  const { delineation, template, pacingSpikes } = delineateBeatsWithTemplate(record, beatSamples);
  const medianBeat = recordMedianBeat(record, beatSamples, { template });
  return { medianBeat, measurements: measureEcg(record, beatSamples, { delineation, medianBeat, pacingSpikes }) };
}
