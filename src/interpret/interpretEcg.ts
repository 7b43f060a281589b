/**
 * interpretEcg: the statements a careful reader would sign, from the typed outputs of the earlier
 * stages, each with its evidence; one reconciled rhythm statement; what could not be judged and why;
 * a summary class; the device's statements beside sinus's. Pure and browser-safe.
 */
import { CATALOGUE, CATALOGUE_VERSION, catalogueEntry, statementText } from './catalogue.js';
import { conductionFindings } from './conductionFindings.js';
import { deviceAgreement } from './deviceStatements.js';
import { ectopyFindings } from './ectopyFindings.js';
import { axisFindings } from './axisFindings.js';
import type { FamilyResult, Finding, Undetermined } from './evidence.js';
import { note } from './evidence.js';
import { hypertrophyFindings } from './hypertrophyFindings.js';
import { infarctionFindings } from './infarctionFindings.js';
import type { InterpretInput, PatientData } from './interpretInput.js';
import { leadFigures } from './leadFigures.js';
import { reconciledRhythm, rhythmEpisodeDecisions, type RhythmDecision } from './reconciledRhythm.js';
import { stTFindings } from './stTFindings.js';
import { summaryOf } from './summaryClass.js';
import { MIN_MEDIAN_BEATS } from './thresholds.js';
import { statementCertainty } from './certainty.js';
import { certaintyFeatures } from './certaintyFeatures.js';
import type { Interpretation, RhythmStatement, Statement, StatementCategory, UndeterminedStatement } from './types.js';

/** Print order of the categories, as 12-lead programs list them. */
const ORDER: StatementCategory[] = ['rhythm', 'pacing', 'ectopy', 'conduction', 'axis', 'hypertrophy', 'voltage', 'infarction', 'st_t', 'qt', 'quality'];
const MORPHOLOGY = ['1AVB', 'CLBBB', 'CRBBB', 'IVCD', 'LAFB', 'LAD', 'LVH', 'RVH', 'LAO/LAE', 'IMI', 'ASMI', 'AMI', 'LMI', 'STE_', 'STD_', 'INVT', 'LNGQT'];

function statementOf(f: Finding): Statement {
  const e = catalogueEntry(f.code);
  return {
    code: f.code, ahaCode: e.ahaCode, text: statementText(f.code, 'en', f.qualifiers), textDe: statementText(f.code, 'de', f.qualifiers),
    category: e.category, certainty: null, certaintySource: null,
    criterion: f.criterion, evidence: f.evidence, ...(f.qualifiers?.length ? { qualifiers: f.qualifiers } : {}), superclass: e.superclass, severity: e.severity,
  };
}

function rhythmStatementOf(d: RhythmDecision): RhythmStatement {
  return { ...statementOf({ code: d.code, criterion: d.criterion, evidence: d.evidence }), startSample: d.startSample, endSample: d.endSample, opinions: d.opinions, resolution: d.resolution };
}

function undeterminedOf(u: Undetermined): UndeterminedStatement {
  const e = CATALOGUE[u.code];
  return { code: u.code, text: e ? e.text.en : u.code, category: e?.category ?? 'quality', reason: u.reason };
}

/** Why morphology cannot be read at all (no measurements, too few beats, unusable record), or null. */
function morphologyBlocker(input: InterpretInput): string | null {
  const m = input.measurements;
  if (input.quality?.verdict === 'unusable') return `the record is judged unusable (${input.quality.reasons.join('; ') || 'quality'})`;
  if (!m) return 'no measurements (the measurement stage did not run or gave nothing)';
  if (m.beatCount < MIN_MEDIAN_BEATS) return `${m.beatCount} beats in the median beat, ${MIN_MEDIAN_BEATS} needed${m.median?.reason ? ` (${m.median.reason})` : ''}`;
  if (m.leads.length === 0) return 'no lead could be measured';
  return null;
}

/** Drops findings another finding excludes (catalogue `excludes`; the first made wins) and duplicates of a code. */
function withoutExcluded(findings: Finding[]): Finding[] {
  const kept: Finding[] = [];
  for (const f of findings) {
    if (kept.some((k) => k.code === f.code && JSON.stringify(k.qualifiers) === JSON.stringify(f.qualifiers))) continue;
    if (kept.some((k) => catalogueEntry(k.code).excludes.includes(f.code))) continue;
    kept.push(f);
  }
  return kept;
}

/** Fills in each statement's calibrated certainty once every code is known (the models read the codes made). */
function withCertainty<S extends Statement>(s: S, features: Record<string, number | null>): S {
  const c = statementCertainty(s.code, features);
  return c ? { ...s, certainty: c.probability, certaintySource: c.source } : s;
}

/**
 * Interprets a 12-lead (or fewer-lead) ECG from the earlier stages' outputs: diagnostic statements
 * in the SCP-ECG vocabulary with their evidence, one reconciled rhythm statement (and one per
 * episode of a long record), the statements that could not be judged with the reason, and a summary.
 * Never throws on missing parts: what cannot be judged is in `notDetermined`.
 *
 * @example
 * const i = interpretEcg({ fsHz: 500, lengthSamples: 5000, measurements, rhythm, stripRhythm, quality, beatSamples, beatClasses });
 * console.log(i.rhythm?.text, i.statements.map((s) => s.text), i.summary.text);
 */
export function interpretEcg(input: InterpretInput): Interpretation {
  const patient: PatientData = input.patient ?? { ageYears: null, sex: null };
  const notDetermined: UndeterminedStatement[] = [];
  const { decision, undetermined } = reconciledRhythm(input);
  if (undetermined) notDetermined.push(undeterminedOf(undetermined));
  const rhythm = decision ? rhythmStatementOf(decision) : null;
  const rhythmEpisodes = rhythmEpisodeDecisions(input).map((d) => rhythmStatementOf(d));
  const families: FamilyResult[] = [ectopyFindings(input)];
  const blocker = morphologyBlocker(input);
  const paced = rhythm?.code === 'PACE';
  const m = input.measurements;
  if (blocker || !m) {
    notDetermined.push(...MORPHOLOGY.map((code) => undeterminedOf({ code, reason: blocker ?? 'no measurements' })));
  } else if (paced) {
    notDetermined.push(...MORPHOLOGY.filter((c) => c !== 'LAD').map((code) => undeterminedOf({ code, reason: 'paced rhythm: QRS and ST-T morphology follow the pacing' })));
    families.push(axisFindings(m));
  } else {
    const f = leadFigures(m);
    const conduction = conductionFindings(m, f, rhythm?.code ?? null);
    const has = (c: string) => conduction.findings.some((x) => x.code === c);
    const bbb = has('CLBBB') || has('CRBBB');
    const hyp = hypertrophyFindings(m, f, patient, bbb || has('WPW'));
    const strain = hyp.findings.some((x) => x.code === 'LVH' && x.qualifiers?.includes('with_repolarization_abnormality'));
    const secondary = has('CLBBB') ? 'left bundle branch block' : has('CRBBB') ? 'right bundle branch block' : has('WPW') ? 'pre-excitation' : strain ? 'LVH with repolarization abnormality' : null;
    const stT = stTFindings(m, f, patient, secondary, has('CLBBB'));
    const infarct = infarctionFindings(f, stT.stElevatedTerritories, has('CLBBB') ? 'left bundle branch block' : has('WPW') ? 'pre-excitation' : null);
    if (has('CRBBB') || has('IRBBB') || has('WPW') || hyp.findings.some((x) => x.code === 'RVH')) infarct.findings = infarct.findings.filter((x) => x.code !== 'PMI');
    families.push(conduction, axisFindings(m), hyp, infarct, stT);
  }
  const findings = withoutExcluded(families.flatMap((x) => x.findings));
  for (const fam of families) notDetermined.push(...fam.undetermined.filter((u) => !findings.some((x) => x.code === u.code)).map(undeterminedOf));
  const statements = findings.map((x) => statementOf(x)).sort((a, b) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category));
  const all = rhythm ? [rhythm, ...statements] : statements;
  const summary = summaryOf(rhythm, statements, blocker, input);
  if (summary.norm) all.push(statementOf({ code: 'NORM', criterion: CATALOGUE.NORM.source, evidence: [note(summary.norm, true)] }));
  const codes = all.map((s) => s.code);
  const features = certaintyFeatures(m, codes, patient);
  const device = input.deviceStatements?.length ? deviceAgreement(input.deviceStatements, codes) : null;
  return {
    catalogueVersion: CATALOGUE_VERSION, rhythm: rhythm ? withCertainty(rhythm, features) : null, rhythmEpisodes,
    statements: all.map((s) => withCertainty(s, features)), notDetermined, summary: { class: summary.class, text: summary.text }, device,
  };
}
