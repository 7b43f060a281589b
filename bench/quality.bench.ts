/**
 * npm run bench:quality [-- --part a,b,c,d,speed] [-- --fit]
 *
 * (a) CinC 2017: ROC AUC of the record score for '~' (too noisy) against the rest. Fixed split:
 *     A00001-A02000 fit (the only records `--fit` uses to fit the score weights), A02001-A03000 held back.
 * (b) PTB-XL (350 records, 500 Hz): per-lead agreement with the database's noise flags
 *     (baseline_drift, static_noise, burst_noise, electrodes_problems), sensitivity / specificity.
 * (c) Noise stress: clean MIT-BIH records + NSTDB bw/em/ma at 24..-6 dB SNR (NSTDB definition, as
 *     WFDB nst/sigamp compute it), first 5 min of lead MLII: SNR estimate error, and beat +P of the
 *     primary detector with and without the 'unusable' segments.
 * (d) MIT-BIH, 44 non-paced records, whole 30 min, both leads: agreement of the record's unusable
 *     time with MIT-BIH's own noise annotations ('~', subtype bit k = channel k noisy, bit k+4 =
 *     channel k unreadable, -1 = all unreadable): share of unusable time inside noise marked in all
 *     channels (and in any channel), share of all-channel noise caught, and unusable time within
 *     0.5 s of a ventricular (V/F/E) beat.
 * (speed) CPU per 10 s 12-lead record (PTB-XL 500 Hz).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeFileSource } from '../src/io/nodeFileSource.js';
import { readWfdbRecord } from '../src/io/wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../src/io/wfdb/readAnnotations.js';
import { BEAT_CODES } from '../src/io/wfdb/annotationCodes.js';
import type { EcgRecord } from '../src/record/types.js';
import { nstNoiseGain, nstNoiseRms, nstSignalPeakToPeak } from '../src/eval/index.js';
import { assessQuality, curveLengthBeats, isInSpans, unusableSegments, type BeatDetectorFn, type QualityOptions, type QualityReport } from '../src/quality/index.js';
import { detectBeats } from '../src/beats/index.js';
import { leadScoreFeatures, LEAD_SCORE_FEATURES, LEAD_SCORE_WEIGHTS } from '../src/quality/qualityScore.js';
import { CINC2017, MITDB, NSTDB, PTBXL } from '../test/dataPaths.js';
import { matchedBeatCount } from '../src/quality/beatAgreement.js';
import { flaggedLeads, readCsvRows } from './ptbxlNoiseFlags.js';

const args = process.argv.slice(2);
const partArg = args.includes('--part') ? args[args.indexOf('--part') + 1] : 'a,b,c,d,speed';
const parts = new Set(partArg.split(','));
const FIT = args.includes('--fit');
// --primary lead (default, as the pipeline runs it: the primary detector run on each lead) or
// --primary record (analyze's option quality.useRecordBeats: the beats detected once on all leads fused
// are every lead's primary beats).
const PRIMARY_MODE = args.includes('--primary') ? args[args.indexOf('--primary') + 1] : 'lead';

// The primary detector from the beats stage when it is in this checkout; else the own detector.
let primary: BeatDetectorFn | undefined;
let primaryName = 'none (beats stage not merged)';
try {
  const beats = (await import('../src/beats/index.js')) as Record<string, unknown>;
  const f = beats.detectBeatsInSignal as BeatDetectorFn | undefined;
  if (typeof f === 'function') {
    primary = f;
    primaryName = 'beats stage detectBeatsInSignal';
  }
} catch {
  /* not merged yet */
}

/** The primary beats quality compares its own detector with, as --primary says. */
function primaryOptions(rec: EcgRecord): QualityOptions {
  return PRIMARY_MODE === 'lead' || !primary ? { primaryDetector: primary } : { primaryBeats: detectBeats(rec).samples };
}

function auc(scoresPos: number[], scoresNeg: number[]): number {
  // Probability that a positive ranks above a negative (ties count half).
  const all = [...scoresPos.map((s) => ({ s, p: 1 })), ...scoresNeg.map((s) => ({ s, p: 0 }))].sort((a, b) => a.s - b.s);
  let rankSum = 0;
  for (let i = 0; i < all.length; ) {
    let j = i;
    while (j < all.length && all[j].s === all[i].s) j++;
    const r = (i + j + 1) / 2;
    for (let k = i; k < j; k++) if (all[k].p) rankSum += r;
    i = j;
  }
  const np = scoresPos.length;
  const nn = scoresNeg.length;
  return (rankSum - (np * (np + 1)) / 2) / (np * nn);
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2])) : NaN;
}

function fitLogistic(X: number[][], y: number[], l2 = 0.01, iters = 4000, lr = 0.1): number[] {
  const d = X[0].length;
  const w = new Array(d + 1).fill(0);
  const pos = y.filter((v) => v === 1).length;
  const wPos = y.length / (2 * pos);
  const wNeg = y.length / (2 * (y.length - pos));
  for (let it = 0; it < iters; it++) {
    const g = new Array(d + 1).fill(0);
    for (let i = 0; i < X.length; i++) {
      let z = w[0];
      for (let j = 0; j < d; j++) z += w[j + 1] * X[i][j];
      const p = 1 / (1 + Math.exp(-z));
      const cw = y[i] ? wPos : wNeg;
      const e = (p - y[i]) * cw;
      g[0] += e;
      for (let j = 0; j < d; j++) g[j + 1] += e * X[i][j];
    }
    for (let j = 0; j <= d; j++) w[j] -= (lr * (g[j] / X.length + (j ? l2 * w[j] : 0)));
  }
  return w.map((v) => Math.round(v * 1000) / 1000);
}

// ---------------------------------------------------------------- (a) CinC 2017
if (parts.has('a')) {
  const ref = readFileSync(join(CINC2017, 'REFERENCE.csv'), 'utf8').trim().split('\n').map((l) => l.split(','));
  const src = nodeFileSource(CINC2017);
  const rows: { name: string; noisy: boolean; score: number; verdict: string; features: number[]; fit: boolean }[] = [];
  const t0 = performance.now();
  for (const [name, label] of ref) {
    const rec = await readWfdbRecord(name, src);
    const rep = assessQuality(rec, primaryOptions(rec));
    const num = Number(name.slice(1));
    rows.push({ name, noisy: label === '~', score: rep.score, verdict: rep.verdict, features: leadScoreFeatures(rep.leads[0].indices), fit: num <= 2000 });
  }
  const dt = performance.now() - t0;
  const report = (set: typeof rows, label: string) => {
    const pos = set.filter((r) => r.noisy).map((r) => 1 - r.score);
    const neg = set.filter((r) => !r.noisy).map((r) => 1 - r.score);
    const unusableNoisy = set.filter((r) => r.noisy && r.verdict === 'unusable').length;
    const unusableClean = set.filter((r) => !r.noisy && r.verdict === 'unusable').length;
    console.log(
      `| ${label} | ${set.length} | ${pos.length} | ${auc(pos, neg).toFixed(3)} | ${((100 * unusableNoisy) / pos.length).toFixed(1)}% | ${((100 * unusableClean) / neg.length).toFixed(1)}% |`,
    );
  };
  console.log(`\n(a) CinC 2017 '~' vs rest, record score (primary detector: ${primaryName}, ${PRIMARY_MODE === 'lead' ? 'run on each lead' : 'beats detected once on all leads'}); ${(dt / rows.length).toFixed(1)} ms/record wall`);
  console.log('| split | records | ~ | AUC | ~ judged unusable | others judged unusable |');
  console.log('|---|---|---|---|---|---|');
  report(rows.filter((r) => r.fit), 'fit A00001-A02000');
  report(rows.filter((r) => !r.fit), 'held back A02001-A03000');
  // Single indices, held back, for comparison with the combined score.
  const held = rows.filter((r) => !r.fit);
  const idxAuc = LEAD_SCORE_FEATURES.map((f, j) => {
    const pos = held.filter((r) => r.noisy).map((r) => -r.features[j]);
    const neg = held.filter((r) => !r.noisy).map((r) => -r.features[j]);
    const a = auc(pos, neg);
    return `${f} ${Math.max(a, 1 - a).toFixed(3)}${a < 0.5 ? '(inv)' : ''}`;
  });
  console.log('single-feature held-back AUC:', idxAuc.join(', '));
  if (FIT) {
    const fitRows = rows.filter((r) => r.fit);
    const w = fitLogistic(fitRows.map((r) => r.features), fitRows.map((r) => (r.noisy ? 0 : 1)));
    console.log('fitted weights (A00001-A02000 only):', JSON.stringify(w), 'current:', JSON.stringify(LEAD_SCORE_WEIGHTS));
  }
}

// ---------------------------------------------------------------- (b) PTB-XL noise flags
if (parts.has('b')) {
  const text = readFileSync(join(PTBXL, 'ptbxl_database.csv'), 'utf8');
  const table = readCsvRows(text);
  const lines = table;
  const parseCsvLine = (r: string[]) => r;
  const head = parseCsvLine(lines[0]);
  const col = (n: string) => head.indexOf(n);
  const FLAGS = ['baseline_drift', 'static_noise', 'burst_noise', 'electrodes_problems'] as const;
  // Which findings answer which flag.
  const ANSWERS: Record<(typeof FLAGS)[number], (r: QualityReport, lead: string) => boolean> = {
    baseline_drift: (r, l) => r.leads.find((q) => q.lead === l)!.findings.some((f) => f.kind === 'baseline-wander' || f.kind === 'step'),
    static_noise: (r, l) => r.leads.find((q) => q.lead === l)!.findings.some((f) => f.kind === 'muscle-noise' || f.kind === 'powerline'),
    burst_noise: (r, l) => r.leads.find((q) => q.lead === l)!.findings.some((f) => f.kind === 'motion-artifact' || f.kind === 'step'),
    electrodes_problems: (r, l) => {
      const q = r.leads.find((x) => x.lead === l)!;
      return q.verdict === 'unusable' || q.findings.some((f) => f.kind === 'flat-line' || f.kind === 'clipping' || f.kind === 'step');
    },
  };
  const tally = new Map<string, { tp: number; fn: number; tn: number; fp: number }>();
  let foldTag = '';
  const add = (k0: string, truth: boolean, pred: boolean) => {
    const k = `${k0}|${foldTag}`;
    const t = tally.get(k) ?? { tp: 0, fn: 0, tn: 0, fp: 0 };
    if (truth && pred) t.tp++;
    else if (truth) t.fn++;
    else if (pred) t.fp++;
    else t.tn++;
    tally.set(k, t);
  };
  let ms = 0;
  for (const line of lines.slice(1)) {
    const c = parseCsvLine(line);
    const file = c[col('filename_hr')];
    const rec = await readWfdbRecord(file.split('/').pop()!, nodeFileSource(join(PTBXL, file.split('/').slice(0, -1).join('/'))));
    const t0 = performance.now();
    const rep = assessQuality(rec, { ...primaryOptions(rec), mainsHz: 50 });
    ms += performance.now() - t0;
    foldTag = Number(c[col('strat_fold')]) >= 9 ? 'folds 9-10' : 'folds 1-8';
    const flagged = Object.fromEntries(FLAGS.map((f) => [f, flaggedLeads(c[col(f)] ?? '')])) as Record<(typeof FLAGS)[number], Set<string>>;
    for (const lq of rep.leads) {
      const l = lq.lead;
      const any = FLAGS.some((f) => flagged[f].has(l));
      for (const f of FLAGS) add(f, flagged[f].has(l), ANSWERS[f](rep, l));
      add('any flag vs verdict not excellent', any, lq.verdict !== 'excellent');
      add('any flag vs moderate+ finding or unusable', any, lq.verdict === 'unusable' || lq.findings.some((x) => x.severity !== 'mild'));
      add('any flag vs unusable', any, lq.verdict === 'unusable');
    }
  }
  console.log(`\n(b) PTB-XL ${lines.length - 1} records x 12 leads (500 Hz), per-lead flags vs findings; ${(ms / (lines.length - 1)).toFixed(1)} ms/record wall`);
  console.log('| flag | findings that answer it | records | flagged leads | sensitivity | specificity |');
  console.log('|---|---|---|---|---|---|');
  const what: Record<string, string> = {
    baseline_drift: 'baseline-wander, step',
    static_noise: 'muscle-noise, powerline',
    burst_noise: 'motion-artifact, step',
    electrodes_problems: 'flat-line, clipping, step, unusable lead',
  };
  for (const [key, t] of [...tally].sort((p, q) => p[0].localeCompare(q[0]))) {
    const [k, folds] = key.split('|');
    console.log(`| ${k} | ${what[k] ?? '-'} | ${folds} | ${t.tp + t.fn} | ${(t.tp / Math.max(1, t.tp + t.fn)).toFixed(3)} | ${(t.tn / Math.max(1, t.tn + t.fp)).toFixed(3)} |`);
  }
}

// ---------------------------------------------------------------- (c) noise stress
if (parts.has('c')) {
  // Clean records (little intrinsic noise), split by the de Chazal DS1 / DS2 lists.
  const FIT_RECS = ['101', '106', '112', '115', '122', '220'];
  const EVAL_RECS = ['100', '103', '113', '117', '121', '123', '234'];
  const SNRS = [24, 18, 12, 6, 0, -6];
  const NOISES = ['bw', 'em', 'ma'];
  const lenS = 300;
  const noiseRecs = new Map<string, Float32Array>();
  for (const nz of NOISES) noiseRecs.set(nz, (await readWfdbRecord(nz, nodeFileSource(NSTDB))).leads[0].samples);
  const detect: BeatDetectorFn = primary ?? curveLengthBeats;
  console.log(`\n(c) noise stress, MIT-BIH lead 0, first ${lenS} s, NSTDB noise channel 1; beat detector for +P: ${primary ? primaryName : 'own curve-length detector (primary not merged)'}`);
  const sets = ([['fit (DS1)', FIT_RECS], ['held back (DS2)', EVAL_RECS]] as const).filter(([s]) => !args.includes('--fit-set-only') || s.startsWith('fit'));
  for (const [setName, recs] of sets) {
    const errs = new Map<string, number[]>();
    const ppv = new Map<string, { all: [number, number]; kept: [number, number]; se: [number, number]; seKept: [number, number]; skipped: number; total: number }>();
    for (const [ri, name] of recs.entries()) {
      const src = nodeFileSource(MITDB);
      const full = await readWfdbRecord(name, src);
      const n = Math.round(lenS * full.fs);
      const clean = full.leads[0].samples.slice(0, n);
      const [atr] = await readWfdbAnnotationSets(name, ['atr'], src);
      const ref = atr.annotations.filter((a) => BEAT_CODES.has(a.code) && a.sample < n).map((a) => a.sample);
      const normals = atr.annotations.filter((a) => a.code === 'N' || a.code === 'L' || a.code === 'R' || a.code === 'e' || a.code === 'j').map((a) => a.sample).filter((s) => s < n);
      const sPp = nstSignalPeakToPeak(clean, full.fs, normals.length >= 30 ? normals : ref);
      for (const nz of NOISES) {
        const noiseAll = noiseRecs.get(nz)!;
        const off = ((ri * 7 + 3) * 60 * 360) % (noiseAll.length - n);
        const noise = noiseAll.subarray(off, off + n);
        const nRms = nstNoiseRms(noise, full.fs);
        for (const snr of SNRS) {
          const a = nstNoiseGain(sPp, nRms, snr);
          const mixed = new Float32Array(n);
          for (let i = 0; i < n; i++) mixed[i] = clean[i] + a * noise[i];
          const rec: EcgRecord = { ...full, length: n, leads: [{ ...full.leads[0], samples: mixed, raw: undefined }], annotations: [] };
          const rep = assessQuality(rec, primaryOptions(rec));
          const est = rep.leads[0].indices.snrDb;
          const key = `${nz} ${snr}`;
          const e = errs.get(key) ?? [];
          e.push(est === null ? NaN : est - snr);
          errs.set(key, e);
          const found = detect(mixed, full.fs);
          const det = Array.from('samples' in found && typeof found.samples === 'object' ? found.samples : (found as ArrayLike<number>));
          const spans = unusableSegments(rep);
          const tol = Math.round(0.15 * full.fs);
          const mAll = matchedBeatCount(ref, det, tol);
          const refKept = ref.filter((s) => !isInSpans(spans, s));
          const detKept = det.filter((s) => !isInSpans(spans, s));
          const mKept = matchedBeatCount(refKept, detKept, tol);
          const p = ppv.get(key) ?? { all: [0, 0], kept: [0, 0], se: [0, 0], seKept: [0, 0], skipped: 0, total: 0 };
          p.all[0] += mAll;
          p.all[1] += det.length;
          p.kept[0] += mKept;
          p.kept[1] += detKept.length;
          p.se[0] += mAll;
          p.se[1] += ref.length;
          p.seKept[0] += mKept;
          p.seKept[1] += refKept.length;
          p.skipped += spans.reduce((s, x) => s + x.endSample - x.startSample, 0);
          p.total += n;
          ppv.set(key, p);
        }
      }
    }
    console.log(`\n${setName}: records ${recs.join(' ')}`);
    console.log('| noise | SNR dB | median est. error dB | MAE dB | +P all | +P usable only | Se all | Se usable only | time skipped |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    const allAbs: number[] = [];
    for (const nz of NOISES) {
      for (const snr of SNRS) {
        const key = `${nz} ${snr}`;
        const e = errs.get(key)!;
        const abs = e.map((v) => (Number.isFinite(v) ? Math.abs(v) : 30));
        allAbs.push(...abs);
        const p = ppv.get(key)!;
        console.log(
          `| ${nz} | ${snr} | ${median(e.filter(Number.isFinite)).toFixed(2)} | ${(abs.reduce((s, v) => s + v, 0) / abs.length).toFixed(2)} | ${(p.all[0] / Math.max(1, p.all[1])).toFixed(4)} | ${(p.kept[0] / Math.max(1, p.kept[1])).toFixed(4)} | ${(p.se[0] / Math.max(1, p.se[1])).toFixed(4)} | ${(p.seKept[0] / Math.max(1, p.seKept[1])).toFixed(4)} | ${((100 * p.skipped) / p.total).toFixed(1)}% |`,
        );
      }
    }
    console.log(`overall SNR MAE (${setName}, 24..-6 dB, bw+em+ma): ${(allAbs.reduce((s, v) => s + v, 0) / allAbs.length).toFixed(2)} dB (unestimated counted as 30 dB error)`);
  }
}

// ---------------------------------------------------------------- (d)
if (parts.has('d')) {
  const PACED = new Set(['102', '104', '107', '217']);
  const names = readFileSync(join(MITDB, 'RECORDS'), 'utf8').split(/\s+/).filter((r) => r && !PACED.has(r));
  let unusableT = 0, inAllT = 0, inAnyT = 0, noiseAllT = 0, caughtT = 0, nearVT = 0, totalT = 0;
  const reasonT = new Map<string, number>();
  const perRec: string[] = [];
  // Spans of at least this many seconds, as later stages would act on them: [samples, samples in all-channel noise, spans].
  const MIN_SPAN_S = [1, 2, 3, 5];
  const bySpan = new Map(MIN_SPAN_S.map((m) => [m, [0, 0, 0]]));
  for (const name of names) {
    const src = nodeFileSource(MITDB);
    const rec = await readWfdbRecord(name, src);
    const [atr] = await readWfdbAnnotationSets(name, ['atr'], src);
    const n = rec.length;
    const nCh = rec.leads.length;
    const allMask = (1 << nCh) - 1;
    // Noise state per sample from the '~' annotations (the state holds until the next '~').
    const noiseAll = new Uint8Array(n), noiseAny = new Uint8Array(n), nearV = new Uint8Array(n);
    const tildes = atr.annotations.filter((a) => a.code === '~');
    for (let t = 0; t < tildes.length; t++) {
      const sub = tildes[t].subtype;
      const bits = sub === -1 ? allMask : (sub | (sub >> 4)) & allMask;
      const end = t + 1 < tildes.length ? tildes[t + 1].sample : n;
      if (bits === allMask) noiseAll.fill(1, tildes[t].sample, end);
      if (bits !== 0) noiseAny.fill(1, tildes[t].sample, end);
    }
    const half = Math.round(0.5 * rec.fs);
    for (const a of atr.annotations) if (a.code === 'V' || a.code === 'F' || a.code === 'E') nearV.fill(1, Math.max(0, a.sample - half), Math.min(n, a.sample + half));
    const rep = assessQuality(rec, primaryOptions(rec));
    let u = 0;
    for (const seg of rep.segments) {
      if (seg.usable) continue;
      for (const r of seg.reasons) reasonT.set(r, (reasonT.get(r) ?? 0) + (seg.endSample - seg.startSample) / rec.fs);
      for (let i = seg.startSample; i < seg.endSample; i++) {
        u++;
        inAllT += noiseAll[i];
        inAnyT += noiseAny[i];
        nearVT += nearV[i];
      }
    }
    let na = 0, caught = 0;
    const spans = unusableSegments(rep);
    for (const sp of spans) {
      const lenS = (sp.endSample - sp.startSample) / rec.fs;
      for (const minS of MIN_SPAN_S) if (lenS >= minS) {
        const acc = bySpan.get(minS)!;
        acc[0] += sp.endSample - sp.startSample;
        for (let i = sp.startSample; i < sp.endSample; i++) acc[1] += noiseAll[i];
        acc[2]++;
      }
    }
    for (let i = 0; i < n; i++) if (noiseAll[i]) {
      na++;
      if (isInSpans(spans, i)) caught++;
    }
    unusableT += u;
    noiseAllT += na;
    caughtT += caught;
    totalT += n;
    if (u > 0 || na > 0) perRec.push(`${name}: unusable ${(u / rec.fs).toFixed(0)} s, MIT-BIH all-channel noise ${(na / rec.fs).toFixed(0)} s, caught ${(caught / rec.fs).toFixed(0)} s`);
  }
  console.log(`\n(d) MIT-BIH ${names.length} non-paced records, whole records, all leads; primary detector: ${primaryName}`);
  for (const l of perRec) console.log('  ' + l);
  console.log('| unusable share of time | unusable in all-channel noise | unusable in any-channel noise | unusable within 0.5 s of a V/F/E beat | all-channel noise caught |');
  console.log('|---|---|---|---|---|');
  const pc = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
  console.log(`| ${((100 * unusableT) / totalT).toFixed(2)}% | ${pc(inAllT, unusableT)} | ${pc(inAnyT, unusableT)} | ${pc(nearVT, unusableT)} | ${pc(caughtT, noiseAllT)} of ${(noiseAllT / 360).toFixed(0)} s |`);
  console.log('| spans >= | spans | time s | in all-channel noise |');
  console.log('|---|---|---|---|');
  for (const m of MIN_SPAN_S) {
    const [t, inN, c] = bySpan.get(m)!;
    console.log(`| ${m} s | ${c} | ${(t / 360).toFixed(0)} | ${pc(inN, t)} |`);
  }
  console.log('window reasons (s): ' + [...reasonT.entries()].sort((p, q) => q[1] - p[1]).map(([r, t]) => `${r} ${t.toFixed(0)}`).join('; '));
}

// ---------------------------------------------------------------- speed
if (parts.has('speed')) {
  const dir = join(PTBXL, 'records500', '00000');
  const recs: EcgRecord[] = [];
  for (const id of ['00001', '00002', '00003', '00004', '00005', '00006', '00007', '00008', '00009', '00010']) recs.push(await readWfdbRecord(`${id}_hr`, nodeFileSource(dir)));
  for (let i = 0; i < 5; i++) for (const r of recs) assessQuality(r);
  const cpu: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    const c0 = process.cpuUsage();
    for (let i = 0; i < 10; i++) for (const r of recs) assessQuality(r);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000 / 100);
  }
  console.log(`\n(speed) PTB-XL 10 s x 12 leads at 500 Hz, own detector only: median CPU ${median(cpu).toFixed(2)} ms/record (5 runs of 100 records: ${cpu.map((v) => v.toFixed(2)).join(', ')})`);
}
