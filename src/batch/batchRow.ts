/**
 * One row of a batch result table: the headline figures of one record's {@link Analysis}, or the
 * error that stopped it. The column set is stable (append-only): tools that read results.csv can
 * rely on the names and units in {@link BATCH_COLUMNS}.
 */
import type { Analysis } from '../analyze.js';
import type { JsonValue } from '../analyze/toJsonValue.js';
import type { BlockAnalysis } from './analyzeInBlocks.js';

/** A cell: numbers in the unit the column name says, text, or null (unknown; see `reasons`). */
export type BatchCell = string | number | null;
// Text cells are never '' (empty is null), so a CSV row reads back exactly.

/** The columns of a batch row, in output order, each with what it holds. */
export const BATCH_COLUMNS = [
  ['file', 'path of the record file as given or found'],
  ['record_id', 'record name from the file'],
  ['content_sha256', 'SHA-256 over the bytes of the record and its companion files (resume key with software_version)'],
  ['software_version', 'sinus version that produced the row'],
  ['status', "'ok', 'error' (input could not be read/analysed; error_code says why) or 'parked' (analysis crashed repeatedly)"],
  ['duration_s', 'record duration, seconds'],
  ['fs_hz', 'sampling rate, Hz'],
  ['leads', 'number of leads'],
  ['heart_rate_bpm', 'mean ventricular rate, beats per minute'],
  ['pr_ms', 'PR interval on the median beat, ms'],
  ['qrs_ms', 'QRS duration on the median beat, ms'],
  ['qt_ms', 'QT interval on the median beat, ms'],
  ['qtc_ms', 'corrected QT, ms (formula in qtc_formula)'],
  ['qtc_formula', "QTc formula: 'bazett'"],
  ['p_axis_deg', 'frontal P axis, degrees'],
  ['qrs_axis_deg', 'frontal QRS axis, degrees'],
  ['t_axis_deg', 'frontal T axis, degrees'],
  ['rhythm_statement', 'reconciled rhythm statement (results.interpretation.rhythm), empty when not available'],
  ['statements', "diagnostic statement codes joined by ';' (results.interpretation.statements), empty when not available"],
  ['strip_rhythm', 'short-strip label (normal/af/other/noisy) for strips up to 60 s'],
  ['quality_verdict', 'record quality verdict'],
  ['beats_total', 'beats detected'],
  ['beats_n', 'beats of AAMI class N'],
  ['beats_s', 'beats of AAMI class S'],
  ['beats_v', 'beats of AAMI class V'],
  ['beats_f', 'beats of AAMI class F'],
  ['beats_q', 'beats of AAMI class Q'],
  ['af_burden_pct', 'share of the record in atrial fibrillation, percent'],
  ['stages_not_ok', "stages that did not run, 'name:status' joined by ';'"],
  ['reasons', "why cells are empty, 'column: reason' joined by ' | '"],
  ['error_code', 'SinusError code (or ANALYSIS_CRASHED) when status is not ok'],
  ['error_message', 'error text when status is not ok'],
] as const;

export type BatchColumn = (typeof BATCH_COLUMNS)[number][0];
export type BatchRow = Record<BatchColumn, BatchCell>;

/** Names of the columns, in order. */
export const BATCH_COLUMN_NAMES: readonly BatchColumn[] = BATCH_COLUMNS.map((c) => c[0]);

type Obj = { [k: string]: JsonValue };
const obj = (v: JsonValue | undefined): Obj | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : null);
const num = (v: JsonValue | undefined, digits: number): number | null => (typeof v === 'number' && Number.isFinite(v) ? Number(v.toFixed(digits)) : null);
const str = (v: JsonValue | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** What identifies a record's row: its file, content hash and the software that analysed it. */
export interface BatchRowKey {
  file: string;
  contentSha256: string | null;
}

function emptyRow(key: BatchRowKey, version: string): BatchRow {
  const row = Object.fromEntries(BATCH_COLUMN_NAMES.map((c) => [c, null])) as BatchRow;
  row.file = key.file;
  row.content_sha256 = key.contentSha256;
  row.software_version = version;
  return row;
}

/**
 * The row of a finished analysis. Cells whose stage did not run are null and `reasons` says why.
 *
 * @example
 * const row = batchRowFromAnalysis({ file: '100.hea', contentSha256: 'ab12…' }, await analyze(record));
 * row.qrs_ms; // e.g. 94
 */
export function batchRowFromAnalysis(key: BatchRowKey, a: Analysis): BatchRow {
  const row = emptyRow(key, a.software.version);
  const reasons: string[] = [];
  const stageReason = (stage: string) => a.stages.find((s) => s.name === stage)?.reason ?? `${stage} not run`;
  row.record_id = a.record.name;
  row.status = 'ok';
  row.duration_s = num(a.record.durationS, 3);
  row.fs_hz = a.record.fsHz;
  row.leads = a.record.leads.length;

  const m = obj(a.results.measurements);
  if (m) {
    row.heart_rate_bpm = num(m.heartRateBpm, 1);
    row.pr_ms = num(m.prMs, 0);
    row.qrs_ms = num(m.qrsDurationMs, 0);
    row.qt_ms = num(m.qtMs, 0);
    row.qtc_ms = num(obj(m.qtc)?.bazettMs, 0);
    row.qtc_formula = row.qtc_ms === null ? null : 'bazett';
    row.p_axis_deg = num(m.pAxisDeg, 1);
    row.qrs_axis_deg = num(m.qrsAxisDeg, 1);
    row.t_axis_deg = num(m.tAxisDeg, 1);
    const why = Array.isArray(m.reasons) ? m.reasons.filter((r): r is string => typeof r === 'string') : [];
    if (why.length) reasons.push(`measurements: ${why.join('; ')}`);
  } else reasons.push(`measurements: ${stageReason('measurements')}`);

  const interp = obj(a.results.interpretation);
  if (interp) {
    row.rhythm_statement = str(obj(interp.rhythm)?.text) ?? str(obj(interp.rhythm)?.code);
    const st = Array.isArray(interp.statements) ? interp.statements.map((s) => str(obj(s)?.code)).filter((c): c is string => !!c) : [];
    row.statements = st.length ? st.join(';') : null;
    if (row.rhythm_statement === null) reasons.push('rhythm_statement: interpretation made no rhythm statement');
  } else reasons.push(`statements: ${a.stages.some((s) => s.name === 'interpretation') ? stageReason('interpretation') : 'this sinus version has no interpretation stage'}`);

  row.strip_rhythm = str(obj(a.results.stripRhythm)?.label);
  row.quality_verdict = str(obj(a.results.quality)?.verdict);
  const beats = obj(a.results.beats);
  row.beats_total = Array.isArray(beats?.samples) ? beats.samples.length : null;
  const counts = obj(obj(a.results.beatClasses)?.counts);
  if (counts) {
    row.beats_n = num(counts.N, 0);
    row.beats_s = num(counts.S, 0);
    row.beats_v = num(counts.V, 0);
    row.beats_f = num(counts.F, 0);
    row.beats_q = num(counts.Q, 0);
  } else reasons.push(`beat classes: ${stageReason('beatClasses')}`);
  const rhythm = obj(a.results.rhythm);
  row.af_burden_pct = num(obj(rhythm?.holter)?.afBurdenPct, 2);
  if (!rhythm) reasons.push(`af_burden_pct: ${stageReason('rhythm')}`);
  else if (rhythm.determinable === false) reasons.push(`rhythm: ${str(rhythm.reason) ?? 'not determinable'}`);
  row.stages_not_ok = a.stages.filter((s) => s.status !== 'ok').map((s) => `${s.name}:${s.status}`).join(';') || null;
  row.reasons = reasons.join(' | ') || null;
  return row;
}

/**
 * The row of a record that could not be analysed: status 'error' (bad input) or 'parked' (the
 * analysis crashed on every attempt).
 *
 * @example
 * batchRowFromError({ file: 'x.hea', contentSha256: null }, '0.1.0', 'error', 'BAD_HEADER', 'no signals');
 */
export function batchRowFromError(key: BatchRowKey, version: string, status: 'error' | 'parked', code: string, message: string): BatchRow {
  const row = emptyRow(key, version);
  row.status = status;
  row.error_code = code;
  row.error_message = message;
  return row;
}

/**
 * The row of a long record analysed in blocks ({@link BlockAnalysis}): rate, beat classes and AF
 * burden from the Holter summary; the median-beat intervals, axes and quality verdict are not
 * computed in long-record mode and are null with that reason.
 *
 * @example batchRowFromBlockAnalysis({ file: 'holter.hea', contentSha256: sha }, blocks, 2, '0.1.0');
 */
export function batchRowFromBlockAnalysis(key: BatchRowKey, a: BlockAnalysis, leads: number, version: string): BatchRow {
  const row = emptyRow(key, version);
  row.record_id = a.name;
  row.status = 'ok';
  row.duration_s = Number(a.durationS.toFixed(3));
  row.fs_hz = a.fsHz;
  row.leads = leads;
  row.heart_rate_bpm = a.holter.meanRateBpm;
  row.beats_total = a.beatSamples.length;
  if (a.beatClasses) {
    const n = (c: string) => a.beatClasses!.filter((x) => x === c).length;
    row.beats_n = n('N'); row.beats_s = n('S'); row.beats_v = n('V'); row.beats_f = n('F'); row.beats_q = n('Q');
  }
  row.af_burden_pct = a.holter.afBurdenPct;
  row.reasons = [`long record (${(a.durationS / 3600).toFixed(1)} h) analysed in ${a.blocks} blocks: no median-beat intervals, axes, quality verdict or statements`, ...a.notes.slice(0, 3)].join(' | ');
  return row;
}
