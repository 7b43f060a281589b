/**
 * Conduction statements (AV block, bundle branch and fascicular blocks, IVCD, pre-excitation) by the
 * AHA/ACC/HRS 2009 part III criteria, on the median beat's global intervals and per-lead QRS shape.
 */
import type { EcgMeasurements } from '../measure/measureEcg.js';
import { measured, note, type FamilyResult, type Finding } from './evidence.js';
import type { LeadFigures } from './leadFigures.js';
import { AXIS_DEG, PR_MS, QRS_MS, R_PEAK_TIME_MS, SOURCES } from './thresholds.js';
import type { StatementEvidence } from './types.js';

const SINUS = new Set(['SR', 'SBRAD', 'STACH', 'SARRH']);

/** LBBB shape: V1 mainly negative; I and V6 a monophasic R without Q, R-peak time in V6 (or V5) > 60 ms. */
function lbbbShape(f: Map<string, LeadFigures>): { ok: boolean; evidence: StatementEvidence[] } | null {
  const v1 = f.get('V1'), v6 = f.get('V6') ?? f.get('V5'), i = f.get('I');
  if (!v1 || !v6 || !i) return null;
  // A QS in V1 may be delineated as one deep Q: its depth is the larger of Q and S.
  const v1neg = Math.max(v1.sDepthMv, v1.qDepthMv);
  const rpt = v6.rPeakTimeMs;
  const ev = [
    note(`V1 ${v1neg > v1.rMv ? 'mainly negative' : 'not mainly negative'} (R ${v1.rMv.toFixed(2)} mV, Q/S ${v1neg.toFixed(2)} mV)`, v1neg > v1.rMv, 'rsV1', 'V1'),
    rpt === null ? note(`no R-peak time in ${v6.lead}`, false, 'rPeakTimeMs', v6.lead) : measured('rPeakTimeMs', v6.lead, rpt, 'ms', '>', R_PEAK_TIME_MS.lbbbV5V6Above),
    // Broad R without septal q in I and V6 (an RS in V6 is allowed: a displaced transition, AHA part III).
    note(`${v6.lead} R ${v6.rMv.toFixed(2)} mV, Q ${v6.qDepthMv.toFixed(2)} mV`, v6.rMv > v6.qDepthMv && v6.qDepthMv < 0.05, 'qV6', v6.lead),
    note(`I R ${i.rMv.toFixed(2)} mV, Q ${i.qDepthMv.toFixed(2)} mV`, i.rMv > i.qDepthMv && i.qDepthMv < 0.05, 'qI', 'I'),
  ];
  return { ok: ev.every((e) => e.supports), evidence: ev };
}

/** RBBB shape: R' or dominant R in V1 with an R-peak time > 50 ms; an S wave in I and V6. */
function rbbbShape(f: Map<string, LeadFigures>): { ok: boolean; evidence: StatementEvidence[] } | null {
  const v1 = f.get('V1'), v6 = f.get('V6') ?? f.get('V5'), i = f.get('I');
  if (!v1 || !v6 || !i) return null;
  const v1ok = v1.rPrimeMv >= 0.05 || (v1.rMv > Math.max(v1.sDepthMv, v1.qDepthMv) && v1.rMv >= 0.2);
  const rpt = v1.rPeakTimeMs;
  const ev = [
    rpt === null ? note('no R-peak time in V1', false, 'rPeakTimeMs', 'V1') : measured('rPeakTimeMs', 'V1', rpt, 'ms', '>', R_PEAK_TIME_MS.rbbbV1Above),
    note(`V1 ${v1.rPrimeMv >= 0.05 ? `rsR' (R' ${v1.rPrimeMv.toFixed(2)} mV)` : `R ${v1.rMv.toFixed(2)} mV, S ${v1.sDepthMv.toFixed(2)} mV`}`, v1ok, 'rPrimeV1', 'V1'),
    note(`S in I ${i.sDepthMv.toFixed(2)} mV`, i.sDepthMv >= 0.05, 'sI', 'I'),
    note(`S in ${v6.lead} ${v6.sDepthMv.toFixed(2)} mV`, v6.sDepthMv >= 0.05, 'sV6', v6.lead),
  ];
  return { ok: ev.every((e) => e.supports), evidence: ev };
}

/**
 * 1AVB, WPW, CLBBB/ILBBB, CRBBB/IRBBB, IVCD, LAFB, LPFB; 2AVB and 3AVB are listed as not determined
 * (sinus does not relate single P waves to QRS complexes yet).
 *
 * @example conductionFindings(m, leadFigures(m), 'SR').findings.map((f) => f.code) // ['CRBBB']
 */
export function conductionFindings(m: EcgMeasurements, f: Map<string, LeadFigures>, rhythmCode: string | null): FamilyResult {
  const findings: Finding[] = [];
  const undetermined: FamilyResult['undetermined'] = [
    { code: '2AVB', reason: 'needs P waves related to single QRS complexes beat by beat, which sinus does not measure yet' },
    { code: '3AVB', reason: 'needs P waves related to single QRS complexes beat by beat, which sinus does not measure yet' },
  ];
  const pr = m.prMs, qrs = m.qrsDurationMs, axis = m.qrsAxisDeg;
  const sinus = rhythmCode !== null && SINUS.has(rhythmCode);
  if (pr === null) undetermined.push({ code: '1AVB', reason: `PR not measured: ${m.reasons.prMs ?? 'unknown'}` });
  else if (!sinus) undetermined.push({ code: '1AVB', reason: `PR is judged in sinus rhythm only (rhythm: ${rhythmCode ?? 'undetermined'})` });
  else if (pr > PR_MS.firstDegreeBlockAbove) findings.push({ code: '1AVB', criterion: SOURCES.aha2009conduction, evidence: [measured('prMs', null, pr, 'ms', '>', PR_MS.firstDegreeBlockAbove)] });
  if (qrs === null) {
    for (const c of ['CLBBB', 'CRBBB', 'IVCD']) undetermined.push({ code: c, reason: `QRS duration not measured: ${m.reasons.qrsDurationMs ?? 'unknown'}` });
    return { findings, undetermined };
  }
  const qrsEv = (t: number) => measured('qrsDurationMs', null, qrs, 'ms', '>=', t);
  if (sinus && pr !== null && pr < PR_MS.shortBelow && qrs >= QRS_MS.incompleteBlockAtLeast) {
    findings.push({ code: 'WPW', criterion: SOURCES.aha2009conduction, evidence: [measured('prMs', null, pr, 'ms', '<', PR_MS.shortBelow), qrsEv(QRS_MS.incompleteBlockAtLeast)] });
  }
  const wpw = findings.some((x) => x.code === 'WPW');
  if (qrs >= QRS_MS.incompleteBlockAtLeast && !wpw) {
    const complete = qrs >= QRS_MS.completeBlockAtLeast;
    const l = lbbbShape(f), r = rbbbShape(f);
    if (!l || !r) undetermined.push({ code: complete ? 'CLBBB' : 'ILBBB', reason: 'needs leads I, V1 and V5 or V6' });
    else if (r.ok) { findings.push({ code: complete ? 'CRBBB' : 'IRBBB', criterion: SOURCES.aha2009conduction, evidence: [qrsEv(complete ? QRS_MS.completeBlockAtLeast : QRS_MS.incompleteBlockAtLeast), ...r.evidence] }); }
    else if (l.ok) { findings.push({ code: complete ? 'CLBBB' : 'ILBBB', criterion: SOURCES.aha2009conduction, evidence: [qrsEv(complete ? QRS_MS.completeBlockAtLeast : QRS_MS.incompleteBlockAtLeast), ...l.evidence] }); }
    else if (qrs > QRS_MS.ivcdAbove) findings.push({ code: 'IVCD', criterion: SOURCES.aha2009conduction, evidence: [measured('qrsDurationMs', null, qrs, 'ms', '>', QRS_MS.ivcdAbove), note('neither the LBBB nor the RBBB pattern', true)] });
  }
  const lbbb = findings.some((x) => x.code === 'CLBBB');
  if (axis !== null && !lbbb && (qrs < QRS_MS.fascicularBlockBelow || findings.some((x) => x.code === 'CRBBB'))) {
    const avl = f.get('aVL'), i = f.get('I'), iii = f.get('III'), avf = f.get('aVF');
    if (axis <= AXIS_DEG.lafbHigh && axis >= -90 && avl) {
      const qR = avl.rMv > avl.sDepthMv && avl.qDepthMv > 0;
      if (qR) findings.push({ code: 'LAFB', criterion: SOURCES.aha2009conduction, evidence: [measured('qrsAxisDeg', null, axis, 'deg', '<=', AXIS_DEG.lafbHigh), note(`qR in aVL (Q ${avl.qDepthMv.toFixed(2)} mV, R ${avl.rMv.toFixed(2)} mV)`, true, 'qRaVL', 'aVL')] });
    }
    if (axis >= AXIS_DEG.lpfbLow && axis <= 180 && i && avl && iii && avf) {
      const rS = i.sDepthMv > i.rMv && avl.sDepthMv > avl.rMv, qR = iii.rMv > iii.sDepthMv && iii.qDepthMv > 0 && avf.rMv > avf.sDepthMv;
      if (rS && qR) findings.push({ code: 'LPFB', criterion: SOURCES.aha2009conduction, evidence: [measured('qrsAxisDeg', null, axis, 'deg', '>=', AXIS_DEG.lpfbLow), note('rS in I and aVL, qR in III and aVF', true)] });
    }
  }
  return { findings, undetermined };
}
