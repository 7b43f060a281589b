/** One time-stamped annotation list entry of EDF+ (onset and duration in seconds, one text). */
export interface EdfTal {
  onsetS: number;
  durationS?: number;
  /** Annotation text; '' for the time-keeping TAL that starts each data record. */
  text: string;
}

// EDF+ (section 2.2.2) writes annotation texts in UTF-8.
const utf8Decoder = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

/** A TAL's text; plain ASCII (nearly every TAL) is built directly, cheaper than a decoder call per data record. */
function decodeTal(bytes: Uint8Array, start: number, end: number): string {
  let ascii = '';
  for (let k = start; k < end; k++) {
    if (bytes[k] >= 0x80) return utf8Decoder.decode(bytes.subarray(start, end));
    ascii += String.fromCharCode(bytes[k]);
  }
  return ascii;
}

/**
 * Parses the TALs in the bytes of one data record's "EDF Annotations" signal:
 * `+onset[\x15duration]\x14text\x14...\x14\x00`, padded with zeros. A TAL with no text (the
 * time-keeping TAL) gives one entry with text ''. Malformed TALs are returned in `errors`.
 *
 * @example
 * parseTals(bytes); // [{ onsetS: 0, text: '' }, { onsetS: 1.5, durationS: 0.2, text: 'N' }]
 */
export function parseTals(bytes: Uint8Array): { tals: EdfTal[]; errors: string[] } {
  const tals: EdfTal[] = [];
  const errors: string[] = [];
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    if (bytes[i] === 0) { i++; continue; }
    let end = i;
    while (end < n && bytes[end] !== 0) end++;
    const tal = decodeTal(bytes, i, end);
    i = end + 1;
    const parts = tal.split('\x14');
    const m = /^([+-]\d+(?:\.\d*)?)(?:\x15(\d+(?:\.\d*)?))?$/.exec(parts[0]);
    if (!m) { errors.push(`bad TAL onset "${parts[0].slice(0, 40)}"`); continue; }
    const onsetS = Number(m[1]);
    const durationS = m[2] !== undefined && m[2] !== '' ? Number(m[2]) : undefined;
    const texts = parts.slice(1, parts.length - 1);
    if (texts.length === 0 || texts.every((t) => t === '')) tals.push({ onsetS, durationS, text: '' });
    for (const t of texts) if (t !== '') tals.push({ onsetS, durationS, text: t });
  }
  return { tals, errors };
}

function fmtSeconds(x: number): string {
  const s = Number(x.toFixed(6)).toString();
  return x >= 0 ? `+${s}` : s;
}

/**
 * Encodes TALs as EDF+ bytes, texts in UTF-8 (without the zero padding to the signal's size).
 *
 * @example
 * encodeTals([{ onsetS: 0, text: '' }]); // bytes of '+0\x14\x14\x00'
 */
export function encodeTals(tals: EdfTal[]): Uint8Array {
  const out: number[] = [];
  for (const t of tals) {
    let s = fmtSeconds(t.onsetS);
    if (t.durationS !== undefined) s += `\x15${Number(t.durationS.toFixed(6))}`;
    s += `\x14${t.text.replace(/[\x00\x14\x15]/g, ' ')}\x14`;
    for (const b of utf8Encoder.encode(s)) out.push(b);
    out.push(0);
  }
  return Uint8Array.from(out);
}
