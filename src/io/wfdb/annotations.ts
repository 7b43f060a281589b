import { SinusError } from '../../errors.js';
import type { Annotation, AnnotationSet } from '../../record/types.js';
import { mnemonicOf } from './annotationCodes.js';

/** Pseudo-annotation codes of the MIT format (ecgcodes.h). */
export const SKIP = 59, NUM = 60, SUB = 61, CHN = 62, AUX = 63;

/** Running state of an MIT annotation stream: WFDB carries time, channel and number forward. */
export interface MitStreamState {
  time: number;
  chan: number;
  num: number;
}

const latin1 = new TextDecoder('latin1');

/**
 * Stores the bytes kept for rewriting as a non-enumerable property: JSON.stringify, spreading and
 * deep-equality checks see only the annotation itself, while the writer still finds them.
 */
function hidden<T extends object>(target: T, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: false, writable: true, configurable: true });
}

function word(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

/**
 * Decodes one annotation entry starting at byte `pos`: any SKIP words, the annotation word, then
 * the SUB/CHN/NUM/AUX words that follow it. Updates `state`. Returns null when the bytes at `pos`
 * are the end marker, or when the stream ends before an annotation word.
 * Throws {@link SinusError} BAD_ANNOTATION when the stream ends inside a word.
 *
 * @example
 * const state = { time: 0, chan: 0, num: 0 };
 * decodeMitEntry(bytes, 0, state, '100.atr')?.annotation; // { sample: 18, code: '+', aux: '(N', ... }
 */
export function decodeMitEntry(
  b: Uint8Array,
  pos: number,
  state: MitStreamState,
  fileName: string,
): { annotation: Annotation; end: number } | null {
  const n = b.length;
  let i = pos;
  let time = state.time;
  for (;;) {
    if (i + 1 >= n) return null;
    const w = word(b, i);
    const code = w >> 10;
    if (w === 0) return null;
    if (code !== SKIP) break;
    if (i + 6 > n) throw new SinusError('BAD_ANNOTATION', `file ends inside a SKIP at byte ${i}`, fileName);
    // 32-bit interval in PDP-11 order: high 16-bit word first, each word little-endian.
    time += ((word(b, i + 2) << 16) | word(b, i + 4)) | 0;
    i += 6;
  }
  const w = word(b, i);
  const code = w >> 10;
  if (code > SKIP) return null; // a pseudo-word where an annotation must be: not an entry
  i += 2;
  time += w & 0x3ff;
  const a: Annotation = { sample: time, code: mnemonicOf(code), codeNum: code, subtype: 0, channel: state.chan, num: state.num };
  while (i + 1 < n) {
    const p = word(b, i);
    const pc = p >> 10;
    const v = p & 0x3ff;
    if (pc === SUB) a.subtype = (v << 22) >> 22;
    else if (pc === CHN) a.channel = v;
    else if (pc === NUM) a.num = (v << 22) >> 22;
    else if (pc === AUX) {
      if (i + 2 + v > n) throw new SinusError('BAD_ANNOTATION', `file ends inside an AUX string at byte ${i}`, fileName);
      let s = latin1.decode(b.subarray(i + 2, i + 2 + v));
      const nul = s.indexOf('\0');
      if (nul >= 0) s = s.slice(0, nul);
      a.aux = s;
      i += v + (v & 1);
    } else break;
    i += 2;
  }
  if (i > n) throw new SinusError('BAD_ANNOTATION', `file ends inside an AUX string`, fileName);
  state.time = time;
  state.chan = a.channel;
  state.num = a.num;
  return { annotation: a, end: i };
}

/**
 * Reads a WFDB annotation file in MIT format (e.g. `100.atr`) keeping what is needed to write it
 * back byte for byte: each annotation's stored bytes (`wfdbBytes`) and the bytes before the first
 * and after the last annotation (`wfdbFraming`). NUM and CHN carry over from one annotation to the
 * next and SUB resets, as in WFDB's getann.
 * Throws {@link SinusError}: FILE_EMPTY for an empty file, BAD_ANNOTATION when the file ends inside
 * an entry or has no end marker.
 *
 * @example
 * const set = readMitAnnotationSet(bytes, 'atr', '100.atr');
 * set.annotations.filter((a) => a.code === 'V').length;
 */
export function readMitAnnotationSet(bytes: Uint8Array, annotator: string, fileName = 'annotations'): AnnotationSet {
  const n = bytes.length;
  if (n === 0) throw new SinusError('FILE_EMPTY', 'annotation file is empty', fileName);
  const state: MitStreamState = { time: 0, chan: 0, num: 0 };
  // Pseudo-words before the first annotation set the carried-over channel and number.
  let i = 0;
  while (i + 1 < n) {
    const w = word(bytes, i);
    const code = w >> 10;
    if (code === NUM) state.num = ((w & 0x3ff) << 22) >> 22;
    else if (code === CHN) state.chan = w & 0x3ff;
    else if (code === AUX) { i += (w & 0x3ff) + (w & 1); }
    else if (code !== SUB) break;
    i += 2;
  }
  if (i > n) throw new SinusError('BAD_ANNOTATION', 'file ends inside an AUX string', fileName);
  const prologue = bytes.slice(0, i);
  const annotations: Annotation[] = [];
  for (;;) {
    const e = decodeMitEntry(bytes, i, state, fileName);
    if (!e) break;
    hidden(e.annotation, 'wfdbBytes', bytes.slice(i, e.end));
    annotations.push(e.annotation);
    i = e.end;
  }
  if (i + 1 >= n || word(bytes, i) !== 0) {
    throw new SinusError('BAD_ANNOTATION', `no end marker at byte ${i} of ${n} (truncated or not an MIT annotation file)`, fileName);
  }
  const set: AnnotationSet = { annotator, annotations };
  hidden(set, 'wfdbFraming', { prologue, epilogue: bytes.slice(i) });
  return set;
}

/**
 * Parses a WFDB annotation file in MIT format and returns its annotations (see
 * {@link readMitAnnotationSet} for the details kept for rewriting).
 *
 * @example
 * const beats = parseMitAnnotations(bytes, '100.atr').filter((a) => a.code === 'N');
 */
export function parseMitAnnotations(bytes: Uint8Array, fileName = 'annotations'): Annotation[] {
  return readMitAnnotationSet(bytes, '', fileName).annotations;
}
