/**
 * `npm run bench:report`: the written report on PTB-XL ecg_id 1-350.
 * (a) Clinical efficacy: the report's statement text (as printed, in the reference report's
 *     language) is read back to SCP codes with the statement dictionary and scored against PTB-XL's
 *     `scp_codes` (every listed code counts, any likelihood): F1 per diagnostic superclass, micro and
 *     macro over superclasses, and micro/macro over the codes sinus can state.
 * (b) Text similarity to PTB-XL's `report` column: corpus BLEU-4 and mean ROUGE-L F1.
 * Baselines: the nearest neighbour (the report of the other patient's record whose sinus
 * measurements are closest, z-scored), and the dictionary reading PTB-XL's own report (how much of
 * `scp_codes` the dictionary can recover from text at all). Nothing here is chosen on the data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildReport } from '../src/report/buildReport.js';
import { analysisSections } from '../src/report/analysisSections.js';
import { bleu4, rougeL, textTokens } from '../src/eval/textSimilarity.js';
import { statementCodesInText, statementDictionary } from '../src/eval/statementCodesInText.js';
import type { Analysis } from '../src/analyze.js';
import { readCsvRows } from './ptbxlNoiseFlags.js';
import { PTBXL, ptbxlAnalysis, ptbxlRows, scpCodes } from './ptbxlAnalyses.js';
import { withInterpretation } from './withInterpretation.js';

const rows = ptbxlRows();
const ids = [...rows.keys()].sort((a, b) => a - b);
const dict = statementDictionary();

// PTB-XL's diagnostic superclass of every code (the full statement table).
const table = readCsvRows(readFileSync(join(PTBXL, 'scp_statements.csv'), 'utf8')).filter((r) => r.length > 5);
const head = table[0];
const superOf = new Map<string, string>();
for (const r of table.slice(1)) if (r[head.indexOf('diagnostic_class')]) superOf.set(r[0], r[head.indexOf('diagnostic_class')]);
const SUPERS = ['NORM', 'MI', 'STTC', 'CD', 'HYP'];
const supersOf = (codes: Iterable<string>) => new Set([...codes].map((c) => superOf.get(c)).filter((s): s is string => !!s));

const german = (text: string) => /\b(sinusrhythmus|ekg|linkstyp|lagetyp|rechtstyp|sonst|niederspannung|unspezifisch|vorhofflimmern|schenkelblock|infarkt)/i.test(text) || !/\b(rhythm|ecg|normal ecg|axis|block)\b/i.test(text);

/** The report's statement lines (rhythm, statements, summary) as the text that is scored. */
function statementTextOf(a: Analysis, lang: 'en' | 'de'): string {
  const r = buildReport(a, { lang });
  return [...r.statements.map((s) => s.text), ...(r.summary ? [r.summary.text] : [])].join('. ');
}

const analyses = new Map<number, Analysis>();
for (const id of ids) analyses.set(id, withInterpretation(await ptbxlAnalysis(id)));

// Nearest neighbour by sinus measurements (z-scored), another patient's record.
const FEATS = ['heartRateBpm', 'prMs', 'qrsDurationMs', 'qtMs', 'pAxisDeg', 'qrsAxisDeg', 'tAxisDeg'] as const;
const vec = (a: Analysis): Array<number | null> => {
  const m = analysisSections(a).measurements;
  return m ? [...FEATS.map((k) => (m[k] as number | null) ?? null), m.qtc?.bazettMs ?? null, m.voltage?.sokolowLyonMv ?? null, m.voltage?.cornellMv ?? null] : FEATS.map(() => null);
};
const vecs = new Map(ids.map((id) => [id, vec(analyses.get(id)!)]));
const dims = vecs.get(ids[0])!.length;
const mean: number[] = [];
const sd: number[] = [];
for (let k = 0; k < dims; k++) {
  const xs = ids.map((id) => vecs.get(id)![k]).filter((v): v is number => v != null);
  const mu = xs.reduce((s, x) => s + x, 0) / xs.length;
  mean.push(mu);
  sd.push(Math.sqrt(xs.reduce((s, x) => s + (x - mu) ** 2, 0) / xs.length) || 1);
}
function nearest(id: number): number {
  const v = vecs.get(id)!;
  let best = -1;
  let bestD = Infinity;
  for (const o of ids) {
    if (o === id || rows.get(o)!.patient_id === rows.get(id)!.patient_id) continue;
    const w = vecs.get(o)!;
    let d = 0;
    for (let k = 0; k < dims; k++) d += ((v[k] ?? mean[k]) - (w[k] ?? mean[k])) ** 2 / sd[k] ** 2;
    if (d < bestD) [best, bestD] = [o, d];
  }
  return best;
}

type Scores = { tp: Map<string, number>; fp: Map<string, number>; fn: Map<string, number> };
const newScores = (): Scores => ({ tp: new Map(), fp: new Map(), fn: new Map() });
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
function score(s: Scores, truth: Set<string>, pred: Set<string>, labels: readonly string[]): void {
  for (const l of labels) {
    if (truth.has(l) && pred.has(l)) bump(s.tp, l);
    else if (pred.has(l)) bump(s.fp, l);
    else if (truth.has(l)) bump(s.fn, l);
  }
}
const f1 = (tp: number, fp: number, fn: number) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));
function summary(s: Scores, labels: readonly string[]): { per: Record<string, number>; micro: number; macro: number } {
  const per: Record<string, number> = {};
  let TP = 0, FP = 0, FN = 0;
  for (const l of labels) {
    const tp = s.tp.get(l) ?? 0, fp = s.fp.get(l) ?? 0, fn = s.fn.get(l) ?? 0;
    per[l] = f1(tp, fp, fn);
    TP += tp; FP += fp; FN += fn;
  }
  const used = labels.filter((l) => (s.tp.get(l) ?? 0) + (s.fn.get(l) ?? 0) > 0);
  return { per, micro: f1(TP, FP, FN), macro: used.reduce((x, l) => x + per[l], 0) / Math.max(1, used.length) };
}

const sinusCodes = [...new Set(dict.map((d) => d.code))].filter((c) => [...rows.values()].some((r) => scpCodes(r).has(c)));
const sup = { sinus: newScores(), nn: newScores(), dictOnRef: newScores() };
const codeScores = { sinus: newScores(), nn: newScores() };
const cand: { sinus: string[][]; nn: string[][] } = { sinus: [], nn: [] };
const refs: string[][] = [];
const rouge = { sinus: 0, nn: 0 };
let germanRefs = 0;
for (const id of ids) {
  const row = rows.get(id)!;
  const truth = new Set(scpCodes(row).keys());
  const ref = row.report;
  const lang = german(ref) ? 'de' : 'en';
  germanRefs += Number(lang === 'de');
  const text = statementTextOf(analyses.get(id)!, lang);
  const nnRow = rows.get(nearest(id))!;
  const predSinus = statementCodesInText(text, dict);
  const predNn = new Set(scpCodes(nnRow).keys());
  score(sup.sinus, supersOf(truth), supersOf(predSinus), SUPERS);
  score(sup.nn, supersOf(truth), supersOf(predNn), SUPERS);
  score(sup.dictOnRef, supersOf(truth), supersOf(statementCodesInText(ref, dict)), SUPERS);
  score(codeScores.sinus, truth, predSinus, sinusCodes);
  score(codeScores.nn, truth, predNn, sinusCodes);
  const r = textTokens(ref);
  refs.push(r);
  cand.sinus.push(textTokens(text));
  cand.nn.push(textTokens(nnRow.report));
  rouge.sinus += rougeL(textTokens(text), r);
  rouge.nn += rougeL(textTokens(nnRow.report), r);
}

const pct = (x: number) => (100 * x).toFixed(1);
const S = { sinus: summary(sup.sinus, SUPERS), nn: summary(sup.nn, SUPERS), ref: summary(sup.dictOnRef, SUPERS) };
console.log(`PTB-XL ecg_id 1-${ids[ids.length - 1]}: ${ids.length} records, ${germanRefs} reference reports in German, ${ids.length - germanRefs} in English\n`);
console.log('| superclass F1 | sinus report, read back | nearest neighbour | dictionary on PTB-XL\'s own report |\n|---|---|---|---|');
for (const s of SUPERS) console.log(`| ${s} | ${pct(S.sinus.per[s])}% | ${pct(S.nn.per[s])}% | ${pct(S.ref.per[s])}% |`);
console.log(`| micro | ${pct(S.sinus.micro)}% | ${pct(S.nn.micro)}% | ${pct(S.ref.micro)}% |\n| macro | ${pct(S.sinus.macro)}% | ${pct(S.nn.macro)}% | ${pct(S.ref.macro)}% |`);
const C = { sinus: summary(codeScores.sinus, sinusCodes), nn: summary(codeScores.nn, sinusCodes) };
console.log(`\nper-code F1 over the ${sinusCodes.length} dictionary codes present in scp_codes: sinus micro ${pct(C.sinus.micro)}%, macro ${pct(C.sinus.macro)}%; nearest neighbour micro ${pct(C.nn.micro)}%, macro ${pct(C.nn.macro)}%`);
console.log(`\n| text similarity to PTB-XL report | sinus | nearest neighbour |\n|---|---|---|\n| BLEU-4 (corpus) | ${pct(bleu4(cand.sinus, refs))} | ${pct(bleu4(cand.nn, refs))} |\n| ROUGE-L F1 (mean) | ${pct(rouge.sinus / ids.length)} | ${pct(rouge.nn / ids.length)} |`);
const worst = Object.entries(C.sinus.per).sort((a, b) => a[1] - b[1]).slice(0, 12).map(([c, v]) => `${c} ${pct(v)}%`).join(', ');
console.log(`\nlowest per-code F1 (sinus): ${worst}`);
