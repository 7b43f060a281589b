/**
 * How far the learned boundary refinement moves boundaries on a database it was not fitted on, and
 * whether it does the same at another sampling rate: PTB-XL records (the 350 here; no boundary
 * marks, so no accuracy), each delineated at 500 Hz and at 100 Hz with the refinement on and off.
 * Prints per boundary the mean and SD of the shift (on - off, ms) and the share at the +-40 ms clip,
 * and the SD over records of the difference between the 100 Hz and 500 Hz per-lead QRS duration
 * (median over leads and beats), off and on. LUDB for comparison with `--ludb`.
 *
 *   npx tsx bench/boundaryRefineShift.bench.ts [--ludb]
 */
import { join } from 'node:path';
import { openRecord } from '../src/io/openRecord.js';
import { detectBeats } from '../src/beats/index.js';
import { delineateBeats } from '../src/waves/delineateBeats.js';
import type { Delineation } from '../src/waves/types.js';
import { LUDB, PTBXL } from '../test/dataPaths.js';
import { meanSd, median } from './waveScoring.js';

const ludb = process.argv.includes('--ludb');
const KEYS = [['qrs', 'onset'], ['qrs', 'offset'], ['p', 'onset'], ['p', 'offset']] as const;
const shifts = new Map<string, number[]>(KEYS.map(([w, k]) => [`${w} ${k}`, []]));
const qrsDiff = { off: [] as number[], on: [] as number[] };

function collectShifts(on: Delineation, off: Delineation): void {
  const toMs = 1000 / on.fsHz;
  on.leads.forEach((l, li) => l.beats.forEach((b, k) => {
    const o = off.leads[li].beats[k];
    for (const [w, key] of KEYS) {
      const a = b[w][key], c = o[w][key];
      if (a !== null && c !== null) shifts.get(`${w} ${key}`)!.push((a - c) * toMs);
    }
  }));
}

const qrsMedianMs = (d: Delineation) => {
  const v: number[] = [];
  for (const l of d.leads) for (const b of l.beats) if (b.qrs.onset !== null && b.qrs.offset !== null) v.push(((b.qrs.offset - b.qrs.onset) * 1000) / d.fsHz);
  return v.length ? median(v) : null;
};

const ids = ludb ? Array.from({ length: 200 }, (_, i) => i + 1) : Array.from({ length: 350 }, (_, i) => i + 1);
for (const id of ids) {
  const name = String(id).padStart(5, '0');
  const hi = await openRecord(ludb ? join(LUDB, `${id}.hea`) : join(PTBXL, 'records500', '00000', `${name}_hr.hea`));
  const dHiOn = delineateBeats(hi, detectBeats(hi).samples), dHiOff = delineateBeats(hi, dHiOn.beatSamples, { boundaryRefinement: false });
  collectShifts(dHiOn, dHiOff);
  if (ludb) continue;
  const lo = await openRecord(join(PTBXL, 'records100', '00000', `${name}_lr.hea`));
  const dLoOn = delineateBeats(lo, detectBeats(lo).samples), dLoOff = delineateBeats(lo, dLoOn.beatSamples, { boundaryRefinement: false });
  const [a, b, c, d] = [qrsMedianMs(dHiOff), qrsMedianMs(dLoOff), qrsMedianMs(dHiOn), qrsMedianMs(dLoOn)];
  if (a !== null && b !== null) qrsDiff.off.push(b - a);
  if (c !== null && d !== null) qrsDiff.on.push(d - c);
}
console.log(`${ludb ? 'LUDB 200' : 'PTB-XL 350'} records at 500 Hz: shift applied by the refinement (ms)`);
for (const [k, v] of shifts) {
  const { mean, sd } = meanSd(v);
  console.log(`  ${k}: n ${v.length}, mean ${mean.toFixed(1)}, SD ${sd.toFixed(1)}, |shift| >= 39 ms ${(100 * v.filter((x) => Math.abs(x) >= 39).length / v.length).toFixed(1)} %`);
}
if (!ludb) {
  const f = (v: number[]) => { const m = meanSd(v); return `${m.mean.toFixed(1)} +- ${m.sd.toFixed(1)} ms (${v.length} records)`; };
  console.log(`per-lead QRS duration, 100 Hz minus 500 Hz (median over leads and beats): refinement off ${f(qrsDiff.off)}, on ${f(qrsDiff.on)}`);
}
