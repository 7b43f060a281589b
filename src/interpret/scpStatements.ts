/**
 * The rows of PTB-XL's SCP-ECG statement table (`scp_statements.csv`, PTB-XL 1.0.3, Wagner et al.,
 * Sci Data 2020; PhysioNet; CC BY 4.0) for the codes sinus uses: description, AHA code, PTB-XL
 * diagnostic superclass and subclass, and whether PTB-XL counts the code as diagnostic, form or rhythm.
 * Copied from the csv by training/interpretation/scp_table.py; do not edit by hand.
 */

/** PTB-XL's diagnostic superclasses. */
export type ScpSuperclass = 'NORM' | 'MI' | 'STTC' | 'CD' | 'HYP';

/** One row of the PTB-XL statement table. */
export interface ScpStatementRow {
  code: string;
  description: string;
  ahaCode: string | null;
  superclass: ScpSuperclass | null;
  subclass: string | null;
  kinds: Array<'diagnostic' | 'form' | 'rhythm'>;
}

/**
 * The PTB-XL statement rows sinus uses, by code.
 *
 * @example SCP_STATEMENTS.CLBBB.ahaCode // '104'
 */
export const SCP_STATEMENTS: Readonly<Record<string, ScpStatementRow>> = {
  'SR': { code: 'SR', description: 'sinus rhythm', ahaCode: '20', superclass: null, subclass: null, kinds: ['rhythm'] },
  'SBRAD': { code: 'SBRAD', description: 'sinus bradycardia', ahaCode: '22', superclass: null, subclass: null, kinds: ['rhythm'] },
  'STACH': { code: 'STACH', description: 'sinus tachycardia', ahaCode: '21', superclass: null, subclass: null, kinds: ['rhythm'] },
  'SARRH': { code: 'SARRH', description: 'sinus arrhythmia', ahaCode: '23', superclass: null, subclass: null, kinds: ['rhythm'] },
  'AFIB': { code: 'AFIB', description: 'atrial fibrillation', ahaCode: '50', superclass: null, subclass: null, kinds: ['rhythm'] },
  'AFLT': { code: 'AFLT', description: 'atrial flutter', ahaCode: '51', superclass: null, subclass: null, kinds: ['rhythm'] },
  'SVTAC': { code: 'SVTAC', description: 'supraventricular tachycardia', ahaCode: '55', superclass: null, subclass: null, kinds: ['rhythm'] },
  'PSVT': { code: 'PSVT', description: 'paroxysmal supraventricular tachycardia', ahaCode: null, superclass: null, subclass: null, kinds: ['rhythm'] },
  'PACE': { code: 'PACE', description: 'normal functioning artificial pacemaker', ahaCode: null, superclass: null, subclass: null, kinds: ['rhythm'] },
  'BIGU': { code: 'BIGU', description: 'bigeminal pattern (unknown origin, SV or Ventricular)', ahaCode: null, superclass: null, subclass: null, kinds: ['rhythm'] },
  'TRIGU': { code: 'TRIGU', description: 'trigeminal pattern (unknown origin, SV or Ventricular)', ahaCode: null, superclass: null, subclass: null, kinds: ['rhythm'] },
  'PVC': { code: 'PVC', description: 'ventricular premature complex', ahaCode: '60', superclass: null, subclass: null, kinds: ['form'] },
  'PAC': { code: 'PAC', description: 'atrial premature complex', ahaCode: '30', superclass: null, subclass: null, kinds: ['form'] },
  '1AVB': { code: '1AVB', description: 'first degree AV block', ahaCode: null, superclass: 'CD', subclass: '_AVB', kinds: ['diagnostic'] },
  '2AVB': { code: '2AVB', description: 'second degree AV block', ahaCode: null, superclass: 'CD', subclass: '_AVB', kinds: ['diagnostic'] },
  '3AVB': { code: '3AVB', description: 'third degree AV block', ahaCode: '88', superclass: 'CD', subclass: '_AVB', kinds: ['diagnostic'] },
  'CLBBB': { code: 'CLBBB', description: 'complete left bundle branch block', ahaCode: '104', superclass: 'CD', subclass: 'CLBBB', kinds: ['diagnostic'] },
  'ILBBB': { code: 'ILBBB', description: 'incomplete left bundle branch block', ahaCode: null, superclass: 'CD', subclass: 'ILBBB', kinds: ['diagnostic'] },
  'CRBBB': { code: 'CRBBB', description: 'complete right bundle branch block', ahaCode: '106', superclass: 'CD', subclass: 'CRBBB', kinds: ['diagnostic'] },
  'IRBBB': { code: 'IRBBB', description: 'incomplete right bundle branch block', ahaCode: '105', superclass: 'CD', subclass: 'IRBBB', kinds: ['diagnostic'] },
  'LAFB': { code: 'LAFB', description: 'left anterior fascicular block', ahaCode: '101', superclass: 'CD', subclass: 'LAFB/LPFB', kinds: ['diagnostic'] },
  'LPFB': { code: 'LPFB', description: 'left posterior fascicular block', ahaCode: '102', superclass: 'CD', subclass: 'LAFB/LPFB', kinds: ['diagnostic'] },
  'IVCD': { code: 'IVCD', description: 'non-specific intraventricular conduction disturbance (block)', ahaCode: '107', superclass: 'CD', subclass: 'IVCD', kinds: ['diagnostic'] },
  'WPW': { code: 'WPW', description: 'Wolf-Parkinson-White syndrome', ahaCode: null, superclass: 'CD', subclass: 'WPW', kinds: ['diagnostic'] },
  'LVH': { code: 'LVH', description: 'left ventricular hypertrophy', ahaCode: '142', superclass: 'HYP', subclass: 'LVH', kinds: ['diagnostic'] },
  'VCLVH': { code: 'VCLVH', description: 'voltage criteria (QRS) for left ventricular hypertrophy', ahaCode: null, superclass: null, subclass: null, kinds: ['form'] },
  'RVH': { code: 'RVH', description: 'right ventricular hypertrophy', ahaCode: '143', superclass: 'HYP', subclass: 'RVH', kinds: ['diagnostic'] },
  'LAO/LAE': { code: 'LAO/LAE', description: 'left atrial overload/enlargement', ahaCode: '140', superclass: 'HYP', subclass: 'LAO/LAE', kinds: ['diagnostic'] },
  'RAO/RAE': { code: 'RAO/RAE', description: 'right atrial overload/enlargement', ahaCode: '141', superclass: 'HYP', subclass: 'RAO/RAE', kinds: ['diagnostic'] },
  'LVOLT': { code: 'LVOLT', description: 'low QRS voltages in the frontal and horizontal leads', ahaCode: null, superclass: null, subclass: null, kinds: ['form'] },
  'HVOLT': { code: 'HVOLT', description: 'high QRS voltage', ahaCode: null, superclass: null, subclass: null, kinds: ['form'] },
  'IMI': { code: 'IMI', description: 'inferior myocardial infarction', ahaCode: '161', superclass: 'MI', subclass: 'IMI', kinds: ['diagnostic'] },
  'AMI': { code: 'AMI', description: 'anterior myocardial infarction', ahaCode: '160', superclass: 'MI', subclass: 'AMI', kinds: ['diagnostic'] },
  'ASMI': { code: 'ASMI', description: 'anteroseptal myocardial infarction', ahaCode: '165', superclass: 'MI', subclass: 'AMI', kinds: ['diagnostic'] },
  'ALMI': { code: 'ALMI', description: 'anterolateral myocardial infarction', ahaCode: null, superclass: 'MI', subclass: 'AMI', kinds: ['diagnostic'] },
  'LMI': { code: 'LMI', description: 'lateral myocardial infarction', ahaCode: '163', superclass: 'MI', subclass: 'LMI', kinds: ['diagnostic'] },
  'PMI': { code: 'PMI', description: 'posterior myocardial infarction', ahaCode: '162', superclass: 'MI', subclass: 'PMI', kinds: ['diagnostic'] },
  'ILMI': { code: 'ILMI', description: 'inferolateral myocardial infarction', ahaCode: null, superclass: 'MI', subclass: 'IMI', kinds: ['diagnostic'] },
  'STE_': { code: 'STE_', description: 'non-specific ST elevation', ahaCode: '501', superclass: null, subclass: null, kinds: ['form'] },
  'STD_': { code: 'STD_', description: 'non-specific ST depression', ahaCode: '502', superclass: null, subclass: null, kinds: ['form'] },
  'INVT': { code: 'INVT', description: 'inverted T-waves', ahaCode: '367', superclass: null, subclass: null, kinds: ['form'] },
  'NST_': { code: 'NST_', description: 'non-specific ST changes', ahaCode: '145', superclass: 'STTC', subclass: 'NST_', kinds: ['diagnostic', 'form'] },
  'NT_': { code: 'NT_', description: 'non-specific T-wave changes', ahaCode: null, superclass: null, subclass: null, kinds: ['form'] },
  'LOWT': { code: 'LOWT', description: 'low amplitude T-waves', ahaCode: '366', superclass: null, subclass: null, kinds: ['form'] },
  'LNGQT': { code: 'LNGQT', description: 'long QT-interval', ahaCode: '148', superclass: 'STTC', subclass: 'STTC', kinds: ['diagnostic', 'form'] },
  'QWAVE': { code: 'QWAVE', description: 'Q waves present', ahaCode: null, superclass: null, subclass: null, kinds: ['form'] },
  'NORM': { code: 'NORM', description: 'normal ECG', ahaCode: '1', superclass: 'NORM', subclass: 'NORM', kinds: ['diagnostic'] },
  'ISC_': { code: 'ISC_', description: 'non-specific ischemic', ahaCode: '226', superclass: 'STTC', subclass: 'ISC_', kinds: ['diagnostic'] },
  'ISCAN': { code: 'ISCAN', description: 'ischemic in anterior leads', ahaCode: null, superclass: 'STTC', subclass: 'ISCA', kinds: ['diagnostic'] },
  'ISCAS': { code: 'ISCAS', description: 'ischemic in anteroseptal leads', ahaCode: null, superclass: 'STTC', subclass: 'ISCA', kinds: ['diagnostic'] },
  'ISCAL': { code: 'ISCAL', description: 'ischemic in anterolateral leads', ahaCode: null, superclass: 'STTC', subclass: 'ISCA', kinds: ['diagnostic'] },
  'ISCIN': { code: 'ISCIN', description: 'ischemic in inferior leads', ahaCode: null, superclass: 'STTC', subclass: 'ISCI', kinds: ['diagnostic'] },
  'ISCIL': { code: 'ISCIL', description: 'ischemic in inferolateral leads', ahaCode: null, superclass: 'STTC', subclass: 'ISCI', kinds: ['diagnostic'] },
  'ISCLA': { code: 'ISCLA', description: 'ischemic in lateral leads', ahaCode: null, superclass: 'STTC', subclass: 'ISCA', kinds: ['diagnostic'] },
};
