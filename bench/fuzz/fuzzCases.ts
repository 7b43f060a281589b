/**
 * The fuzz suite's pieces (Node): seed records from ../shared/data (every file of the formats
 * folder, WFDB single- and multi-segment, EDF, MAT, CSV with a rate), seeded mutations, and one
 * case run through the same entry every path uses (readRecordFromFiles), classified.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isSinusError } from '../../src/errors.js';
import { readRecordFromFiles } from '../../src/io/detect.js';
import { writeCsv } from '../../src/io/csv/writeCsv.js';
import { writeEdf } from '../../src/io/edf/writeEdf.js';
import { READER_BYTES_PER_INPUT_BYTE, recordSignalBytes } from '../../src/io/readerMemory.js';
import type { RecordLimits } from '../../src/io/recordLimits.js';
import { CINC2017, FORMATS, PTBXL, SAMPLES } from '../../test/dataPaths.js';
import { mulberry32 } from '../../src/dsp/seededRandom.js';

/** Uniform numbers in [0, 1) from a seed (mulberry32), as the fuzz cases draw them. */
export const rng = mulberry32;

export interface FuzzSeed {
  label: string;
  files: Record<string, Uint8Array>;
  main: string;
}

export type FuzzOutcomeKind = 'read' | 'refused' | 'crash' | 'invalid' | 'memory';

export interface FuzzOutcome {
  kind: FuzzOutcomeKind;
  ms: number;
  detail?: string;
}

/** The limits every fuzz case runs under (the service's defaults). */
export const FUZZ_LIMITS: RecordLimits = { maxLeads: 32, maxTotalSamples: 40_000_000 };

const bytesOf = (p: string) => new Uint8Array(readFileSync(p));
const baseOf = (n: string) => n.replace(/\.[^.]*$/, '').toLowerCase();


/** Every real file under ../shared/data/formats, each with the files of its record beside it. */
function formatSeeds(): FuzzSeed[] {
  const seeds: FuzzSeed[] = [];
  const walk = (dir: string) => {
    const names = readdirSync(dir).sort();
    for (const n of names) {
      const p = join(dir, n);
      if (statSync(p).isDirectory()) { walk(p); continue; }
      if (/\.(md|txt)$/i.test(n) || /\.(dat|ann)$/i.test(n)) continue;
      const group = names.filter((m) => baseOf(m) === baseOf(n) && !statSync(join(dir, m)).isDirectory());
      seeds.push({ label: `formats/${p.slice(FORMATS.length + 1)}`, main: n, files: Object.fromEntries(group.map((m) => [m, bytesOf(join(dir, m))])) });
    }
  };
  walk(FORMATS);
  return seeds;
}

/**
 * The seed records: every file of the formats folder, WFDB (MIT-BIH 100 excerpt with its .atr,
 * LUDB 1, PTB-XL 00001 at 100 Hz, a 3-segment record of LUDB 1), EDF+ (LUDB 1 with annotations),
 * MAT v4 + .hea (CinC 2017 A00001), CSV with a rate (`# fs=` line and time column) and without a
 * time column.
 *
 * @example
 * fuzzSeeds().length; // ~35
 */
export async function fuzzSeeds(): Promise<FuzzSeed[]> {
  const s = (n: string) => bytesOf(join(SAMPLES, n));
  const seeds = formatSeeds();
  seeds.push({ label: 'wfdb 212 mitdb 100', main: '100.hea', files: { '100.hea': s('100.hea'), '100.dat': s('100.dat'), '100.atr': s('100.atr') } });
  seeds.push({ label: 'wfdb 16 ludb 1', main: '1.hea', files: { '1.hea': s('1.hea'), '1.dat': s('1.dat'), '1.ii': s('1.ii') } });
  const ptb = join(PTBXL, 'records100', '00000');
  seeds.push({ label: 'wfdb ptb-xl 00001_lr', main: '00001_lr.hea', files: { '00001_lr.hea': bytesOf(join(ptb, '00001_lr.hea')), '00001_lr.dat': bytesOf(join(ptb, '00001_lr.dat')) } });
  seeds.push({ label: 'wfdb multi-segment', main: 'multi.hea', files: { 'multi.hea': new TextEncoder().encode('multi/3 12 500 15000\n1 5000\n~ 5000\n1 5000\n'), '1.hea': s('1.hea'), '1.dat': s('1.dat') } });
  seeds.push({ label: 'mat cinc2017 A00001', main: 'A00001.mat', files: { 'A00001.hea': bytesOf(join(CINC2017, 'A00001.hea')), 'A00001.mat': bytesOf(join(CINC2017, 'A00001.mat')) } });
  const ludb = await readRecordFromFiles({ '1.hea': s('1.hea'), '1.dat': s('1.dat'), '1.ii': s('1.ii') });
  const short = { ...ludb, length: 1500, leads: ludb.leads.map((l) => ({ ...l, samples: l.samples.subarray(0, 1500), raw: l.raw?.subarray(0, 1500) })), annotations: ludb.annotations.map((a) => ({ ...a, annotations: a.annotations.filter((x) => x.sample < 1500) })) };
  seeds.push({ label: 'edf+ ludb 1', main: '1.edf', files: { '1.edf': writeEdf(short) } });
  const csv = writeCsv(short);
  seeds.push({ label: 'csv with rate and time', main: '1.csv', files: { '1.csv': new TextEncoder().encode(csv) } });
  const noTime = csv.split('\n').map((l) => (l.startsWith('#') ? l : l.replace(/^[^,]*,/, ''))).join('\n');
  seeds.push({ label: 'csv with rate line only', main: '1.csv', files: { '1.csv': new TextEncoder().encode(noTime) } });
  return seeds;
}

const EXTREMES = ['0', '-1', '1', '2147483648', '99999999999', '1e308', '1e-320', 'NaN', '-0', '65536', '1000000', '3.5', ''];

/** Replaces one number in a text file by an extreme value (counts, gains, rates, lengths). */
function mutateNumber(b: Uint8Array, r: () => number): Uint8Array {
  const text = new TextDecoder('latin1').decode(b);
  const nums = [...text.matchAll(/-?\d+(\.\d+)?(e-?\d+)?/gi)];
  if (nums.length === 0) return b;
  const m = nums[Math.floor(r() * Math.min(nums.length, 4000))];
  const out = text.slice(0, m.index!) + EXTREMES[Math.floor(r() * EXTREMES.length)] + text.slice(m.index! + m[0].length);
  return Uint8Array.from(out, (c) => c.charCodeAt(0) & 0xff);
}

/** Byte flips, truncation, or (text) an extreme number; headers are chosen more often than data. */
function mutateBytes(src: Uint8Array, r: () => number, isText: boolean): Uint8Array {
  const kind = r();
  if (isText && kind < 0.45) {
    let b = src;
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) b = mutateNumber(b, r);
    return b;
  }
  if (kind < 0.6) return src.slice(0, Math.floor(r() * src.length));
  const b = src.slice();
  const flips = 1 + Math.floor(r() * 8);
  for (let i = 0; i < flips; i++) b[Math.floor(r() * b.length)] ^= 1 + Math.floor(r() * 255);
  return kind < 0.9 ? b : b.slice(0, Math.floor(b.length * (0.5 + r() / 2)));
}

/**
 * One mutated copy of a seed: one of its files mutated (the main file or header half the time).
 *
 * @example
 * const { files, target } = mutateSeed(seed, rng(7));
 */
export function mutateSeed(seed: FuzzSeed, r: () => number): { files: Record<string, Uint8Array>; target: string } {
  const names = Object.keys(seed.files);
  const target = r() < 0.5 ? seed.main : names[Math.floor(r() * names.length)];
  const bytes = seed.files[target];
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
  const isText = !/[\x00-\x08\x0e-\x1f]/.test(head);
  return { files: { ...seed.files, [target]: mutateBytes(bytes, r, isText) }, target };
}

/** Why a returned record is not a valid one (the readers must never return these), or null. */
export function invalidRecordReason(rec: { fs: number; length: number; leads: { samples: Float32Array }[] }): string | null {
  if (!(Number.isFinite(rec.fs) && rec.fs > 0)) return `rate ${rec.fs}`;
  if (rec.leads.length === 0) return 'no leads';
  for (const l of rec.leads) {
    if (l.samples.length !== rec.length) return 'lead length differs from the record length';
    for (let i = 0; i < l.samples.length; i++) if (l.samples[i] === Infinity || l.samples[i] === -Infinity) return 'infinite sample';
  }
  return null;
}

/**
 * Reads one case as every path does (readRecordFromFiles under {@link FUZZ_LIMITS}) and classifies
 * it: 'read' (a valid record within its memory bound), 'refused' (a SinusError), 'crash' (any other
 * exception), 'invalid' (a record that is not valid), 'memory' (more signal bytes than the
 * reader's declared bytes per input byte allow and more than the limit).
 *
 * @example
 * (await runFuzzCase(files, '100.hea')).kind; // 'refused'
 */
export async function runFuzzCase(files: Record<string, Uint8Array>, main: string): Promise<FuzzOutcome> {
  const t0 = performance.now();
  try {
    const rec = await readRecordFromFiles(files, { main, limits: FUZZ_LIMITS });
    const ms = performance.now() - t0;
    const invalid = invalidRecordReason(rec);
    if (invalid) return { kind: 'invalid', ms, detail: invalid };
    const inputBytes = Object.values(files).reduce((s, b) => s + b.length, 0);
    const perByte = READER_BYTES_PER_INPUT_BYTE[(rec.sourceFormat ?? '').replace(/\+.*$/, '').replace(/^(tsv|edf\w*)$/, (m) => (m === 'tsv' ? 'csv' : 'edf'))] ?? 8;
    const bound = Math.max(perByte * inputBytes + (1 << 20), FUZZ_LIMITS.maxTotalSamples * 8);
    const used = recordSignalBytes(rec);
    if (used > bound) return { kind: 'memory', ms, detail: `${used} signal bytes from ${inputBytes} input bytes` };
    return { kind: 'read', ms };
  } catch (e) {
    const ms = performance.now() - t0;
    if (isSinusError(e)) return { kind: 'refused', ms, detail: e.code };
    return { kind: 'crash', ms, detail: e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 300) : String(e) };
  }
}
