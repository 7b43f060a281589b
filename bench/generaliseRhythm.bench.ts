/*
 * Cross-database rhythm, pacing, withheld-beat and beat-class benchmark (issue 20, parts 2-5):
 *   npx tsx bench/generaliseRhythm.bench.ts [--only ptbxl,ludb,mitdb,nstdb,classes] [--records 100,101]
 *   [--conditions 0,1,2,3,4]   (classes: 360 Hz clean, 128 Hz, 250 Hz, +em 12 dB, +em 6 dB)
 * Every figure runs the full analyze() pipeline (the stages each figure needs), on data the rhythm
 * rules were not tuned on except where a line says so.
 * - ptbxl: PTB-XL ecg_id 1-350 at 500 Hz. The record's rhythm is the label holding most of it
 *   (events and 'noise' left out). AF and flutter Se/PPV against the SCP statements AFIB / AFLT (any
 *   likelihood); share of records without P waves (AFIB, AFLT, PACE) called sinus (target 0); share of
 *   sinus-labelled records (SR, SBRAD, STACH, SARRH, none of the former) called sinus; records with a
 *   sub-beat edge episode. The short-record P and irregularity thresholds were chosen on folds 1-8,
 *   so folds 9-10 are also shown apart; the flutter rules were developed on PTB-XL 17 18 20 23 34.
 * - ludb: LUDB 200 records against the Rhythms and Cardiac pacing columns of ludb.csv (not used to
 *   tune any rhythm rule; the pacing share threshold was read off its paced records).
 * - mitdb: MIT-BIH 48 records, EC57 gross Se/+P from 5 min (VF/flutter excluded), the beats section of
 *   analyze() (quality + beats) against detectBeats alone.
 * - nstdb: 118 and 119 with NSTDB `em` noise at 12, 6 and 0 dB (src/eval nstStressMixture, 2-min blocks
 *   from 5 min), the same comparison, and the record's quality verdict.
 * - classes: MIT-BIH DS2 beat classes from analyze() (quality, beats, beatClasses) at 360 Hz, resampled
 *   to 128 and 250 Hz, and with `em` noise at 12 and 6 dB: EC57 VEB and SVEB Se/+P (gross, from 5 min;
 *   reference beats the pipeline missed count as missed, extra beats called V or S against +P).
 * Prints markdown tables; nothing is written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/analyze.js';
import { openRecord } from '../src/io/openRecord.js';
import { nodeFileSource } from '../src/io/nodeFileSource.js';
import { readWfdbRecord } from '../src/io/wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../src/io/wfdb/readAnnotations.js';
import { aamiClass } from '../src/io/wfdb/annotationCodes.js';
import { detectBeats } from '../src/beats/index.js';
import { resample } from '../src/dsp/index.js';
import { compareBeats, nstStressMixture, referenceBeats, summarizeBeatComparisons, type BeatComparison } from '../src/eval/index.js';
import type { EcgRecord } from '../src/record/types.js';
import type { RhythmAnalysis, RhythmLabel } from '../src/classify/rhythm/types.js';
import { EVENT_LABELS } from '../src/classify/rhythm/types.js';
import { LUDB, MITDB, NSTDB, PTBXL } from '../test/dataPaths.js';

const args = process.argv.slice(2);
const argOf = (k: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
const only = new Set((argOf('--only') ?? 'ptbxl,ludb,mitdb,nstdb,classes').split(','));
const ALL = '100 101 102 103 104 105 106 107 108 109 111 112 113 114 115 116 117 118 119 121 122 123 124 200 201 202 203 205 207 208 209 210 212 213 214 215 217 219 220 221 222 223 228 230 231 232 233 234'.split(' ');
const DS2 = '100 103 105 111 113 117 121 123 200 202 210 212 213 214 219 221 222 228 231 232 233 234'.split(' ');
const RECORDS = argOf('--records')?.split(',') ?? ALL;
const pct = (a: number, b: number) => (b > 0 ? ((100 * a) / b).toFixed(1) : '-');
const f2 = (v: number | null) => (v === null ? '-' : v.toFixed(2));
const SINUS = new Set<RhythmLabel>(['sinus_rhythm', 'sinus_bradycardia', 'sinus_tachycardia']);
const RHYTHM_STAGES = ['quality', 'beats', 'beatClasses', 'rhythm'];

/** The label holding most of the record (events and noise left out); 'none' when nothing else. */
function dominantLabel(r: RhythmAnalysis | null | undefined): string {
  if (!r) return 'none';
  const byLabel = new Map<string, number>();
  for (const e of r.episodes) {
    if (EVENT_LABELS.has(e.label) || e.label === 'noise') continue;
    byLabel.set(e.label, (byLabel.get(e.label) ?? 0) + e.endSample - e.startSample);
  }
  let best = 'none', most = 0;
  for (const [l, n] of byLabel) if (n > most) { best = l; most = n; }
  return best;
}
/** Episodes shorter than 0.3 s at the record's start or end. */
const edgeEpisodes = (r: RhythmAnalysis | null | undefined, length: number) => (r?.episodes ?? []).filter((e) => !EVENT_LABELS.has(e.label) && e.endSample - e.startSample < 0.3 * r!.fsHz && (e.startSample === 0 || e.endSample === length)).length;

interface Row { id: string; truth: Set<string>; fold: number; called: string; paced: string | null; edge: number }
function scoreRows(title: string, rows: Row[]) {
  const se = (truth: string, label: string) => {
    const pos = rows.filter((r) => r.truth.has(truth)), called = rows.filter((r) => r.called === label);
    const tp = pos.filter((r) => r.called === label).length;
    return `| ${title} | ${truth} -> ${label} | ${pos.length} | ${called.length} | ${tp} | ${pct(tp, pos.length)} | ${pct(called.filter((r) => r.truth.has(truth)).length, called.length)} | ${pos.filter((r) => r.called !== label).map((r) => `${r.id}:${r.called}`).join(' ')} ${called.filter((r) => !r.truth.has(truth)).map((r) => `FP ${r.id}`).join(' ')} |`;
  };
  console.log(se('AF', 'atrial_fibrillation'));
  console.log(se('AFL', 'atrial_flutter'));
  console.log(se('PACE', 'paced_rhythm'));
  const noP = rows.filter((r) => r.truth.has('AF') || r.truth.has('AFL') || r.truth.has('PACE'));
  const noPSinus = noP.filter((r) => SINUS.has(r.called as RhythmLabel));
  console.log(`| ${title} | no P waves (AF, AFL, PACE) called sinus | ${noP.length} | ${noPSinus.length} | | ${pct(noPSinus.length, noP.length)} % | | ${noPSinus.map((r) => `${r.id}:${r.called}`).join(' ')} |`);
  const sr = rows.filter((r) => r.truth.has('SR') && noP.indexOf(r) < 0);
  const srOk = sr.filter((r) => SINUS.has(r.called as RhythmLabel));
  const counts = new Map<string, number>();
  for (const r of sr) if (!SINUS.has(r.called as RhythmLabel)) counts.set(r.called, (counts.get(r.called) ?? 0) + 1);
  console.log(`| ${title} | sinus-labelled called sinus | ${sr.length} | ${srOk.length} | | ${pct(srOk.length, sr.length)} % | | others: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')} |`);
  const edge = rows.filter((r) => r.edge > 0);
  console.log(`| ${title} | records with an edge episode < 0.3 s | ${rows.length} | ${edge.length} | | | | ${edge.map((r) => r.id).join(' ')} |`);
}
const scoreHeader = '| set | truth -> label | truth n | called n | TP | Se % | PPV % | misses, false positives |\n|---|---|---|---|---|---|---|---|';

console.log(`# sinus bench generaliseRhythm  ${new Date().toISOString()}  node ${process.version}`);

if (only.has('ptbxl')) {
  const csv = readFileSync(join(PTBXL, 'ptbxl_database.csv'), 'utf8').split('\n').slice(1).filter(Boolean);
  const rows: Row[] = [];
  for (const line of csv) {
    const id = Number(line.split(',')[0]);
    const codes = new Set([...line.matchAll(/'([A-Z_/0-9]+)': [0-9.]+/g)].map((m) => m[1]));
    const fold = Number(line.match(/,(\d+),records100/)?.[1] ?? 0);
    const truth = new Set<string>();
    if (codes.has('AFIB')) truth.add('AF');
    if (codes.has('AFLT')) truth.add('AFL');
    if (codes.has('PACE')) truth.add('PACE');
    if (['SR', 'SBRAD', 'STACH', 'SARRH'].some((c) => codes.has(c))) truth.add('SR');
    const rec = await openRecord(join(PTBXL, 'records500', '00000', `${String(id).padStart(5, '0')}_hr.hea`));
    const a = await analyze(rec, { only: RHYTHM_STAGES });
    const r = a.results.rhythm as RhythmAnalysis | null;
    rows.push({ id: String(id), truth, fold, called: dominantLabel(r), paced: r?.pacing?.mode ?? null, edge: edgeEpisodes(r, rec.length) });
  }
  console.log('\n## PTB-XL ecg_id 1-350, 500 Hz, rhythm of analyze()\n');
  console.log(scoreHeader);
  scoreRows('all 350', rows);
  scoreRows('folds 1-8', rows.filter((r) => r.fold <= 8));
  scoreRows('folds 9-10', rows.filter((r) => r.fold >= 9));
}

if (only.has('ludb')) {
  const text = readFileSync(join(LUDB, '..', 'ludb.csv'), 'utf8');
  // Quoted multi-line fields: split on record starts ("\n<id>,").
  const recs = text.split(/\n(?=\d+,)/).slice(1);
  const rows: Row[] = [];
  for (const r of recs) {
    const id = r.split(',')[0];
    const fields = csvFields(r);
    const rhythm = fields[3] ?? '', pacing = fields[8] ?? '';
    const truth = new Set<string>();
    if (/fibrillation/i.test(rhythm)) truth.add('AF');
    if (/flutter/i.test(rhythm)) truth.add('AFL');
    if (pacing.trim()) truth.add('PACE'); // any entry: 'Pacemaker presence', 'P-synchrony' (VDD), ...
    if (/sinus/i.test(rhythm)) truth.add('SR');
    const rec = await openRecord(join(LUDB, `${id}.hea`));
    const a = await analyze(rec, { only: RHYTHM_STAGES });
    const rh = a.results.rhythm as RhythmAnalysis | null;
    rows.push({ id, truth, fold: 0, called: dominantLabel(rh), paced: rh?.pacing?.mode ?? null, edge: edgeEpisodes(rh, rec.length) });
  }
  console.log('\n## LUDB 200 records, 500 Hz, rhythm of analyze() against ludb.csv\n');
  console.log(scoreHeader);
  scoreRows('LUDB', rows);
  const agree = rows.filter((r) => (r.truth.has('PACE') ? r.called === 'paced_rhythm' : r.truth.has('AF') ? r.called === 'atrial_fibrillation' : r.truth.has('AFL') ? r.called === 'atrial_flutter' : SINUS.has(r.called as RhythmLabel))).length;
  console.log(`\nLUDB rhythm agreement (paced -> paced_rhythm, AF -> AF, flutter -> flutter, sinus -> any sinus label): ${agree} / ${rows.length} = ${pct(agree, rows.length)} %`);
}

/** The fields of one CSV row (quoted fields may hold commas and newlines). */
function csvFields(row: string): string[] {
  const out: string[] = [];
  let cur = '', quoted = false;
  for (let i = 0; i < row.length; i++) {
    const ch = row[i];
    if (quoted) { if (ch === '"' && row[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch; }
    else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

/** MIT-BIH record with its reference beats (and their AAMI classes). */
async function loadMit(name: string) {
  const src = nodeFileSource(MITDB);
  const rec = await readWfdbRecord(name, src);
  const [atr] = await readWfdbAnnotationSets(name, ['atr'], src);
  return { rec: { ...rec, annotations: [] } as EcgRecord, ref: referenceBeats(atr.annotations, rec.length), atr: atr.annotations };
}
const ec57 = (name: string, ref: ReturnType<typeof referenceBeats>, test: ArrayLike<number>, fs: number, scale = 1) =>
  compareBeats(name, Int32Array.from(ref.samples, (s) => Math.round(s * scale)), test, fs, {
    startSample: Math.round(300 * fs),
    excluded: ref.excluded.map(([a, b]) => [Math.round(a * scale), Math.round(b * scale)] as [number, number]),
  });
const summary = (label: string, rs: BeatComparison[]) => {
  const s = summarizeBeatComparisons(rs);
  return `| ${label} | ${s.matched} | ${s.missed} | ${s.extra} | ${f2(s.grossSensitivityPct)} | ${f2(s.grossPositivePredictivityPct)} |`;
};
const beatHeader = '| set | TP | FN | FP | gross Se % | gross +P % |\n|---|---|---|---|---|---|';
const pipelineBeats = async (rec: EcgRecord) => {
  const a = await analyze(rec, { only: ['quality', 'beats'] });
  return { samples: ((a.results.beats as { samples?: ArrayLike<number> } | null)?.samples ?? []) as ArrayLike<number>, verdict: (a.results.quality as { verdict?: string } | null)?.verdict ?? 'none' };
};

if (only.has('mitdb')) {
  const det: BeatComparison[] = [], pipe: BeatComparison[] = [];
  for (const name of RECORDS) {
    const { rec, ref } = await loadMit(name);
    det.push(ec57(name, ref, detectBeats(rec).samples, rec.fs));
    pipe.push(ec57(name, ref, (await pipelineBeats(rec)).samples, rec.fs));
  }
  console.log(`\n## MIT-BIH ${RECORDS.length} records, EC57 from 5 min: detector alone vs analyze()\n`);
  console.log(beatHeader);
  console.log(summary('detectBeats', det));
  console.log(summary('analyze() beats', pipe));
  const lost = pipe.map((p, i) => ({ r: p.record, d: p.missed - det[i].missed })).filter((x) => x.d !== 0);
  console.log(`\nrecords where analyze() misses more (or fewer) beats than the detector: ${lost.map((x) => `${x.r} ${x.d > 0 ? '+' : ''}${x.d}`).join(', ') || 'none'}`);
}

/** A MIT-BIH record with NSTDB `em` noise at `snr` dB as the NSTDB builds it (2-min blocks from 5 min). */
async function noisy(name: string, snr: number) {
  const { rec, ref, atr } = await loadMit(name);
  const noise = await readWfdbRecord('em', nodeFileSource(NSTDB));
  const normals = atr.filter((a) => aamiClass(a.code) === 'N').map((a) => a.sample);
  const leads = rec.leads.map((l, k) => ({ ...l, samples: nstStressMixture(l.samples, noise.leads[k % noise.leads.length].samples, rec.fs, normals, snr, { startSample: 300 * rec.fs, blockSamples: 120 * rec.fs }) }));
  return { rec: { ...rec, leads }, ref, atr };
}

if (only.has('nstdb')) {
  console.log('\n## NSTDB-style stress (118, 119 + em, 2-min blocks from 5 min), EC57 from 5 min: detector alone vs analyze()\n');
  console.log('| SNR | detector Se % | detector +P % | analyze() Se % | analyze() +P % | quality verdicts |\n|---|---|---|---|---|---|');
  for (const snr of [12, 6, 0]) {
    const det: BeatComparison[] = [], pipe: BeatComparison[] = [];
    const verdicts: string[] = [];
    for (const name of ['118', '119']) {
      const { rec, ref } = await noisy(name, snr);
      det.push(ec57(name, ref, detectBeats(rec).samples, rec.fs));
      const p = await pipelineBeats(rec);
      pipe.push(ec57(name, ref, p.samples, rec.fs));
      verdicts.push(`${name} ${p.verdict}`);
    }
    const d = summarizeBeatComparisons(det), p = summarizeBeatComparisons(pipe);
    console.log(`| ${snr} dB | ${f2(d.grossSensitivityPct)} | ${f2(d.grossPositivePredictivityPct)} | ${f2(p.grossSensitivityPct)} | ${f2(p.grossPositivePredictivityPct)} | ${verdicts.join(', ')} |`);
  }
}

interface ClassTally { tp: Record<string, number>; ref: Record<string, number>; called: Record<string, number> }
/** EC57 class tallies for V and S: reference beats from 5 min, matched within 150 ms nearest first. */
function tallyClasses(t: ClassTally, refSamples: number[], refClasses: string[], test: ArrayLike<number>, labels: string[], fs: number) {
  const start = 300 * fs, win = Math.round(0.15 * fs);
  const used = new Uint8Array(test.length);
  let j = 0;
  for (let i = 0; i < refSamples.length; i++) {
    const s = refSamples[i];
    while (j < test.length && test[j] < s - win) j++;
    let best = -1;
    for (let k = j; k < test.length && test[k] <= s + win; k++) if (!used[k] && (best < 0 || Math.abs(test[k] - s) < Math.abs(test[best] - s))) best = k;
    if (best >= 0) used[best] = 1;
    if (s < start) continue;
    const rc = refClasses[i];
    t.ref[rc] = (t.ref[rc] ?? 0) + 1;
    if (best >= 0 && labels[best] === rc) t.tp[rc] = (t.tp[rc] ?? 0) + 1;
  }
  for (let k = 0; k < test.length; k++) if (test[k] >= start) t.called[labels[k]] = (t.called[labels[k]] ?? 0) + 1;
}

if (only.has('classes')) {
  console.log('\n## MIT-BIH DS2 beat classes through analyze() (quality, beats, beatClasses), EC57 gross from 5 min\n');
  console.log('| condition | VEB Se % | VEB +P % | SVEB Se % | SVEB +P % |\n|---|---|---|---|---|');
  const conditions: Array<{ name: string; fs?: number; snr?: number }> = [{ name: '360 Hz clean' }, { name: '128 Hz', fs: 128 }, { name: '250 Hz', fs: 250 }, { name: '360 Hz + em 12 dB', snr: 12 }, { name: '360 Hz + em 6 dB', snr: 6 }];
  const records = RECORDS === ALL ? DS2 : RECORDS;
  const wanted = argOf('--conditions')?.split(',');
  for (const c of conditions.filter((x, k) => !wanted || wanted.includes(String(k)))) {
    const t: ClassTally = { tp: {}, ref: {}, called: {} };
    for (const name of records) {
      const { rec, atr } = c.snr !== undefined ? await noisy(name, c.snr) : await loadMit(name);
      const beats = atr.filter((a) => aamiClass(a.code) !== undefined);
      let r: EcgRecord = rec;
      const scale = c.fs ? c.fs / rec.fs : 1;
      if (c.fs) {
        const leads = rec.leads.map((l) => ({ ...l, samples: resample(l.samples, rec.fs, c.fs!) }));
        r = { ...rec, fs: c.fs, leads, length: leads[0].samples.length };
      }
      const a = await analyze(r, { only: ['quality', 'beats', 'beatClasses'] });
      const samples = ((a.results.beats as { samples?: ArrayLike<number> } | null)?.samples ?? []) as ArrayLike<number>;
      const labels = ((a.results.beatClasses as { labels?: string[] } | null)?.labels ?? []) as string[];
      tallyClasses(t, beats.map((b) => Math.round(b.sample * scale)), beats.map((b) => aamiClass(b.code)!), samples, labels.length === samples.length ? labels : Array.from(samples, () => 'Q'), r.fs);
    }
    const se = (k: string) => pct(t.tp[k] ?? 0, t.ref[k] ?? 0), pp = (k: string) => pct(t.tp[k] ?? 0, t.called[k] ?? 0);
    console.log(`| ${c.name} | ${se('V')} | ${pp('V')} | ${se('S')} | ${pp('S')} |`);
  }
}
