/**
 * MIT-BIH inter-patient beat classification (de Chazal 2004 split): models trained on DS1 only,
 * scored here on DS2 (paced records excluded), at the reference beat positions, for the feature
 * baseline and the CNN. Prints EC57 class statistics (VEB, SVEB Se/+P, gross and average), the
 * confusion matrix and macro F1, and the CPU time to classify every beat of each 30-min record.
 *
 *   npm run bench:classify     (or: npx tsx bench/beatClasses.bench.ts)
 */
import { nodeFileSource } from '../src/io/nodeFileSource.js';
import { readWfdbRecord } from '../src/io/wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../src/io/wfdb/readAnnotations.js';
import { classifyBeats } from '../src/classify/classifyBeats.js';
import { BEAT_CLASSES } from '../src/classify/features/layout.js';
import { referenceBeats } from '../src/classify/referenceBeats.js';
import { nodeModelRunner } from '../src/classify/onnx/onnxRunner.node.js';
import { beatCnnModel } from '../src/classify/beatCnn.js';
import { MITDB } from '../test/dataPaths.js';

const DS2 = [100, 103, 105, 111, 113, 117, 121, 123, 200, 202, 210, 212, 213, 214, 219, 221, 222, 228, 231, 232, 233, 234];
const K = BEAT_CLASSES.length;
type Method = 'features' | 'cnn';
const methods: Method[] = ['features', 'cnn'];
const runner = nodeModelRunner({ threads: 1 });
await beatCnnModel(runner); // load once, outside the timing

const total: Record<Method, number[][]> = { features: zeros(), cnn: zeros() };
const perRecord: Record<Method, { rec: number; m: number[][] }[]> = { features: [], cnn: [] };
const cpuMs: Record<Method, number[]> = { features: [], cnn: [] };
const source = nodeFileSource(MITDB);
for (const r of DS2) {
  const rec = await readWfdbRecord(String(r), source);
  rec.annotations = await readWfdbAnnotationSets(String(r), ['atr'], source);
  const ref = referenceBeats(rec)!;
  for (const method of methods) {
    const c0 = process.cpuUsage();
    const res = await classifyBeats(rec, ref.samples, { method, runner });
    const c = process.cpuUsage(c0);
    cpuMs[method].push((c.user + c.system) / 1000);
    const m = zeros();
    for (let i = 0; i < ref.classes.length; i++) m[BEAT_CLASSES.indexOf(ref.classes[i])][BEAT_CLASSES.indexOf(res.labels[i])]++;
    perRecord[method].push({ rec: r, m });
    for (let a = 0; a < K; a++) for (let b = 0; b < K; b++) total[method][a][b] += m[a][b];
  }
  process.stderr.write(`${r} `);
}
process.stderr.write('\n');

console.log(`\nMIT-BIH DS2 (${DS2.length} records, paced excluded), reference beat positions, trained on DS1 only`);
console.log('EC57 rules: a reference F or Q beat called V is not a VEB false positive; a reference Q called S is not an SVEB false positive.\n');
console.log('| method | VEB Se | VEB +P | SVEB Se | SVEB +P | VEB Se avg | VEB +P avg | SVEB Se avg | SVEB +P avg | macro F1 (N,S,V,F) | CPU ms/record median (max) |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const method of methods) {
  const g = total[method];
  const veb = ec57(g, 2), sveb = ec57(g, 1);
  const avg = (cls: number) => {
    const st = perRecord[method].map((x) => ec57(x.m, cls));
    return [mean(st.filter((s) => s.refs > 0).map((s) => s.se)), mean(st.filter((s) => s.dets > 0).map((s) => s.ppv))];
  };
  const [vSeA, vPA] = avg(2), [sSeA, sPA] = avg(1);
  const cpu = [...cpuMs[method]].sort((a, b) => a - b);
  console.log(`| ${method} | ${pct(veb.se)} | ${pct(veb.ppv)} | ${pct(sveb.se)} | ${pct(sveb.ppv)} | ${pct(vSeA)} | ${pct(vPA)} | ${pct(sSeA)} | ${pct(sPA)} | ${macroF1(g).toFixed(3)} | ${cpu[cpu.length >> 1].toFixed(0)} (${cpu[cpu.length - 1].toFixed(0)}) |`);
}
for (const method of methods) {
  console.log(`\nConfusion matrix, ${method} (rows reference, columns predicted):`);
  console.log(`| ref \\ pred | ${BEAT_CLASSES.join(' | ')} | total |`);
  console.log(`|---|${BEAT_CLASSES.map(() => '---|').join('')}---|`);
  total[method].forEach((row, a) => console.log(`| ${BEAT_CLASSES[a]} | ${row.join(' | ')} | ${row.reduce((s, v) => s + v, 0)} |`));
}
console.log('\nPer record (VEB Se/+P, SVEB Se/+P), cnn:');
console.log(perRecord.cnn.map((x) => { const v = ec57(x.m, 2), s = ec57(x.m, 1); return `${x.rec}: V ${pct(v.se)}/${pct(v.ppv)} (${v.refs}) S ${pct(s.se)}/${pct(s.ppv)} (${s.refs})`; }).join('\n'));

function zeros(): number[][] {
  return Array.from({ length: K }, () => new Array(K).fill(0));
}
/** Se and +P of class `cls` (1 = S, 2 = V) under the EC57 exclusions. */
function ec57(m: number[][], cls: number) {
  const tp = m[cls][cls];
  const refs = m[cls].reduce((s, v) => s + v, 0);
  let fp = 0;
  for (let a = 0; a < K; a++) {
    if (a === cls) continue;
    if (cls === 2 && (a === 3 || a === 4)) continue;
    if (cls === 1 && a === 4) continue;
    fp += m[a][cls];
  }
  return { se: refs ? tp / refs : NaN, ppv: tp + fp ? tp / (tp + fp) : NaN, refs, dets: tp + fp };
}
function macroF1(m: number[][]): number {
  const f: number[] = [];
  for (let c = 0; c < 4; c++) {
    const tp = m[c][c];
    const refs = m[c].reduce((s, v) => s + v, 0);
    const dets = m.reduce((s, row) => s + row[c], 0);
    f.push(tp === 0 ? 0 : (2 * tp) / (refs + dets));
  }
  return mean(f);
}
function mean(v: number[]): number {
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : NaN;
}
function pct(x: number): string {
  return Number.isFinite(x) ? (100 * x).toFixed(1) : '-';
}
