/**
 * Chamber enlargement and QRS voltage: LVH (Sokolow-Lyon, Cornell; with repolarization abnormality),
 * RVH, left and right atrial enlargement, low and high QRS voltage (AHA/ACC/HRS 2009 part V).
 */
import type { EcgMeasurements } from '../measure/measureEcg.js';
import { measured, note, type FamilyResult, type Finding } from './evidence.js';
import type { PatientData } from './interpretInput.js';
import type { LeadFigures } from './leadFigures.js';
import { ATRIAL, AXIS_DEG, LOW_VOLTAGE_MV, LVH_MV, QRS_MS, RVH, SOURCES, ST_MV } from './thresholds.js';
import type { StatementQualifier } from './types.js';

const LIMB = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF'];
const PRECORDIAL = ['V1', 'V2', 'V3', 'V4', 'V5', 'V6'];

/** Lateral ST depression or T inversion (the LVH "strain" pattern) in any of I, aVL, V5, V6. */
function lateralRepolarizationAbnormality(f: Map<string, LeadFigures>): string[] {
  return ['I', 'aVL', 'V5', 'V6'].filter((l) => {
    const x = f.get(l);
    if (!x || x.rMv < ST_MV.prominentRAtLeast) return false;
    const t = x.m.amplitudes.tMv, st = x.m.amplitudes.stJ60Mv;
    return (t !== null && t < -ST_MV.tInversionBeyond) || (st !== null && st <= -ST_MV.depressionAtLeast);
  });
}

/**
 * LVH / HVOLT, RVH, LAO/LAE, RAO/RAE, LVOLT. Voltage criteria are not read as LVH with a complete
 * bundle branch block (`bbb`) or pre-excitation.
 *
 * @example hypertrophyFindings(m, leadFigures(m), { ageYears: 60, sex: 'male' }, false).findings
 */
export function hypertrophyFindings(m: EcgMeasurements, f: Map<string, LeadFigures>, patient: PatientData, bbb: boolean): FamilyResult {
  const findings: Finding[] = [];
  const undetermined: FamilyResult['undetermined'] = [];
  const { sokolowLyonMv: sl, cornellMv: cornell } = m.voltage;
  const cornellLimit = patient.sex === 'female' ? LVH_MV.cornellWomenAbove : LVH_MV.cornellMenAbove;
  const ev = [
    ...(sl === null ? [] : [measured('sokolowLyonMv', null, sl, 'mV', '>=', LVH_MV.sokolowLyonAtLeast)]),
    ...(cornell === null ? [] : [measured('cornellMv', null, cornell, 'mV', '>', cornellLimit)]),
  ];
  const met = ev.some((e) => e.supports);
  if (cornell !== null && patient.sex === null) ev.push(note(`sex unknown: Cornell judged by the men's limit ${LVH_MV.cornellMenAbove} mV`, true, 'sex'));
  if (ev.length === 0) undetermined.push({ code: 'LVH', reason: 'needs V1, V3, V5/V6 and aVL for the voltage criteria' });
  else if (met) {
    if (bbb) undetermined.push({ code: 'LVH', reason: 'LVH voltage criteria are not read with a complete bundle branch block' });
    else if (patient.ageYears !== null && patient.ageYears < LVH_MV.minAgeYears) {
      findings.push({ code: 'HVOLT', criterion: SOURCES.aha2009hypertrophy, evidence: [...ev, measured('ageYears', null, patient.ageYears, 'years', '<', LVH_MV.minAgeYears)] });
    } else {
      const strain = lateralRepolarizationAbnormality(f);
      const qualifiers: StatementQualifier[] = strain.length ? ['with_repolarization_abnormality'] : [];
      if (strain.length) ev.push(note(`ST depression or T inversion in ${strain.join(', ')}`, true, 'strain'));
      findings.push({ code: 'LVH', criterion: `${SOURCES.sokolowLyon}; ${SOURCES.cornell}`, evidence: ev, qualifiers });
    }
  }
  const axis = m.qrsAxisDeg, v1 = f.get('V1');
  if (axis !== null && v1 && axis > AXIS_DEG.normalHigh && (m.qrsDurationMs ?? 0) < QRS_MS.completeBlockAtLeast) {
    const ratio = v1.sDepthMv > 0 ? v1.rMv / v1.sDepthMv : v1.rMv > 0 ? Infinity : 0;
    if (v1.rMv >= RVH.rV1AtLeastMv || ratio > RVH.rsRatioV1Above) {
      findings.push({ code: 'RVH', criterion: SOURCES.aha2009hypertrophy, evidence: [measured('qrsAxisDeg', null, axis, 'deg', '>', AXIS_DEG.normalHigh), measured('rMv', 'V1', v1.rMv, 'mV', '>=', RVH.rV1AtLeastMv), note(`R/S in V1 ${Number.isFinite(ratio) ? ratio.toFixed(2) : 'no S'}`, ratio > RVH.rsRatioV1Above, 'rsRatio', 'V1')] });
    }
  }
  if (m.pDurationMs === null) undetermined.push({ code: 'LAO/LAE', reason: `P duration not measured: ${m.reasons.pDurationMs ?? 'unknown'}` });
  else if (m.pDurationMs >= ATRIAL.leftPDurationAtLeastMs) findings.push({ code: 'LAO/LAE', criterion: SOURCES.aha2009hypertrophy, evidence: [measured('pDurationMs', null, m.pDurationMs, 'ms', '>=', ATRIAL.leftPDurationAtLeastMs)] });
  const pII = f.get('II')?.m.amplitudes.pMv ?? null;
  if (pII !== null && pII >= ATRIAL.rightPIIAtLeastMv) findings.push({ code: 'RAO/RAE', criterion: SOURCES.aha2009hypertrophy, evidence: [measured('pMv', 'II', pII, 'mV', '>=', ATRIAL.rightPIIAtLeastMv)] });
  const low = (names: string[], limit: number) => {
    const xs = names.map((n) => f.get(n)?.qrsPeakToPeakMv ?? null);
    if (xs.some((x) => x === null)) return null;
    const max = Math.max(...(xs as number[]));
    return { max, lead: names[xs.indexOf(max)], low: max < limit };
  };
  const limb = low(LIMB, LOW_VOLTAGE_MV.limbBelow), prec = low(PRECORDIAL, LOW_VOLTAGE_MV.precordialBelow);
  if (limb?.low || prec?.low) {
    const q: StatementQualifier[] = limb?.low && prec?.low ? [] : limb?.low ? ['limb_leads'] : ['precordial_leads'];
    const evs = [limb, prec].flatMap((x, k) => (x ? [measured('qrsPeakToPeakMv', x.lead, x.max, 'mV', '<', k === 0 ? LOW_VOLTAGE_MV.limbBelow : LOW_VOLTAGE_MV.precordialBelow)] : []));
    findings.push({ code: 'LVOLT', criterion: SOURCES.aha2009rhythm, evidence: evs, qualifiers: q });
  }
  return { findings, undetermined };
}
