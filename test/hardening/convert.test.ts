// Regression tests for issue 21, failures 2 (convert never loses data silently) and 3 (convert
// protects its input), from the reproducers on real records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isSinusError } from '../../src/errors.js';
import { readRecordFromFiles } from '../../src/io/detect.js';
import { openRecord } from '../../src/io/openRecord.js';
import { writeRecordFiles, type WriteRecordFilesOptions } from '../../src/io/writeRecordFiles.js';
import type { EcgRecord } from '../../src/record/types.js';
import { FORMATS, MITDB, PTBXL, ROOT, SAMPLES } from '../dataPaths.js';

const sinus = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: ROOT });

/** Writes `rec` as `outName` in memory and reads it back. */
async function roundTrip(rec: EcgRecord, outName: string, options: WriteRecordFilesOptions = {}): Promise<EcgRecord> {
  return readRecordFromFiles(writeRecordFiles(rec, outName, options));
}

/** Either the WFDB round trip gives every sample back unchanged, or the writer refused (never a silent change). */
async function exactOrRefused(rec: EcgRecord, format?: 16 | 212): Promise<'exact' | 'refused'> {
  let back: EcgRecord;
  try {
    back = await roundTrip(rec, 'out.hea', { wfdbFormat: format });
  } catch (e) {
    assert.ok(isSinusError(e, 'BAD_SIGNAL') && /cannot be stored exactly/.test(e.message), String(e));
    return 'refused';
  }
  rec.leads.forEach((l, k) => assert.deepEqual(back.leads[k].samples, l.samples, `lead ${l.name} changed in format ${format ?? 'default'}`));
  return 'exact';
}

test('CSV -> WFDB 16/212 of LUDB 1 reads back every sample unchanged (it was rounded to whole mV)', async () => {
  const csv = await roundTrip(await openRecord(join(SAMPLES, '1.hea')), '1.csv');
  // LUDB stores 16-bit values at ~1,200-1,700 adu/mV: the data's own step stores them exactly in 16 bits.
  assert.equal(await exactOrRefused(csv, 16), 'exact');
  assert.equal(await exactOrRefused(csv), 'exact');
  await exactOrRefused(csv, 212);
});

test('a PTB-XL record as CSV cannot go to WFDB 212 exactly: refused, and with the flag the loss is stated', async () => {
  const csv = await roundTrip(await openRecord(join(PTBXL, 'records500', '00000', '00002_hr.hea')), 'p.csv');
  assert.equal(await exactOrRefused(csv, 212), 'refused');
  const said: string[] = [];
  const back = await roundTrip(csv, 'p.hea', { wfdbFormat: 212, allowPrecisionLoss: true, onWarning: (m) => said.push(m) });
  assert.ok(said.length > 0 && said.every((m) => /moves? by up to [\d.e+-]+ mV/.test(m)), said.join('\n'));
  const stated = Math.max(...said.map((m) => Number(/up to ([\d.e+-]+) mV/.exec(m)![1])));
  // The stated bound holds (3 significant digits: 0.1% slack).
  const worst = Math.max(...csv.leads.map((l, k) => Math.max(...l.samples.map((x, i) => Math.abs(x - back.leads[k].samples[i])))));
  assert.ok(worst <= stated * 1.001 + 1e-9, `${worst} > ${stated}`);
});

test('EDF -> WFDB 16 gives every sample back or refuses, also with a fractional EDF offset (it shifted up to 0.5 LSB)', async () => {
  const path = join(FORMATS, 'edf', '0000050.ECG.edf');
  const bytes = new Uint8Array(readFileSync(path));
  assert.equal(await exactOrRefused(await readRecordFromFiles({ 'e.edf': bytes }), 16), 'exact');
  // Physical minimum moved by 0.3 of a digital step: the samples' offset is no longer a whole number of steps.
  const ns = Number(new TextDecoder().decode(bytes.subarray(252, 256)).trim());
  const at = 256 + ns * 104;
  const text = (o: number) => new TextDecoder().decode(bytes.subarray(o, o + 8)).trim();
  const [pmin, pmax] = [Number(text(at)), Number(text(at + ns * 8))];
  const [dmin, dmax] = [Number(text(at + ns * 16)), Number(text(at + ns * 24))];
  const shifted = (pmin + (0.3 * (pmax - pmin)) / (dmax - dmin)).toPrecision(7).slice(0, 8).padEnd(8);
  const patched = bytes.slice();
  patched.set(new TextEncoder().encode(shifted), at);
  await exactOrRefused(await readRecordFromFiles({ 'e.edf': patched }), 16);
});

test('aECG annotations written to WFDB are read back', async () => {
  const rec = await openRecord(join(FORMATS, 'hl7-aecg', 'Example aECG.xml'));
  const n = rec.annotations.find((s) => s.annotator === 'aecg')!.annotations.length;
  assert.ok(n > 0);
  const back = await roundTrip(rec, 'a.hea');
  assert.equal(back.annotations.find((s) => s.annotator === 'aecg')?.annotations.length, n);
});

test('WFDB -> EDF -> WFDB keeps MIT-BIH 221 rhythm annotations "+" with aux "(AFIB"', async () => {
  const rec = await openRecord(join(MITDB, '221.hea'));
  const afib = (r: EcgRecord) => r.annotations.flatMap((s) => s.annotations).filter((a) => a.code === '+' && a.aux?.replace(/\0+$/, '') === '(AFIB').length;
  const n = afib(rec);
  assert.ok(n > 0);
  const edf = await roundTrip(rec, '221.edf');
  assert.equal(afib(await roundTrip(edf, '221.hea')), n);
});

test('CSV output names the annotation sets it cannot hold', () => {
  const said: string[] = [];
  return openRecord(join(SAMPLES, '100.hea')).then((rec) => {
    writeRecordFiles(rec, '100.csv', { onWarning: (m) => said.push(m) });
    assert.match(said.join('\n'), /CSV cannot hold annotations: atr \(\d+\)/);
  });
});

test('sinus convert refuses to write over its input record (it rewrote 212 as 16 in place)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-harden-'));
  for (const f of ['100.hea', '100.dat', '100.atr']) copyFileSync(join(SAMPLES, f), join(dir, f));
  const before = ['100.hea', '100.dat', '100.atr'].map((f) => readFileSync(join(dir, f)));
  for (const out of ['100.hea', './100.dat']) {
    const r = sinus('convert', '--wfdb-format', '16', join(dir, '100.hea'), join(dir, out));
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /would overwrite the input record/);
  }
  ['100.hea', '100.dat', '100.atr'].forEach((f, i) => assert.deepEqual(readFileSync(join(dir, f)), before[i]));
});

test('sinus convert: a write error is one line and exit 5, and leaves no half record', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-harden-'));
  writeFileSync(join(dir, 'file'), 'x');
  const r = sinus('convert', join(SAMPLES, '100.hea'), join(dir, 'file', 'out.hea'));
  assert.equal(r.status, 5, r.stderr);
  assert.equal(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /^sinus: cannot write .*\[WRITE_FAILED\]/);
  // The .dat cannot be put in place (a folder is there): the header must not appear without it.
  const out = join(dir, 'o');
  mkdirSync(join(out, 'r.dat'), { recursive: true });
  const h = sinus('convert', join(SAMPLES, '100.hea'), join(out, 'r.hea'));
  assert.equal(h.status, 5, h.stderr);
  assert.ok(!existsSync(join(out, 'r.hea')));
  assert.deepEqual(readdirSync(out).sort(), ['r.dat']);
});

test('sinus info and convert exit 2 on a header with 0 signals and write nothing (they exited 0)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-harden-'));
  writeFileSync(join(dir, 'z.hea'), 'z 0 360 1000\n');
  const i = sinus('info', join(dir, 'z.hea'));
  assert.equal(i.status, 2, i.stderr);
  assert.match(i.stderr, /no leads \(0 signals\) \[NOT_ENOUGH_DATA\]/);
  const c = sinus('convert', join(dir, 'z.hea'), join(dir, 'out', 'z.edf'));
  assert.equal(c.status, 2, c.stderr);
  assert.ok(!existsSync(join(dir, 'out')));
});
