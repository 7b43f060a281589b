/** The 12 standard lead names in the conventional order. */
export const STANDARD_12 = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const;
export type StandardLead = (typeof STANDARD_12)[number];

const ALIASES: Record<string, string> = {
  i: 'I', ii: 'II', iii: 'III', avr: 'aVR', avl: 'aVL', avf: 'aVF',
  v1: 'V1', v2: 'V2', v3: 'V3', v4: 'V4', v5: 'V5', v6: 'V6',
  mlii: 'MLII', mli: 'MLI', mliii: 'MLIII', ml2: 'MLII',
  'lead i': 'I', 'lead ii': 'II', 'lead iii': 'III',
  'lead avr': 'aVR', 'lead avl': 'aVL', 'lead avf': 'aVF',
  ecg: 'ECG',
};

/**
 * Normalises a lead name from any source to the conventional spelling ('avr' -> 'aVR',
 * 'MDC_ECG_LEAD_II' -> 'II', 'V1 ' -> 'V1'). Unknown names are returned trimmed but otherwise as given.
 *
 * @example normalizeLeadName('AVF') // 'aVF'
 */
export function normalizeLeadName(name: string): string {
  let s = name.trim();
  const mdc = /^MDC_ECG_LEAD_(.+)$/i.exec(s);
  if (mdc) s = mdc[1];
  const key = s.toLowerCase().replace(/[_-]/g, ' ').replace(/\s+/g, ' ');
  if (ALIASES[key]) return ALIASES[key];
  const compact = key.replace(/\s/g, '');
  if (ALIASES[compact]) return ALIASES[compact];
  return s;
}
