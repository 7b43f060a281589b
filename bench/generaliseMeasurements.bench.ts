/**
 * Global measurements on ECGs sinus was not tuned on (issue 20, part 1):
 *  - PTB-XL ecg_id 1-350 at 500 Hz: global QRS, PR, QT, QTc (Bazett) of NORM records (likelihood >= 80)
 *    and of CLBBB/CRBBB/IVCD records (likelihood >= 50); AUC of the QRS duration, wide labels vs NORM;
 *  - the same records at 100 Hz: mean |100 Hz - 500 Hz| of QRS, PR, QT;
 *  - the four GE 12SL reference records (ptbxl-plus-12sl-4records.csv): |sinus - 12SL|, a check only;
 *  - the device measurements in ../shared/data/formats (aECG, MUSE, Philips, SCP-ECG, DICOM) vs sinus,
 *    with the IEC 60601-2-25 interval tolerances beside them;
 *  - LUDB: the global QRS and QT against LUDB's own marks (earliest onset / latest offset over the
 *    annotated leads), to show its convention next to the clinical one.
 * Every figure runs through analyze() (stages beats, beatClasses, waves, measurements; the quality
 * stage is left out for speed: on these 10 s records it removes no beats the measurements use).
 *
 *   npm run bench:generalise [-- --folds 1-8|9-10|all] [--max N] [--ludb-step K] [--options JSON]
 *   --options: stageOptions.measurements for measureEcg (e.g. '{"medianRefinement":null}').
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRecord } from '../src/io/openRecord.js';
import { analyze } from '../src/analyze.js';
import type { EcgRecord } from '../src/record/types.js';
import { annotatedGlobalWaves, annotatedWaves } from '../src/waves/annotatedWaves.js';
import { FORMATS, LUDB, PTBXL } from '../test/dataPaths.js';
import { readCsvRows } from './ptbxlNoiseFlags.js';
import { scpCodesOf } from '../test/ptbxlDatabase.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const foldsArg = opt('folds', 'all');
const maxRecords = Number(opt('max', '350'));
const ludbStep = Number(opt('ludb-step', '1'));
const measureOptions = JSON.parse(opt('options', '{}')) as Record<string, unknown>;

interface Figures { qrs: number | null; pr: number | null; qt: number | null; qtc: number | null }

async function measured(rec: EcgRecord): Promise<Figures> {
  const a = await analyze(rec, { only: ['beats', 'beatClasses', 'waves', 'measurements'], stageOptions: { measurements: measureOptions } });
  const m = a.results.measurements as { qrsDurationMs: number | null; prMs: number | null; qtMs: number | null; qtc: { bazettMs: number | null } } | null;
  return { qrs: m?.qrsDurationMs ?? null, pr: m?.prMs ?? null, qt: m?.qtMs ?? null, qtc: m?.qtc.bazettMs ?? null };
}

const quantile = (v: number[], q: number) => { const s = [...v].sort((a, b) => a - b); if (!s.length) return NaN; const x = q * (s.length - 1); const i = Math.floor(x); return s[i] + (s[Math.min(i + 1, s.length - 1)] - s[i]) * (x - i); };
const nums = (v: (number | null)[]) => v.filter((x): x is number => x !== null && Number.isFinite(x));
const dist = (v: number[]) => (v.length ? `median ${quantile(v, 0.5).toFixed(0)} (p5 ${quantile(v, 0.05).toFixed(0)}, p95 ${quantile(v, 0.95).toFixed(0)}), n ${v.length}` : 'n 0');
/** AUC (Mann-Whitney) of `pos` above `neg`. */
const auc = (pos: number[], neg: number[]) => { let s = 0; for (const p of pos) for (const n of neg) s += p > n ? 1 : p === n ? 0.5 : 0; return pos.length && neg.length ? s / (pos.length * neg.length) : NaN; };

// ---------------------------------------------------------------- PTB-XL
const rows = readCsvRows(readFileSync(join(PTBXL, 'ptbxl_database.csv'), 'utf8'));
const head = rows[0];
const col = (r: string[], name: string) => r[head.indexOf(name)];
const foldOk = (f: number) => foldsArg === 'all' || (() => { const [a, b] = foldsArg.split('-').map(Number); return f >= a && f <= (b ?? a); })();
const scp = (r: string[]) => scpCodesOf(col(r, 'scp_codes'));
const records = rows.slice(1).filter((r) => r.length > 10 && foldOk(Number(col(r, 'strat_fold')))).slice(0, maxRecords);
const WIDE = ['CLBBB', 'CRBBB', 'IVCD'];
interface PtbRow { id: number; fold: number; norm: boolean; wide: string | null; at500: Figures; at100: Figures }
const ptb: PtbRow[] = [];
const t0 = Date.now();
for (const r of records) {
  const codes = scp(r);
  const at500 = await measured(await openRecord(join(PTBXL, `${col(r, 'filename_hr')}.hea`)));
  const at100 = await measured(await openRecord(join(PTBXL, `${col(r, 'filename_lr')}.hea`)));
  ptb.push({ id: Number(r[0]), fold: Number(col(r, 'strat_fold')), norm: (codes.NORM ?? 0) >= 80, wide: WIDE.find((w) => (codes[w] ?? 0) >= 50) ?? null, at500, at100 });
}
const out: string[] = [];
const say = (s: string) => { out.push(s); console.log(s); };
say(`# PTB-XL ecg_id 1-350, folds ${foldsArg}: ${ptb.length} records (${((Date.now() - t0) / 1000).toFixed(0)} s at 500 + 100 Hz)`);
for (const [name, sel] of [['folds 1-8', (p: PtbRow) => p.fold <= 8], ['folds 9-10', (p: PtbRow) => p.fold >= 9], ['all', () => true]] as const) {
  const norm = ptb.filter((p) => p.norm && sel(p));
  if (!norm.length) continue;
  const q = nums(norm.map((p) => p.at500.qrs));
  say(`NORM (>= 80) ${name}: QRS ${dist(q)}; >= 120 ms ${((100 * q.filter((v) => v >= 120).length) / Math.max(1, q.length)).toFixed(1)} %; null ${norm.length - q.length}`);
  say(`  PR ${dist(nums(norm.map((p) => p.at500.pr)))}; QT ${dist(nums(norm.map((p) => p.at500.qt)))}; QTc Bazett ${dist(nums(norm.map((p) => p.at500.qtc)))}`);
  const wide = ptb.filter((p) => p.wide && sel(p));
  const wq = nums(wide.map((p) => p.at500.qrs));
  say(`CLBBB/CRBBB/IVCD (>= 50) ${name}: QRS ${dist(wq)}; >= 120 ms ${wq.filter((v) => v >= 120).length} of ${wide.length}; AUC QRS wide vs NORM ${auc(wq, q).toFixed(3)}`);
  say(`  below 120: ${wide.filter((p) => !(p.at500.qrs !== null && p.at500.qrs >= 120)).map((p) => `${p.id} ${p.wide} ${p.at500.qrs}`).join(', ') || 'none'}`);
}
const diffs = (k: keyof Figures) => nums(ptb.map((p) => (p.at500[k] === null || p.at100[k] === null ? null : Math.abs(p.at500[k]! - p.at100[k]!))));
const bias = (k: keyof Figures) => { const v = nums(ptb.map((p) => (p.at500[k] === null || p.at100[k] === null ? null : p.at100[k]! - p.at500[k]!))); return v.reduce((s, x) => s + x, 0) / Math.max(1, v.length); };
for (const k of ['qrs', 'pr', 'qt'] as const) {
  const d = diffs(k);
  say(`100 vs 500 Hz ${k.toUpperCase()}: mean |diff| ${(d.reduce((s, x) => s + x, 0) / Math.max(1, d.length)).toFixed(1)} ms (100 Hz minus 500 Hz ${bias(k).toFixed(1)}), p95 ${quantile(d, 0.95).toFixed(0)}, max ${Math.max(...d).toFixed(0)}, n ${d.length}`);
}

// ---------------------------------------------------------------- 12SL check
say('\n# GE 12SL global measurements (PTB-XL+), a check, never a tuning target');
say('| ecg_id | 12SL QRS / QT / PR | sinus QRS / QT / PR (500 Hz) | sinus at 100 Hz |');
say('|---|---|---|---|');
const sl = readCsvRows(readFileSync(join(PTBXL, 'ptbxl-plus-12sl-4records.csv'), 'utf8')).slice(1).filter((r) => r.length > 3);
for (const r of sl) {
  const id = r[0].padStart(5, '0');
  const dir = `${id.slice(0, 2)}000`;
  const a = await measured(await openRecord(join(PTBXL, 'records500', dir, `${id}_hr.hea`)));
  const b = await measured(await openRecord(join(PTBXL, 'records100', dir, `${id}_lr.hea`)));
  say(`| ${r[0]} | ${r[1]} / ${r[3]} / ${r[2]} | ${a.qrs} / ${a.qt} / ${a.pr} | ${b.qrs} / ${b.qt} / ${b.pr} |`);
}

// ---------------------------------------------------------------- device measurements
say('\n# Device measurements in ../shared/data/formats vs sinus (IEC 60601-2-25 global interval tolerances: mean difference PR 10, QRS 10, QT 25 ms)');
const KEYS: Record<'pr' | 'qrs' | 'qt' | 'qtc', string[]> = {
  pr: ['MDC_ECG_TIME_PD_PR_ms', 'MDC_ECG_TIME_PD_PR', 'PRInterval', 'meanprint', 'print', 'prIntervalMs', 'PR Interval (ms)'],
  qrs: ['MDC_ECG_TIME_PD_QRS_ms', 'MDC_ECG_TIME_PD_QRS', 'QRSDuration', 'meanqrsdur', 'qrsdur', 'qrsDurationMs', 'QRS Duration (ms)'],
  qt: ['MDC_ECG_TIME_PD_QT_ms', 'MDC_ECG_TIME_PD_QT', 'QTInterval', 'meanqtint', 'qtint', 'qtIntervalMs', 'QT Interval (ms)'],
  qtc: ['MDC_ECG_TIME_PD_QTc_ms', 'MDC_ECG_TIME_PD_QTcB_ms', 'QTCorrected', 'meanqtc', 'qtcb', 'QTc Interval (ms)'],
};
const TOL = { pr: 10, qrs: 10, qt: 25, qtc: 25 };
const DEVICE_FILES = ['hl7-aecg/Example aECG.xml', 'hl7-aecg/ad4d3d80-d165_1-04_converted.xml', 'scp-ecg/Example.scp', 'ge-muse-xml/muse-sinus.xml', 'ge-muse-xml/example1.xml', 'ge-muse-xml/example2.xml',
  'ge-muse-xml/example3.xml', 'ge-muse-xml/example4.xml', 'philips-xml/129DYPRG.XML', 'philips-xml/ad4d3d80-d165_1-04_orig.xml', 'philips-xml/3191723_ZZDEMOPTONLY_1-04_orig.xml',
  'philips-xml/2020-5-18_15-48-11.xml', 'dicom-ecg/waveform_ecg.dcm'];
say('| file | device PR / QRS / QT / QTc | sinus PR / QRS / QT / QTc | sinus - device | within tolerance |');
say('|---|---|---|---|---|');
const devDiff: Record<string, number[]> = { pr: [], qrs: [], qt: [], qtc: [] };
for (const f of DEVICE_FILES) {
  let rec: EcgRecord;
  try { rec = await openRecord(join(FORMATS, f)); } catch (e) { say(`| ${f} | cannot read: ${(e as Error).message} | | | |`); continue; }
  const dm = ((rec.metadata as { device?: { measurements?: Record<string, unknown> } }).device?.measurements ?? {}) as Record<string, unknown>;
  const dev = Object.fromEntries((Object.keys(KEYS) as (keyof typeof KEYS)[]).map((k) => [k, KEYS[k].map((n) => dm[n]).find((v): v is number => typeof v === 'number' && v > 0) ?? null])) as Record<keyof typeof KEYS, number | null>;
  const s = await measured(rec);
  const sin: Record<keyof typeof KEYS, number | null> = { pr: s.pr, qrs: s.qrs, qt: s.qt, qtc: s.qtc };
  const ks = Object.keys(KEYS) as (keyof typeof KEYS)[];
  const d = ks.map((k) => (dev[k] === null || sin[k] === null ? null : sin[k]! - dev[k]!));
  ks.forEach((k, i) => { if (d[i] !== null) devDiff[k].push(d[i]!); });
  const within = ks.map((k, i) => (d[i] === null ? '-' : Math.abs(d[i]!) <= TOL[k] ? 'yes' : 'no')).join(' / ');
  say(`| ${f} | ${ks.map((k) => dev[k] ?? '-').join(' / ')} | ${ks.map((k) => (sin[k] === null ? '-' : Math.round(sin[k]!))).join(' / ')} | ${d.map((v) => (v === null ? '-' : Math.round(v))).join(' / ')} | ${within} |`);
}
for (const k of Object.keys(devDiff)) { const v = devDiff[k]; const m = v.reduce((s, x) => s + x, 0) / Math.max(1, v.length); const sd = Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, v.length - 1)); say(`device ${k.toUpperCase()}: mean sinus - device ${m.toFixed(1)} ms, SD ${sd.toFixed(1)}, n ${v.length}`); }

// ---------------------------------------------------------------- LUDB
say('\n# LUDB: global QRS / QT against LUDB marks (earliest onset, latest offset over the annotated leads; median over each record\'s beats)');
const err = { qrs: [] as number[], qt: [] as number[] };
const refs = { qrs: [] as number[], qt: [] as number[] };
for (let id = 1; id <= 200; id += ludbStep) {
  const rec = await openRecord(join(LUDB, `${id}.hea`));
  const sets = rec.leads.map((l) => rec.annotations.find((s) => s.annotator === l.name.toLowerCase())).filter((s) => s && s.annotations.length);
  if (!sets.length) continue;
  const g = annotatedGlobalWaves(sets.map((s) => annotatedWaves(s!)), rec.fs);
  const toMs = (v: number) => (v * 1000) / rec.fs;
  const rq = quantile(g.beats.filter((b) => b.qrsOff !== null).map((b) => toMs(b.qrsOff! - b.qrsOn)), 0.5);
  const rt = quantile(g.beats.filter((b) => b.tOff !== null).map((b) => toMs(b.tOff! - b.qrsOn)), 0.5);
  const s = await measured(rec);
  if (s.qrs !== null && Number.isFinite(rq)) { err.qrs.push(s.qrs - rq); refs.qrs.push(rq); }
  if (s.qt !== null && Number.isFinite(rt)) { err.qt.push(s.qt - rt); refs.qt.push(rt); }
}
for (const k of ['qrs', 'qt'] as const) {
  const v = err[k];
  const m = v.reduce((s, x) => s + x, 0) / Math.max(1, v.length);
  const mae = v.reduce((s, x) => s + Math.abs(x), 0) / Math.max(1, v.length);
  say(`LUDB ${k.toUpperCase()}: LUDB marks ${dist(refs[k])}; sinus - LUDB mean ${m.toFixed(1)} ms, median ${quantile(v, 0.5).toFixed(1)}, mean |err| ${mae.toFixed(1)}, n ${v.length}`);
}
