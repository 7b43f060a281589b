/**
 * The device's own statements (GE MUSE, Philips, SCP-ECG, HL7 aECG) mapped to SCP codes with a
 * dictionary of the phrases carts print (English and German), and their agreement with sinus's.
 */
import type { DeviceAgreement, DeviceStatement } from './types.js';

/**
 * Phrase patterns and the codes they map to (English, German, a few Italian/French/Spanish rhythm and
 * normal phrases). Codes may be PTB-XL statements sinus itself does not make (TAB_, ISC_): they then
 * count as device-only.
 */
const DICTIONARY: Array<[RegExp, string[]]> = [
  [/atrial fibrillation|vorhofflimmern|\bafib\b/i, ['AFIB']],
  [/atrial flutter|vorhofflattern/i, ['AFLT']],
  [/sinus brady|sinusbradykard/i, ['SBRAD']],
  [/sinus tachy|sinustachykard/i, ['STACH']],
  [/sinus arrhythmia|sinusarrhythm/i, ['SARRH']],
  [/(normal )?sinus rhythm|sinusrhythmus|ritmo sinusale|rythme sinusal|ritmo sinusal/i, ['SR']],
  [/ectopic atrial|ektope?r? vorhof/i, ['EAR']],
  [/junctional|av[- ]?knoten[- ]?rhythmus/i, ['JUNC']],
  [/supraventricular tachy|supraventrikuläre tachy/i, ['SVTAC']],
  [/ventricular tachy|ventrikuläre tachy/i, ['VTAC']],
  [/pac(ed|ing|emaker)|schrittmacher/i, ['PACE']],
  [/premature ventricular|ventricular premature|\bpvcs?\b|ventrikuläre extrasystol|\bves\b/i, ['PVC']],
  [/premature atrial|atrial premature|supraventricular premature|\bpacs?\b|supraventrikuläre extrasystol|\bsves\b/i, ['PAC']],
  [/bigemin/i, ['BIGU']],
  [/trigemin/i, ['TRIGU']],
  [/1st degree a-?v block|first degree a-?v block|av[- ]block i\b|av-block 1/i, ['1AVB']],
  [/2nd degree a-?v block|second degree a-?v block|mobitz|wenckebach|av[- ]block ii\b/i, ['2AVB']],
  [/3rd degree a-?v block|third degree a-?v block|complete (heart|a-?v) block|av[- ]block iii\b/i, ['3AVB']],
  [/incomplete left bundle|inkompletter linksschenkel/i, ['ILBBB']],
  [/incomplete right bundle|inkompletter rechtsschenkel/i, ['IRBBB']],
  [/left bundle branch block|\blbbb\b|linksschenkelblock/i, ['CLBBB']],
  [/right bundle branch block|\brbbb\b|rechtsschenkelblock/i, ['CRBBB']],
  [/left anterior fascicular|left anterior hemiblock|linksanteriorer hemiblock/i, ['LAFB']],
  [/left posterior fascicular|left posterior hemiblock|linksposteriorer hemiblock/i, ['LPFB']],
  [/intraventricular conduction|ivcd|intraventrikuläre leitung/i, ['IVCD']],
  [/wolff?-parkinson|pre-?excitation|präexzitation|\bwpw\b/i, ['WPW']],
  [/left axis deviation|überdrehter linkstyp/i, ['LAD']],
  [/right axis deviation|rechtstyp/i, ['RAD']],
  [/northwest|extreme axis|indeterminate axis/i, ['EXTAX']],
  [/left ventricular hypertrophy|\blvh\b|linksherzhypertroph|linkshypertroph/i, ['LVH']],
  [/right ventricular hypertrophy|\brvh\b|rechtsherzhypertroph|rechtshypertroph/i, ['RVH']],
  [/left atrial (enlargement|abnormality|overload)|linksatrial/i, ['LAO/LAE']],
  [/right atrial (enlargement|abnormality|overload)|rechtsatrial/i, ['RAO/RAE']],
  [/low (qrs )?voltage|niedervoltage|niederspannung/i, ['LVOLT']],
  [/inferolateral infarct/i, ['ILMI']],
  [/anterolateral infarct/i, ['ALMI']],
  [/anteroseptal infarct|septal infarct/i, ['ASMI']],
  [/inferior infarct|hinterwandinfarkt|inferiorer? (myokard)?infarkt/i, ['IMI']],
  [/anterior infarct|vorderwandinfarkt/i, ['AMI']],
  [/lateral infarct|lateralinfarkt/i, ['LMI']],
  [/posterior infarct|posteriorer? (myokard)?infarkt/i, ['PMI']],
  [/st elevation|st-hebung|injury|acute mi\b|stemi/i, ['STE_']],
  [/st depression|st-senkung|\bstd\b/i, ['STD_']],
  [/t[- ]wave abnormality|t-wellen-veränderung/i, ['TAB_']],
  [/isch(a)?emi/i, ['ISC_']],
  [/t[- ]wave inversion|inverted t|t-negativ/i, ['INVT']],
  [/nonspecific st|non-specific st|unspezifische st/i, ['NST_']],
  [/prolonged qt|long qt|qt[- ]verlängerung|verlängerte?s? qt/i, ['LNGQT']],
  [/short qt|verkürzte?s? qt/i, ['SHTQT']],
  [/^\s*normal ecg|normales ekg|normal electrocardiogram|ecg normale|ecg normal\b/i, ['NORM']],
];

/** Codes where a more specific one found in the same phrase replaces a general one. */
const SPECIFIC_OVER: Record<string, string[]> = { SR: ['SBRAD', 'STACH', 'SARRH'], CLBBB: ['ILBBB'], CRBBB: ['IRBBB'], IMI: ['ILMI'], LMI: ['ILMI', 'ALMI'], AMI: ['ALMI', 'ASMI'], PAC: ['PVC'] };

/**
 * One device statement mapped to SCP codes (empty when none of the dictionary's phrases match).
 *
 * @example deviceStatement('Sinus bradycardia with 1st degree A-V block').codes // ['SBRAD', '1AVB']
 */
export function deviceStatement(text: string): DeviceStatement {
  const codes = new Set<string>();
  // Negated phrases name what the device ruled out ('not LBBB/RBBB', 'no ST elevation'): drop them.
  const affirmed = text.replace(/\b(not|no|without|kein(e|en)?)\s+[^,;.]*/gi, ' ');
  for (const [re, cs] of DICTIONARY) if (re.test(affirmed)) cs.forEach((c) => codes.add(c));
  for (const [general, specifics] of Object.entries(SPECIFIC_OVER)) if (specifics.some((s) => codes.has(s))) codes.delete(general);
  return { text, codes: [...codes] };
}

/**
 * The device's statements mapped to codes, and which codes both, only sinus, or only the device made.
 * Rhythm codes of the sinus family (SR, SARRH) count as one, as carts differ in naming them.
 *
 * @example deviceAgreement(['Sinus rhythm', 'Normal ECG'], ['SR', 'NORM']).agreement.both // ['NORM', 'SR']
 */
export function deviceAgreement(deviceTexts: readonly string[], sinusCodes: readonly string[]): { statements: DeviceStatement[]; agreement: DeviceAgreement } {
  const statements = deviceTexts.map(deviceStatement);
  const norm = (c: string) => (c === 'SARRH' ? 'SR' : c);
  const dev = new Set(statements.flatMap((s) => s.codes).map(norm));
  const sin = new Set(sinusCodes.map(norm));
  return {
    statements,
    agreement: { both: [...sin].filter((c) => dev.has(c)).sort(), onlySinus: [...sin].filter((c) => !dev.has(c)).sort(), onlyDevice: [...dev].filter((c) => !sin.has(c)).sort() },
  };
}
