/**
 * ST-T and QT statements: ST elevation and depression and T inversion by territory (two contiguous
 * leads, UDMI 2018 / AHA 2009 parts IV and VI), Sgarbossa's concordant ST elevation in LBBB,
 * non-specific ST-T changes, long and short QTc (AHA 2009 part IV).
 */
import type { EcgMeasurements } from '../measure/measureEcg.js';
import { measured, note, type FamilyResult, type Finding } from './evidence.js';
import type { PatientData } from './interpretInput.js';
import type { LeadFigures } from './leadFigures.js';
import { QRS_MS, QTC_MS, SOURCES, ST_MV } from './thresholds.js';
import type { StatementEvidence, StatementQualifier } from './types.js';

/** Contiguous lead groups by territory. */
export const TERRITORIES: ReadonlyArray<{ name: StatementQualifier; leads: string[] }> = [
  { name: 'inferior', leads: ['II', 'III', 'aVF'] },
  { name: 'lateral', leads: ['I', 'aVL', 'V5', 'V6'] },
  { name: 'anteroseptal', leads: ['V1', 'V2', 'V3', 'V4'] },
];

/** ST elevation limit (mV) of a lead for this patient (V2-V3 by sex and age). */
function elevationLimitMv(lead: string, p: PatientData): number {
  if (lead !== 'V2' && lead !== 'V3') return ST_MV.elevationAtLeast;
  if (p.sex === 'female') return ST_MV.elevationV2V3Women;
  return p.ageYears !== null && p.ageYears < 40 ? ST_MV.elevationV2V3MenUnder40 : ST_MV.elevationV2V3Men40;
}

/** Leads of a territory in which `hit` gives evidence, when at least two are neighbours in the list. */
function contiguous(leads: string[], hit: (l: string) => StatementEvidence | null): StatementEvidence[] | null {
  const ev = leads.map(hit);
  for (let i = 1; i < ev.length; i++) if (ev[i] && ev[i - 1]) return ev.filter((e): e is StatementEvidence => e !== null);
  return null;
}

/**
 * STE_, STD_, INVT, NST_ by territory (qualifier), LNGQT, SHTQT. `secondary` names a cause of
 * secondary repolarization changes (LBBB, RBBB, LVH with strain, paced, WPW); with it, ST depression
 * and T inversion are not stated, and in LBBB ST elevation is judged by Sgarbossa's concordance.
 *
 * @example stTFindings(m, leadFigures(m), patient, null).findings.map((f) => f.code)
 */
export function stTFindings(m: EcgMeasurements, f: Map<string, LeadFigures>, patient: PatientData, secondary: string | null, lbbb: boolean): FamilyResult & { stElevatedTerritories: Set<string> } {
  const findings: Finding[] = [];
  const undetermined: FamilyResult['undetermined'] = [];
  const elevated = new Set<string>();
  const st = (l: string) => f.get(l)?.m.amplitudes.stJMv ?? null;
  for (const t of TERRITORIES) {
    const ste = contiguous(t.leads, (l) => {
      const v = st(l), x = f.get(l);
      if (v === null || !x) return null;
      if (lbbb) {
        // Sgarbossa: ST elevation concordant with a mainly positive QRS.
        const positive = x.rMv > Math.max(x.sDepthMv, x.qDepthMv);
        return positive && v >= ST_MV.sgarbossaConcordantAtLeast ? measured('stJMv', l, v, 'mV', '>=', ST_MV.sgarbossaConcordantAtLeast) : null;
      }
      const e = measured('stJMv', l, v, 'mV', '>=', elevationLimitMv(l, patient));
      return e.supports ? e : null;
    });
    if (ste) { elevated.add(t.name); findings.push({ code: 'STE_', criterion: lbbb ? SOURCES.sgarbossa : SOURCES.udmi2018, evidence: ste, qualifiers: lbbb ? [t.name, 'sgarbossa'] : [t.name] }); }
  }
  const depressed = (l: string) => {
    const x = f.get(l), j = x?.m.amplitudes.stJMv ?? null, j60 = x?.m.amplitudes.stJ60Mv ?? null;
    if (j === null || j60 === null || l === 'aVR') return null;
    return j <= -ST_MV.depressionAtLeast && j60 <= -ST_MV.depressionAtLeast && j60 <= j + 0.02 ? measured('stJ60Mv', l, j60, 'mV', '<=', -ST_MV.depressionAtLeast) : null;
  };
  const inverted = (l: string) => {
    const x = f.get(l), t = x?.m.amplitudes.tMv ?? null;
    if (!x || t === null || l === 'aVR' || l === 'V1' || l === 'III' || x.rMv < ST_MV.prominentRAtLeast) return null;
    return t < -ST_MV.tInversionBeyond ? measured('tMv', l, t, 'mV', '<', -ST_MV.tInversionBeyond) : null;
  };
  if (secondary) {
    undetermined.push({ code: 'STD_', reason: `ST-T changes are secondary with ${secondary}` }, { code: 'INVT', reason: `ST-T changes are secondary with ${secondary}` });
  } else {
    let single: StatementEvidence | null = null;
    for (const t of TERRITORIES) {
      const std = contiguous(t.leads, depressed);
      if (std && !elevated.size) findings.push({ code: 'STD_', criterion: SOURCES.udmi2018, evidence: std, qualifiers: [t.name] });
      const inv = contiguous(t.leads, inverted);
      if (inv) findings.push({ code: 'INVT', criterion: SOURCES.udmi2018, evidence: inv, qualifiers: [t.name] });
      single ??= t.leads.map(depressed).find((e) => e) ?? t.leads.map(inverted).find((e) => e) ?? null;
    }
    if (single && !findings.some((x) => x.code === 'STD_' || x.code === 'INVT' || x.code === 'STE_')) findings.push({ code: 'NST_', criterion: SOURCES.aha2009qt, evidence: [single, note('in one lead only (two contiguous leads are needed for a territory)', true)] });
  }
  const qtc = m.qtc.framinghamMs, qrs = m.qrsDurationMs;
  if (qtc === null) undetermined.push({ code: 'LNGQT', reason: `QT not measured: ${m.reasons.qtMs ?? m.reasons.rrMs ?? 'unknown'}` });
  else if (qrs !== null && qrs >= QRS_MS.completeBlockAtLeast) undetermined.push({ code: 'LNGQT', reason: `QT is not judged with QRS ${qrs.toFixed(0)} ms (>= ${QRS_MS.completeBlockAtLeast} ms)` });
  else {
    const limit = patient.sex === 'female' ? QTC_MS.longWomenAtLeast : QTC_MS.longMenAtLeast;
    const bazett = m.qtc.bazettMs === null ? [] : [note(`QTc Bazett ${m.qtc.bazettMs.toFixed(0)} ms, QT ${m.qtMs!.toFixed(0)} ms`, true, 'qtcBazettMs')];
    if (qtc >= limit) findings.push({ code: 'LNGQT', criterion: SOURCES.aha2009qt, evidence: [measured('qtcFraminghamMs', null, qtc, 'ms', '>=', limit), ...bazett, ...(patient.sex === null ? [note(`sex unknown: the men's limit ${QTC_MS.longMenAtLeast} ms applied`, true, 'sex')] : [])] });
    else if (qtc <= QTC_MS.shortAtMost) findings.push({ code: 'SHTQT', criterion: SOURCES.aha2009qt, evidence: [measured('qtcFraminghamMs', null, qtc, 'ms', '<=', QTC_MS.shortAtMost), ...bazett] });
  }
  return { findings, undetermined, stElevatedTerritories: elevated };
}
