import type { QualityFinding, QualityFindingKind, QualitySeverity } from './types.js';

const SEVERITIES: QualitySeverity[] = ['mild', 'moderate', 'severe'];

/**
 * Joins consecutive analysis windows that share a finding kind into one finding per run, with the
 * worst severity and value of the run. `level[k]` is 0 (nothing), 1 mild, 2 moderate, 3 severe;
 * `worse(a, b)` says whether value a is worse than b.
 */
export function findingsFromWindowLevels(
  lead: string,
  kind: QualityFindingKind,
  unit: string,
  starts: Int32Array,
  level: Uint8Array,
  value: Float64Array,
  worse: (a: number, b: number) => boolean,
): QualityFinding[] {
  const out: QualityFinding[] = [];
  const nw = starts.length - 1;
  let k = 0;
  while (k < nw) {
    if (level[k] === 0) {
      k++;
      continue;
    }
    let maxLevel = level[k];
    let worst = value[k];
    let e = k + 1;
    while (e < nw && level[e] > 0) {
      if (level[e] > maxLevel) maxLevel = level[e];
      if (worse(value[e], worst)) worst = value[e];
      e++;
    }
    out.push({ lead, kind, severity: SEVERITIES[maxLevel - 1], startSample: starts[k], endSample: starts[e], value: round3(worst), unit });
    k = e;
  }
  return out;
}

/** Level 0..3 of `v` against increasing thresholds [mild, moderate, severe]. */
export function levelAbove(v: number, thresholds: readonly [number, number, number]): number {
  return v >= thresholds[2] ? 3 : v >= thresholds[1] ? 2 : v >= thresholds[0] ? 1 : 0;
}

/** Level 0..3 of `v` against decreasing thresholds [mild, moderate, severe] (e.g. an SNR). */
export function levelBelow(v: number, thresholds: readonly [number, number, number]): number {
  return v < thresholds[2] ? 3 : v < thresholds[1] ? 2 : v < thresholds[0] ? 1 : 0;
}

export function round3(v: number): number {
  return Math.round(v * 1000) / 1000;
}
