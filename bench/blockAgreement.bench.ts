/**
 * npm run bench:blocks — long-record mode against the whole-record analysis on the 48 MIT-BIH
 * records: each record analysed whole and in blocks (default 300 s cores + 30 s overlap, i.e. six
 * blocks per 30-min record so that every record crosses five block boundaries). Reports, per record
 * and gross, EC57 beat agreement of the block beats with the whole-record beats (whole = reference,
 * 150 ms window, all of the record), both against the reference annotations (EC57 from 5 min), the
 * beat classes of matched beats that agree, and the overlap of AF time.
 *
 * Usage: npx tsx bench/blockAgreement.bench.ts [--records 100,203] [--block-s 300] [--overlap-s 30]
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/analyze.js';
import { shippedModelStageOptions } from '../src/analyze/shippedModels.node.js';
import { analyzeInBlocks } from '../src/batch/analyzeInBlocks.js';
import { recordBlockSource } from '../src/batch/recordBlockSource.js';
import { compareBeats, referenceBeats } from '../src/eval/compareBeats.js';
import { openRecord } from '../src/io/openRecord.js';
import type { RhythmEpisode } from '../src/classify/rhythm/types.js';
import { MITDB } from '../test/dataPaths.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const names = arg('records')?.split(',') ?? readdirSync(MITDB).filter((f) => f.endsWith('.hea')).map((f) => f.slice(0, -4)).sort();
const blockS = Number(arg('block-s') ?? 300);
const overlapS = Number(arg('overlap-s') ?? 30);
const stageOptions = await shippedModelStageOptions();

const afSamples = (eps: RhythmEpisode[]) => eps.filter((e) => e.label === 'atrial_fibrillation').map((e) => [e.startSample, e.endSample] as const);
const overlapOf = (a: ReadonlyArray<readonly [number, number]>, b: ReadonlyArray<readonly [number, number]>) => {
  let s = 0;
  for (const [x0, x1] of a) for (const [y0, y1] of b) s += Math.max(0, Math.min(x1, y1) - Math.max(x0, y0));
  return s;
};
const len = (a: ReadonlyArray<readonly [number, number]>) => a.reduce((s, [x, y]) => s + y - x, 0);

let tp = 0, fn = 0, fp = 0, sameClass = 0, refTpW = 0, refFnW = 0, refFpW = 0, refTpB = 0, refFnB = 0, refFpB = 0, afW = 0, afB = 0, afBoth = 0;
let cpuWhole = 0, cpuBlocks = 0;
console.log(`\nlong-record mode vs whole record, ${new Date().toISOString()}, ${names.length} MIT-BIH records, blocks ${blockS} s + ${overlapS} s overlap\n`);
console.log('| record | whole beats | block beats | Se vs whole % | +P vs whole % | same class % | Se/+P whole vs atr | Se/+P blocks vs atr | AF s whole / blocks / both |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const n of names) {
  const rec = await openRecord(join(MITDB, `${n}.hea`));
  let c0 = process.cpuUsage();
  const whole = await analyze(rec, { only: ['quality', 'beats', 'beatClasses', 'rhythm'], stageOptions });
  let c = process.cpuUsage(c0);
  cpuWhole += (c.user + c.system) / 1e6;
  c0 = process.cpuUsage();
  const blocks = await analyzeInBlocks(recordBlockSource(rec), { blockS, overlapS, stageOptions });
  c = process.cpuUsage(c0);
  cpuBlocks += (c.user + c.system) / 1e6;
  const wBeats = (whole.results.beats as { samples: number[] }).samples;
  const wLabels = (whole.results.beatClasses as { labels: string[] } | null)?.labels ?? [];
  const cmp = compareBeats(n, wBeats, blocks.beatSamples, rec.fs, { startSample: 0 });
  tp += cmp.matched; fn += cmp.missed; fp += cmp.extra;
  // Class agreement over beats at the same sample.
  const at = new Map(wBeats.map((s, i) => [s, wLabels[i]]));
  let same = 0;
  blocks.beatSamples.forEach((s, i) => { if (at.has(s) && at.get(s) === blocks.beatClasses?.[i]) same++; });
  sameClass += same;
  const atr = rec.annotations.find((a) => a.annotator === 'atr')?.annotations ?? [];
  const ref = referenceBeats(atr, rec.length);
  const ec57 = { startSample: Math.round(300 * rec.fs), excluded: ref.excluded };
  const rw = compareBeats(n, ref.samples, wBeats, rec.fs, ec57);
  const rb = compareBeats(n, ref.samples, blocks.beatSamples, rec.fs, ec57);
  refTpW += rw.matched; refFnW += rw.missed; refFpW += rw.extra;
  refTpB += rb.matched; refFnB += rb.missed; refFpB += rb.extra;
  const aw = afSamples((whole.results.rhythm as { episodes: RhythmEpisode[] } | null)?.episodes ?? []);
  const ab = afSamples(blocks.episodes);
  afW += len(aw) / rec.fs; afB += len(ab) / rec.fs; afBoth += overlapOf(aw, ab) / rec.fs;
  const pct = (x: number | null) => (x === null ? '—' : x.toFixed(2));
  console.log(`| ${n} | ${wBeats.length} | ${blocks.beatSamples.length} | ${pct(cmp.sensitivityPct)} | ${pct(cmp.positivePredictivityPct)} | ${((100 * same) / Math.max(1, cmp.matched)).toFixed(2)} | ${pct(rw.sensitivityPct)}/${pct(rw.positivePredictivityPct)} | ${pct(rb.sensitivityPct)}/${pct(rb.positivePredictivityPct)} | ${(len(aw) / rec.fs).toFixed(0)} / ${(len(ab) / rec.fs).toFixed(0)} / ${(overlapOf(aw, ab) / rec.fs).toFixed(0)} |`);
}
const p = (a: number, b: number) => ((100 * a) / Math.max(1, a + b)).toFixed(3);
console.log(`\ngross: block beats vs whole-record beats Se ${p(tp, fn)} % +P ${p(tp, fp)} % (${fn} missed, ${fp} extra of ${tp + fn}); same class on ${p(sameClass, tp - sameClass)} % of matched beats`);
console.log(`gross vs reference (EC57, from 5 min): whole Se ${p(refTpW, refFnW)} +P ${p(refTpW, refFpW)}; blocks Se ${p(refTpB, refFnB)} +P ${p(refTpB, refFpB)}`);
console.log(`AF time: whole ${afW.toFixed(0)} s, blocks ${afB.toFixed(0)} s, both ${afBoth.toFixed(0)} s (${((100 * afBoth) / Math.max(1, afW)).toFixed(1)} % of whole, ${((100 * afBoth) / Math.max(1, afB)).toFixed(1)} % of blocks)`);
console.log(`CPU: whole ${cpuWhole.toFixed(1)} s, blocks ${cpuBlocks.toFixed(1)} s`);
