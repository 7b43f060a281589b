import { SinusError } from '../../errors.js';
import type { Annotation } from '../../record/types.js';
import { mnemonicOf } from './annotationCodes.js';

const SKIP = 59, NUM = 60, SUB = 61, CHN = 62, AUX = 63;

/**
 * Parses a WFDB annotation file in MIT format (e.g. `100.atr`). Handles SKIP, NUM, SUB, CHN and AUX
 * pseudo-annotations; NUM/SUB/CHN persist as WFDB does (num and chan carry over, subtype resets).
 * Throws {@link SinusError} BAD_ANNOTATION when the byte stream ends inside an entry.
 */
export function parseMitAnnotations(bytes: Uint8Array, fileName = 'annotations'): Annotation[] {
  const out: Annotation[] = [];
  const n = bytes.length;
  let i = 0;
  let time = 0;
  let num = 0;
  let chan = 0;
  let current: Annotation | undefined;
  const latin1 = new TextDecoder('latin1');
  while (i + 1 < n) {
    const w = bytes[i] | (bytes[i + 1] << 8);
    i += 2;
    const code = w >> 10;
    const value = w & 0x3ff;
    if (code === 0 && value === 0) return out;
    if (code === SKIP) {
      if (i + 4 > n) throw new SinusError('BAD_ANNOTATION', `file ends inside a SKIP at byte ${i}`, fileName);
      // 32-bit interval in PDP-11 order: high 16-bit word first, each word little-endian.
      const hi = bytes[i] | (bytes[i + 1] << 8);
      const lo = bytes[i + 2] | (bytes[i + 3] << 8);
      time += ((hi << 16) | lo) | 0;
      i += 4;
    } else if (code === NUM) {
      num = (value << 22) >> 22;
      if (current) current.num = num;
    } else if (code === SUB) {
      if (current) current.subtype = (value << 22) >> 22;
    } else if (code === CHN) {
      chan = value;
      if (current) current.channel = chan;
    } else if (code === AUX) {
      if (i + value > n) throw new SinusError('BAD_ANNOTATION', `file ends inside an AUX string at byte ${i}`, fileName);
      let s = latin1.decode(bytes.subarray(i, i + value));
      const nul = s.indexOf('\0');
      if (nul >= 0) s = s.slice(0, nul);
      if (current) current.aux = s;
      i += value + (value & 1);
    } else {
      time += value;
      current = { sample: time, code: mnemonicOf(code), codeNum: code, subtype: 0, channel: chan, num };
      out.push(current);
    }
  }
  if (n % 2 === 1 || n === 0) {
    if (n === 0) throw new SinusError('FILE_EMPTY', 'annotation file is empty', fileName);
  }
  throw new SinusError('BAD_ANNOTATION', 'annotation file has no end marker (truncated?)', fileName);
}
