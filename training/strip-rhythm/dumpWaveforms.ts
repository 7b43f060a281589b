/**
 * Writes the CNN waveform input (stripWaveformInput: band-passed, 150 Hz, robust scale) of the
 * CinC 2017 records A00001-A02400 (first 60 s, as classifyStrip reads) to out/waveforms.f32 with
 * an index out/waveforms.json (name, label, offset, length in samples). The held-back records
 * A02401-A03000 are never written. With `--rr`, also the RR channel (stripRrChannel on the beats
 * detectBeats finds in those first 60 s, as classifyStrip does) to out/rr.f32, same offsets.
 * Usage: nice -n 10 npx tsx training/strip-rhythm/dumpWaveforms.ts [--rr] [--crops]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeFileSource } from '../../src/io/nodeFileSource.js';
import { readWfdbRecord } from '../../src/io/wfdb/readRecord.js';
import { MAX_STRIP_S } from '../../src/classify/strip/classifyStrip.js';
import { WAVEFORM_FS_HZ, stripWaveformInput } from '../../src/classify/strip/stripWaveformInput.js';
import { stripRrChannel } from '../../src/classify/strip/stripRrChannel.js';
import { detectBeats } from '../../src/beats/index.js';
import { CINC2017, ROOT } from '../../test/dataPaths.js';

const refs = readFileSync(join(CINC2017, 'REFERENCE.csv'), 'utf8').trim().split('\n').map((l) => l.trim().split(','))
  .filter(([name]) => Number(name.slice(1)) <= 2400);
const src = nodeFileSource(CINC2017);
const withRr = process.argv.includes('--rr');
const parts: Float32Array[] = [];
const rrParts: Float32Array[] = [];
const index: { name: string; label: string; offset: number; length: number }[] = [];
let offset = 0;
const t0 = performance.now();
for (const [name, label] of refs) {
  const rec = await readWfdbRecord(name, src);
  const n = Math.min(rec.length, Math.round(MAX_STRIP_S * rec.fs));
  const signal = rec.leads[0].samples.subarray(0, n);
  const x = stripWaveformInput(signal, rec.fs);
  parts.push(x);
  if (withRr) {
    const sub = { ...rec, leads: [{ ...rec.leads[0], samples: signal }], length: n };
    rrParts.push(stripRrChannel(detectBeats(sub).samples, rec.fs, x.length));
  }
  index.push({ name, label, offset, length: x.length });
  offset += x.length;
}
const all = new Float32Array(offset);
let o = 0;
for (const p of parts) { all.set(p, o); o += p.length; }
const outDir = join(ROOT, 'training', 'strip-rhythm', 'out');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'waveforms.f32'), Buffer.from(all.buffer));
if (withRr) {
  const rr = new Float32Array(offset);
  let r = 0;
  for (const p of rrParts) { rr.set(p, r); r += p.length; }
  writeFileSync(join(outDir, 'rr.f32'), Buffer.from(rr.buffer));
}
writeFileSync(join(outDir, 'waveforms.json'), JSON.stringify({ fsHz: WAVEFORM_FS_HZ, records: index }));
if (process.argv.includes('--crops')) {
  const spans: { name: string; start: number; length: number }[] = JSON.parse(readFileSync(join(outDir, 'crops.json'), 'utf8'));
  const cropParts: Float32Array[] = [];
  const cropIndex: { name: string; offset: number; length: number }[] = [];
  let cropOffset = 0;
  let parent = '';
  let rec: Awaited<ReturnType<typeof readWfdbRecord>> | null = null;
  for (const span of spans) {
    const name = span.name.split('_')[0];
    if (Number(name.slice(1)) > 2400) throw new Error(`crop of a held-back record: ${span.name}`);
    if (name !== parent) { rec = await readWfdbRecord(name, src); parent = name; }
    const x = stripWaveformInput(rec!.leads[0].samples.subarray(span.start, span.start + span.length), rec!.fs);
    cropParts.push(x);
    cropIndex.push({ name: span.name, offset: cropOffset, length: x.length });
    cropOffset += x.length;
  }
  const crops = new Float32Array(cropOffset);
  let c = 0;
  for (const p of cropParts) { crops.set(p, c); c += p.length; }
  writeFileSync(join(outDir, 'crop-waveforms.f32'), Buffer.from(crops.buffer));
  writeFileSync(join(outDir, 'crop-waveforms.json'), JSON.stringify({ fsHz: WAVEFORM_FS_HZ, records: cropIndex }));
  console.log(`${cropIndex.length} crops, ${cropOffset} samples`);
}
console.log(`${index.length} records, ${offset} samples at ${WAVEFORM_FS_HZ} Hz, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
