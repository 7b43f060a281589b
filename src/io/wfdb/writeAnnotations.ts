import { SinusError } from '../../errors.js';
import type { Annotation, AnnotationSet } from '../../record/types.js';
import { codeOf } from './annotationCodes.js';
import { AUX, CHN, decodeMitEntry, NUM, SKIP, SUB, type MitStreamState } from './annotations.js';

const latin1Bytes = (s: string): Uint8Array => {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
};

function numericCode(a: Annotation): number {
  const c = a.codeNum ?? codeOf(a.code);
  if (c === undefined || c < 0 || c >= SKIP) throw new SinusError('BAD_ANNOTATION', `annotation code "${a.code}" at sample ${a.sample} has no WFDB number`);
  return c;
}

function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return a.sample === b.sample && numericCode(a) === b.codeNum && a.subtype === b.subtype && a.channel === b.channel
    && a.num === b.num && (a.aux ?? '') === (b.aux ?? '');
}

/** Encodes one annotation the way WFDB's putann does, relative to the running stream state. */
function encodeCanonical(a: Annotation, state: MitStreamState, out: number[]): void {
  const code = numericCode(a);
  const delta = a.sample - state.time;
  const pushWord = (w: number) => out.push(w & 0xff, (w >> 8) & 0xff);
  if (!Number.isInteger(a.sample) || a.sample < 0) throw new SinusError('BAD_ANNOTATION', `annotation sample ${a.sample} is not a non-negative integer`);
  if (delta < 0 || delta > 1023) {
    pushWord(SKIP << 10);
    pushWord((delta >> 16) & 0xffff);
    pushWord(delta & 0xffff);
    pushWord(code << 10);
  } else pushWord((code << 10) | delta);
  if (a.subtype !== 0) pushWord((SUB << 10) | (a.subtype & 0x3ff));
  if (a.channel !== state.chan) pushWord((CHN << 10) | (a.channel & 0x3ff));
  if (a.num !== state.num) pushWord((NUM << 10) | (a.num & 0x3ff));
  if (a.aux) {
    const t = latin1Bytes(a.aux);
    if (t.length > 1023) throw new SinusError('BAD_ANNOTATION', `aux text at sample ${a.sample} is longer than 1023 bytes`);
    pushWord((AUX << 10) | t.length);
    for (const x of t) out.push(x);
    if (t.length & 1) out.push(0);
  }
  state.time = a.sample;
  state.chan = a.channel;
  state.num = a.num;
}

/**
 * Writes annotations as a WFDB annotation file in MIT format. Annotations must be in time order.
 * Annotations that carry `wfdbBytes` (read from a file) are written with those bytes when they
 * still decode to the same annotation, and the set's `wfdbFraming` is kept, so a file read with
 * {@link readMitAnnotationSet} comes back byte-identical; everything else is encoded as WFDB's
 * putann would.
 *
 * @example
 * const bytes = writeMitAnnotations(readMitAnnotationSet(original, 'atr'));
 */
export function writeMitAnnotations(set: Pick<AnnotationSet, 'annotations' | 'wfdbFraming'>): Uint8Array {
  const out: number[] = [];
  const state: MitStreamState = { time: 0, chan: 0, num: 0 };
  const prologue = set.wfdbFraming?.prologue;
  if (prologue && prologue.length) {
    // The prologue only sets the carried-over number and channel; decode it the way the reader does.
    for (let i = 0; i + 1 < prologue.length; i += 2) {
      const w = prologue[i] | (prologue[i + 1] << 8);
      const c = w >> 10;
      if (c === NUM) state.num = ((w & 0x3ff) << 22) >> 22;
      else if (c === CHN) state.chan = w & 0x3ff;
      else if (c === AUX) i += (w & 0x3ff) + (w & 1);
    }
    for (const x of prologue) out.push(x);
  }
  let previous = -Infinity;
  for (const a of set.annotations) {
    if (a.sample < previous) throw new SinusError('BAD_ANNOTATION', `annotations are not in time order at sample ${a.sample}`);
    previous = a.sample;
    const kept = a.wfdbBytes;
    if (kept && kept.length) {
      const trial = { ...state };
      let decoded: ReturnType<typeof decodeMitEntry> = null;
      try {
        decoded = decodeMitEntry(kept, 0, trial, 'annotation');
      } catch {
        decoded = null;
      }
      if (decoded && decoded.end === kept.length && sameAnnotation(a, decoded.annotation)) {
        for (const x of kept) out.push(x);
        Object.assign(state, trial);
        continue;
      }
    }
    encodeCanonical(a, state, out);
  }
  const epilogue = set.wfdbFraming?.epilogue;
  if (epilogue && epilogue.length >= 2 && epilogue[0] === 0 && epilogue[1] === 0) for (const x of epilogue) out.push(x);
  else out.push(0, 0);
  return Uint8Array.from(out);
}
