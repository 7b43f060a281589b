/**
 * Builders of statement evidence and the internal finding a criterion returns, so every criterion
 * states its value, threshold and comparison the same way.
 */
import type { StatementEvidence, StatementQualifier } from './types.js';

/** What a criterion returns for one statement it makes (turned into a Statement by interpretEcg). */
export interface Finding {
  code: string;
  /** The published criterion used (a SOURCES entry or a shorter name). */
  criterion: string;
  evidence: StatementEvidence[];
  qualifiers?: StatementQualifier[];
}

/** A statement a criterion could not judge, and why. */
export interface Undetermined {
  code: string;
  reason: string;
}

/** What a family of criteria returns. */
export interface FamilyResult {
  findings: Finding[];
  undetermined: Undetermined[];
}

type Cmp = NonNullable<StatementEvidence['comparison']>;

const holds = (v: number, c: Cmp, t: number) => (c === '>' ? v > t : c === '>=' ? v >= t : c === '<' ? v < t : c === '<=' ? v <= t : false);

/**
 * Number formatted for evidence text: whole for ms/bpm/deg, two decimals for mV.
 *
 * @example formatValue(0.123, 'mV') // '0.12'
 */
export function formatValue(v: number, unit: string | null): string {
  return unit === 'mV' ? v.toFixed(2) : unit === 'mV*s' ? v.toFixed(4) : v.toFixed(0);
}

/**
 * Evidence that a measured value was compared with a threshold; `supports` is whether the
 * comparison holds (or `supportsWhenHolds` false for an exclusion check).
 *
 * @example measured('qrsDurationMs', null, 132, 'ms', '>=', 120) // text 'QRS duration 132 ms >= 120 ms'
 */
export function measured(name: string, lead: string | null, value: number, unit: string | null, comparison: Cmp, threshold: number, supportsWhenHolds = true): StatementEvidence {
  const h = holds(value, comparison, threshold);
  const label = LABELS[name] ?? name;
  const u = unit ? ` ${unit}` : '';
  const shown = h ? comparison : NEGATION[comparison];
  return {
    kind: 'measurement', name, lead, value, unit, threshold, comparison, supports: supportsWhenHolds ? h : !h,
    text: `${label}${lead ? ` in ${lead}` : ''} ${formatValue(value, unit)}${u} ${shown} ${formatValue(threshold, unit)}${u}`,
  };
}

/**
 * Evidence in words (a check that is not a single threshold: a pattern, a model, an exclusion).
 *
 * @example note('no bundle branch block', true)
 */
export function note(text: string, supports: boolean, name = 'note', lead: string | null = null): StatementEvidence {
  return { kind: 'note', name, lead, value: null, unit: null, threshold: null, comparison: null, supports, text };
}

const NEGATION: Record<Cmp, string> = { '>': '<=', '>=': '<', '<': '>=', '<=': '>', between: 'outside', outside: 'between' };

const LABELS: Record<string, string> = {
  qrsDurationMs: 'QRS duration', prMs: 'PR', pDurationMs: 'P duration', heartRateBpm: 'heart rate', qrsAxisDeg: 'QRS axis',
  pAxisDeg: 'P axis', qtcFraminghamMs: 'QTc (Framingham)', sokolowLyonMv: 'Sokolow-Lyon voltage', cornellMv: 'Cornell voltage',
  rMv: 'R', sMv: 'S', qMv: 'Q', tMv: 'T', pMv: 'P', stJMv: 'ST at J', stJ60Mv: 'ST at J+60 ms', qDurationMs: 'Q duration', rPeakTimeMs: 'R-peak time',
  qrsPeakToPeakMv: 'QRS peak-to-peak', rrRangeMs: 'range of the normal RR intervals', rsRatio: 'R/S', ageYears: 'age',
};
