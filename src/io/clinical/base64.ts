import { SinusError } from '../../errors.js';

const LOOKUP = (() => {
  const t = new Int16Array(256).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) t[alphabet.charCodeAt(i)] = i;
  return t;
})();

/**
 * Bytes of a base64 text, skipping whitespace (XML exports wrap lines). Works in the browser and
 * in Node without Buffer. Throws BAD_SIGNAL on a character outside the alphabet.
 *
 * @example decodeBase64('AQID') // Uint8Array [1, 2, 3]
 */
export function decodeBase64(text: string, file?: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4) + 3);
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 61) break; // '=' padding ends the data
    if (ch === 32 || ch === 10 || ch === 13 || ch === 9) continue;
    const v = ch < 256 ? LOOKUP[ch] : -1;
    if (v < 0) throw new SinusError('BAD_SIGNAL', `invalid base64 character at offset ${i}`, file);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}
