/** Helpers for reading PTB-XL's noise flags (bench only). */
import { csvRows } from '../src/io/csv/csvRows.js';

/** RFC 4180 rows (the one CSV reader, src/io/csv/csvRows.ts). */
export const readCsvRows = csvRows;


const STD = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'];
/** Leads a PTB-XL noise-flag string names ('I-AVR', 'alles', 'V1,2', 'v5-6', 'V1V6'); all when it names none. */
export function flaggedLeads(flag: string): Set<string> {
  const out = new Set<string>();
  const s = flag.trim().replace(/^,/, '').trim();
  if (!s) return out;
  const norm = (t: string, prevV: boolean): number => {
    const u = t.trim().toUpperCase();
    if (/^\d$/.test(u)) return prevV ? STD.indexOf(`V${u}`) : ['I', 'II', 'III'].indexOf(['I', 'II', 'III'][Number(u) - 1] ?? '');
    return STD.findIndex((n) => n.toUpperCase() === u);
  };
  let lastWasV = false;
  for (const raw of s.split(',')) {
    const tok = raw.trim();
    if (!tok) continue;
    if (/alles|leicht/i.test(tok)) {
      STD.forEach((l) => out.add(l));
      continue;
    }
    for (const piece of tok.match(/[A-Za-z]+\d?-[A-Za-z]+\d?|[A-Za-z]+\d?-\d|[A-Za-z]+\d?|\d/g) ?? []) {
      if (piece.includes('-')) {
        const [a, b] = piece.split('-');
        const ia = norm(a, lastWasV);
        const ib = norm(b, /^v/i.test(a));
        if (ia >= 0 && ib >= ia) for (let k = ia; k <= ib; k++) out.add(STD[k]);
        lastWasV = /^v/i.test(b) || /^v/i.test(a);
      } else {
        const i = norm(piece, lastWasV);
        if (i >= 0) out.add(STD[i]);
        lastWasV = /^v/i.test(piece) || (lastWasV && /^\d$/.test(piece));
      }
    }
  }
  if (out.size === 0) STD.forEach((l) => out.add(l));
  return out;
}

