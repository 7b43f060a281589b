/** WFDB annotation mnemonics by numeric code (ecgcodes.h). Empty strings are unused codes. */
export const ANNOTATION_MNEMONICS: readonly string[] = [
  ' ', 'N', 'L', 'R', 'a', 'V', 'F', 'J', 'A', 'S', 'E', 'j', '/', 'Q', '~', '', '|', '', 's', 'T', '*', 'D', '"', '=', 'p', 'B',
  '^', 't', '+', 'u', '?', '!', '[', ']', 'e', 'n', '@', 'x', 'f', '(', ')', 'r',
];

/** Mnemonic of a numeric code; codes without a mnemonic are written as their number in brackets. */
export function mnemonicOf(code: number): string {
  const m = ANNOTATION_MNEMONICS[code];
  return m ? m : `[${code}]`;
}

/** Numeric code of a mnemonic (inverse of {@link mnemonicOf}); undefined when unknown. */
export function codeOf(mnemonic: string): number | undefined {
  const br = /^\[(\d+)\]$/.exec(mnemonic);
  if (br) return Number(br[1]);
  const i = ANNOTATION_MNEMONICS.indexOf(mnemonic);
  return i > 0 ? i : undefined;
}

/** Beat annotation codes (WFDB isqrs): the labels that mark a QRS complex. */
export const BEAT_CODES = new Set(['N', 'L', 'R', 'a', 'V', 'F', 'J', 'A', 'S', 'E', 'j', '/', 'Q', 'e', 'n', 'f', 'B', 'r']);

/** AAMI EC57 class of a MIT-BIH beat label; undefined for non-beat annotations. */
export function aamiClass(code: string): 'N' | 'S' | 'V' | 'F' | 'Q' | undefined {
  switch (code) {
    case 'N': case 'L': case 'R': case 'e': case 'j': case 'B': return 'N';
    case 'A': case 'a': case 'J': case 'S': case 'n': return 'S';
    case 'V': case 'E': case 'r': return 'V';
    case 'F': return 'F';
    case '/': case 'f': case 'Q': return 'Q';
    default: return undefined;
  }
}
