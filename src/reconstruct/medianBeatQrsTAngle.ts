import type { MedianBeats } from '../waves/medianBeats.js';
import type { Delineation } from '../waves/types.js';
import type { EcgRecord } from '../record/types.js';
import { korsVcg, spatialQrsTAngle, type SpatialQrsTAngle } from './korsVcg.js';

/**
 * The spatial QRS-T angle of a 12-lead record's median beat: the Kors VCG of the median beats, between
 * the fused global QRS onset, QRS offset and T offset the measurements were taken at. Null when the
 * median beat lacks a lead the Kors matrix needs or a boundary.
 *
 * @example
 * const { medianBeat, measurements } = measureWithMedianBeat(record, detectBeats(record).samples);
 * console.log(medianBeatQrsTAngle(medianBeat.median, measurements.medianDelineation)?.angleDeg);
 */
export function medianBeatQrsTAngle(median: MedianBeats, medianDelineation: Delineation | null): SpatialQrsTAngle | null {
  const g = medianDelineation?.global[0];
  const leads = median.leads;
  if (!g || leads.length === 0) return null;
  const names = new Set(leads.map((l) => l.lead));
  if (!['I', 'II', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'].every((n) => names.has(n))) return null;
  const medianRecord: EcgRecord = {
    name: 'median beat', fs: median.fsHz, length: leads[0].samples.length, annotations: [], metadata: {},
    leads: leads.map((l) => ({ name: l.lead, originalName: l.lead, samples: l.samples, info: { gain: 1000, baseline: 0, units: 'mV' } })),
  };
  return spatialQrsTAngle(korsVcg(medianRecord), g.qrsOnset, g.qrsOffset, g.tOffset);
}
