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

/** One beat of {@link annotatedGlobalWaves}: CSE-style global boundaries from per-lead marks. */
export interface AnnotatedGlobalBeat {
  pOn: number | null;
  qrsOn: number;
  qrsOff: number | null;
  tOff: number | null;
}

/**
 * Global reference boundaries from per-lead wave marks (as LUDB gives them): the same wave in
 * different leads is grouped by peak proximity (120 ms); a wave marked in at least half of the
 * leads is kept, with the earliest onset and latest offset across leads (CSE convention).
 *
 * @example
 * const g = annotatedGlobalWaves(leadSets.map(annotatedWaves), 500);
 */
export function annotatedGlobalWaves(byLead: AnnotatedWave[][], fsHz: number) {
  const clusters = (kind: AnnotatedWave['kind']) => {
    const all = byLead.flatMap((r) => r.filter((w) => w.kind === kind)).sort((a, b) => a.peak - b.peak);
    const cl: AnnotatedWave[][] = [];
    for (const w of all) {
      const c = cl[cl.length - 1];
      if (c && w.peak - c[0].peak < 0.12 * fsHz) c.push(w); else cl.push([w]);
    }
    return cl.filter((c) => c.length >= Math.max(1, byLead.length / 2));
  };
  const on = (c: AnnotatedWave[]) => { const v = c.map((w) => w.onset).filter((x): x is number => x !== null); return v.length ? Math.min(...v) : null; };
  const off = (c: AnnotatedWave[]) => { const v = c.map((w) => w.offset).filter((x): x is number => x !== null); return v.length ? Math.max(...v) : null; };
  const P = clusters('p'), Q = clusters('qrs'), T = clusters('t');
  const nn = (v: (number | null)[]) => v.filter((x): x is number => x !== null);
  const beats: AnnotatedGlobalBeat[] = [];
  for (const q of Q) {
    const qOn = on(q);
    if (qOn === null) continue;
    const pk = q[0].peak;
    const p = P.find((c) => pk - c[0].peak > 0 && pk - c[0].peak < 0.4 * fsHz);
    const t = T.find((c) => c[0].peak - pk > 0 && c[0].peak - pk < 0.7 * fsHz);
    beats.push({ pOn: p ? on(p) : null, qrsOn: qOn, qrsOff: off(q), tOff: t ? off(t) : null });
  }
  return { pOn: nn(P.map(on)), pOff: nn(P.map(off)), qrsOn: nn(Q.map(on)), qrsOff: nn(Q.map(off)), tOff: nn(T.map(off)), beats };
}
