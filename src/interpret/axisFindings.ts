/** Frontal QRS axis statements (left, right, extreme axis deviation), AHA/ACC/HRS 2007 part I. */
import { measured, type FamilyResult } from './evidence.js';
import type { EcgMeasurements } from '../measure/measureEcg.js';
import { AXIS_DEG, SOURCES } from './thresholds.js';

/**
 * The axis class of a frontal QRS axis (deg): 'normal', 'LAD' (-30..-90), 'RAD' (90..180), 'EXTAX' (-90..-180).
 *
 * @example axisClass(-45) // 'LAD'
 */
export function axisClass(axisDeg: number): 'normal' | 'LAD' | 'RAD' | 'EXTAX' {
  const a = ((((axisDeg + 180) % 360) + 360) % 360) - 180;
  if (a >= AXIS_DEG.normalLow && a <= AXIS_DEG.normalHigh) return 'normal';
  if (a < AXIS_DEG.normalLow && a >= -90) return 'LAD';
  if (a > AXIS_DEG.normalHigh) return 'RAD';
  return 'EXTAX';
}

/**
 * LAD, RAD or EXTAX from the measured frontal QRS axis; nothing for a normal axis.
 *
 * @example axisFindings(m).findings[0]?.code // 'LAD'
 */
export function axisFindings(m: EcgMeasurements): FamilyResult {
  const axis = m.qrsAxisDeg;
  if (axis === null) return { findings: [], undetermined: [{ code: 'LAD', reason: `QRS axis not measured: ${m.reasons.qrsAxisDeg ?? 'unknown'}` }] };
  const c = axisClass(axis);
  if (c === 'normal') return { findings: [], undetermined: [] };
  const ev = c === 'LAD' ? measured('qrsAxisDeg', null, axis, 'deg', '<', AXIS_DEG.normalLow) : c === 'RAD' ? measured('qrsAxisDeg', null, axis, 'deg', '>', AXIS_DEG.normalHigh) : measured('qrsAxisDeg', null, axis, 'deg', '<', -90);
  return { findings: [{ code: c, criterion: SOURCES.aha2009rhythm, evidence: [ev] }], undetermined: [] };
}
