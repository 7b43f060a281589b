/**
 * `npm run bench:io`: time to read records into memory (median of N runs, files already in the OS
 * cache), against a naive reader written here for comparison: byte-at-a-time decoding into plain JS
 * arrays, the way a first reader is often written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readWfdbRecord } from '../src/io/wfdb/readRecord.js';
import { readMitAnnotationSet } from '../src/io/wfdb/annotations.js';
import { writeWfdbRecord } from '../src/io/wfdb/writeRecord.js';
import { readEdf } from '../src/io/edf/readEdf.js';
import { writeEdf } from '../src/io/edf/writeEdf.js';
import { nodeFileSource } from '../src/io/nodeFileSource.js';
import { openRecord } from '../src/io/openRecord.js';
import { CINC2017, LUDB, MITDB } from '../test/dataPaths.js';

const N = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 10);

async function median(fn: () => unknown | Promise<unknown>): Promise<number> {
  // V8 needs several calls to optimise the decoding loops; the first call is reported separately.
  for (let i = 0; i < WARMUP; i++) await fn();
  const t: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[t.length >> 1];
}

/** A naive WFDB 212 reader: header by string splitting, one byte at a time, number[] per signal. */
function naiveRead212(dir: string, name: string): { fs: number; signals: number[][] } {
  const lines = readFileSync(join(dir, `${name}.hea`), 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
  const [, nsig, fs, nsamp] = lines[0].split(/\s+/).map(Number);
  const specs = lines.slice(1, 1 + nsig).map((l) => {
    const p = l.split(/\s+/);
    const g = /^([\d.]+)(?:\((-?\d+)\))?/.exec(p[2])!;
    return { gain: Number(g[1]), baseline: g[2] !== undefined ? Number(g[2]) : Number(p[4]) };
  });
  const bytes = readFileSync(join(dir, `${name}.dat`));
  const raw: number[] = [];
  for (let i = 0; i + 2 < bytes.length && raw.length < nsamp * nsig; i += 3) {
    const b0 = bytes.readUInt8(i), b1 = bytes.readUInt8(i + 1), b2 = bytes.readUInt8(i + 2);
    let s0 = ((b1 & 0x0f) << 8) + b0;
    let s1 = ((b1 & 0xf0) << 4) + b2;
    if (s0 > 2047) s0 -= 4096;
    if (s1 > 2047) s1 -= 4096;
    raw.push(s0, s1);
  }
  const signals: number[][] = specs.map(() => []);
  for (let i = 0; i < raw.length; i++) {
    const s = i % nsig;
    signals[s].push((raw[i] - specs[s].baseline) / specs[s].gain);
  }
  return { fs, signals };
}

const mit = nodeFileSource(MITDB);
const tFirst = performance.now();
const rec100 = await readWfdbRecord('100', mit);
const firstCallMs = performance.now() - tFirst;
const edfBytes = writeEdf(rec100);
const atr = new Uint8Array(readFileSync(join(MITDB, '100.atr')));
const rows: [string, string, number][] = [];
const add = async (what: string, data: string, fn: () => unknown) => rows.push([what, data, await median(fn)]);

await add('sinus readWfdbRecord (212, checksums verified)', 'mitdb 100, 30 min, 2 x 650000', () => readWfdbRecord('100', mit));
await add('naive byte-loop 212 reader (number[])', 'mitdb 100, 30 min, 2 x 650000', () => naiveRead212(MITDB, '100'));
await add('sinus openRecord (detect + signals + .atr)', 'mitdb 100', () => openRecord(join(MITDB, '100.hea'), { annotators: ['atr'] }));
await add('sinus readMitAnnotationSet', 'mitdb 100.atr, 2274 annotations', () => readMitAnnotationSet(atr, 'atr'));
await add('sinus readEdf (EDF+, from memory)', 'mitdb 100 as EDF+, 30 min', () => readEdf(edfBytes, '100.edf'));
await add('sinus writeEdf', 'mitdb 100, 30 min', () => writeEdf(rec100));
await add('sinus writeWfdbRecord 212 (+ .atr)', 'mitdb 100, 30 min', () => writeWfdbRecord(rec100, { format: 212 }));
await add('sinus readWfdbRecord (16, 12 leads)', 'ludb 1, 10 s, 12 x 5000', () => readWfdbRecord('1', nodeFileSource(LUDB)));
await add('sinus openRecord (MAT v4 + .hea)', 'cinc2017 A00001, 30 s', () => openRecord(join(CINC2017, 'A00001.mat')));

// Sanity, after the timing (its large number[] arrays would otherwise be collected during it): both
// readers give the same values.
const naive = naiveRead212(MITDB, '100');
for (let s = 0; s < 2; s++) for (let i = 0; i < rec100.length; i += 997) {
  if (Math.abs(naive.signals[s][i] - rec100.leads[s].samples[i]) > 1e-6) throw new Error(`naive reader disagrees at signal ${s} sample ${i}`);
}
const ours = rows[0][2], theirs = rows[1][2];
console.log(`I/O benchmark, median of ${N} runs after ${WARMUP} warm-up runs (ms), node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
const w0 = Math.max(...rows.map((r) => r[0].length)), w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`${'operation'.padEnd(w0)}  ${'data'.padEnd(w1)}  median ms`);
for (const [a, b, t] of rows) console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${t.toFixed(2).padStart(9)}`);
console.log(`\nfirst call in a fresh process (cold JIT, one run): readWfdbRecord mitdb 100 = ${firstCallMs.toFixed(1)} ms`);
console.log(`reading a 30-min MIT-BIH record: ${ours.toFixed(1)} ms (sinus) vs ${theirs.toFixed(1)} ms (naive byte loop): ${(theirs / ours).toFixed(1)}x faster; target well under 100 ms: ${ours < 100 ? 'met' : 'NOT met'}`);
