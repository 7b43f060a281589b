import { appendFileSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { SinusError } from '../errors.js';
import { BATCH_COLUMN_NAMES, type BatchCell, type BatchRow } from './batchRow.js';
import { csvRows as parseCsv } from '../io/csv/csvRows.js';

/** Output formats of `sinus batch`, chosen by the output file's extension. */
export type BatchOutputFormat = 'csv' | 'jsonl';

/**
 * The format an output path asks for: `.csv` or `.jsonl`/`.ndjson`; anything else is a BAD_ARGUMENT.
 *
 * @example batchOutputFormat('results.csv') // 'csv'
 */
export function batchOutputFormat(path: string): BatchOutputFormat {
  const p = path.toLowerCase();
  if (p.endsWith('.csv')) return 'csv';
  if (p.endsWith('.jsonl') || p.endsWith('.ndjson')) return 'jsonl';
  throw new SinusError('BAD_ARGUMENT', `--out must end in .csv or .jsonl (got "${path}"); parquet is not supported`);
}

function csvCell(v: BatchCell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The whole table as text: CSV (RFC 4180, header line, empty cell for null; rows never hold empty
 * strings, so CSV reads back exactly) or JSON Lines.
 *
 * @example formatBatchRows([row], 'csv').split('\n')[0] // 'file,record_id,content_sha256,...'
 */
export function formatBatchRows(rows: BatchRow[], format: BatchOutputFormat): string {
  if (format === 'jsonl') return rows.map((r) => JSON.stringify(r) + '\n').join('');
  const lines = [BATCH_COLUMN_NAMES.join(','), ...rows.map((r) => BATCH_COLUMN_NAMES.map((c) => csvCell(r[c])).join(','))];
  return lines.join('\n') + '\n';
}


const NUMERIC = /^(duration_s|fs_hz|leads|heart_rate_bpm|pr_ms|qrs_ms|qt_ms|qtc_ms|p_axis_deg|qrs_axis_deg|t_axis_deg|beats_.*|af_burden_pct)$/;

/**
 * Rows read back from a finished output file (CSV or JSON Lines), for resume. Unreadable lines (a
 * line torn by a kill) are left out.
 *
 * @example const done = readBatchRows('results.csv', 'csv');
 */
export function readBatchRows(path: string, format: BatchOutputFormat): BatchRow[] {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  if (format === 'jsonl') return parseJsonLines(text);
  const [header, ...records] = parseCsv(text);
  if (!header) return [];
  return records
    .filter((r) => r.length === header.length)
    .map((r) => {
      const row = Object.fromEntries(BATCH_COLUMN_NAMES.map((c) => [c, null])) as BatchRow;
      header.forEach((name, i) => {
        if (!(BATCH_COLUMN_NAMES as readonly string[]).includes(name)) return;
        const v = r[i];
        (row as Record<string, BatchCell>)[name] = v === '' ? null : NUMERIC.test(name) ? Number(v) : v;
      });
      return row;
    });
}

function parseJsonLines(text: string): BatchRow[] {
  const rows: BatchRow[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      rows.push(JSON.parse(line) as BatchRow);
    } catch {
      /* a line torn by a kill */
    }
  }
  return rows;
}

/**
 * The journal of a running batch (`<out>.partial.jsonl`): each finished row is appended at once, so
 * a batch killed at any point resumes from it; removed when the output is written.
 *
 * @example const j = new BatchJournal('results.csv'); j.append(row); j.rows();
 */
export class BatchJournal {
  readonly path: string;
  constructor(outPath: string) {
    this.path = `${outPath}.partial.jsonl`;
  }
  rows(): BatchRow[] {
    return existsSync(this.path) ? parseJsonLines(readFileSync(this.path, 'utf8')) : [];
  }
  append(row: BatchRow): void {
    appendFileSync(this.path, JSON.stringify(row) + '\n');
  }
  remove(): void {
    rmSync(this.path, { force: true });
  }
}

/**
 * Writes a file atomically: to a temporary file beside it, then renamed over it, so readers see the
 * old file or the new one, never half of one.
 *
 * @example writeFileAtomically('results.csv', text);
 */
export function writeFileAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}
