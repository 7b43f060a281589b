import type { EcgRecord } from '../../record/types.js';

/** Options for {@link writeCsv}. */
export interface WriteCsvOptions {
  /** ',' (default) or '\t' for TSV. */
  delimiter?: ',' | '\t';
  /** Write a first column `time_s`; default true (it carries the sampling rate). */
  timeColumn?: boolean;
  /** Also write leads computed from others; default false. */
  includeDerived?: boolean;
}

/** Shortest text that reads back as the same 32-bit float. */
function f32Text(x: number): string {
  if (Number.isNaN(x)) return '';
  for (let p = 6; p <= 9; p++) {
    const s = Number(x.toPrecision(p)).toString();
    if (Math.fround(Number(s)) === x) return s;
  }
  return x.toString();
}

/**
 * Writes a record as CSV/TSV: a header row `time_s,<lead> (mV),...`, one row per sample, values in
 * mV with just enough digits to read back the same 32-bit floats; NaN is an empty cell.
 *
 * @example
 * const text = writeCsv(rec); // 'time_s,MLII (mV),V5 (mV)\n0,-0.145,-0.065\n...'
 */
export function writeCsv(record: EcgRecord, options: WriteCsvOptions = {}): string {
  const d = options.delimiter ?? ',';
  const withTime = options.timeColumn ?? true;
  const leads = record.leads.filter((l) => options.includeDerived || !l.derived);
  const quote = (s: string) => (s.includes(d) || s.includes('"') ? `"${s.replace(/"/g, '""')}"` : s);
  const header = [...(withTime ? ['time_s'] : []), ...leads.map((l) => quote(`${l.name} (mV)`))].join(d);
  const parts: string[] = [`# fs=${record.fs}`, header];
  const row: string[] = new Array(leads.length + (withTime ? 1 : 0));
  for (let i = 0; i < record.length; i++) {
    let k = 0;
    if (withTime) row[k++] = Number((i / record.fs).toFixed(9)).toString();
    for (const l of leads) row[k++] = f32Text(l.samples[i]);
    parts.push(row.join(d));
  }
  return parts.join('\n') + '\n';
}
