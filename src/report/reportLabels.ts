import type { StatementLanguage } from '../interpret/types.js';

/**
 * The report's own words (headings, measurement names, the disclaimer) in each language. Statement
 * text is not here: it comes from the statement catalogue (`statementText(code, lang)`).
 */
const LABELS = {
  title: { en: '12-lead ECG report', de: '12-Kanal-EKG-Befund' },
  holterTitle: { en: 'Long-term ECG summary', de: 'Langzeit-EKG-Zusammenfassung' },
  patient: { en: 'Patient', de: 'Patient' },
  recording: { en: 'Recording', de: 'Aufzeichnung' },
  age: { en: 'age', de: 'Alter' },
  sex: { en: 'sex', de: 'Geschlecht' },
  id: { en: 'ID', de: 'ID' },
  name: { en: 'name', de: 'Name' },
  leads: { en: 'leads', de: 'Ableitungen' },
  started: { en: 'start', de: 'Beginn' },
  measurements: { en: 'Measurements', de: 'Messwerte' },
  heartRate: { en: 'Heart rate', de: 'Herzfrequenz' },
  rr: { en: 'RR interval', de: 'RR-Intervall' },
  pDuration: { en: 'P duration', de: 'P-Dauer' },
  pr: { en: 'PR interval', de: 'PQ-Zeit' },
  qrs: { en: 'QRS duration', de: 'QRS-Dauer' },
  qt: { en: 'QT interval', de: 'QT-Zeit' },
  qtcBazett: { en: 'QTc (Bazett, QT/RR^1/2)', de: 'QTc (Bazett, QT/RR^1/2)' },
  qtcFridericia: { en: 'QTc (Fridericia, QT/RR^1/3)', de: 'QTc (Fridericia, QT/RR^1/3)' },
  axes: { en: 'Axes P / QRS / T', de: 'Lagetyp P / QRS / T' },
  sokolow: { en: 'Sokolow-Lyon (S V1 + R V5/V6)', de: 'Sokolow-Lyon (S V1 + R V5/V6)' },
  cornell: { en: 'Cornell (R aVL + S V3)', de: 'Cornell (R aVL + S V3)' },
  stMax: { en: 'ST at J, largest deviation', de: 'ST am J-Punkt, größte Abweichung' },
  statements: { en: 'Interpretation', de: 'Beurteilung' },
  rhythm: { en: 'Rhythm', de: 'Rhythmus' },
  evidence: { en: 'evidence', de: 'Befundgrundlage' },
  notDetermined: { en: 'Not assessable', de: 'Nicht beurteilbar' },
  quality: { en: 'Signal quality', de: 'Signalqualität' },
  device: { en: "Device's statements", de: 'Befund des Geräts' },
  agreement: { en: 'agreement', de: 'Übereinstimmung' },
  noInterpretation: { en: 'No interpretation available', de: 'Keine Beurteilung verfügbar' },
  disclaimer: { en: 'Unconfirmed computer analysis: to be reviewed by a physician.', de: 'Unbestätigte Computeranalyse: ärztliche Überprüfung erforderlich.' },
  unknown: { en: 'not measurable', de: 'nicht messbar' },
  perHour: { en: 'Beats per hour', de: 'Schläge pro Stunde' },
  hour: { en: 'hour', de: 'Stunde' },
  beats: { en: 'beats', de: 'Schläge' },
  meanHr: { en: 'mean HR', de: 'mittlere HF' },
  episodes: { en: 'Episodes', de: 'Episoden' },
  start: { en: 'start', de: 'Beginn' },
  duration: { en: 'duration', de: 'Dauer' },
  longestPause: { en: 'Longest pause', de: 'Längste Pause' },
  pauses: { en: 'pauses', de: 'Pausen' },
  afBurden: { en: 'AF burden', de: 'VHF-Last' },
  hrv: { en: 'Heart rate variability', de: 'Herzfrequenzvariabilität' },
  hrTrend: { en: 'Heart-rate trend (bpm per minute)', de: 'Herzfrequenzverlauf (1/min je Minute)' },
  minMaxHr: { en: 'Heart rate min / mean / max', de: 'Herzfrequenz min / mittel / max' },
  ectopy: { en: 'Ectopy: PVC / PAC / couplets / runs', de: 'Extrasystolen: VES / SVES / Couplets / Salven' },
  summaryNormal: { en: 'Normal ECG', de: 'Normales EKG' },
  summaryOtherwiseNormal: { en: 'Otherwise normal ECG', de: 'Sonst normales EKG' },
  summaryBorderline: { en: 'Borderline ECG', de: 'Grenzwertiges EKG' },
  summaryAbnormal: { en: 'Abnormal ECG', de: 'Pathologisches EKG' },
  summaryUndetermined: { en: 'ECG not assessable', de: 'EKG nicht beurteilbar' },
  verdictExcellent: { en: 'excellent', de: 'sehr gut' },
  verdictAcceptable: { en: 'acceptable', de: 'ausreichend' },
  verdictUnusable: { en: 'unusable', de: 'nicht verwertbar' },
  unusableLeads: { en: 'unusable leads', de: 'nicht verwertbare Ableitungen' },
} as const;

/** A key of the report's word table. */
export type ReportLabel = keyof typeof LABELS;

/**
 * The report's word for `key` in `lang`.
 *
 * @example reportLabel('disclaimer', 'de') // 'Unbestätigte Computeranalyse: ärztliche Überprüfung erforderlich.'
 */
export function reportLabel(key: ReportLabel, lang: StatementLanguage): string {
  return LABELS[key][lang];
}
