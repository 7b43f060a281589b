/**
 * Fuzz test: random truncations and byte flips of every real clinical file, fed to the decoders
 * directly (not through the readers' typed-error net). Every case must either decode to a
 * well-formed record or throw a SinusError, quickly. Seeds are fixed, so a failure reproduces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSinusError } from '../../errors.js';
import type { EcgRecord } from '../../record/types.js';
import { memoryFileSource } from '../source.js';
import { readHl7Aecg } from './hl7Aecg.js';
import { readGeMuse } from './geMuse.js';
import { readPhilipsXml } from './philipsXml.js';
import { readScpEcg } from './scp/readScp.js';
import { readDicomWaveform } from './dicomWaveform.js';
import { readIshneHolter } from './ishneHolter.js';
import { readPhilipsMrxArchive } from './philipsMrxArchive.js';
import { crc16Ccitt } from './checksums.js';
import { formatFile } from '../../../test/formatFiles.js';
import { mulberry32 as rng } from '../../dsp/seededRandom.js';

type Decode = (bytes: Uint8Array, name: string) => EcgRecord | Promise<EcgRecord>;


/** Rewrites SCP section and record CRCs after a mutation, so the decoders behind them get fuzzed too. */
function fixScpCrcs(b: Uint8Array): void {
  if (b.length < 22) return;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const s0len = dv.getUint32(10, true);
  for (let p = 22; p + 10 <= Math.min(b.length, 6 + s0len); p += 10) {
    const len = dv.getUint32(p + 2, true);
    const start = dv.getUint32(p + 6, true) - 1;
    if (len >= 16 && start >= 0 && start + len <= b.length) dv.setUint16(start, crc16Ccitt(b, start + 2, start + len), true);
  }
  if (6 + s0len <= b.length) dv.setUint16(6, crc16Ccitt(b, 8, 6 + s0len), true);
  const recLen = dv.getUint32(2, true);
  if (recLen <= b.length) dv.setUint16(0, crc16Ccitt(b, 2, recLen), true);
}

function mutate(src: Uint8Array, r: () => number, fixCrc: boolean): Uint8Array {
  const kind = r();
  if (kind < 0.3) return src.slice(0, Math.floor(r() * src.length));
  const b = src.slice();
  const flips = 1 + Math.floor(r() * 8);
  for (let i = 0; i < flips; i++) b[Math.floor(r() * b.length)] ^= 1 + Math.floor(r() * 255);
  const out = kind < 0.85 ? b : b.slice(0, Math.floor(b.length * (0.5 + r() / 2)));
  if (fixCrc) fixScpCrcs(out);
  return out;
}

function checkRecord(rec: EcgRecord, label: string): void {
  assert.ok(Number.isFinite(rec.fs) && rec.fs > 0, `${label}: fs ${rec.fs}`);
  assert.ok(Number.isInteger(rec.length) && rec.length > 0, `${label}: length ${rec.length}`);
  assert.ok(rec.leads.length > 0, `${label}: no leads`);
  for (const l of rec.leads) assert.equal(l.samples.length, rec.length, `${label}: lead ${l.name} length`);
}

const ishneAnn = formatFile('ishne', 'ECG_P28.01.ann');
const SEEDS: { dir: string; file: string; cases: number; decode: Decode; fixCrc?: boolean }[] = [
  { dir: 'hl7-aecg', file: 'minimum_aecg.xml', cases: 1500, decode: readHl7Aecg },
  { dir: 'hl7-aecg', file: 'Example aECG.xml', cases: 6, decode: readHl7Aecg },
  { dir: 'hl7-aecg', file: 'ad4d3d80-d165_1-04_converted.xml', cases: 4, decode: readHl7Aecg },
  { dir: 'scp-ecg', file: 'Example.scp', cases: 400, decode: readScpEcg },
  { dir: 'scp-ecg', file: 'Example.scp', cases: 500, decode: readScpEcg, fixCrc: true },
  { dir: 'scp-ecg', file: 'demo.scp', cases: 100, decode: readScpEcg, fixCrc: true },
  { dir: 'scp-ecg', file: '0000050.ECG.scp', cases: 25, decode: readScpEcg, fixCrc: true },
  { dir: 'scp-ecg', file: '62.SCP', cases: 600, decode: readScpEcg },
  { dir: 'scp-ecg', file: '63.SCP', cases: 600, decode: readScpEcg, fixCrc: true },
  { dir: 'dicom-ecg', file: 'waveform_ecg.dcm', cases: 80, decode: readDicomWaveform },
  { dir: 'ge-muse-xml', file: 'muse-sinus.xml', cases: 40, decode: readGeMuse },
  { dir: 'ge-muse-xml', file: 'example1.xml', cases: 6, decode: readGeMuse },
  { dir: 'philips-xml', file: '129DYPRG.XML', cases: 40, decode: readPhilipsXml },
  { dir: 'philips-xml', file: 'ad4d3d80-d165_1-04_orig.xml', cases: 25, decode: readPhilipsXml },
  { dir: 'philips-xml', file: 'repbeats_example.xml', cases: 6, decode: readPhilipsXml },
  { dir: 'philips-xml/mrx-archives', file: 'B9M6OHRG-129ECQRG.TGZ', cases: 100, decode: (b, n) => readPhilipsMrxArchive(b, n) },
  { dir: 'ishne', file: 'ECG_P28.01.ecg', cases: 15, decode: (b, n) => readIshneHolter(b, n, memoryFileSource({ 'ECG_P28.01.ann': ishneAnn })) },
];

test('fuzz: truncated and bit-flipped real files give a record or a SinusError, never a crash or hang', async () => {
  let total = 0;
  let decoded = 0;
  let worstMs = 0;
  const codes: Record<string, number> = {};
  for (const [k, seed] of SEEDS.entries()) {
    const src = formatFile(...seed.dir.split('/'), seed.file);
    const r = rng(0x5eed + 7919 * k);
    for (let c = 0; c < seed.cases; c++) {
      const bytes = mutate(src, r, seed.fixCrc === true);
      const label = `${seed.file} case ${c}`;
      const t0 = performance.now();
      try {
        checkRecord(await seed.decode(bytes, seed.file), label);
        decoded++;
      } catch (e) {
        if (!isSinusError(e)) assert.fail(`${label}: ${e instanceof Error ? e.stack : String(e)}`);
        codes[e.code] = (codes[e.code] ?? 0) + 1;
      }
      worstMs = Math.max(worstMs, performance.now() - t0);
      total++;
    }
  }
  // the ISHNE annotation file on its own
  const rAnn = rng(99);
  const ecg = formatFile('ishne', 'ECG_P28.01.ecg');
  for (let c = 0; c < 200; c++) {
    const ann = mutate(ishneAnn, rAnn, false);
    try {
      checkRecord(await readIshneHolter(ecg.subarray(0, 20000), 'ECG_P28.01.ecg', memoryFileSource({ 'ECG_P28.01.ann': ann })), `ann case ${c}`);
      decoded++;
    } catch (e) {
      if (!isSinusError(e)) assert.fail(`ann case ${c}: ${e instanceof Error ? e.stack : String(e)}`);
    }
    total++;
  }
  assert.ok(total >= 4000, `${total} cases`);
  assert.ok(worstMs < 5000, `slowest case ${worstMs.toFixed(0)} ms`);
  console.log(`fuzz: ${total} cases, ${decoded} decoded, errors ${JSON.stringify(codes)}, slowest ${worstMs.toFixed(0)} ms`);
});
