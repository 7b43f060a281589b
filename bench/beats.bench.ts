/*
 * Beat detection benchmark (issue 3): `npm run bench:beats [-- --only mitdb,rates,stress,ludb,speed] [--records ds1|ds2|all]`
 * - MIT-BIH, 48 records, EC57 test period (5 min to the end, flutter episodes left out), both leads fused.
 * - The same records resampled to 125, 250, 500 and 1000 Hz.
 * - NSTDB-style stress: 118 and 119 with `em` noise at 24, 18, 12, 6, 0, -6 dB, added as the NSTDB
 *   describes (2-min noise blocks alternating with 2-min clean blocks from 5 min on; SNR from the
 *   median QRS peak-to-peak amplitude, S = pp^2 / 8, N = noise mean square).
 * - LUDB, 200 records, 12 leads fused, lead II QRS marks inside its annotated span.
 * - Speed: CPU time per hour of single-lead ECG at 360 Hz (detection only, and with file decoding),
 *   and fusion cost against the lead count.
 * Prints tables; nothing is written.
 */
import { readWfdbRecord } from '../src/io/wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../src/io/wfdb/readAnnotations.js';
import { nodeFileSource } from '../src/io/nodeFileSource.js';
import { detectBeats, detectBeatsInSignal, StreamingBeatDetector } from '../src/beats/index.js';
import { compareBeats, referenceBeats, formatBeatComparisonTable, summarizeBeatComparisons, nstStressMixture, type BeatComparison } from '../src/eval/index.js';
import { aamiClass } from '../src/io/wfdb/annotationCodes.js';
import { resample } from '../src/dsp/index.js';
import { MITDB, LUDB, NSTDB } from '../test/dataPaths.js';
import type { EcgRecord } from '../src/record/types.js';

const ALL = '100 101 102 103 104 105 106 107 108 109 111 112 113 114 115 116 117 118 119 121 122 123 124 200 201 202 203 205 207 208 209 210 212 213 214 215 217 219 220 221 222 223 228 230 231 232 233 234'.split(' ');
const DS1 = '101 106 108 109 112 114 115 116 118 119 122 124 201 203 205 207 208 209 215 220 223 230'.split(' ');
const DS2 = '100 103 105 111 113 117 121 123 200 202 210 212 213 214 219 221 222 228 231 232 233 234'.split(' ');

const args = process.argv.slice(2);
const argOf = (k: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
const only = new Set((argOf('--only') ?? 'mitdb,rates,stress,ludb,speed').split(','));
const recSet = argOf('--records');
const RECORDS = recSet === 'ds1' ? DS1 : recSet === 'ds2' ? DS2 : recSet ? recSet.split(',') : ALL;

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const f2 = (v: number | null) => (v === null ? '-' : v.toFixed(2));
const median = (xs: number[]) => { const s = xs.slice().sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };

interface Loaded { rec: EcgRecord; ref: ReturnType<typeof referenceBeats>; readCpuMs: number }
const cache = new Map<string, Loaded>();
async function loadMit(name: string): Promise<Loaded> {
  const hit = cache.get(name);
  if (hit) return hit;
  const src = nodeFileSource(MITDB);
  const t0 = cpuMs();
  const rec = await readWfdbRecord(name, src);
  const readCpuMs = cpuMs() - t0;
  const [atr] = await readWfdbAnnotationSets(name, ['atr'], src);
  const l = { rec: { ...rec, annotations: [atr] }, ref: referenceBeats(atr.annotations, rec.length), readCpuMs };
  cache.set(name, l);
  return l;
}
const ec57 = (name: string, ref: Loaded['ref'], test: Int32Array, fs: number, scale = 1) =>
  compareBeats(name, Int32Array.from(ref.samples, (s) => Math.round(s * scale)), test, fs, {
    startSample: Math.round(300 * fs),
    excluded: ref.excluded.map(([a, b]) => [Math.round(a * scale), Math.round(b * scale)] as [number, number]),
  });

const summaryLine = (label: string, rs: BeatComparison[]) => {
  const s = summarizeBeatComparisons(rs);
  return `| ${label} | ${s.matched} | ${s.missed} | ${s.extra} | ${f2(s.grossSensitivityPct)} | ${f2(s.grossPositivePredictivityPct)} | ${f2(s.averageSensitivityPct)} | ${f2(s.averagePositivePredictivityPct)} |`;
};
const summaryHeader = '| set | TP | FN | FP | gross Se % | gross +P % | average Se % | average +P % |\n|---|---|---|---|---|---|---|---|';

console.log(`# sinus bench:beats  ${new Date().toISOString()}  node ${process.version}`);

if (only.has('mitdb')) {
  const results: BeatComparison[] = [];
  let detCpu = 0, readCpu = 0, hours = 0, refractoryViolations = 0;
  for (const name of RECORDS) {
    const { rec, ref, readCpuMs } = await loadMit(name);
    const t0 = cpuMs();
    const det = detectBeats(rec);
    detCpu += cpuMs() - t0;
    for (let i = 1; i < det.samples.length; i++) if (det.samples[i] - det.samples[i - 1] < 0.2 * rec.fs) refractoryViolations++;
    readCpu += readCpuMs;
    hours += rec.length / rec.fs / 3600;
    results.push(ec57(name, ref, det.samples, rec.fs));
  }
  console.log(`\n## MIT-BIH (${RECORDS.length} records, 2 leads fused, EC57 test period from 5 min, VF/flutter excluded)\n`);
  console.log(formatBeatComparisonTable(results));
  console.log(`\n${summaryHeader}\n${summaryLine('MIT-BIH', results)}`);
  const ds = (set: string[]) => results.filter((r) => set.includes(r.record));
  if (RECORDS === ALL) console.log(`${summaryLine('DS1 (tuning)', ds(DS1))}\n${summaryLine('DS2', ds(DS2))}\n${summaryLine('paced 102 104 107 217', ds(['102', '104', '107', '217']))}`);
  console.log(`\nCPU: detection ${(detCpu / 1000).toFixed(2)} s for ${hours.toFixed(2)} h of 2-lead ECG = ${(detCpu / 1000 / hours).toFixed(3)} CPU s per hour (real-time factor ${Math.round((hours * 3600) / (detCpu / 1000))}x); file decoding adds ${(readCpu / 1000 / hours).toFixed(3)} CPU s per hour`);
  console.log(`beat pairs closer than 200 ms: ${refractoryViolations}`);
}

if (only.has('rates')) {
  console.log('\n## MIT-BIH resampled (both leads, windowed-sinc resampling; reference beats moved to the new rate)\n');
  console.log(summaryHeader);
  for (const fs of [125, 250, 500, 1000]) {
    const results: BeatComparison[] = [];
    for (const name of RECORDS) {
      const { rec, ref } = await loadMit(name);
      const leads = rec.leads.map((l) => ({ ...l, samples: resample(l.samples, rec.fs, fs) }));
      const r2: EcgRecord = { ...rec, fs, leads, length: leads[0].samples.length };
      results.push(ec57(name, ref, detectBeats(r2).samples, fs, fs / rec.fs));
    }
    const worst = results.filter((r) => (r.sensitivityPct ?? 100) < 99 || (r.positivePredictivityPct ?? 100) < 99).map((r) => `${r.record} ${f2(r.sensitivityPct)}/${f2(r.positivePredictivityPct)}`);
    console.log(summaryLine(`${fs} Hz`, results) + (worst.length ? ` below 99: ${worst.join(', ')}` : ''));
  }
}

/** Reference beats of AAMI class N (what sigamp measures the signal on). */
function normalBeatSamples(rec: EcgRecord): number[] {
  const atr = rec.annotations.find((a) => a.annotator === 'atr')?.annotations ?? [];
  return atr.filter((a) => aamiClass(a.code) === 'N').map((a) => a.sample);
}

if (only.has('stress')) {
  console.log('\n## NSTDB-style stress: 118 and 119 + em noise (2-min blocks from 5 min), EC57 from 5 min\n');
  const noise = await readWfdbRecord('em', nodeFileSource(NSTDB));
  console.log('| SNR dB | TP | FN | FP | Se % | +P % | 118 Se/+P | 119 Se/+P |\n|---|---|---|---|---|---|---|---|');
  for (const snr of [24, 18, 12, 6, 0, -6]) {
    const results: BeatComparison[] = [];
    for (const name of ['118', '119']) {
      const { rec, ref } = await loadMit(name);
      // NSTDB normal beats give the signal amplitude, as sigamp does for nst.
      const normals = normalBeatSamples(rec);
      const leads = rec.leads.map((l, k) => ({
        ...l,
        samples: nstStressMixture(l.samples, noise.leads[k % noise.leads.length].samples, rec.fs, normals, snr, { startSample: 300 * rec.fs, blockSamples: 120 * rec.fs }),
      }));
      results.push(ec57(name, ref, detectBeats({ ...rec, leads }).samples, rec.fs));
    }
    const s = summarizeBeatComparisons(results);
    console.log(`| ${snr} | ${s.matched} | ${s.missed} | ${s.extra} | ${f2(s.grossSensitivityPct)} | ${f2(s.grossPositivePredictivityPct)} | ${results.map((r) => `${f2(r.sensitivityPct)}/${f2(r.positivePredictivityPct)}`).join(' | ')} |`);
  }
}

if (only.has('ludb')) {
  const results: BeatComparison[] = [];
  let hardest: string[] = [];
  const src = nodeFileSource(LUDB);
  for (let i = 1; i <= 200; i++) {
    const name = String(i);
    const rec = await readWfdbRecord(name, src);
    const [ann] = await readWfdbAnnotationSets(name, ['ii'], src);
    const marks = ann.annotations;
    const qrs = marks.filter((a) => a.code === 'N').map((a) => a.sample);
    const det = detectBeats(rec);
    const c = compareBeats(name, qrs, det.samples, rec.fs, { startSample: marks[0].sample, endSample: marks[marks.length - 1].sample + 1 });
    if (c.missed + c.extra > 0) hardest.push(`${name} (${c.missed} FN, ${c.extra} FP)`);
    results.push(c);
  }
  console.log(`\n## LUDB (200 records, 12 leads fused, lead II QRS marks inside its annotated span)\n\n${summaryHeader}\n${summaryLine('LUDB', results)}`);
  console.log(`records with errors: ${hardest.length ? hardest.join(', ') : 'none'}`);
}

if (only.has('speed')) {
  console.log('\n## Speed (one core, in-process)\n');
  const names = RECORDS.slice(0, 12);
  const lead0: Float32Array[] = [];
  let readCpu = 0, hours = 0;
  for (const name of names) {
    const { rec, readCpuMs } = await loadMit(name);
    lead0.push(rec.leads[0].samples);
    readCpu += readCpuMs / rec.leads.length;
    hours += rec.length / rec.fs / 3600;
  }
  const perHour: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    const t0 = cpuMs();
    for (const x of lead0) detectBeatsInSignal(x, 360);
    perHour.push((cpuMs() - t0) / 1000 / hours);
  }
  const det1 = median(perHour);
  console.log(`single lead, 360 Hz, ${names.length} records (${hours.toFixed(1)} h): median of 5 runs ${det1.toFixed(3)} CPU s per hour of ECG (${Math.round(3600 / det1)}x real time); with file decoding (per lead share) ${(det1 + readCpu / 1000 / hours).toFixed(3)} CPU s per hour`);
  const x = lead0[0];
  const rows: string[] = [];
  for (const leads of [1, 2, 4, 8, 12]) {
    const chans = Array.from({ length: leads }, (_, k) => (k === 0 ? x : Float32Array.from(x, (v, i) => v * (1 + 0.1 * k) + 0.01 * Math.sin(i * k))));
    const times: number[] = [];
    for (let rep = 0; rep < 3; rep++) {
      const t0 = cpuMs();
      const d = new StreamingBeatDetector(360, leads);
      d.push(chans);
      d.finish();
      times.push(cpuMs() - t0);
    }
    rows.push(`| ${leads} | ${(median(times) / 1000 / (x.length / 360 / 3600)).toFixed(3)} |`);
  }
  console.log(`\n| leads fused | CPU s per hour of ECG |\n|---|---|\n${rows.join('\n')}`);
}
