import type { Analysis } from '../analyze.js';
import type { StatementLanguage, SummaryClass } from '../interpret/types.js';
import { analysisSections, type AnalysisSections } from './analysisSections.js';
import { evidenceSentence } from './evidenceSentence.js';
import { holterReport } from './holterReport.js';
import { reportLabel, type ReportLabel } from './reportLabels.js';
import { statementWording } from './statementWording.js';
import type { ClinicalReport, ReportMeasurementRow } from './types.js';

/** Records longer than this (s) get the long-term summary instead of the 12-lead page. */
export const HOLTER_MIN_DURATION_S = 60;

/** Patient fields from the file, by what their keys or header comments say they are. */
function patientFields(analysis: Analysis, metadata: Record<string, unknown> | undefined, lang: StatementLanguage): ClinicalReport['patient'] {
  const found: Partial<Record<'id' | 'name' | 'age' | 'sex', string>> = {};
  const p = (metadata?.patient ?? {}) as Record<string, unknown>;
  const names: string[] = [];
  for (const [k, v] of Object.entries(p)) {
    if (v == null || typeof v === 'object' || String(v).trim() === '') continue;
    const key = k.toLowerCase();
    const val = String(v).trim();
    if (/age/.test(key) && !found.age) found.age = val;
    else if (/sex|gender/.test(key) && !found.sex) found.sex = val;
    else if (/(^|patient)id$/.test(key) && !found.id) found.id = val;
    else if (/name/.test(key)) names.push(val);
  }
  if (names.length) found.name = names.join(' ');
  for (const c of analysis.record.comments) {
    const m = /^\s*<?(age|sex)>?\s*:\s*(\S+)/i.exec(c);
    if (m) found[m[1].toLowerCase() as 'age' | 'sex'] ??= m[2];
  }
  return (['name', 'id', 'age', 'sex'] as const).filter((k) => found[k]).map((k) => ({ label: reportLabel(k, lang), value: found[k]! }));
}

function row(key: string, labelKey: ReportLabel, value: number | null, unit: string, lang: StatementLanguage, reason: string | null = null, digits = 0): ReportMeasurementRow {
  const text = value == null ? reportLabel('unknown', lang) : `${digits ? value.toFixed(digits) : Math.round(value)} ${unit}`;
  return { key, label: reportLabel(labelKey, lang), text, value: value == null ? null : Number(value.toFixed(digits || 0)), unit, reason: value == null ? reason ?? 'not measured' : null };
}

/** The measurement table: rate, intervals, QTc with its formula, axes, and the amplitudes the criteria use. */
function measurementRows(s: AnalysisSections, lang: StatementLanguage): ReportMeasurementRow[] {
  const m = s.measurements;
  const why = (k: string) => m?.reasons?.[k] ?? (m ? null : `no measurements: ${s.missing.measurements ?? 'not computed'}`);
  const rows: ReportMeasurementRow[] = [
    row('heartRateBpm', 'heartRate', m?.heartRateBpm ?? null, lang === 'de' ? '/min' : 'bpm', lang, why('heartRateBpm')),
    row('rrMs', 'rr', m?.rrMs ?? null, 'ms', lang, why('rrMs')),
    row('pDurationMs', 'pDuration', m?.pDurationMs ?? null, 'ms', lang, why('pDurationMs')),
    row('prMs', 'pr', m?.prMs ?? null, 'ms', lang, why('prMs')),
    row('qrsDurationMs', 'qrs', m?.qrsDurationMs ?? null, 'ms', lang, why('qrsDurationMs')),
    row('qtMs', 'qt', m?.qtMs ?? null, 'ms', lang, why('qtMs')),
    row('qtcBazettMs', 'qtcBazett', m?.qtc?.bazettMs ?? null, 'ms', lang, why('qtMs')),
    row('qtcFridericiaMs', 'qtcFridericia', m?.qtc?.fridericiaMs ?? null, 'ms', lang, why('qtMs')),
  ];
  const ax = [m?.pAxisDeg, m?.qrsAxisDeg, m?.tAxisDeg].map((v) => (v == null ? '—' : `${Math.round(v)}°`));
  rows.push({ key: 'axesDeg', label: reportLabel('axes', lang), text: ax.join(' / '), value: m?.qrsAxisDeg ?? null, unit: 'deg', reason: m?.qrsAxisDeg == null ? why('qrsAxisDeg') ?? 'not measured' : null });
  rows.push(row('sokolowLyonMv', 'sokolow', m?.voltage?.sokolowLyonMv ?? null, 'mV', lang, 'not measured', 2));
  rows.push(row('cornellMv', 'cornell', m?.voltage?.cornellMv ?? null, 'mV', lang, 'not measured', 2));
  const st = (m?.leads ?? []).filter((l) => l.amplitudes.stJMv != null && l.lead !== 'aVR').sort((a, b) => Math.abs(b.amplitudes.stJMv!) - Math.abs(a.amplitudes.stJMv!))[0];
  if (st) rows.push({ key: 'stJMaxMv', label: reportLabel('stMax', lang), text: `${st.amplitudes.stJMv! >= 0 ? '+' : ''}${st.amplitudes.stJMv!.toFixed(2)} mV (${st.lead})`, value: Math.round(st.amplitudes.stJMv! * 100) / 100, unit: 'mV', reason: null });
  return rows;
}

const SUMMARY_LABEL: Record<SummaryClass, ReportLabel> = {
  normal: 'summaryNormal', otherwise_normal: 'summaryOtherwiseNormal', borderline: 'summaryBorderline', abnormal: 'summaryAbnormal', undetermined: 'summaryUndetermined',
};

/** Quality line: the verdict and the leads that could not be used. */
function qualityLine(s: AnalysisSections, lang: StatementLanguage): ClinicalReport['quality'] {
  const q = s.quality;
  if (!q) return { verdict: null, text: `${reportLabel('unknown', lang)} (${s.missing.quality ?? 'not assessed'})` };
  const verdict = reportLabel(q.verdict === 'excellent' ? 'verdictExcellent' : q.verdict === 'acceptable' ? 'verdictAcceptable' : 'verdictUnusable', lang);
  const bad = q.leads.filter((l) => l.verdict === 'unusable').map((l) => l.lead);
  return { verdict: q.verdict, text: `${verdict} (${Math.round(q.score * 100)}%)${bad.length ? `; ${reportLabel('unusableLeads', lang)}: ${bad.join(', ')}` : ''}` };
}

/**
 * Builds the clinical report of one analysed ECG in English or German: patient and recording
 * lines (only fields the reader understood), the measurement table, the reconciled rhythm and the
 * other statements with their evidence, what could not be assessed and why, signal quality, the
 * device's own statements when the file carried them, and the disclaimer. A long record gets the
 * Holter summary in `holter`. Every line comes from the Analysis; statement text from the catalogue.
 *
 * @example buildReport(await analyze(record), { lang: 'de', metadata: record.metadata }).statements.map((s) => s.text)
 */
export function buildReport(analysis: Analysis, options: { lang?: StatementLanguage; metadata?: Record<string, unknown> } = {}): ClinicalReport {
  const lang = options.lang ?? 'en';
  const s = analysisSections(analysis);
  const interp = s.interpretation;
  const all = interp ? [...(interp.rhythm ? [interp.rhythm] : []), ...interp.statements.filter((x) => x.code !== interp.rhythm?.code)] : [];
  const statements = all.map((st) => ({
    code: st.code, text: statementWording(st, lang), category: st.category, certainty: st.certainty, criterion: st.criterion,
    evidence: st.evidence.filter((e) => e.supports).map((e) => evidenceSentence(e, lang)),
  }));
  const deviceFromFile = ((options.metadata?.device as { statements?: unknown } | undefined)?.statements ?? null) as string[] | null;
  const device = interp?.device
    ? { statements: interp.device.statements.map((d) => d.text), agreement: `${reportLabel('agreement', lang)}: ${interp.device.agreement.both.join(', ') || '—'}; sinus: ${interp.device.agreement.onlySinus.join(', ') || '—'}; device: ${interp.device.agreement.onlyDevice.join(', ') || '—'}` }
    : Array.isArray(deviceFromFile) && deviceFromFile.length ? { statements: deviceFromFile.map(String), agreement: null } : null;
  const long = s.durationS > HOLTER_MIN_DURATION_S;
  const rec = analysis.record;
  return {
    language: lang,
    title: reportLabel(long ? 'holterTitle' : 'title', lang),
    patient: patientFields(analysis, options.metadata, lang),
    recording: [
      { label: reportLabel('recording', lang), value: rec.name },
      ...(rec.startTime ? [{ label: reportLabel('started', lang), value: rec.startTime }] : []),
      { label: reportLabel('duration', lang), value: `${rec.durationS.toFixed(1)} s, ${rec.fsHz} Hz` },
      { label: reportLabel('leads', lang), value: rec.leads.map((l) => l.name).join(' ') },
    ],
    measurements: measurementRows(s, lang),
    statements,
    notDetermined: (interp?.notDetermined ?? []).map((n) => ({ code: n.code, text: statementWording(n, lang), reason: n.reason })),
    summary: interp ? { class: interp.summary.class, text: reportLabel(SUMMARY_LABEL[interp.summary.class], lang) } : null,
    quality: qualityLine(s, lang),
    device,
    holter: long ? holterReport(s) : null,
    disclaimer: reportLabel('disclaimer', lang),
    source: { record: rec.name, analysedAt: analysis.createdAt, software: `${analysis.software.name} ${analysis.software.version}`, catalogueVersion: interp?.catalogueVersion ?? null },
  };
}
