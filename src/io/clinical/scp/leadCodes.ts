const NAMES: Record<number, string> = {
  1: 'I', 2: 'II', 3: 'V1', 4: 'V2', 5: 'V3', 6: 'V4', 7: 'V5', 8: 'V6', 9: 'V7', 10: 'V2R', 11: 'V3R', 12: 'V4R',
  13: 'V5R', 14: 'V6R', 15: 'V7R', 16: 'X', 17: 'Y', 18: 'Z', 19: 'CC5', 20: 'CM5', 21: 'LA', 22: 'RA', 23: 'LL',
  24: 'fI', 25: 'fE', 26: 'fC', 27: 'fA', 28: 'fM', 29: 'fF', 30: 'fH',
  61: 'III', 62: 'aVR', 63: 'aVL', 64: 'aVF', 65: '-aVR', 66: 'V8', 67: 'V9', 68: 'V8R', 69: 'V9R', 70: 'D', 71: 'A', 72: 'J',
};

/**
 * Lead name for an SCP-ECG lead code (EN 1064 table of lead identifications); unknown codes
 * become 'SCP lead <n>'.
 *
 * @example scpLeadName(61) // 'III'
 */
export function scpLeadName(code: number): string {
  return NAMES[code] ?? `SCP lead ${code}`;
}
