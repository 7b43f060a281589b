/**
 * CPU A/B of the learned boundary refinement: delineateBeats and measureEcg with the refinement on
 * and off (measureEcg also with the per-beat refinement on and only its median-beat refinement off), in the same process, alternating, least of 5 runs each, on every 5th LUDB record (the
 * machine is shared; the least run is the least disturbed). Prints the medians over records.
 *
 *   npx tsx bench/boundaryRefineCpu.bench.ts [step]
 */
import { join } from 'node:path';
import { openRecord } from '../src/io/openRecord.js';
import { detectBeats } from '../src/beats/index.js';
import { delineateBeats, delineateBeatsWithTemplate } from '../src/waves/delineateBeats.js';
import { recordMedianBeat } from '../src/waves/recordMedianBeat.js';
import type { EcgRecord } from '../src/record/types.js';
import { measureEcg } from '../src/measure/measureEcg.js';
import { LUDB } from '../test/dataPaths.js';
import { median } from './waveScoring.js';

/** What the pipeline hands measureEcg: the delineation, the median beat built from its template, the pacing spikes. */
function handedOver(rec: EcgRecord, beats: Int32Array, options: { boundaryRefinement: boolean }) {
  const w = delineateBeatsWithTemplate(rec, beats, options);
  return { delineation: w.delineation, medianBeat: recordMedianBeat(rec, beats, w), pacingSpikes: w.pacingSpikes };
}

const step = Number(process.argv[2] ?? 5);
const leastCpuMs = (f: () => void, runs = 5) => {
  let least = Infinity;
  for (let i = 0; i < runs; i++) { const t0 = process.cpuUsage(); f(); const t = process.cpuUsage(t0); least = Math.min(least, (t.user + t.system) / 1000); }
  return least;
};
const res = { delOn: [] as number[], delOff: [] as number[], mOn: [] as number[], mOff: [] as number[], mMedOff: [] as number[], gMedOff: [] as number[], gMedOn: [] as number[] };
for (let id = 1; id <= 200; id += step) {
  const rec = await openRecord(join(LUDB, `${id}.hea`));
  const beats = detectBeats(rec).samples;
  const on = { boundaryRefinement: true }, off = { boundaryRefinement: false };
  delineateBeats(rec, beats, on); delineateBeats(rec, beats, off); // warm-up
  res.delOff.push(leastCpuMs(() => delineateBeats(rec, beats, off)));
  res.delOn.push(leastCpuMs(() => delineateBeats(rec, beats, on)));
  // measureEcg with its own delineation (the default path is measureEcg(rec, beats)), either way.
  res.mOff.push(leastCpuMs(() => measureEcg(rec, beats, handedOver(rec, beats, off))));
  res.mMedOff.push(leastCpuMs(() => measureEcg(rec, beats, { ...handedOver(rec, beats, on), medianRefinement: null })));
  res.mOn.push(leastCpuMs(() => measureEcg(rec, beats, handedOver(rec, beats, on))));
  // measureEcg alone (per-beat delineation and median beat given): the median-beat refinement off and on.
  const d = handedOver(rec, beats, on);
  res.gMedOff.push(leastCpuMs(() => measureEcg(rec, beats, { ...d, medianRefinement: null })));
  res.gMedOn.push(leastCpuMs(() => measureEcg(rec, beats, d)));
}
const f = (v: number[]) => median(v).toFixed(2);
console.log(`${res.delOn.length} records: delineateBeats off ${f(res.delOff)} ms, on ${f(res.delOn)} ms; measureEcg off ${f(res.mOff)} ms, on ${f(res.mOn)} ms, on without the median-beat refinement ${f(res.mMedOff)} ms; measureEcg alone (delineation given) median-beat refinement off ${f(res.gMedOff)} ms, on ${f(res.gMedOn)} ms (medians of least-of-5)`);
