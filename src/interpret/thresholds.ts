/**
 * The published thresholds the criteria use, each with its source. Criteria read them from here, so
 * a threshold is written once and the catalogue's criterion text quotes the same number.
 */

/** Sources, cited by the catalogue and by each statement's `criterion`. */
export const SOURCES = {
  aha2009rhythm: 'AHA/ACC/HRS 2007 recommendations for the standardization and interpretation of the ECG, part I (Kligfield et al., Circulation 2007) and its statement list (Mason et al., Circulation 2007)',
  aha2009conduction: 'AHA/ACC/HRS 2009 recommendations, part III: intraventricular conduction disturbances (Surawicz et al., Circulation 2009)',
  aha2009qt: 'AHA/ACC/HRS 2009 recommendations, part IV: the ST segment, T and U waves, and the QT interval (Rautaharju et al., Circulation 2009)',
  aha2009hypertrophy: 'AHA/ACC/HRS 2009 recommendations, part V: ECG changes associated with cardiac chamber hypertrophy (Hancock et al., Circulation 2009)',
  aha2009ischemia: 'AHA/ACC/HRS 2009 recommendations, part VI: acute ischemia/infarction (Wagner et al., Circulation 2009)',
  udmi2018: 'Fourth universal definition of myocardial infarction (Thygesen et al., Circulation 2018): ECG criteria for prior MI and for acute ischemia',
  sokolowLyon: 'Sokolow & Lyon, Am Heart J 1949: S(V1) + R(V5 or V6) >= 3.5 mV',
  cornell: 'Cornell voltage (Casale et al., Circulation 1985): R(aVL) + S(V3) > 2.8 mV in men, > 2.0 mV in women',
  sgarbossa: 'Sgarbossa et al., N Engl J Med 1996: concordant ST elevation >= 1 mm in LBBB',
  minnesota: 'Minnesota Code (Prineas, Crow & Zhang, The Minnesota Code Manual of Electrocardiographic Findings, 2nd ed. 2010)',
  sinusArrhythmia: 'Surawicz & Knilans, Chou\'s Electrocardiography in Clinical Practice, 6th ed. 2008: P-P variation > 160 ms',
  sinus: 'sinus rule: the reconciled rhythm of the rhythm analysis (src/classify/rhythm) and the strip model (src/classify/strip)',
} as const;

/** Rate limits of sinus rhythms (bpm), AHA/ACC/HRS 2007 part I. */
export const RATE_BPM = { bradycardiaBelow: 60, tachycardiaAbove: 100 } as const;

/** Sinus arrhythmia: variation of the sinus RR intervals (ms) above this. */
export const SINUS_ARRHYTHMIA_RR_RANGE_MS = 160;

/** AV conduction (ms): first-degree block above, pre-excitation below (AHA 2009 part III). */
export const PR_MS = { firstDegreeBlockAbove: 200, shortBelow: 120 } as const;

/** QRS duration (ms), AHA 2009 part III (adults). */
export const QRS_MS = { completeBlockAtLeast: 120, incompleteBlockAtLeast: 110, ivcdAbove: 110, fascicularBlockBelow: 120 } as const;

/** R-peak time (ms), AHA 2009 part III: > 60 ms in V5/V6 in LBBB, > 50 ms in V1 in RBBB. */
export const R_PEAK_TIME_MS = { lbbbV5V6Above: 60, rbbbV1Above: 50 } as const;

/** Frontal QRS axis limits (degrees), AHA 2009 parts I and III. */
export const AXIS_DEG = { normalLow: -30, normalHigh: 90, lafbHigh: -45, lpfbLow: 90 } as const;

/** LVH voltage (mV): Sokolow-Lyon, Cornell by sex; the youngest age the voltage criteria are read as LVH. */
export const LVH_MV = { sokolowLyonAtLeast: 3.5, cornellMenAbove: 2.8, cornellWomenAbove: 2.0, minAgeYears: 30 } as const;

/** RVH (AHA 2009 part V): R in V1 >= 0.7 mV or R/S in V1 > 1, with right axis deviation. */
export const RVH = { rV1AtLeastMv: 0.7, rsRatioV1Above: 1 } as const;

/** Atrial abnormality (AHA 2009 part V): P duration >= 120 ms (left), P in II >= 0.25 mV (right). */
export const ATRIAL = { leftPDurationAtLeastMs: 120, rightPIIAtLeastMv: 0.25 } as const;

/** Low voltage: every limb lead's QRS peak-to-peak below 0.5 mV, or every precordial lead's below 1.0 mV. */
export const LOW_VOLTAGE_MV = { limbBelow: 0.5, precordialBelow: 1.0 } as const;

/** Pathological Q waves, fourth universal definition of MI (2018). */
export const Q_WAVE = { durationAtLeastMs: 30, depthAtLeastMv: 0.1, v2v3DurationAtLeastMs: 20 } as const;

/**
 * ST elevation at the J point in two contiguous leads (mV), UDMI 2018 / AHA 2009 part VI: 0.1 mV in
 * all leads but V2-V3; there 0.2 mV in men >= 40 years, 0.25 mV in men < 40, 0.15 mV in women.
 * ST depression: horizontal or downsloping >= 0.05 mV. T inversion: > 0.1 mV deep where R is prominent.
 */
export const ST_MV = { elevationAtLeast: 0.1, elevationV2V3Men40: 0.2, elevationV2V3MenUnder40: 0.25, elevationV2V3Women: 0.15, depressionAtLeast: 0.05, tInversionBeyond: 0.1, prominentRAtLeast: 0.5, sgarbossaConcordantAtLeast: 0.1 } as const;

/** QTc (ms), AHA 2009 part IV: prolonged >= 450 ms men, >= 460 ms women; short <= 390 ms. */
export const QTC_MS = { longMenAtLeast: 450, longWomenAtLeast: 460, shortAtMost: 390 } as const;

/** Fewest beats in the median beat for morphology statements. */
export const MIN_MEDIAN_BEATS = 3;
