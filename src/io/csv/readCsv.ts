import { SinusError } from '../../errors.js';
import { normalizeLeadName } from '../../record/leadNames.js';
import type { EcgRecord, Lead } from '../../record/types.js';
import { unitsToMv } from '../wfdb/readRecord.js';

/** Options for {@link readCsv}. */
export interface ReadCsvOptions {
  /** Sampling rate; needed when the file has no time column and no `# fs=...` comment. */
  fsHz?: number;
  /** Units of every lead column without units in its header; default mV (flagged as assumed). */
  units?: 'mV' | 'uV' | 'V';
}

const TIME_COLUMN = /^(time|t|sec|secs|seconds|time_s|times|elapsed(\s*time)?|ms|time_ms|msec|milliseconds)\s*(?:[\(\[]\s*(s|sec|ms)\s*[\)\]])?$/i;
const INDEX_COLUMN = /^(sample|samples|index|idx|n|sample\s*#|#)$/i;
const UNITS_IN_NAME = /^(.*?)[\s_]*[\(\[]\s*(uv|µv|μv|mv|v|nv)\s*[\)\]]$/i;

function splitLine(line: string, delim: string): string[] {
  if (!line.includes('"')) return line.split(delim);
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === delim) { out.push(cur); cur = ''; }
    else cur += c;
  }
  out.push(cur);
  return out;
}

function isNumber(s: string): boolean {
  const t = s.trim();
  return t !== '' && Number.isFinite(Number(t));
}

/**
 * Delimiter of a delimited text file: tab, semicolon or comma, by which one the first lines use.
 *
 * @example
 * csvDelimiter(['t\tI', '0\t1']); // '\t'
 */
export function csvDelimiter(lines: string[]): string {
  const sample = lines.slice(0, 5);
  for (const d of ['\t', ';', ',']) if (sample.length && sample.every((l) => l.includes(d))) return d;
  return ',';
}

/**
 * Reads a CSV or TSV file of ECG samples: an optional header row of lead names (units may follow
 * in brackets, e.g. `II (uV)` or `V1 [mV]`), an optional time column (`time`, `t`, `time_s`,
 * `ms`, ...) from which the sampling rate is taken, and an optional sample-index column (dropped).
 * Without a time column the rate comes from `options.fsHz` or a `# fs=500` comment line. Columns
 * without units are read as `options.units`, or as mV with `metadata.unitsAssumed` set. Empty cells
 * are NaN. Throws {@link SinusError}: BAD_ARGUMENT when the rate cannot be known, BAD_SIGNAL for a
 * non-numeric cell or a row of the wrong width (naming the line), FILE_EMPTY.
 *
 * @example
 * const rec = readCsv('time,I,II\n0,0.1,0.2\n0.002,0.1,0.3\n', 'ecg.csv');
 */
export function readCsv(text: string, fileName = 'record.csv', options: ReadCsvOptions = {}): EcgRecord {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const all = text.split(/\r?\n/);
  const comments: string[] = [];
  const rows: { line: string; no: number }[] = [];
  all.forEach((line, i) => {
    const t = line.trim();
    if (t === '') return;
    if (t.startsWith('#') && !/^#[\t,;]/.test(t)) comments.push(t.replace(/^#\s*/, ''));
    else rows.push({ line, no: i + 1 });
  });
  if (rows.length === 0) throw new SinusError('FILE_EMPTY', 'no rows of data', fileName);
  const delim = csvDelimiter(rows.map((r) => r.line));
  let first = splitLine(rows[0].line, delim).map((s) => s.trim());
  const hasHeader = first.some((c) => c !== '' && !isNumber(c));
  const dataRows = hasHeader ? rows.slice(1) : rows;
  if (!hasHeader) first = first.map((_, k) => `sig${k}`);
  const width = first.length;
  let timeCol = -1, timeScale = 1;
  const drop = new Set<number>();
  first.forEach((h, k) => {
    const tm = TIME_COLUMN.exec(h);
    if (hasHeader && tm && timeCol < 0) {
      timeCol = k;
      const unit = (tm[3] ?? tm[1]).toLowerCase();
      timeScale = unit === 'ms' || unit === 'time_ms' || unit === 'msec' || unit === 'milliseconds' ? 1e-3 : 1;
      drop.add(k);
    } else if (hasHeader && INDEX_COLUMN.test(h)) drop.add(k);
  });
  // Trailing delimiters give an empty last header cell with no data: not a lead.
  if (hasHeader && first[width - 1] === '') drop.add(width - 1);
  const leadCols = first.map((_, k) => k).filter((k) => !drop.has(k));
  if (leadCols.length === 0) throw new SinusError('BAD_SIGNAL', 'no lead columns', fileName);
  const n = dataRows.length;
  const cols = leadCols.map(() => new Float32Array(n));
  const time = timeCol >= 0 ? new Float64Array(n) : null;
  for (let r = 0; r < n; r++) {
    const cells = splitLine(dataRows[r].line, delim);
    if (cells.length !== width && !(cells.length === width + 1 && cells[width].trim() === '')) {
      throw new SinusError('BAD_SIGNAL', `line ${dataRows[r].no}: ${cells.length} cells, the header has ${width}`, fileName);
    }
    const cell = (k: number) => {
      const s = cells[k].trim();
      if (s === '' || /^nan$/i.test(s)) return Number.NaN;
      const v = Number(s);
      if (!Number.isFinite(v)) throw new SinusError('BAD_SIGNAL', `line ${dataRows[r].no}, column ${k + 1}: "${s.slice(0, 20)}" is not a number`, fileName);
      return v;
    };
    for (let j = 0; j < leadCols.length; j++) cols[j][r] = cell(leadCols[j]);
    if (time) time[r] = cell(timeCol) * timeScale;
  }
  let fs = options.fsHz;
  const warnings: string[] = [];
  if (fs === undefined && time && n >= 2) {
    const dt = (time[n - 1] - time[0]) / (n - 1);
    if (!(dt > 0)) throw new SinusError('BAD_SIGNAL', 'time column does not increase', fileName);
    let worst = 0;
    for (let i = 1; i < n; i++) worst = Math.max(worst, Math.abs(time[i] - time[i - 1] - dt));
    // Timestamps printed with few decimals jitter by up to one last digit; gaps are another matter.
    if (worst > 0.5 * dt) throw new SinusError('BAD_SIGNAL', `time column is not evenly spaced (a step differs from the mean ${dt} s by ${worst} s)`, fileName);
    fs = 1 / dt;
    const rounded = Math.round(fs);
    if (Math.abs(fs - rounded) < 1e-3 * fs) fs = rounded;
  }
  if (fs === undefined) {
    const m = comments.map((c) => /(?:fs|sampling[ _]?(?:rate|frequency)|sample[ _]?rate)\s*[:=]?\s*([\d.]+)/i.exec(c)).find(Boolean);
    if (m) fs = Number(m[1]);
  }
  if (fs === undefined || !(fs > 0) || !Number.isFinite(fs)) {
    throw new SinusError('BAD_ARGUMENT', 'sampling rate unknown: add a time column or a "# fs=<Hz>" comment line, or give the rate (option fsHz; --fs in the CLI)', fileName);
  }
  let assumed = false;
  const leads: Lead[] = leadCols.map((k, j) => {
    const header = first[k];
    const um = UNITS_IN_NAME.exec(header);
    let units: string;
    if (um) units = um[2];
    else if (options.units) units = options.units;
    else { units = 'mV'; assumed = true; }
    const scale = unitsToMv(units);
    const samples = cols[j];
    if (scale !== 1) for (let i = 0; i < n; i++) samples[i] *= scale;
    const name = um ? um[1] : header;
    return { name: normalizeLeadName(name), originalName: name, samples, info: { gain: 1, baseline: 0, units, storageFormat: 'csv' } };
  });
  if (assumed) warnings.push('no units given for some columns: read as mV');
  return {
    name: fileName.replace(/^.*[\\/]/, '').replace(/\.(csv|tsv|txt)$/i, ''),
    fs,
    leads,
    length: n,
    annotations: [],
    sourceFormat: delim === '\t' ? 'tsv' : 'csv',
    metadata: { comments, ...(assumed ? { unitsAssumed: true } : {}), ...(warnings.length ? { warnings } : {}) },
  };
}
