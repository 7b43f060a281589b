/**
 * The statement catalogue: every statement sinus can make, in the PTB-XL / SCP-ECG vocabulary
 * (codes and AHA codes from PTB-XL's scp_statements.csv, CC BY 4.0; see scpStatements.ts), with its
 * criterion in words, the criterion's published source, what it excludes and implies, how it weighs
 * in the summary, and its text in English and German. Codes PTB-XL's table lacks (axis, ectopic
 * atrial and junctional rhythm, ventricular tachycardia, short QT) are marked `origin: 'sinus'`.
 * `statementText` is the one statement-to-text table (report, CLI, printout read it).
 */
import { SCP_STATEMENTS, type ScpSuperclass } from './scpStatements.js';
import { ATRIAL, AXIS_DEG, LOW_VOLTAGE_MV, LVH_MV, PR_MS, QRS_MS, QTC_MS, Q_WAVE, RATE_BPM, RVH, SINUS_ARRHYTHMIA_RR_RANGE_MS, SOURCES, ST_MV } from './thresholds.js';
import type { StatementCategory, StatementLanguage, StatementQualifier } from './types.js';

export type { StatementQualifier };

/** Version of the catalogue (codes, criteria, texts); bump when any of them changes. */
export const CATALOGUE_VERSION = '1.0.0';

/** How a statement weighs in the summary line. */
export type StatementSeverity = 'normal' | 'borderline' | 'abnormal';

/** One statement sinus can make. */
export interface CatalogueEntry {
  code: string;
  category: StatementCategory;
  /** 'ptb-xl': the code is in PTB-XL's statement table; 'sinus': sinus's own code (the table has none). */
  origin: 'ptb-xl' | 'sinus';
  ahaCode: string | null;
  /** PTB-XL diagnostic superclass, when PTB-XL gives one. */
  superclass: ScpSuperclass | null;
  severity: StatementSeverity;
  text: Record<StatementLanguage, string>;
  /** The criterion in words, with its thresholds. */
  criteria: string;
  /** Published source of the criterion. */
  source: string;
  /** Statements this one rules out (never printed together). */
  excludes: string[];
  /** Statements this one implies. */
  implies: string[];
}

type Extra = { excludes?: string[]; implies?: string[]; origin?: 'sinus' };

function entry(code: string, category: StatementCategory, severity: StatementSeverity, en: string, de: string, criteria: string, source: string, extra: Extra = {}): CatalogueEntry {
  const row = SCP_STATEMENTS[code];
  if (!row && extra.origin !== 'sinus') throw new Error(`catalogue: ${code} is not in PTB-XL's table and not marked as sinus's own`);
  return {
    code, category, origin: row ? 'ptb-xl' : 'sinus', ahaCode: row?.ahaCode ?? null, superclass: row?.superclass ?? null,
    severity, text: { en, de }, criteria, source, excludes: extra.excludes ?? [], implies: extra.implies ?? [],
  };
}

const RHYTHMS = ['SR', 'SBRAD', 'STACH', 'AFIB', 'AFLT', 'SVTAC', 'PSVT', 'PACE', 'EAR', 'JUNC', 'VTAC'];
const others = (code: string) => RHYTHMS.filter((c) => c !== code);
const QRS = `QRS >= ${QRS_MS.completeBlockAtLeast} ms`;

const ENTRIES: CatalogueEntry[] = [
  // Rhythm: one reconciled rhythm statement per record or episode.
  entry('SR', 'rhythm', 'normal', 'sinus rhythm', 'Sinusrhythmus', `P waves before every QRS with a normal P axis (0-90 deg), rate ${RATE_BPM.bradycardiaBelow}-${RATE_BPM.tachycardiaAbove} bpm`, SOURCES.aha2009rhythm, { excludes: others('SR') }),
  entry('SBRAD', 'rhythm', 'borderline', 'sinus bradycardia', 'Sinusbradykardie', `sinus rhythm at a rate below ${RATE_BPM.bradycardiaBelow} bpm`, SOURCES.aha2009rhythm, { excludes: others('SBRAD') }),
  entry('STACH', 'rhythm', 'borderline', 'sinus tachycardia', 'Sinustachykardie', `sinus rhythm at a rate above ${RATE_BPM.tachycardiaAbove} bpm`, SOURCES.aha2009rhythm, { excludes: others('STACH') }),
  entry('SARRH', 'rhythm', 'normal', 'sinus arrhythmia', 'Sinusarrhythmie', `sinus rhythm whose normal RR intervals vary by more than ${SINUS_ARRHYTHMIA_RR_RANGE_MS} ms`, SOURCES.sinusArrhythmia, { excludes: ['AFIB', 'AFLT', 'PACE', 'JUNC', 'VTAC'] }),
  entry('AFIB', 'rhythm', 'abnormal', 'atrial fibrillation', 'Vorhofflimmern', 'irregularly irregular RR intervals without P waves (rhythm analysis: RR irregularity and absent P; strip model second opinion)', SOURCES.aha2009rhythm, { excludes: others('AFIB') }),
  entry('AFLT', 'rhythm', 'abnormal', 'atrial flutter', 'Vorhofflattern', 'regular atrial activity at 240-340 /min (flutter waves in the QRST-cancelled atrial signal)', SOURCES.aha2009rhythm, { excludes: others('AFLT') }),
  entry('SVTAC', 'rhythm', 'abnormal', 'supraventricular tachycardia', 'supraventrikuläre Tachykardie', 'narrow-complex tachycardia above 100 bpm that is not sinus, AF or flutter, over the record', SOURCES.aha2009rhythm, { excludes: others('SVTAC') }),
  entry('PSVT', 'rhythm', 'abnormal', 'paroxysmal supraventricular tachycardia', 'paroxysmale supraventrikuläre Tachykardie', 'a run of supraventricular tachycardia (3 or more S beats above 100 bpm) within another rhythm', SOURCES.aha2009rhythm, { excludes: ['SVTAC'] }),
  entry('PACE', 'pacing', 'abnormal', 'pacemaker rhythm', 'Schrittmacherrhythmus', 'a pacing stimulus in the 300 ms before more than half of the QRS complexes (and not more than 1.5 stimuli per beat: more is noise)', SOURCES.aha2009rhythm, { excludes: others('PACE') }),
  entry('EAR', 'rhythm', 'borderline', 'ectopic atrial rhythm', 'ektoper Vorhofrhythmus', `P waves before every QRS, inverted in II and aVF (< -0.05 mV), rate ${RATE_BPM.bradycardiaBelow}-${RATE_BPM.tachycardiaAbove} bpm`, SOURCES.aha2009rhythm, { origin: 'sinus', excludes: others('EAR') }),
  entry('JUNC', 'rhythm', 'abnormal', 'junctional rhythm', 'junktionaler Rhythmus', `regular narrow QRS (< ${QRS_MS.completeBlockAtLeast} ms) without P waves at 40-${RATE_BPM.tachycardiaAbove} bpm`, SOURCES.aha2009rhythm, { origin: 'sinus', excludes: others('JUNC') }),
  entry('VTAC', 'rhythm', 'abnormal', 'ventricular tachycardia', 'ventrikuläre Tachykardie', '3 or more ventricular beats in a row above 100 bpm (rhythm analysis)', SOURCES.aha2009rhythm, { origin: 'sinus', excludes: others('VTAC') }),
  // Ectopy.
  entry('PVC', 'ectopy', 'abnormal', 'ventricular premature complex(es)', 'ventrikuläre Extrasystole(n)', 'one or more beats classed V (ventricular) by the beat classifier', SOURCES.aha2009rhythm),
  entry('PAC', 'ectopy', 'borderline', 'atrial premature complex(es)', 'supraventrikuläre Extrasystole(n)', 'one or more beats classed S (supraventricular premature) by the beat classifier', SOURCES.aha2009rhythm),
  entry('BIGU', 'ectopy', 'abnormal', 'bigeminal pattern', 'Bigeminus', 'every other beat premature (ventricular bigeminy episode of the rhythm analysis)', SOURCES.aha2009rhythm, { implies: ['PVC'] }),
  entry('TRIGU', 'ectopy', 'abnormal', 'trigeminal pattern', 'Trigeminus', 'every third beat premature (ventricular trigeminy episode of the rhythm analysis)', SOURCES.aha2009rhythm, { implies: ['PVC'] }),
  // Conduction.
  entry('1AVB', 'conduction', 'borderline', 'first degree AV block', 'AV-Block I. Grades', `PR > ${PR_MS.firstDegreeBlockAbove} ms in sinus rhythm`, SOURCES.aha2009conduction, { excludes: ['WPW'] }),
  entry('2AVB', 'conduction', 'abnormal', 'second degree AV block', 'AV-Block II. Grades', 'P waves not followed by QRS, intermittently (needs per-beat atrial activity; not judged yet)', SOURCES.aha2009conduction),
  entry('3AVB', 'conduction', 'abnormal', 'third degree AV block', 'AV-Block III. Grades', 'atrial and ventricular activity independent (needs per-beat atrial activity; not judged yet)', SOURCES.aha2009conduction),
  entry('CLBBB', 'conduction', 'abnormal', 'complete left bundle branch block', 'kompletter Linksschenkelblock', `${QRS}; V1 mainly negative (QS or rS); I and V6 mainly positive without a Q wave`, SOURCES.aha2009conduction, { excludes: ['CRBBB', 'IRBBB', 'ILBBB', 'IVCD', 'LAFB', 'LPFB'] }),
  entry('ILBBB', 'conduction', 'borderline', 'incomplete left bundle branch block', 'inkompletter Linksschenkelblock', `QRS ${QRS_MS.incompleteBlockAtLeast}-${QRS_MS.completeBlockAtLeast - 1} ms with the LBBB pattern`, SOURCES.aha2009conduction, { excludes: ['CLBBB', 'IVCD'] }),
  entry('CRBBB', 'conduction', 'abnormal', 'complete right bundle branch block', 'kompletter Rechtsschenkelblock', `${QRS}; rsR' or dominant R in V1; S wave in I and V6`, SOURCES.aha2009conduction, { excludes: ['CLBBB', 'ILBBB', 'IRBBB', 'IVCD'] }),
  entry('IRBBB', 'conduction', 'borderline', 'incomplete right bundle branch block', 'inkompletter Rechtsschenkelblock', `QRS ${QRS_MS.incompleteBlockAtLeast}-${QRS_MS.completeBlockAtLeast - 1} ms with the RBBB pattern`, SOURCES.aha2009conduction, { excludes: ['CRBBB', 'IVCD'] }),
  entry('LAFB', 'conduction', 'abnormal', 'left anterior fascicular block', 'linksanteriorer Hemiblock', `QRS axis ${AXIS_DEG.lafbHigh} to -90 deg; qR in aVL; QRS < ${QRS_MS.fascicularBlockBelow} ms unless with RBBB`, SOURCES.aha2009conduction, { excludes: ['LPFB', 'CLBBB'], implies: ['LAD'] }),
  entry('LPFB', 'conduction', 'abnormal', 'left posterior fascicular block', 'linksposteriorer Hemiblock', `QRS axis ${AXIS_DEG.lpfbLow}-180 deg; rS in I and aVL; qR in III and aVF; no RVH`, SOURCES.aha2009conduction, { excludes: ['LAFB', 'CLBBB'], implies: ['RAD'] }),
  entry('IVCD', 'conduction', 'borderline', 'non-specific intraventricular conduction delay', 'unspezifische intraventrikuläre Leitungsstörung', `QRS > ${QRS_MS.ivcdAbove} ms without the criteria of LBBB or RBBB`, SOURCES.aha2009conduction, { excludes: ['CLBBB', 'CRBBB', 'ILBBB', 'IRBBB'] }),
  entry('WPW', 'conduction', 'abnormal', 'ventricular pre-excitation (WPW pattern)', 'Präexzitation (WPW-Muster)', `PR < ${PR_MS.shortBelow} ms with QRS >= ${QRS_MS.incompleteBlockAtLeast} ms (delta wave) in sinus rhythm`, SOURCES.aha2009conduction, { excludes: ['1AVB'] }),
  // Axis (PTB-XL keeps the axis in its heart_axis column, not in its statement table).
  entry('LAD', 'axis', 'borderline', 'left axis deviation', 'überdrehter Linkstyp', `frontal QRS axis ${AXIS_DEG.normalLow} to -90 deg`, SOURCES.aha2009rhythm, { origin: 'sinus', excludes: ['RAD', 'EXTAX'] }),
  entry('RAD', 'axis', 'borderline', 'right axis deviation', 'Rechtstyp', `frontal QRS axis ${AXIS_DEG.normalHigh} to 180 deg`, SOURCES.aha2009rhythm, { origin: 'sinus', excludes: ['LAD', 'EXTAX'] }),
  entry('EXTAX', 'axis', 'abnormal', 'extreme axis deviation (northwest axis)', 'überdrehte Achse (Nordwesttyp)', 'frontal QRS axis -90 to -180 deg', SOURCES.aha2009rhythm, { origin: 'sinus', excludes: ['LAD', 'RAD'] }),
  // Hypertrophy and atrial abnormality.
  entry('LVH', 'hypertrophy', 'abnormal', 'left ventricular hypertrophy', 'Linksherzhypertrophie', `Sokolow-Lyon >= ${LVH_MV.sokolowLyonAtLeast} mV or Cornell > ${LVH_MV.cornellMenAbove} mV (men) / > ${LVH_MV.cornellWomenAbove} mV (women), age >= ${LVH_MV.minAgeYears} years, no bundle branch block; "with repolarization abnormality" when ST depression or T inversion in the lateral leads`, `${SOURCES.sokolowLyon}; ${SOURCES.cornell}; ${SOURCES.aha2009hypertrophy}`, { excludes: ['HVOLT', 'VCLVH'] }),
  entry('VCLVH', 'voltage', 'borderline', 'voltage criteria for left ventricular hypertrophy', 'Linkshypertrophie-Zeichen (Voltage-Kriterien)', 'LVH voltage met where LVH is not stated (not printed by sinus, which states LVH; kept for PTB-XL scoring)', SOURCES.aha2009hypertrophy),
  entry('RVH', 'hypertrophy', 'abnormal', 'right ventricular hypertrophy', 'Rechtsherzhypertrophie', `right axis deviation with R(V1) >= ${RVH.rV1AtLeastMv} mV or R/S(V1) > ${RVH.rsRatioV1Above}, QRS < ${QRS_MS.completeBlockAtLeast} ms`, SOURCES.aha2009hypertrophy, { excludes: ['LPFB'] }),
  entry('LAO/LAE', 'hypertrophy', 'borderline', 'left atrial enlargement', 'linksatriale Belastung', `P duration >= ${ATRIAL.leftPDurationAtLeastMs} ms`, SOURCES.aha2009hypertrophy),
  entry('RAO/RAE', 'hypertrophy', 'borderline', 'right atrial enlargement', 'rechtsatriale Belastung', `P amplitude in II >= ${ATRIAL.rightPIIAtLeastMv} mV`, SOURCES.aha2009hypertrophy),
  // Voltage.
  entry('LVOLT', 'voltage', 'borderline', 'low QRS voltage', 'Niedervoltage', `QRS peak-to-peak < ${LOW_VOLTAGE_MV.limbBelow} mV in every limb lead, or < ${LOW_VOLTAGE_MV.precordialBelow} mV in every precordial lead`, SOURCES.aha2009rhythm, { excludes: ['HVOLT'] }),
  entry('HVOLT', 'voltage', 'borderline', 'high QRS voltage', 'hohe QRS-Amplituden', `LVH voltage criteria met below age ${LVH_MV.minAgeYears} (read as high voltage, not as LVH)`, SOURCES.aha2009hypertrophy, { excludes: ['LVH', 'LVOLT'] }),
  // Infarction (Q waves by territory; "acute" when the same territory shows ST elevation).
  entry('IMI', 'infarction', 'abnormal', 'inferior myocardial infarction', 'inferiorer Myokardinfarkt', `Q >= ${Q_WAVE.durationAtLeastMs} ms and >= ${Q_WAVE.depthAtLeastMv} mV deep (or QS) in aVF and in II or III (the contiguous inferior group, aVF required)`, `${SOURCES.udmi2018}; ${SOURCES.minnesota}`),
  entry('ILMI', 'infarction', 'abnormal', 'inferolateral myocardial infarction', 'inferolateraler Myokardinfarkt', 'the inferior and the lateral Q-wave criteria both met', SOURCES.udmi2018, { excludes: ['IMI', 'LMI'] }),
  entry('ASMI', 'infarction', 'abnormal', 'anteroseptal myocardial infarction', 'anteroseptaler Myokardinfarkt', `Q >= ${Q_WAVE.v2v3DurationAtLeastMs} ms and >= ${Q_WAVE.depthAtLeastMv} mV deep, or QS, in both V2 and V3 (a QS in V1, or V1-V2 alone, is not read as infarction)`, `${SOURCES.udmi2018}; ${SOURCES.minnesota}`),
  entry('AMI', 'infarction', 'abnormal', 'anterior myocardial infarction', 'Vorderwandinfarkt', `Q >= ${Q_WAVE.durationAtLeastMs} ms and >= ${Q_WAVE.depthAtLeastMv} mV deep (or QS) in V3 and V4, without the anteroseptal criterion`, SOURCES.udmi2018),
  entry('ALMI', 'infarction', 'abnormal', 'anterolateral myocardial infarction', 'anterolateraler Myokardinfarkt', 'the anterior (V3-V4) and the lateral (I/aVL or V5/V6) Q-wave criteria both met', SOURCES.udmi2018, { excludes: ['AMI', 'LMI'] }),
  entry('LMI', 'infarction', 'abnormal', 'lateral myocardial infarction', 'Lateralinfarkt', `Q >= ${Q_WAVE.durationAtLeastMs} ms and >= ${Q_WAVE.depthAtLeastMv} mV deep (or QS) in I and aVL, or in V5 and V6`, SOURCES.udmi2018),
  entry('PMI', 'infarction', 'abnormal', 'posterior myocardial infarction', 'posteriorer Myokardinfarkt', `R/S > 1 in V1 and V2 with upright T, without RBBB, RVH or WPW (the posterior equivalent of Q waves)`, SOURCES.udmi2018),
  // ST-T and QT.
  entry('STE_', 'st_t', 'abnormal', 'ST elevation', 'ST-Hebung', `J-point ST >= ${ST_MV.elevationAtLeast} mV in two contiguous leads (V2-V3: ${ST_MV.elevationV2V3Men40} mV men >= 40 y, ${ST_MV.elevationV2V3MenUnder40} mV men < 40 y, ${ST_MV.elevationV2V3Women} mV women); in LBBB, Sgarbossa's concordant ST elevation >= ${ST_MV.sgarbossaConcordantAtLeast} mV`, `${SOURCES.udmi2018}; ${SOURCES.aha2009ischemia}; ${SOURCES.sgarbossa}`),
  entry('STD_', 'st_t', 'abnormal', 'ST depression', 'ST-Senkung', `horizontal or downsloping ST depression >= ${ST_MV.depressionAtLeast} mV at J and J+60 ms in two contiguous leads, without a secondary cause (bundle branch block, LVH with strain, pacing, WPW)`, `${SOURCES.udmi2018}; ${SOURCES.aha2009qt}`),
  entry('INVT', 'st_t', 'abnormal', 'T wave inversion', 'T-Negativierung', `T inverted > ${ST_MV.tInversionBeyond} mV in two contiguous leads with a prominent R (>= ${ST_MV.prominentRAtLeast} mV), without a secondary cause`, `${SOURCES.udmi2018}; ${SOURCES.aha2009qt}`),
  entry('NST_', 'st_t', 'borderline', 'non-specific ST changes', 'unspezifische ST-Veränderungen', `ST depression >= ${ST_MV.depressionAtLeast} mV in one lead only, or T inversion in one lead only, without a secondary cause`, SOURCES.aha2009qt),
  entry('LNGQT', 'qt', 'abnormal', 'prolonged QT interval', 'verlängertes QT-Intervall', `QTc (Framingham linear, AHA's preference; Bazett shown) >= ${QTC_MS.longMenAtLeast} ms men / >= ${QTC_MS.longWomenAtLeast} ms women, QRS < ${QRS_MS.completeBlockAtLeast} ms`, SOURCES.aha2009qt, { excludes: ['SHTQT'] }),
  entry('SHTQT', 'qt', 'abnormal', 'short QT interval', 'verkürztes QT-Intervall', `QTc (Framingham) <= ${QTC_MS.shortAtMost} ms`, SOURCES.aha2009qt, { origin: 'sinus', excludes: ['LNGQT'] }),
  // Normal.
  entry('NORM', 'rhythm', 'normal', 'normal ECG', 'normales EKG', 'a sinus rhythm (SR, SARRH, SBRAD, STACH) in an adequate 12-lead recording and no abnormal statement (borderline ones allowed; the summary is then borderline)', SOURCES.aha2009rhythm),
];

/**
 * Every statement sinus can make, by code.
 *
 * @example CATALOGUE.CLBBB.source // 'AHA/ACC/HRS 2009 recommendations, part III: ...'
 */
export const CATALOGUE: Readonly<Record<string, CatalogueEntry>> = Object.fromEntries(ENTRIES.map((e) => [e.code, e]));

/**
 * The catalogue entry of a code; throws for a code not in the catalogue (a programming error).
 *
 * @example catalogueEntry('LVH').ahaCode // '142'
 */
export function catalogueEntry(code: string): CatalogueEntry {
  const e = CATALOGUE[code];
  if (!e) throw new Error(`statement ${code} is not in the catalogue`);
  return e;
}

const QUALIFIER_TEXT: Record<StatementQualifier, Record<StatementLanguage, string>> = {
  inferior: { en: 'in the inferior leads', de: 'inferior' },
  anterior: { en: 'in the anterior leads', de: 'anterior' },
  anteroseptal: { en: 'in the anteroseptal leads', de: 'anteroseptal' },
  lateral: { en: 'in the lateral leads', de: 'lateral' },
  anterolateral: { en: 'in the anterolateral leads', de: 'anterolateral' },
  inferolateral: { en: 'in the inferolateral leads', de: 'inferolateral' },
  posterior: { en: 'in the posterior leads', de: 'posterior' },
  septal: { en: 'in the septal leads', de: 'septal' },
  acute: { en: '- possibly acute', de: '- möglicherweise akut' },
  age_undetermined: { en: ', age undetermined', de: ', Alter unbestimmt' },
  with_repolarization_abnormality: { en: 'with repolarization abnormality', de: 'mit Repolarisationsstörung' },
  limb_leads: { en: 'in the limb leads', de: 'in den Extremitätenableitungen' },
  precordial_leads: { en: 'in the precordial leads', de: 'in den Brustwandableitungen' },
  sgarbossa: { en: 'concordant with the QRS in LBBB (Sgarbossa)', de: 'QRS-konkordant bei Linksschenkelblock (Sgarbossa)' },
};

/**
 * The text of a statement in English or German, with its qualifiers (territory, infarct age,
 * strain) appended: the one statement-to-text table of sinus.
 *
 * @example statementText('LVH', 'de', ['with_repolarization_abnormality']) // 'Linksherzhypertrophie mit Repolarisationsstörung'
 * @example statementText('IMI', 'en', ['age_undetermined']) // 'inferior myocardial infarction, age undetermined'
 */
export function statementText(code: string, lang: StatementLanguage, qualifiers: readonly StatementQualifier[] = []): string {
  let t = catalogueEntry(code).text[lang];
  for (const q of qualifiers) {
    const w = QUALIFIER_TEXT[q][lang];
    t += w.startsWith(',') ? w : ` ${w}`;
  }
  return t;
}
