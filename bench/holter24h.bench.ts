/**
 * npm run bench:holter — a 24 h two-lead Holter through the whole pipeline, as the CLI runs it
 * (shipped models). The recording is the 48 MIT-BIH records (30 min each, 360 Hz) laid end to end,
 * their first two leads: 24 h of real ECG with every kind of beat and rhythm the database holds.
 * Prints wall and CPU time, peak memory, per-stage time, and the beat and rhythm figures against
 * the concatenated reference annotations (a sanity check at Holter scale: the per-record accuracy
 * figures are in bench:beats and bench:classify).
 *
 * Usage: npx tsx bench/holter24h.bench.ts [--records 100,101,...]
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { analyze } from '../src/analyze.js';
import { shippedModelStageOptions } from '../src/analyze/shippedModels.node.js';
import { openRecord } from '../src/io/openRecord.js';
import { compareBeats, referenceBeats } from '../src/eval/compareBeats.js';
import { rhythmSpansFromAnnotations, type Span } from '../src/eval/rhythmEpisodeScores.js';
import type { Annotation, EcgRecord } from '../src/record/types.js';
import { MITDB } from '../test/dataPaths.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const names = arg('records')?.split(',') ?? readdirSync(MITDB).filter((f) => f.endsWith('.hea')).map((f) => f.slice(0, -4)).sort();

// Build the day-long record: first two leads of each record, annotations shifted by the record's start.
const parts: EcgRecord[] = [];
for (const n of names) parts.push(await openRecord(join(MITDB, `${n}.hea`)));
const fsHz = parts[0].fs;
if (parts.some((p) => p.fs !== fsHz || p.leads.length < 2)) throw new Error('every record must have 2+ leads at the same rate');
const length = parts.reduce((s, p) => s + p.length, 0);
const lead = (k: number) => {
  const x = new Float32Array(length);
  let at = 0;
  for (const p of parts) { x.set(p.leads[k].samples, at); at += p.length; }
  return x;
};
const starts: Array<{ name: string; startSample: number; length: number }> = [];
const refBeats: number[] = [];
const refExcluded: Array<[number, number]> = [];
const refAf: Span[] = [];
let refV = 0;
let offset = 0;
for (const p of parts) {
  const atr: Annotation[] = p.annotations.find((a) => a.annotator === 'atr')?.annotations ?? [];
  const ref = referenceBeats(atr, p.length);
  for (const s of ref.samples) refBeats.push(s + offset);
  for (const [a, b] of ref.excluded) refExcluded.push([a + offset, b + offset]);
  for (const s of rhythmSpansFromAnnotations(atr, p.length).get('(AFIB') ?? []) refAf.push({ startSample: s.startSample + offset, endSample: s.endSample + offset });
  refV += atr.filter((a) => a.code === 'V').length;
  starts.push({ name: p.name, startSample: offset, length: p.length });
  offset += p.length;
}
const holter: EcgRecord = {
  name: `mitdb-${names.length}x30min`,
  fs: fsHz,
  length,
  leads: [0, 1].map((k) => ({ name: k === 0 ? 'ch1' : 'ch2', originalName: k === 0 ? 'ch1' : 'ch2', samples: lead(k), info: { gain: 200, baseline: 0, units: 'mV' } })),
  annotations: [],
  metadata: {},
};
parts.length = 0;

const stageOptions = await shippedModelStageOptions();
const load = loadavg()[0];
const c0 = process.cpuUsage();
const t0 = performance.now();
const a = await analyze(holter, { stageOptions });
const wallMs = performance.now() - t0;
const cpu = process.cpuUsage(c0);
const peakRssMb = process.resourceUsage().maxRSS / 1024;

const hours = length / fsHz / 3600;
console.log(`\n24 h Holter bench, ${new Date().toISOString()}, ${names.length} MIT-BIH records end to end = ${hours.toFixed(2)} h, 2 leads, ${fsHz} Hz; load avg ${load.toFixed(1)} at start\n`);
console.log('| hours | wall s | CPU s | wall s per hour | peak RSS MB | stages not ok |');
console.log('|---|---|---|---|---|---|');
const notOk = a.stages.filter((s) => s.status !== 'ok').map((s) => `${s.name}:${s.status}`).join(' ') || 'none';
console.log(`| ${hours.toFixed(2)} | ${(wallMs / 1000).toFixed(1)} | ${((cpu.user + cpu.system) / 1e6).toFixed(1)} | ${(wallMs / 1000 / hours).toFixed(2)} | ${peakRssMb.toFixed(0)} | ${notOk} |`);
console.log(`\n| stage | ${a.stages.map((s) => s.name).join(' | ')} |`);
console.log(`|---|${a.stages.map(() => '---').join('|')}|`);
console.log(`| wall s | ${a.stages.map((s) => (s.timeMs / 1000).toFixed(1)).join(' | ')} |`);

const beats = a.results.beats;
const quality = a.results.quality;
const unusableSamples = (from: number, to: number) =>
  (quality?.segments ?? []).filter((g) => !g.usable).reduce((s, g) => s + Math.max(0, Math.min(to, g.endSample) - Math.max(from, g.startSample)), 0);
const rhythm = a.results.rhythm;
if (beats) {
  const cmp = compareBeats(holter.name, refBeats, beats.samples, fsHz, { startSample: 0, excluded: refExcluded });
  console.log(`\nBeats (EC57 matching, 150 ms, whole day, VFL excluded): reference ${refBeats.length}, detected ${beats.samples.length}, Se ${cmp.sensitivityPct?.toFixed(2)} %, +P ${cmp.positivePredictivityPct?.toFixed(2)} %; beats left out in unusable signal ${beats.beatsInUnusableSignal}`);
  // Where the misses are: the records (hours) with the most.
  const missesIn = starts.map((st) => ({ ...st, missed: cmp.missedSamples.filter((x) => x >= st.startSample && x < st.startSample + st.length).length }));
  missesIn.sort((x, y) => y.missed - x.missed);
  console.log(`Most missed reference beats (record: missed, minutes marked unusable): ${missesIn.slice(0, 8).map((m) => `${m.name}: ${m.missed}, ${(unusableSamples(m.startSample, m.startSample + m.length) / fsHz / 60).toFixed(1)}`).join('; ')}`);
  console.log(`Unusable signal over the day: ${(unusableSamples(0, length) / fsHz / 60).toFixed(1)} min`);
}
if (rhythm) {
  const refAfS = refAf.reduce((s, e) => s + e.endSample - e.startSample, 0) / fsHz;
  console.log(`Holter summary: AF burden ${rhythm.holter.afBurdenPct.toFixed(1)} % (reference ${(100 * refAfS / (length / fsHz)).toFixed(1)} %), PVC count ${rhythm.holter.pvcCount} (reference V beats ${refV}), pauses ${rhythm.holter.pauseCount}`);
}
