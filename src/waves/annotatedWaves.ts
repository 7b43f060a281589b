import type { AnnotationSet } from '../record/types.js';

/** One annotated wave: '(' onset, peak, ')' offset; null where the annotation lacks a mark. */
export interface AnnotatedWave {
  kind: 'p' | 'qrs' | 't';
  onset: number | null;
  peak: number;
  offset: number | null;
}

/**
 * Reads wave annotations in the LUDB/ecgpuwave convention: a peak symbol ('p', 'N', 't') with an
 * optional '(' before and ')' after it. Used to score delineation against reference marks.
 *
 * @example
 * const waves = annotatedWaves(record.annotations.find((s) => s.annotator === 'ii')!);
 */
export function annotatedWaves(set: AnnotationSet): AnnotatedWave[] {
  const a = set.annotations;
  const out: AnnotatedWave[] = [];
  for (let i = 0; i < a.length; i++) {
    const c = a[i].code;
    const kind = c === 'p' ? 'p' : c === 't' ? 't' : c === 'N' || c === 'A' || c === 'V' ? 'qrs' : null;
    if (!kind) continue;
    const onset = i > 0 && a[i - 1].code === '(' ? a[i - 1].sample : null;
    const offset = i + 1 < a.length && a[i + 1].code === ')' ? a[i + 1].sample : null;
    out.push({ kind, onset, peak: a[i].sample, offset });
  }
  return out;
}
