/**
 * 12-lead reconstruction from three leads (`npm run bench:reconstruct`).
 *
 * PTB-XL ecg_id 1-350 at 500 Hz: generic transforms fitted on strat_fold 1-8, scored on folds 9-10.
 * LUDB (another database, another recorder): the same PTB-XL transforms, and a record-wise 5-fold CV
 * fitted on LUDB itself. Patient-specific: PTB-XL patients with two or more records among 1-350, the
 * transform fitted on one record and scored on another of the same patient. Scores only the estimated
 * precordial leads (never III/aVR/aVL/aVF, exact by Einthoven/Goldberger): Pearson r and RMSE (uV) per
 * lead per record after a 0.5 Hz high-pass of both, 0.5 s left out at each end. Clinical effect: global
 * QRS and QT and ST at J+60 in the estimated leads, measured by measureEcg on the original and on the
 * reconstructed record with the same beats.
 *
 *   npx tsx bench/reconstruct.bench.ts            # figures
 *   npx tsx bench/reconstruct.bench.ts --write    # also rewrite src/reconstruct/shippedLeadTransforms.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRecord } from '../src/io/openRecord.js';
import { detectBeats } from '../src/beats/index.js';
import { measureEcg } from '../src/measure/index.js';
import { removeBaselineWander } from '../src/dsp/baselineWander.js';
import type { EcgRecord } from '../src/record/types.js';
import { LeadTransformFit } from '../src/reconstruct/fitLeadTransform.js';
import { applyLeadTransform, type LeadTransform } from '../src/reconstruct/leadTransform.js';
import { LUDB, PTBXL } from '../test/dataPaths.js';
import { ptbxlRows } from '../test/ptbxlDatabase.js';

const PRECORDIAL = ['V1', 'V2', 'V3', 'V4', 'V5', 'V6'];
const SCORED_SETS = ['V2', 'V3', 'V5'];
const SHIPPED_SETS = PRECORDIAL;
const write = process.argv.includes('--write');
const noClinical = process.argv.includes('--no-clinical');

interface PtbRow { id: number; patient: number; fold: number; file: string }
function ptbRows(): PtbRow[] {
  return ptbxlRows().map((r) => ({ id: r.ecgId, patient: r.patientId, fold: r.strat_fold, file: r.file500 }));
}

/** Only the standard leads, baseline-free copies kept for scoring. */
function keepLeads(record: EcgRecord, names: string[]): EcgRecord {
  return { ...record, leads: record.leads.filter((l) => names.includes(l.name)) };
}

function inputsFor(v: string): string[] { return ['I', 'II', v]; }
function outputsFor(v: string): string[] { return PRECORDIAL.filter((p) => p !== v); }

interface LeadScore { r: number; rmseUv: number }
function scoreLeads(original: EcgRecord, rebuilt: EcgRecord, leads: string[]): Map<string, LeadScore> {
  const out = new Map<string, LeadScore>();
  const edge = Math.round(0.5 * original.fs);
  for (const name of leads) {
    const a0 = original.leads.find((l) => l.name === name)?.samples;
    const b0 = rebuilt.leads.find((l) => l.name === name)?.samples;
    if (!a0 || !b0) continue;
    const a = removeBaselineWander(a0, original.fs), b = removeBaselineWander(b0, original.fs);
    let n = 0, sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0, se = 0;
    for (let i = edge; i < a.length - edge; i++) {
      if (Number.isNaN(a[i]) || Number.isNaN(b[i])) continue;
      n++; sa += a[i]; sb += b[i]; saa += a[i] * a[i]; sbb += b[i] * b[i]; sab += a[i] * b[i]; se += (a[i] - b[i]) ** 2;
    }
    if (n < 10) continue;
    const cov = sab - (sa * sb) / n, va = saa - (sa * sa) / n, vb = sbb - (sb * sb) / n;
    if (!(va > 0) || !(vb > 0)) continue;
    out.set(name, { r: cov / Math.sqrt(va * vb), rmseUv: 1000 * Math.sqrt(se / n) });
  }
  return out;
}

class Summary {
  private rs: number[] = [];
  private rmse: number[] = [];
  private perLead = new Map<string, number[]>();
  add(scores: Map<string, LeadScore>) {
    for (const [lead, s] of scores) {
      this.rs.push(s.r); this.rmse.push(s.rmseUv);
      this.perLead.set(lead, [...(this.perLead.get(lead) ?? []), s.r]);
    }
  }
  row(label: string): string {
    const lead = [...this.perLead.entries()].sort().map(([l, r]) => `${l} ${mean(r).toFixed(3)}`).join(', ');
    return `| ${label} | ${this.rs.length} | ${mean(this.rs).toFixed(3)} | ${median(this.rs).toFixed(3)} | ${mean(this.rmse).toFixed(0)} | ${median(this.rmse).toFixed(0)} | ${lead} |`;
  }
}
const mean = (x: number[]) => (x.length ? x.reduce((s, v) => s + v, 0) / x.length : NaN);
const median = (x: number[]) => { if (!x.length) return NaN; const s = [...x].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function fitOn(records: EcgRecord[], v: string, source: string): LeadTransform {
  const fit = new LeadTransformFit(inputsFor(v), outputsFor(v));
  for (const r of records) fit.add(r);
  return fit.solve(source);
}

interface Clinical { dQrs: number[]; dQt: number[]; dSt: number[] }
function clinicalEffect(original: EcgRecord, rebuilt: EcgRecord, estimated: string[], acc: Clinical) {
  const beats = detectBeats(original).samples;
  if (beats.length < 3) return;
  const a = measureEcg(original, beats), b = measureEcg(rebuilt, beats);
  if (a.qrsDurationMs !== null && b.qrsDurationMs !== null) acc.dQrs.push(Math.abs(a.qrsDurationMs - b.qrsDurationMs));
  if (a.qtMs !== null && b.qtMs !== null) acc.dQt.push(Math.abs(a.qtMs - b.qtMs));
  for (const lead of estimated) {
    const sa = a.leads.find((l) => l.lead === lead)?.amplitudes.stJ60Mv, sb = b.leads.find((l) => l.lead === lead)?.amplitudes.stJ60Mv;
    if (sa != null && sb != null) acc.dSt.push(1000 * Math.abs(sa - sb));
  }
}
const clinicalRow = (label: string, c: Clinical) => `| ${label} | ${c.dQrs.length} | ${mean(c.dQrs).toFixed(1)} | ${median(c.dQrs).toFixed(1)} | ${mean(c.dQt).toFixed(1)} | ${median(c.dQt).toFixed(1)} | ${mean(c.dSt).toFixed(0)} | ${median(c.dSt).toFixed(0)} |`;

async function main() {
  const t0 = process.hrtime.bigint();
  const rows = ptbRows();
  const ptb = new Map<number, EcgRecord>();
  for (const r of rows) ptb.set(r.id, keepLeads(await openRecord(join(PTBXL, `${r.file}.hea`)), [...PRECORDIAL, 'I', 'II']));
  const train = rows.filter((r) => r.fold <= 8).map((r) => ptb.get(r.id)!);
  const test = rows.filter((r) => r.fold >= 9);
  const ludb: EcgRecord[] = [];
  for (let i = 1; i <= 200; i++) ludb.push(keepLeads(await openRecord(join(LUDB, `${i}.hea`)), [...PRECORDIAL, 'I', 'II']));
  console.log(`PTB-XL ${train.length} training records (folds 1-8), ${test.length} test records (folds 9-10); LUDB ${ludb.length}\n`);

  const shipped = new Map<string, LeadTransform>();
  for (const v of SHIPPED_SETS) shipped.set(v, fitOn(train, v, 'generic: PTB-XL 1.0.3 ecg_id 1-350, strat_fold 1-8, 500 Hz'));

  console.log('| inputs -> estimated precordial leads | lead-records | r mean | r median | RMSE uV mean | RMSE uV median | r per lead (mean) |');
  console.log('|---|---|---|---|---|---|---|');
  const clinical = new Map<string, Clinical>();
  for (const v of SCORED_SETS) {
    const t = shipped.get(v)!;
    const ptbSum = new Summary(), ludbSum = new Summary(), cvSum = new Summary();
    const cl: Clinical = { dQrs: [], dQt: [], dSt: [] };
    for (const r of test) {
      const original = ptb.get(r.id)!;
      const rebuilt = applyLeadTransform(keepLeads(original, inputsFor(v)), t);
      ptbSum.add(scoreLeads(original, rebuilt, outputsFor(v)));
      if (!noClinical) clinicalEffect(original, rebuilt, outputsFor(v), cl);
    }
    clinical.set(v, cl);
    for (const original of ludb) ludbSum.add(scoreLeads(original, applyLeadTransform(keepLeads(original, inputsFor(v)), t), outputsFor(v)));
    for (let fold = 0; fold < 5; fold++) {
      const tf = fitOn(ludb.filter((_, i) => (i + 1) % 5 !== fold), v, `LUDB CV fold ${fold}`);
      ludb.forEach((original, i) => { if ((i + 1) % 5 === fold) cvSum.add(scoreLeads(original, applyLeadTransform(keepLeads(original, inputsFor(v)), tf), outputsFor(v))); });
    }
    console.log(ptbSum.row(`I, II, ${v}: PTB-XL folds 9-10 (fit folds 1-8)`));
    console.log(ludbSum.row(`I, II, ${v}: LUDB 200 (PTB-XL fit, other database)`));
    console.log(cvSum.row(`I, II, ${v}: LUDB record-wise 5-fold CV`));
  }

  // Patient-specific: every ordered pair of records of the same patient (fit on one, score the other).
  const byPatient = new Map<number, PtbRow[]>();
  for (const r of rows) byPatient.set(r.patient, [...(byPatient.get(r.patient) ?? []), r]);
  const pairs = [...byPatient.values()].filter((g) => g.length >= 2);
  console.log(`\nPatient-specific: ${pairs.length} PTB-XL patients with >= 2 records among ecg_id 1-350 (fit on one record, scored on each other record of the same patient); within-record: fit on the first 5 s, scored on the last 5 s (all 350 records).\n`);
  console.log('| inputs | model | lead-records | r mean | r median | RMSE uV mean | RMSE uV median | r per lead (mean) |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const v of SCORED_SETS) {
    const ps = new Summary(), generic = new Summary(), within = new Summary();
    for (const g of pairs) for (const a of g) for (const b of g) {
      if (a === b) continue;
      const fit = new LeadTransformFit(inputsFor(v), outputsFor(v));
      if (!fit.add(ptb.get(a.id)!)) continue;
      const recB = ptb.get(b.id)!;
      ps.add(scoreLeads(recB, applyLeadTransform(keepLeads(recB, inputsFor(v)), fit.solve(`patient ${a.patient}`)), outputsFor(v)));
      generic.add(scoreLeads(recB, applyLeadTransform(keepLeads(recB, inputsFor(v)), shipped.get(v)!), outputsFor(v)));
    }
    for (const rec of ptb.values()) {
      const half = Math.floor(rec.length / 2);
      const fit = new LeadTransformFit(inputsFor(v), outputsFor(v), { span: { startSample: 0, endSample: half } });
      if (!fit.add(rec)) continue;
      const t = fit.solve('first half');
      const rebuilt = applyLeadTransform(keepLeads(rec, inputsFor(v)), t);
      const second = { ...rec, length: rec.length - half, leads: rec.leads.map((l) => ({ ...l, samples: l.samples.subarray(half) })) };
      const rebuiltSecond = { ...rebuilt, length: rec.length - half, leads: rebuilt.leads.map((l) => ({ ...l, samples: l.samples.subarray(half) })) };
      within.add(scoreLeads(second, rebuiltSecond, outputsFor(v)));
    }
    console.log(`${ps.row(`I, II, ${v} | patient-specific (other record)`).replace(/^\| /, '| ')}`);
    console.log(generic.row(`I, II, ${v} | generic (PTB-XL folds 1-8; note: some of these records are in its training folds)`));
    console.log(within.row(`I, II, ${v} | within-record (first 5 s -> last 5 s)`));
  }

  if (!noClinical) {
    console.log('\nClinical effect, PTB-XL folds 9-10 (same beats; |original - reconstructed|):\n');
    console.log('| inputs | records | QRS ms mean | QRS ms median | QT ms mean | QT ms median | ST J+60 uV mean (estimated leads) | median |');
    console.log('|---|---|---|---|---|---|---|---|');
    for (const v of SCORED_SETS) console.log(clinicalRow(`I, II, ${v}`, clinical.get(v)!));
  }

  // Speed: applying one transform to a 10 s 12-lead record.
  const sample = ptb.get(test[0].id)!;
  const k = 200, t1 = process.hrtime.bigint();
  for (let i = 0; i < k; i++) applyLeadTransform(keepLeads(sample, inputsFor('V2')), shipped.get('V2')!);
  console.log(`\nreconstruct one 10 s record (I, II, V2 -> 12 leads): ${(Number(process.hrtime.bigint() - t1) / 1e6 / k).toFixed(3)} ms; bench total ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);

  if (write) {
    const body = [...shipped.entries()].map(([v, t]) => `  ${v}: ${JSON.stringify({ ...t, weights: t.weights.map((r) => r.map((w) => Number(w.toFixed(6)))) })},`).join('\n');
    writeFileSync('src/reconstruct/shippedLeadTransforms.ts', `// Generated by \`npx tsx bench/reconstruct.bench.ts --write\`; do not edit. Card: models/lead-reconstruction.md.
import type { LeadTransform } from './leadTransform.js';

/**
 * Generic transforms from I, II and one precordial lead (the key) to the other five precordial leads,
 * least squares on PTB-XL 1.0.3 ecg_id 1-350 strat_fold 1-8 at 500 Hz (folds 9-10 held back).
 */
export const SHIPPED_LEAD_TRANSFORMS: Readonly<Record<string, LeadTransform>> = {
${body}
};
`);
    console.log('wrote src/reconstruct/shippedLeadTransforms.ts');
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
