import type { AnalysisSections } from '../report/analysisSections.js';
import type { Statement } from '../interpret/types.js';
import type { AnswerEvidence, PartialAnswer, QuestionIntent } from './types.js';

const RHYTHM_LABELS: Record<string, string[]> = {
  AFIB: ['atrial_fibrillation'],
  AFLT: ['atrial_flutter'],
  SBRAD: ['sinus_bradycardia'],
  STACH: ['sinus_tachycardia'],
  SR: ['sinus_rhythm'],
  SVTAC: ['svta'],
  BIGU: ['ventricular_bigeminy'],
  TRIGU: ['ventricular_trigeminy'],
};

/** ST deviation thresholds at the J point (Fourth Universal Definition of MI, 2018; V2-V3 at the men >= 40 y value, sex unknown). */
const ST_ELEVATION_MV = (lead: string) => (lead === 'V2' || lead === 'V3' ? 0.2 : 0.1);
const ST_DEPRESSION_MV = -0.05;

function statementEvidence(st: Statement, ecgIndex: number): AnswerEvidence[] {
  return [
    { ecgIndex, kind: 'statement', name: st.code, lead: null, value: st.certainty, unit: null, text: `${st.text} (${st.criterion})` },
    ...st.evidence.filter((e) => e.supports).slice(0, 8).map((e) => ({ ecgIndex, kind: 'measurement' as const, name: e.name, lead: e.lead, value: e.value, unit: e.unit, text: e.text })),
  ];
}

function matches(st: { code: string }, code: string): boolean {
  return st.code === code || (code.endsWith('_') && st.code.startsWith(code.slice(0, -1)));
}

/** Leads whose J-point ST level (or T polarity) shows the finding, from the measurements. */
function measuredLeads(code: string, s: AnalysisSections, ecgIndex: number): { leads: string[]; evidence: AnswerEvidence[] } | null {
  const m = s.measurements;
  if (!m) return null;
  const leads: string[] = [];
  const evidence: AnswerEvidence[] = [];
  for (const l of m.leads) {
    const st = l.amplitudes.stJMv;
    if (code === 'STE_' && st != null && l.lead !== 'aVR' && st >= ST_ELEVATION_MV(l.lead)) leads.push(l.lead);
    else if (code === 'STD_' && st != null && l.lead !== 'aVR' && st <= ST_DEPRESSION_MV) leads.push(l.lead);
    else if (code === 'INVT' && l.tPolarity === 'negative' && !['aVR', 'V1', 'III'].includes(l.lead)) leads.push(l.lead);
    else continue;
    evidence.push(code === 'INVT'
      ? { ecgIndex, kind: 'measurement', name: 'tPolarity', lead: l.lead, value: 'negative', unit: null, text: `negative T wave in ${l.lead}` }
      : { ecgIndex, kind: 'measurement', name: 'stJMv', lead: l.lead, value: Math.round(st! * 1000) / 1000, unit: 'mV', text: `ST at J ${st! >= 0 ? '+' : ''}${st!.toFixed(2)} mV in ${l.lead} (threshold ${code === 'STE_' ? `+${ST_ELEVATION_MV(l.lead)}` : ST_DEPRESSION_MV} mV)` });
  }
  return { leads, evidence };
}

/**
 * Verify / choose / which-leads questions about SCP statements, from the interpretation's
 * statements (and their evidence); rhythm questions fall back to the rhythm stage, and ST / T
 * lead questions to the per-lead measurements, when there is no interpretation.
 *
 * @example statementFinding(parseQuestion('is there AF?'), analysisSections(a), 0, 'verify').answer // ['no']
 */
export function statementFinding(intent: QuestionIntent, s: AnalysisSections, ecgIndex: number, mode: 'verify' | 'choose' | 'leads'): PartialAnswer {
  const interp = s.interpretation;
  const codes = intent.attributes;
  if (mode === 'leads') {
    const code = codes[0];
    const st = interp?.statements.find((x) => matches(x, code));
    if (st) {
      const leads = [...new Set(st.evidence.filter((e) => e.supports && e.lead).map((e) => e.lead!))];
      return { status: 'answered', answer: leads.length ? leads.map((l) => `lead ${l}`) : ['none'], text: `${st.text}${leads.length ? ` in ${leads.join(', ')}` : ''}.`, reason: null, evidence: statementEvidence(st, ecgIndex) };
    }
    const measured = measuredLeads(code, s, ecgIndex);
    if (!measured) return cannot(`no per-lead measurements: ${s.missing.measurements ?? 'not computed'}`);
    if (!['STE_', 'STD_', 'INVT'].includes(code) && !interp) return cannot('no interpretation to say which leads show it');
    const { leads, evidence } = measured;
    const what = code === 'STE_' ? 'ST elevation (J point >= 0.1 mV; V2-V3 >= 0.2 mV)' : code === 'STD_' ? 'ST depression (J point <= -0.05 mV)' : code === 'INVT' ? 'inverted T waves (aVR, V1, III not counted)' : code;
    return { status: 'answered', answer: leads.length ? leads.map((l) => `lead ${l}`) : ['none'], text: leads.length ? `${what} in ${leads.join(', ')}.` : `No lead shows ${what}.`, reason: null, evidence };
  }
  const found: string[] = [];
  const evidence: AnswerEvidence[] = [];
  for (const code of codes) {
    const all = interp ? [...(interp.rhythm ? [interp.rhythm] : []), ...interp.statements] : [];
    const st = all.find((x) => matches(x, code));
    if (st) {
      found.push(code);
      evidence.push(...statementEvidence(st, ecgIndex));
      continue;
    }
    const nd = interp?.notDetermined.find((x) => matches(x, code));
    if (nd && mode === 'verify' && codes.length === 1) return cannot(`${nd.text}: ${nd.reason}`);
    if (!interp) {
      const labels = RHYTHM_LABELS[code];
      if (!labels || !s.rhythm) return cannot(`no interpretation: ${s.missing.interpretation ?? 'the interpretation stage did not run'}`);
      const eps = s.rhythm.episodes.filter((e) => labels.includes(e.label));
      const seconds = eps.reduce((t, e) => t + (e.endSample - e.startSample), 0) / s.fsHz;
      evidence.push({ ecgIndex, kind: 'rhythm', name: labels[0], lead: null, value: Math.round(seconds * 10) / 10, unit: 's', text: `${labels[0].replace(/_/g, ' ')}: ${eps.length} episode(s), ${seconds.toFixed(1)} s (rhythm stage)` });
      if (seconds > 0) found.push(code);
      continue;
    }
    evidence.push({ ecgIndex, kind: 'note', name: code, lead: null, value: false, unit: null, text: `${code} is not among sinus's statements (${interp.summary.text})` });
  }
  if (mode === 'choose') return { status: 'answered', answer: found.length ? found : ['none'], text: found.length ? `${found.join(', ')}.` : 'Neither.', reason: null, evidence };
  const yes = found.length > 0;
  return { status: 'answered', answer: [yes ? 'yes' : 'no'], text: yes ? `Yes: ${found.join(', ')}.` : `No: ${codes.join(', ')} not found.`, reason: null, evidence };
}

function cannot(reason: string): PartialAnswer {
  return { status: 'cannot_determine', answer: [], text: `Cannot determine: ${reason}.`, reason, evidence: [] };
}
