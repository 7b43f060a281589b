/**
 * Atrial flutter development set (not MIT-BIH): the flutter detector alone (`flutterRuns`) and
 * through `analyzeRhythm` without beat classes, on lead II of the 10-s 12-lead strips labelled
 * flutter (PTB-XL 17 18 20 23 34, SCP 'AFLT' 100; LUDB "Atrial flutter, typical"), LUDB's AF and
 * other strips, and lead I of the CinC 2017 training part only (A00001-A02400; the held-back part
 * A02401-A03000 is never read here). CinC has no flutter label (flutter is inside 'O'), so N and A
 * give false-alarm rates. Usage: tsx bench/flutter.bench.ts [--strips-only]
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { nodeFileSource } from '../src/io/nodeFileSource.js';
import { readWfdbRecord } from '../src/io/wfdb/readRecord.js';
import { detectBeats } from '../src/beats/index.js';
import { analyzeRhythm } from '../src/classify/rhythm/analyzeRhythm.js';
import { flutterRuns } from '../src/classify/rhythm/flutterEpisodes.js';
import { CINC2017, LUDB, PTBXL } from '../test/dataPaths.js';

const PTBXL_FLUTTER = ['00017', '00018', '00020', '00023', '00034'];
const tally = new Map<string, { n: number; detector: string[]; rhythm: number }>();

function score(set: string, id: string, signal: Float32Array, fsHz: number, beats: Int32Array): void {
  const t = tally.get(set) ?? { n: 0, detector: [], rhythm: 0 };
  t.n++;
  if (flutterRuns(signal, fsHz, beats).length > 0) t.detector.push(id);
  if (analyzeRhythm({ fsHz, beatSamples: beats, signal }).episodes.some((e) => e.label === 'atrial_flutter')) t.rhythm++;
  tally.set(set, t);
}

const t0 = performance.now();
for (const id of PTBXL_FLUTTER) {
  const rec = await readWfdbRecord(`${id}_hr`, nodeFileSource(join(PTBXL, 'records500', '00000')));
  score('flutter strips', `PTB-XL ${Number(id)}`, rec.leads.find((l) => l.name.toUpperCase() === 'II')!.samples, rec.fs, detectBeats(rec).samples);
}
// ludb.csv rows may span lines (quoted fields); each row starts with its numeric ID.
const ludbRows = new Map(readFileSync(join(LUDB, '..', 'ludb.csv'), 'utf8').split(/\n(?=\d+,)/).slice(1).map((r) => [r.split(',')[0], r]));
for (const [id, row] of ludbRows) {
  const set = /flutter/i.test(row) ? 'flutter strips' : /fibrillation/i.test(row) ? 'LUDB AF strips' : 'LUDB other strips';
  const rec = await readWfdbRecord(id, nodeFileSource(LUDB));
  score(set, `LUDB ${id}`, rec.leads.find((l) => l.name.toUpperCase() === 'II')!.samples, rec.fs, detectBeats(rec).samples);
}
if (!process.argv.includes('--strips-only')) {
  const refs = readFileSync(join(CINC2017, 'REFERENCE.csv'), 'utf8').trim().split('\n').map((l) => l.trim().split(','))
    .filter(([name]) => Number(name.slice(1)) <= 2400);
  const src = nodeFileSource(CINC2017);
  for (const [name, label] of refs) {
    const rec = await readWfdbRecord(name, src);
    score(`CinC train ${label}`, name, rec.leads[0].samples, rec.fs, detectBeats(rec).samples);
  }
}
console.log('set                | n     | flutter: detector alone        | via analyzeRhythm');
for (const [set, t] of tally) {
  const pct = (k: number) => `${k} (${((100 * k) / t.n).toFixed(1)}%)`;
  console.log(`${set.padEnd(18)} | ${String(t.n).padEnd(5)} | ${pct(t.detector.length).padEnd(30)} | ${pct(t.rhythm)}${t.detector.length && t.detector.length <= 8 ? `  [${t.detector.join(', ')}]` : ''}`);
}
console.log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
