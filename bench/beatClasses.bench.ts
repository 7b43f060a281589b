/**
 * MIT-BIH inter-patient beat classification (de Chazal 2004 split): models trained on DS1 only,
 * scored here on DS2 (paced records excluded), at the reference beat positions, for the feature
 * baseline, the CNN and the feature MLP. Prints EC57 class statistics (VEB, SVEB Se/+P, gross and average), the
 * confusion matrix and macro F1, and the CPU time to classify every beat of each 30-min record.
 * A second pass classifies the beats found by the project's QRS detector (detectBeats), matched to
 * the reference within 150 ms (EC57): missed reference beats count against Se, extra detections
 * called V or S against +P.
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
import { detectBeats } from '../src/beats/detectBeats.js';
import { MITDB } from '../test/dataPaths.js';

const DS2 = [100, 103, 105, 111, 113, 117, 121, 123, 200, 202, 210, 212, 213, 214, 219, 221, 222, 228, 231, 232, 233, 234];
const K = BEAT_CLASSES.length;
type Method = 'features' | 'cnn' | 'mlp';
const methods: Method[] = ['features', 'cnn', 'mlp'];
const runner = nodeModelRunner({ threads: 1 });
await beatCnnModel(runner); // load once, outside the timing

interface Tally { m: number[][]; missed: number[]; extra: number[] }
const tally = (): Tally => ({ m: zeros(), missed: new Array(K).fill(0), extra: new Array(K).fill(0) });
const add = (into: Tally, t: Tally) => {
  for (let a = 0; a < K; a++) {
    into.missed[a] += t.missed[a];
    into.extra[a] += t.extra[a];
    for (let b = 0; b < K; b++) into.m[a][b] += t.m[a][b];
  }
};
const total: Record<Method, Tally> = { features: tally(), cnn: tally(), mlp: tally() };
const detected: Record<Method, Tally> = { features: tally(), cnn: tally(), mlp: tally() };
const perRecord: Record<Method, { rec: number; m: Tally }[]> = { features: [], cnn: [], mlp: [] };
const cpuMs: Record<Method, number[]> = { features: [], cnn: [], mlp: [] };
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
    const t = tally();
    for (let i = 0; i < ref.classes.length; i++) t.m[BEAT_CLASSES.indexOf(ref.classes[i])][BEAT_CLASSES.indexOf(res.labels[i])]++;
    perRecord[method].push({ rec: r, m: t });
    add(total[method], t);
  }
  const det = detectBeats(rec).samples;
  const win = Math.round(0.15 * rec.fs);
  for (const method of methods) {
    const res = await classifyBeats(rec, det, { method, runner });
    const t = tally();
    const used = new Uint8Array(det.length);
    let j = 0;
    for (let i = 0; i < ref.samples.length; i++) {
      const s0 = ref.samples[i];
      while (j < det.length && det[j] < s0 - win) j++;
      let best = -1;
      for (let k = j; k < det.length && det[k] <= s0 + win; k++) if (!used[k] && (best < 0 || Math.abs(det[k] - s0) < Math.abs(det[best] - s0))) best = k;
      const a = BEAT_CLASSES.indexOf(ref.classes[i]);
      if (best < 0) t.missed[a]++;
      else { used[best] = 1; t.m[a][BEAT_CLASSES.indexOf(res.labels[best])]++; }
    }
    for (let k = 0; k < det.length; k++) if (!used[k]) t.extra[BEAT_CLASSES.indexOf(res.labels[k])]++;
    add(detected[method], t);
  }
  process.stderr.write(`${r} `);
}
process.stderr.write('\n');

console.log(`\nMIT-BIH DS2 (${DS2.length} records, paced excluded), reference beat positions, trained on DS1 only`);
console.log('EC57 rules: a reference F or Q beat called V is not a VEB false positive; a reference Q called S is not an SVEB false positive.\n');
console.log('| method | VEB Se | VEB +P | SVEB Se | SVEB +P | VEB Se avg | VEB +P avg | SVEB Se avg | SVEB +P avg | macro F1 (N,S,V,F) | CPU ms/record median (max) |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
const detectedRows: string[] = [];
for (const method of methods) {
  const g = total[method];
  const veb = ec57(g, 2), sveb = ec57(g, 1);
  const d = detected[method];
  const vebD = ec57(d, 2), svebD = ec57(d, 1);
  detectedRows.push(`| ${method} @ detected beats | ${pct(vebD.se)} | ${pct(vebD.ppv)} | ${pct(svebD.se)} | ${pct(svebD.ppv)} | ${d.missed.reduce((x, y) => x + y, 0)} | ${d.extra.reduce((x, y) => x + y, 0)} | ${macroF1(d.m).toFixed(3)} |`);
  const avg = (cls: number) => {
    const st = perRecord[method].map((x) => ec57(x.m, cls));
    return [mean(st.filter((s) => s.refs > 0).map((s) => s.se)), mean(st.filter((s) => s.dets > 0).map((s) => s.ppv))];
  };
  const [vSeA, vPA] = avg(2), [sSeA, sPA] = avg(1);
  const cpu = [...cpuMs[method]].sort((a, b) => a - b);
  console.log(`| ${method} | ${pct(veb.se)} | ${pct(veb.ppv)} | ${pct(sveb.se)} | ${pct(sveb.ppv)} | ${pct(vSeA)} | ${pct(vPA)} | ${pct(sSeA)} | ${pct(sPA)} | ${macroF1(g.m).toFixed(3)} | ${cpu[cpu.length >> 1].toFixed(0)} (${cpu[cpu.length - 1].toFixed(0)}) |`);
}
console.log('\nAt the beats found by detectBeats (matched within 150 ms):\n');
console.log('| method | VEB Se | VEB +P | SVEB Se | SVEB +P | reference beats missed | extra detections | macro F1 (matched) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const row of detectedRows) console.log(row);
for (const method of methods) {
  console.log(`\nConfusion matrix, ${method} (rows reference, columns predicted):`);
  console.log(`| ref \\ pred | ${BEAT_CLASSES.join(' | ')} | total |`);
  console.log(`|---|${BEAT_CLASSES.map(() => '---|').join('')}---|`);
  total[method].m.forEach((row, a) => console.log(`| ${BEAT_CLASSES[a]} | ${row.join(' | ')} | ${row.reduce((s, v) => s + v, 0)} |`));
}
for (const method of ['cnn', 'mlp'] as const) {
console.log(`\nPer record (VEB Se/+P, SVEB Se/+P), ${method}:`);
console.log(perRecord[method].map((x) => { const v = ec57(x.m, 2), s = ec57(x.m, 1); return `${x.rec}: V ${pct(v.se)}/${pct(v.ppv)} (${v.refs}) S ${pct(s.se)}/${pct(s.ppv)} (${s.refs})`; }).join('\n'));
}

function zeros(): number[][] {
  return Array.from({ length: K }, () => new Array(K).fill(0));
}
/** Se and +P of class `cls` (1 = S, 2 = V) under the EC57 exclusions. */
function ec57(t: Tally, cls: number) {
  const m = t.m;
  const tp = m[cls][cls];
  const refs = m[cls].reduce((s, v) => s + v, 0) + t.missed[cls];
  let fp = t.extra[cls];
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
