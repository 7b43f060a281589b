import type { Delineation } from '../waves/types.js';
import type { SpatialMedianBoundaries } from './spatialMedianBoundaries.js';

/**
 * A copy of a median-beat delineation whose global QRS onset/offset and T offset are the spatial
 * ones (rounded to the median's samples; the lead counts say all the spatial leads took part), so
 * the printout and the viewer draw the boundaries the global figures were measured between. A
 * spatial boundary that was not found is null here too: no figure comes from one computation and
 * is drawn from another.
 *
 * @example
 * const md = withSpatialGlobalBoundaries(delineateMedianBeats(median), spatialMedianBoundaries(median));
 */
export function withSpatialGlobalBoundaries(md: Delineation, spatial: SpatialMedianBoundaries): Delineation {
  if (md.global.length === 0) return md;
  const toSample = (ms: number | null) => (ms === null ? null : Math.round((ms * md.fsHz) / 1000));
  const g = { ...md.global[0], leadCounts: [...md.global[0].leadCounts] as typeof md.global[0]['leadCounts'] };
  const count = spatial.leads.length;
  g.qrsOnset = toSample(spatial.qrsOnsetMs);
  g.qrsOffset = toSample(spatial.qrsOffsetMs);
  g.tOffset = toSample(spatial.tOffsetMs);
  g.leadCounts[2] = spatial.qrsOnsetMs === null ? 0 : count;
  g.leadCounts[3] = spatial.qrsOffsetMs === null ? 0 : count;
  g.leadCounts[4] = spatial.tOffsetMs === null ? 0 : count;
  return { ...md, global: [g, ...md.global.slice(1)] };
}
