/**
 * npm run bench:holter-blocks — long-record mode at Holter scale, in bounded memory. The recording
 * is never whole in memory: a block source reads it part by part.
 *  - `--lead2` (default): 24 h two-lead, the 48 MIT-BIH records (30 min, 360 Hz) end to end, as
 *    bench:holter builds it, each part opened when a block reaches it.
 *  - `--synthetic12`: 24 h 12-lead at 500 Hz, the 350 PTB-XL 500 Hz records (10 s each) tiled end to
 *    end in order, again and again (real 12-lead ECG; the joins are abrupt, as electrode swaps are).
 * Prints wall and CPU seconds, peak RSS, blocks, beats and the Holter summary; with --lead2 also the
 * beats against the concatenated reference annotations (EC57 150 ms window, all of the record).
 *
 * Usage: npx tsx bench/holterBlocks.bench.ts [--synthetic12] [--hours 24] [--block-s 600] [--overlap-s 30]
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { shippedModelStageOptions } from '../src/analyze/shippedModels.node.js';
import { analyzeInBlocks } from '../src/batch/analyzeInBlocks.js';
import type { BlockSource } from '../src/batch/recordBlockSource.js';
import { compareBeats, referenceBeats } from '../src/eval/compareBeats.js';
import { openRecord } from '../src/io/openRecord.js';
import type { EcgRecord } from '../src/record/types.js';
import { MITDB, PTBXL } from '../test/dataPaths.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const synthetic = process.argv.includes('--synthetic12');
const hours = Number(arg('hours') ?? 24);
const blockS = Number(arg('block-s') ?? 600);
const overlapS = Number(arg('overlap-s') ?? 30);

/**
 * A block source over parts laid end to end (part i of `partLength(i)` samples), repeating the part
 * list until `lengthSamples`; keeps at most two parts open.
 */
function concatenatedSource(name: string, fsHz: number, leadNames: string[], paths: string[], partLengths: number[], lengthSamples: number, pick: (r: EcgRecord) => Float32Array[]): BlockSource {
  const starts: number[] = [];
  const cache = new Map<string, Float32Array[]>();
  const cycle = partLengths.reduce((s, x) => s + x, 0);
  for (let i = 0, at = 0; i < partLengths.length; at += partLengths[i], i++) starts.push(at);
  const part = async (i: number) => {
    let leads = cache.get(paths[i]);
    if (!leads) {
      leads = pick(await openRecord(paths[i]));
      if (cache.size >= 2) cache.delete(cache.keys().next().value!);
      cache.set(paths[i], leads);
    }
    return leads;
  };
  return {
    name, fsHz, lengthSamples, leadNames,
    async read(a, b) {
      const out = leadNames.map(() => new Float32Array(b - a));
      for (let s = a; s < b;) {
        const c = Math.floor(s / cycle), within = s - c * cycle;
        let i = starts.length - 1;
        while (starts[i] > within) i--;
        const from = within - starts[i];
        const n = Math.min(partLengths[i] - from, b - s);
        const leads = await part(i);
        leads.forEach((x, k) => out[k].set(x.subarray(from, from + n), s - a));
        s += n;
      }
      return out;
    },
  };
}

let source: BlockSource;
let reference: { beats: number[]; excluded: Array<[number, number]> } | null = null;
if (!synthetic) {
  const names = readdirSync(MITDB).filter((f) => f.endsWith('.hea')).map((f) => f.slice(0, -4)).sort();
  const paths = names.map((n) => join(MITDB, `${n}.hea`));
  // Part lengths and reference beats from the headers and annotations, one record at a time.
  const lengths: number[] = [];
  const beats: number[] = [];
  const excluded: Array<[number, number]> = [];
  let at = 0;
  for (const p of paths) {
    const r = await openRecord(p);
    lengths.push(r.length);
    const ref = referenceBeats(r.annotations.find((x) => x.annotator === 'atr')?.annotations ?? [], r.length);
    for (const s of ref.samples) beats.push(s + at);
    for (const [x, y] of ref.excluded) excluded.push([x + at, y + at]);
    at += r.length;
  }
  const total = Math.min(at, Math.round(hours * 3600 * 360));
  reference = { beats: beats.filter((s) => s < total), excluded };
  source = concatenatedSource(`mitdb-48x30min`, 360, ['ch1', 'ch2'], paths, lengths, total, (r) => [r.leads[0].samples, r.leads[1].samples]);
} else {
  const dir = join(PTBXL, 'records500');
  const paths = readdirSync(dir).flatMap((d) => readdirSync(join(dir, d)).filter((f) => f.endsWith('.hea')).map((f) => join(dir, d, f))).sort();
  const names = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'];
  source = concatenatedSource('ptbxl-500Hz-tiled', 500, names, paths, paths.map(() => 5000), Math.round(hours * 3600 * 500), (r) => names.map((n) => r.leads.find((l) => l.name === n)!.samples));
}

const stageOptions = await shippedModelStageOptions();
const c0 = process.cpuUsage();
const t0 = performance.now();
const a = await analyzeInBlocks(source, { blockS, overlapS, stageOptions });
const wallS = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(`\nlong-record mode, ${new Date().toISOString()}: ${source.name}, ${(a.durationS / 3600).toFixed(2)} h, ${source.leadNames.length} leads, ${source.fsHz} Hz; blocks ${blockS} s + ${overlapS} s overlap\n`);
console.log('| hours | leads | Hz | blocks | wall s | CPU s | peak RSS MB | beats | AF burden % | PVCs | notes |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
console.log(`| ${(a.durationS / 3600).toFixed(2)} | ${source.leadNames.length} | ${source.fsHz} | ${a.blocks} | ${wallS.toFixed(1)} | ${((cpu.user + cpu.system) / 1e6).toFixed(1)} | ${peakRssMb.toFixed(0)} | ${a.beatSamples.length} | ${a.holter.afBurdenPct} | ${a.holter.pvcCount} | ${a.notes.length} |`);
if (reference) {
  const c = compareBeats(source.name, reference.beats, a.beatSamples, source.fsHz, { startSample: 0, excluded: reference.excluded });
  console.log(`\nbeats vs the concatenated reference: Se ${c.sensitivityPct?.toFixed(2)} % +P ${c.positivePredictivityPct?.toFixed(2)} % (${c.missed} missed, ${c.extra} extra)`);
}
