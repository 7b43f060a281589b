/**
 * Myocardial infarction by territory from pathological Q waves (fourth universal definition of MI,
 * 2018; Minnesota Code 1), "possibly acute" when the same territory shows ST elevation, else "age
 * undetermined". Not judged with LBBB, pacing or pre-excitation, which make Q waves meaningless.
 */
import { measured, note, type FamilyResult, type Finding } from './evidence.js';
import type { LeadFigures } from './leadFigures.js';
import { Q_WAVE, SOURCES } from './thresholds.js';
import type { StatementEvidence, StatementQualifier } from './types.js';

/** Whether a lead shows a pathological Q (or QS), with the evidence. */
function pathologicalQ(x: LeadFigures | undefined, v2v3: boolean): StatementEvidence | null {
  if (!x) return null;
  if (x.qs && (x.m.qrsDurationMs ?? 0) > 0 && Math.max(x.sDepthMv, x.qDepthMv) >= Q_WAVE.depthAtLeastMv) return note(`QS complex in ${x.lead}`, true, 'qs', x.lead);
  if (x.qDurationMs === null || x.qDepthMv <= 0) return null;
  const limit = v2v3 ? Q_WAVE.v2v3DurationAtLeastMs : Q_WAVE.durationAtLeastMs;
  if (x.qDurationMs < limit) return null;
  // The 0.1 mV depth is UDMI's for leads other than V2-V3; sinus asks it there too, so a 0.02 mV
  // notch of the delineation is not read as a Q wave.
  if (x.qDepthMv < Q_WAVE.depthAtLeastMv) return null;
  return { ...measured('qDurationMs', x.lead, x.qDurationMs, 'ms', '>=', limit), text: `Q ${x.qDurationMs.toFixed(0)} ms (>= ${limit} ms), ${x.qDepthMv.toFixed(2)} mV deep in ${x.lead}` };
}

/**
 * IMI, ILMI, ASMI, AMI, ALMI, LMI, PMI from Q waves in contiguous leads; `stElevated` names the
 * territories whose ST elevation makes the infarct "possibly acute"; `confounder` (LBBB, paced, WPW)
 * stops the judgement.
 *
 * @example infarctionFindings(leadFigures(m), new Set(), null).findings.map((f) => f.code) // ['IMI']
 */
export function infarctionFindings(f: Map<string, LeadFigures>, stElevated: ReadonlySet<string>, confounder: string | null): FamilyResult {
  if (confounder) return { findings: [], undetermined: ['IMI', 'ASMI', 'AMI', 'LMI'].map((code) => ({ code, reason: `Q waves are not read with ${confounder}` })) };
  const q = (l: string) => pathologicalQ(f.get(l), l === 'V2' || l === 'V3');
  const both = (a: string, b: string) => { const x = q(a), y = q(b); return x && y ? [x, y] : null; };
  // Inferior: aVF and one of its neighbours in the contiguous group II, III, aVF (UDMI 2018's group;
  // Minnesota Code 1 reads a Q in III only together with one in aVF).
  const inferior = both('II', 'aVF') ?? both('III', 'aVF');
  // Anteroseptal: V2 and V3 both (UDMI "in leads V2-V3"; a QS in V1, or in V1-V2 alone, is common
  // in normal hearts and with a missed small r), or QS in V1, V2 and V3 (Minnesota 1-3-6).
  const anteroseptal = both('V2', 'V3');
  const anterior = both('V3', 'V4');
  const lateral = both('I', 'aVL') ?? both('V5', 'V6');
  const terr: Array<[string, StatementEvidence[] | null, string]> = [];
  if (inferior && lateral) terr.push(['ILMI', [...inferior, ...lateral], 'inferolateral']);
  else if (inferior) terr.push(['IMI', inferior, 'inferior']);
  if (anteroseptal) terr.push(['ASMI', anteroseptal, 'anteroseptal']);
  if (anterior && lateral && !inferior) terr.push(['ALMI', [...anterior, ...lateral], 'anterolateral']);
  else if (anterior && !anteroseptal) terr.push(['AMI', anterior, 'anterior']);
  if (lateral && !inferior && !anterior) terr.push(['LMI', lateral, 'lateral']);
  const findings: Finding[] = terr.map(([code, ev, t]) => {
    const acute = stElevated.has(t) || (t === 'inferolateral' && (stElevated.has('inferior') || stElevated.has('lateral'))) || (t === 'anterolateral' && (stElevated.has('anterior') || stElevated.has('lateral'))) || ((t === 'anteroseptal' || t === 'anterior') && (stElevated.has('anteroseptal') || stElevated.has('anterior')));
    const qualifiers: StatementQualifier[] = [acute ? 'acute' : 'age_undetermined'];
    return { code, criterion: `${SOURCES.udmi2018}; ${SOURCES.minnesota}`, evidence: [...ev!, ...(acute ? [note(`ST elevation in the ${t} territory`, true, 'stElevation')] : [])], qualifiers };
  });
  // Posterior: tall R in V1-V2 (R/S > 1) with upright T, the mirror of posterior Q waves.
  const v1f = f.get('V1'), v2f = f.get('V2');
  if (v1f && v2f && v1f.rMv > v1f.sDepthMv && v2f.rMv > v2f.sDepthMv && v1f.rMv >= 0.3 && (v1f.m.amplitudes.tMv ?? 0) > 0) {
    findings.push({ code: 'PMI', criterion: SOURCES.udmi2018, evidence: [note(`R/S > 1 in V1 (R ${v1f.rMv.toFixed(2)}, S ${v1f.sDepthMv.toFixed(2)} mV) and V2, upright T in V1`, true, 'rsRatio', 'V1')], qualifiers: ['age_undetermined'] });
  }
  return { findings, undetermined: [] };
}
