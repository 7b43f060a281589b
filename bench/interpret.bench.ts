/**
 * npm run bench:interpret — sinus's statements against PTB-XL ecg_id 1-350 (statements listed with
 * any likelihood, with likelihood > 0, and with likelihood >= 50) and LUDB's diagnoses: per statement
 * positives, Se, Sp, PPV, F1 with patient-level bootstrap 95% intervals; superclass macro AUC with the
 * certainty models' probability as the score (out of fold on PTB-XL folds 1-8, then folds 9-10 once);
 * axis agreement with heart_axis; rhythm and axis agreement on LUDB; CPU of interpretEcg per record.
 * Analyses are cached by bench/interpretCache.ts. `--write-model` writes the certainty models fitted
 * on folds 1-8 (src/interpret/certaintyModel.ts, models/interpretation-certainty.json).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { cachedAnalyses, type CachedAnalysis } from './interpretCache.js';
import { interpretEcg } from '../src/interpret/interpretEcg.js';
import type { InterpretInput, PatientData } from '../src/interpret/interpretInput.js';
import { CERTAINTY_FEATURES, certaintyFeatures } from '../src/interpret/certaintyFeatures.js';
import type { Interpretation } from '../src/interpret/types.js';
import { axisClass } from '../src/interpret/axisFindings.js';
import { PTBXL, LUDB, ROOT } from '../test/dataPaths.js';
import { csvRecords as csv } from '../src/io/csv/csvRows.js';
import { scpCodesOf } from '../test/ptbxlDatabase.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** Minimal CSV reader (quoted fields with commas and newlines). */
interface Labelled { c: CachedAnalysis; patientId: string; fold: number | null; codes: Map<string, number>; axis: string; patient: PatientData; ludb?: Record<string, string> }

function inputOf(x: Labelled): InterpretInput {
  const r = x.c.results as Record<string, any>;
  // The measurements with the median beat they were made on, as the pipeline's interpretation stage gets them.
  return { fsHz: x.c.fsHz, lengthSamples: x.c.lengthSamples, measurements: r.measurements ? { ...r.measurements, median: r.medianBeat?.median ?? null } : null, rhythm: r.rhythm, stripRhythm: r.stripRhythm, quality: r.quality, beatSamples: r.beats?.samples, beatClasses: r.beatClasses?.labels, pacingSpikes: r.waves?.pacingSpikes, patient: x.patient };
}

// ---------- statistics ----------
function seeded(seed: number) { let s = seed >>> 0; return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32); }
interface Counts { tp: number; fp: number; fn: number; tn: number }
const counts = (pairs: Array<[boolean, boolean]>): Counts => pairs.reduce((c, [t, p]) => (t && p ? c.tp++ : !t && p ? c.fp++ : t ? c.fn++ : c.tn++, c), { tp: 0, fp: 0, fn: 0, tn: 0 });
const metrics = (c: Counts) => ({ se: c.tp / (c.tp + c.fn), sp: c.tn / (c.tn + c.fp), ppv: c.tp / (c.tp + c.fp), f1: (2 * c.tp) / (2 * c.tp + c.fp + c.fn) });
function bootstrap(groups: Array<Array<[boolean, boolean]>>, reps = 300): Record<'se' | 'sp' | 'ppv' | 'f1', [number, number]> {
  const rnd = seeded(14);
  const out: Record<string, number[]> = { se: [], sp: [], ppv: [], f1: [] };
  for (let r = 0; r < reps; r++) {
    const pairs: Array<[boolean, boolean]> = [];
    for (let k = 0; k < groups.length; k++) pairs.push(...groups[Math.floor(rnd() * groups.length)]);
    const m = metrics(counts(pairs));
    for (const k of Object.keys(out)) { const v = m[k as keyof typeof m]; if (Number.isFinite(v)) out[k].push(v); }
  }
  const ci = (xs: number[]): [number, number] => { const s = xs.sort((a, b) => a - b); return s.length ? [s[Math.floor(0.025 * s.length)], s[Math.min(s.length - 1, Math.floor(0.975 * s.length))]] : [NaN, NaN]; };
  return { se: ci(out.se), sp: ci(out.sp), ppv: ci(out.ppv), f1: ci(out.f1) };
}
function auc(scores: number[], labels: boolean[]): number {
  const pos = scores.filter((_, i) => labels[i]), neg = scores.filter((_, i) => !labels[i]);
  if (!pos.length || !neg.length) return NaN;
  let s = 0;
  for (const p of pos) for (const n of neg) s += p > n ? 1 : p === n ? 0.5 : 0;
  return s / (pos.length * neg.length);
}

// ---------- logistic regression (Newton, L2) ----------
interface Lr { features: string[]; mean: number[]; scale: number[]; coef: number[]; intercept: number }
function fitLr(X: (number | null)[][], y: number[], features: string[], l2 = Number(process.env.INTERPRET_L2 ?? 1)): Lr {
  const d = features.length;
  const mean = features.map((_, j) => { const v = X.map((r) => r[j]).filter((x): x is number => x !== null && Number.isFinite(x)); return v.length ? v.reduce((a, b) => a + b, 0) / v.length : 0; });
  const scale = features.map((_, j) => { const v = X.map((r) => r[j] ?? mean[j]); const s = Math.sqrt(v.reduce((a, b) => a + (b - mean[j]) ** 2, 0) / v.length); return s > 1e-9 ? s : 1; });
  const Z = X.map((r) => [1, ...r.map((x, j) => ((x ?? mean[j]) - mean[j]) / scale[j])]);
  const w = new Array(d + 1).fill(0);
  for (let it = 0; it < 25; it++) {
    const g = new Array(d + 1).fill(0), H = Array.from({ length: d + 1 }, () => new Array(d + 1).fill(0));
    for (let i = 0; i < Z.length; i++) {
      const z = Z[i].reduce((s, x, j) => s + x * w[j], 0), p = 1 / (1 + Math.exp(-z));
      for (let a = 0; a <= d; a++) { g[a] += (p - y[i]) * Z[i][a]; for (let b = 0; b <= d; b++) H[a][b] += p * (1 - p) * Z[i][a] * Z[i][b]; }
    }
    for (let a = 1; a <= d; a++) { g[a] += l2 * w[a]; H[a][a] += l2; }
    H[0][0] += 1e-6;
    const step = solve(H, g);
    for (let a = 0; a <= d; a++) w[a] -= step[a];
  }
  return { features, mean, scale, coef: w.slice(1), intercept: w[0] };
}
function solve(A: number[][], b: number[]): number[] {
  const n = b.length, M = A.map((r, i) => [...r, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c; for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    [M[c], M[p]] = [M[p], M[c]];
    for (let r = 0; r < n; r++) if (r !== c) { const f = M[r][c] / M[c][c]; for (let k = c; k <= n; k++) M[r][k] -= f * M[c][k]; }
  }
  return M.map((r, i) => r[n] / r[i]);
}
const predict = (m: Lr, x: (number | null)[]) => 1 / (1 + Math.exp(-(m.intercept + x.reduce((s: number, v, j) => s + (m.coef[j] * ((v ?? m.mean[j]) - m.mean[j])) / m.scale[j], 0))));

// ---------- data ----------
const ptbRows = csv(readFileSync(join(PTBXL, 'ptbxl_database.csv'), 'utf8'));
const scp = csv(readFileSync(join(PTBXL, 'scp_statements.csv'), 'utf8'));
const superOf = new Map(scp.filter((r) => r.diagnostic_class).map((r) => [r[''], r.diagnostic_class]));
const ludbRows = csv(readFileSync(join(LUDB, '..', 'ludb.csv'), 'utf8'));
const ptb = await cachedAnalyses('ptbxl', range(350));
const ludb = await cachedAnalyses('ludb', range(200));
const P: Labelled[] = ptb.map((c) => {
  const r = ptbRows.find((x) => Number(x.ecg_id) === c.id)!;
  const codes = new Map(Object.entries(scpCodesOf(r.scp_codes)));
  return { c, patientId: r.patient_id, fold: Number(r.strat_fold), codes, axis: r.heart_axis, patient: { ageYears: r.age ? Number(r.age) : null, sex: r.sex === '0' ? 'male' : r.sex === '1' ? 'female' : null } };
});
const L: Labelled[] = ludb.map((c) => {
  const r = ludbRows.find((x) => Number(x.ID) === c.id)!;
  return { c, patientId: `ludb${c.id}`, fold: null, codes: new Map(), axis: '', patient: { ageYears: Number(r.Age) || null, sex: /^m/i.test(r.Sex.trim()) ? 'male' : /^f/i.test(r.Sex.trim()) ? 'female' : null }, ludb: r };
});

// ---------- interpret every record, timing interpretEcg alone ----------
const interp = new Map<Labelled, Interpretation>();
for (const x of [...P, ...L]) interp.set(x, interpretEcg(inputOf(x)));
const cpu: number[] = [];
for (const x of [...P, ...L]) { const inp = inputOf(x); const c0 = process.cpuUsage(); for (let k = 0; k < 5; k++) interpretEcg(inp); const c = process.cpuUsage(c0); cpu.push((c.user + c.system) / 5000); }
cpu.sort((a, b) => a - b);
const codesOf = (x: Labelled) => new Set(interp.get(x)!.statements.map((s) => s.code));

// ---------- per statement on PTB-XL ----------
const f2 = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '—');
const ci = (v: [number, number]) => `${f2(v[0])}-${f2(v[1])}`;
const EXTRA: Record<string, string[]> = { LVH: ['LVH'], NORM: ['NORM'], SR: ['SR'], AFIB: ['AFIB'] };
function statementTable(rows: Labelled[], threshold: (l: number) => boolean, title: string): string[] {
  const out = [`\n### ${title}`, '| statement | positives | called | Se (95% CI) | Sp (95% CI) | PPV (95% CI) | F1 (95% CI) |', '|---|---|---|---|---|---|---|'];
  const all = new Set<string>();
  for (const x of rows) for (const [k, v] of x.codes) if (threshold(v)) all.add(k);
  for (const x of rows) for (const c of codesOf(x)) all.add(c);
  const table: Array<[string, number, string]> = [];
  for (const code of [...all].sort()) {
    const truthCodes = EXTRA[code] ?? [code];
    const byPatient = new Map<string, Array<[boolean, boolean]>>();
    for (const x of rows) {
      const t = truthCodes.some((k) => x.codes.has(k) && threshold(x.codes.get(k)!));
      const p = codesOf(x).has(code);
      (byPatient.get(x.patientId) ?? byPatient.set(x.patientId, []).get(x.patientId)!).push([t, p]);
    }
    const pairs = [...byPatient.values()].flat();
    const c = counts(pairs);
    if (c.tp + c.fn === 0 && c.tp + c.fp === 0) continue;
    const m = metrics(c), b = bootstrap([...byPatient.values()]);
    table.push([code, c.tp + c.fn, `| ${code} | ${c.tp + c.fn} | ${c.tp + c.fp} | ${f2(m.se)} (${ci(b.se)}) | ${f2(m.sp)} (${ci(b.sp)}) | ${f2(m.ppv)} (${ci(b.ppv)}) | ${f2(m.f1)} (${ci(b.f1)}) |`]);
  }
  return [...out, ...table.sort((a, b) => b[1] - a[1]).map((t) => t[2])];
}

// ---------- superclass AUC: certainty models out of fold ----------
const SUPERS = ['NORM', 'MI', 'STTC', 'CD', 'HYP'];
/** Superclass models read every feature but the per-statement flags (those belong to the statement models). */
const SUPER_FEATURES = CERTAINTY_FEATURES.filter((k) => !['flagLVH', 'flagIMI', 'flagASMI'].includes(k));
const featsBy = (names: readonly string[]) => (x: Labelled) => { const f = certaintyFeatures(inputOf(x).measurements, [...codesOf(x)], x.patient); return names.map((k) => f[k]); };
const feats = featsBy(SUPER_FEATURES);
const codeFeats = featsBy(CERTAINTY_FEATURES);
const superTruth = (x: Labelled, s: string) => [...x.codes.entries()].some(([k, v]) => superOf.get(k) === s && v >= 0);
const dev = P.filter((x) => x.fold! <= 8), held = P.filter((x) => x.fold! >= 9);
const oof = new Map<Labelled, Record<string, number>>();
for (let k = 1; k <= 8; k++) {
  const train = dev.filter((x) => x.fold !== k), test = dev.filter((x) => x.fold === k);
  for (const s of SUPERS) {
    const m = fitLr(train.map(feats), train.map((x) => (superTruth(x, s) ? 1 : 0)), SUPER_FEATURES);
    for (const x of test) oof.set(x, { ...(oof.get(x) ?? {}), [s]: predict(m, feats(x)) });
  }
}
// Per-statement models where folds 1-8 hold enough positives; the statement's truth sets in PTB-XL.
const CODE_MODELS: Record<string, string[]> = { LVH: ['LVH'], IMI: ['IMI', 'ILMI', 'IPLMI', 'IPMI'], ASMI: ['ASMI', 'AMI', 'ALMI'] };
const codeTruth = (x: Labelled, code: string) => CODE_MODELS[code].some((k) => x.codes.has(k));
const oofCode = new Map<Labelled, Record<string, number>>();
for (let k = 1; k <= 8; k++) {
  const train = dev.filter((x) => x.fold !== k), test = dev.filter((x) => x.fold === k);
  for (const code of Object.keys(CODE_MODELS)) {
    const m = fitLr(train.map(codeFeats), train.map((x) => (codeTruth(x, code) ? 1 : 0)), [...CERTAINTY_FEATURES]);
    for (const x of test) oofCode.set(x, { ...(oofCode.get(x) ?? {}), [code]: predict(m, codeFeats(x)) });
  }
}
const codeModels = Object.fromEntries(Object.keys(CODE_MODELS).map((code) => [code, fitLr(dev.map(codeFeats), dev.map((x) => (codeTruth(x, code) ? 1 : 0)), [...CERTAINTY_FEATURES])]));
/** Sensitivity at the highest-sensitivity threshold whose specificity is >= 95%, on out-of-fold scores. */
function seAtSp95(code: string): string {
  const xs = dev.map((x) => ({ s: oofCode.get(x)![code], t: codeTruth(x, code) }));
  const pos = xs.filter((x) => x.t).length, neg = xs.length - pos;
  let best = { se: 0, sp: 1, thr: Infinity };
  for (const thr of [...new Set(xs.map((x) => x.s))].sort((a, b) => b - a)) {
    const tp = xs.filter((x) => x.t && x.s >= thr).length, fp = xs.filter((x) => !x.t && x.s >= thr).length;
    if (1 - fp / neg >= 0.95 && tp / pos >= best.se) best = { se: tp / pos, sp: 1 - fp / neg, thr };
  }
  return `Se ${f2(best.se)} at Sp ${f2(best.sp)} (out of fold, folds 1-8, ${pos} positives, AUC ${f2(auc(xs.map((x) => x.s), xs.map((x) => x.t)))})`;
}
const finalModels = Object.fromEntries(SUPERS.map((s) => [s, fitLr(dev.map(feats), dev.map((x) => (superTruth(x, s) ? 1 : 0)), SUPER_FEATURES)]));
const aucLine = (rows: Labelled[], score: (x: Labelled, s: string) => number) => {
  const a = SUPERS.map((s) => auc(rows.map((x) => score(x, s)), rows.map((x) => superTruth(x, s))));
  return { per: a, macro: a.reduce((p, v) => p + v, 0) / a.length };
};
const aucOof = aucLine(dev, (x, s) => oof.get(x)![s]);
const aucHeld = aucLine(held, (x, s) => predict(finalModels[s], feats(x)));
/** NORM as the rules state it, and gated by the NORM model's out-of-fold probability >= 0.5, on folds 1-8. */
const normTruth = (x: Labelled) => x.codes.has('NORM');
const normRule = metrics(counts(dev.map((x) => [normTruth(x), codesOf(x).has('NORM')])));
const normGated = metrics(counts(dev.map((x) => [normTruth(x), !interp.get(x)!.statements.some((s) => s.severity === 'abnormal') && !!interp.get(x)!.rhythm && oof.get(x)!.NORM >= 0.5])));
const normModel = metrics(counts(dev.map((x) => [normTruth(x), oof.get(x)!.NORM >= 0.5])));
const ruleOnly = aucLine(dev, (x, s) => (s === 'NORM' ? (codesOf(x).has('NORM') ? 1 : 0) : (feats(x)[CERTAINTY_FEATURES.indexOf(`flag${s}` as never)] ?? 0)));

// ---------- CSE-style Se at Sp >= 95% ----------
function cse(code: string[], truth: string[]) {
  const pairs = P.map((x) => [truth.some((t) => x.codes.has(t)), code.some((c) => codesOf(x).has(c))] as [boolean, boolean]);
  const m = metrics(counts(pairs));
  return `Se ${f2(m.se)} at Sp ${f2(m.sp)} (positives ${pairs.filter((p) => p[0]).length})`;
}

// ---------- axis ----------
const AXIS_MAP: Record<string, string> = { MID: 'normal', LAD: 'normal', ALAD: 'LAD', AXL: 'normal', RAD: 'RAD', ARAD: 'RAD', AXR: 'normal', SUP: 'EXTAX' };
const axisRows = P.filter((x) => x.axis && x.c.results.measurements && (x.c.results.measurements as any).qrsAxisDeg !== null);
const axisAgree = axisRows.filter((x) => axisClass((x.c.results.measurements as any).qrsAxisDeg) === AXIS_MAP[x.axis]).length;
const ludbAxisMap = (t: string) => (/left axis/i.test(t) ? 'LAD' : /right axis/i.test(t) ? 'RAD' : /normal|vertical|horizontal/i.test(t) ? 'normal' : null);
const la = L.filter((x) => ludbAxisMap(x.ludb!['Electric axis of the heart']) && (x.c.results.measurements as any)?.qrsAxisDeg != null);
const ludbAxisAgree = la.filter((x) => axisClass((x.c.results.measurements as any).qrsAxisDeg) === ludbAxisMap(x.ludb!['Electric axis of the heart'])).length;
const ludbRhythm = (t: string) => (/fibrillation/i.test(t) ? 'AFIB' : /flutter/i.test(t) ? 'AFLT' : /bradycardia/i.test(t) ? 'SBRAD' : /tachycardia/i.test(t) ? 'STACH' : /arrhythmia|irregular sinus/i.test(t) ? 'SARRH' : /sinus rhythm/i.test(t) ? 'SR' : null);
const lr = L.filter((x) => ludbRhythm(x.ludb!.Rhythms));
const sinusFamily = (c: string | undefined) => (c === 'SARRH' ? 'SR' : c);
const ludbRhythmAgree = lr.filter((x) => sinusFamily(interp.get(x)!.rhythm?.code) === sinusFamily(ludbRhythm(x.ludb!.Rhythms)!)).length;
const ludbRhythmAgreeFamily = lr.filter((x) => { const a = interp.get(x)!.rhythm?.code ?? '', b = ludbRhythm(x.ludb!.Rhythms)!; const fam = (c: string) => (['SR', 'SBRAD', 'STACH', 'SARRH'].includes(c) ? 'sinus' : c); return fam(a) === fam(b); }).length;
const ludbTruth = (x: Labelled) => {
  const t = new Set<string>();
  const r = ludbRhythm(x.ludb!.Rhythms); if (r) t.add(r);
  const c = x.ludb!['Conduction abnormalities'];
  if (/complete right/i.test(c) && !/incomplete right/i.test(c)) t.add('CRBBB'); if (/incomplete right/i.test(c)) t.add('IRBBB');
  if (/complete left/i.test(c) && !/incomplete left/i.test(c)) t.add('CLBBB'); if (/incomplete left/i.test(c)) t.add('ILBBB');
  if (/i degree av/i.test(c) && !/ii/i.test(c.match(/\w+ degree av/i)?.[0] ?? '')) t.add('1AVB'); if (/left anterior hemiblock/i.test(c)) t.add('LAFB');
  if (/left ventricular hypertrophy/i.test(x.ludb!.Hypertrophies)) t.add('LVH');
  if (/pacing|pacemaker/i.test(x.ludb!['Cardiac pacing'])) t.add('PACE');
  return t;
};
const ludbStatements = ['SR', 'SBRAD', 'STACH', 'SARRH', 'AFIB', 'AFLT', 'CRBBB', 'IRBBB', 'CLBBB', 'ILBBB', '1AVB', 'LAFB', 'LVH', 'PACE'].map((code) => {
  const pairs = L.map((x) => [ludbTruth(x).has(code), codesOf(x).has(code)] as [boolean, boolean]);
  const c = counts(pairs), m = metrics(c), b = bootstrap(pairs.map((p) => [p]));
  return `| ${code} | ${c.tp + c.fn} | ${c.tp + c.fp} | ${f2(m.se)} (${ci(b.se)}) | ${f2(m.sp)} (${ci(b.sp)}) | ${f2(m.ppv)} (${ci(b.ppv)}) | ${f2(m.f1)} (${ci(b.f1)}) |`;
});

// ---------- report ----------
const pct = (a: number, n: number) => `${((100 * a) / n).toFixed(1)}% (${a}/${n})`;
const out = [
  `# bench:interpret (${new Date().toISOString().slice(0, 10)}, commit ${execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim()})`,
  `PTB-XL ecg_id 1-350 (500 Hz; validated_by_human is True for all 350, so one stratum) and LUDB 1-200.`,
  `\ninterpretEcg CPU per record (warm, mean of 5 calls): median ${cpu[cpu.length >> 1].toFixed(2)} ms, p95 ${cpu[Math.floor(0.95 * cpu.length)].toFixed(2)} ms`,
  `\nSuperclass AUC (NORM, MI, STTC, CD, HYP), certainty = logistic model on measurements + statement flags:`,
  `- out of fold, PTB-XL folds 1-8 (leave-one-fold-out, n=${dev.length}): ${aucOof.per.map(f2).join(', ')}; macro ${f2(aucOof.macro)}`,
  `- rule flags alone (0/1 score), folds 1-8: ${ruleOnly.per.map(f2).join(', ')}; macro ${f2(ruleOnly.macro)}`,
  ...(process.argv.includes('--final') ? [`- held-out folds 9-10 (fit on 1-8, n=${held.length}): ${aucHeld.per.map(f2).join(', ')}; macro ${f2(aucHeld.macro)}`] : ['- held-out folds 9-10: run with --final']),
  `\nNORM on folds 1-8: rules Se ${f2(normRule.se)} Sp ${f2(normRule.sp)}; rules and P(NORM) >= 0.5 out of fold Se ${f2(normGated.se)} Sp ${f2(normGated.sp)}; P(NORM) >= 0.5 alone Se ${f2(normModel.se)} Sp ${f2(normModel.sp)}`,
  `\nCSE-style Se at Sp >= 95%, certainty model score: LVH ${seAtSp95('LVH')}; inferior MI ${seAtSp95('IMI')}; anterior/anteroseptal MI ${seAtSp95('ASMI')}`,
  `CSE-style, the rule statements' own operating point (all 350, statement listed with any likelihood): LVH ${cse(['LVH'], ['LVH'])}; inferior MI ${cse(['IMI', 'ILMI'], ['IMI', 'ILMI', 'IPLMI', 'IPMI'])}; anterior/anteroseptal MI ${cse(['AMI', 'ASMI', 'ALMI'], ['AMI', 'ASMI', 'ALMI'])}`,
  `\nAxis: PTB-XL heart_axis agreement ${pct(axisAgree, axisRows.length)} (map ${JSON.stringify(AXIS_MAP)}); LUDB axis ${pct(ludbAxisAgree, la.length)}`,
  `LUDB rhythm: exact ${pct(ludbRhythmAgree, lr.length)} (SR and sinus arrhythmia as one), rhythm family ${pct(ludbRhythmAgreeFamily, lr.length)}`,
  ...statementTable(P, () => true, 'PTB-XL, statement listed (any likelihood; rhythm and form statements carry 0 = unspecified)'),
  ...statementTable(P, (v) => v > 0, 'PTB-XL, likelihood > 0'),
  ...statementTable(P, (v) => v >= 50, 'PTB-XL, likelihood >= 50'),
  '\n### LUDB diagnoses', '| statement | positives | called | Se (95% CI) | Sp (95% CI) | PPV (95% CI) | F1 (95% CI) |', '|---|---|---|---|---|---|---|', ...ludbStatements,
];
process.stdout.write(out.join('\n') + '\n');
if (process.argv.includes('--write-model')) {
  const hash = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
  const source = `P(PTB-XL superclass) from sinus measurements and statement flags; logistic regression (L2 1) fitted on PTB-XL ecg_id 1-350 folds 1-8 (n=${dev.length}); out-of-fold macro AUC ${f2(aucOof.macro)}`;
  const models = {
    ...Object.fromEntries(SUPERS.map((s) => [`superclass:${s}`, { ...finalModels[s], source: source.replace('superclass)', `superclass ${s})`) }])),
    ...Object.fromEntries(Object.keys(CODE_MODELS).map((c) => [c, { ...codeModels[c], source: `P(PTB-XL ${CODE_MODELS[c].join('/')}) from sinus measurements and statement flags; logistic regression (L2 1) fitted on PTB-XL ecg_id 1-350 folds 1-8 (n=${dev.length})` }])),
  };
  const card = { version: 1, commit: execSync('git rev-parse HEAD', { cwd: ROOT }).toString().trim(), data: { 'ptb-xl/ptbxl_database.csv': hash(join(PTBXL, 'ptbxl_database.csv')) }, split: 'PTB-XL strat_fold 1-8 (folds 9-10 held out)', metrics: { oofAuc: Object.fromEntries(SUPERS.map((s, i) => [s, aucOof.per[i]])), heldOutAuc: Object.fromEntries(SUPERS.map((s, i) => [s, aucHeld.per[i]])) }, models };
  writeFileSync(join(ROOT, 'models', 'interpretation-certainty.json'), JSON.stringify(card, null, 2) + '\n');
  writeFileSync(join(ROOT, 'src', 'interpret', 'certaintyModel.ts'), `/** Certainty models by statement code or 'superclass:X'; written by \`npm run bench:interpret -- --write-model\` (bench/interpret.bench.ts) from models/interpretation-certainty.json. Do not edit. */\nimport type { CertaintyModel } from './certaintyModelType.js';\n\nexport const CERTAINTY_MODELS: Readonly<Record<string, CertaintyModel>> = ${JSON.stringify(models, null, 2)};\n`);
}
