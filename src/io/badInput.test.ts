import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRecord } from './openRecord.js';
import { readRecordFromFiles } from './detect.js';
import { SinusError } from '../errors.js';
import { SAMPLES, CINC2017, FORMATS } from '../../test/dataPaths.js';

const hea = readFileSync(join(SAMPLES, '100.hea'), 'latin1');
const dat = new Uint8Array(readFileSync(join(SAMPLES, '100.dat')));
const text = (s: string) => new TextEncoder().encode(s);

/** Asserts a SinusError with the code whose message names the file. */
async function rejectsNaming(p: Promise<unknown>, code: string, file: string, what?: RegExp) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof SinusError, `expected SinusError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.ok(e.message.includes(file), `message "${e.message}" does not name ${file}`);
    if (what) assert.match(e.message, what);
    return true;
  });
}

test("truncated .dat: FILE_TRUNCATED naming the .dat and both lengths, nothing padded (30 bytes = 20 samples of 212 = 10 frames short)", async () => {
  await rejectsNaming(readRecordFromFiles({ '100.hea': text(hea), '100.dat': dat.subarray(0, dat.length - 30) }), 'FILE_TRUNCATED', '100.dat', /21590 samples .* says 21600/);
});

test('header that lies about its length: a longer claim is FILE_TRUNCATED, a shorter one is read as declared with a warning', async () => {
  await rejectsNaming(readRecordFromFiles({ '100.hea': text(hea.replace('100 2 360 21600', '100 2 360 30000')), '100.dat': dat }), 'FILE_TRUNCATED', '100.dat');
  const rec = await readRecordFromFiles({ '100.hea': text(hea.replace('100 2 360 21600', '100 2 360 20000')), '100.dat': dat });
  assert.equal(rec.length, 20000);
  assert.ok((rec.metadata.warnings as string[]).some((w) => /were not read/.test(w)));
});

test('unknown format code: UNSUPPORTED_FORMAT naming the header and the code', async () => {
  await rejectsNaming(readRecordFromFiles({ '100.hea': text(hea.replace(/ 212 /g, ' 999 ')), '100.dat': dat }), 'UNSUPPORTED_FORMAT', '100.hea', /999/);
});

test('garbage bytes and an empty file: UNKNOWN_FORMAT / FILE_EMPTY naming the file', async () => {
  const garbage = new Uint8Array(3000);
  let x = 12345;
  for (let i = 0; i < garbage.length; i++) { x = (x * 1103515245 + 12345) >>> 0; garbage[i] = x >>> 24; }
  await rejectsNaming(readRecordFromFiles({ 'noise.bin': garbage }), 'UNKNOWN_FORMAT', 'noise.bin');
  await rejectsNaming(readRecordFromFiles({ 'x.edf': garbage }), 'BAD_HEADER', 'x.edf');
  await rejectsNaming(readRecordFromFiles({ 'empty.hea': new Uint8Array(0) }), 'FILE_EMPTY', 'empty.hea');
  await rejectsNaming(readRecordFromFiles({ '100.hea': text(hea), '100.dat': new Uint8Array(0) }), 'FILE_EMPTY', '100.dat');
  await rejectsNaming(readRecordFromFiles({ 'bad.hea': text('this is not a header at all\n') }), 'BAD_HEADER', 'bad.hea');
});

test('missing companion files: FILE_NOT_FOUND naming the missing file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-io-'));
  writeFileSync(join(dir, '100.hea'), hea);
  await rejectsNaming(openRecord(join(dir, '100.hea')), 'FILE_NOT_FOUND', '100.dat');
  writeFileSync(join(dir, 'lonely.dat'), dat);
  await rejectsNaming(openRecord(join(dir, 'lonely.dat')), 'FILE_NOT_FOUND', 'lonely.hea');
  copyFileSync(join(CINC2017, 'A00001.mat'), join(dir, 'A00001.mat'));
  await rejectsNaming(openRecord(join(dir, 'A00001.mat')), 'FILE_NOT_FOUND', 'A00001.hea');
  await rejectsNaming(openRecord(join(dir, 'nothing.edf')), 'FILE_NOT_FOUND', 'nothing.edf');
});

test('truncated EDF and a MAT file that disagrees with its header are typed errors', async () => {
  const edf = new Uint8Array(readFileSync(join(FORMATS, 'edf', '0000050.ECG.edf')));
  await rejectsNaming(readRecordFromFiles({ 'cut.edf': edf.subarray(0, edf.length - 100) }), 'FILE_TRUNCATED', 'cut.edf');
  await rejectsNaming(readRecordFromFiles({ 'cut.edf': edf.subarray(0, 200) }), 'FILE_TRUNCATED', 'cut.edf');
  const matHea = readFileSync(join(CINC2017, 'A00001.hea'), 'latin1');
  const mat = new Uint8Array(readFileSync(join(CINC2017, 'A00001.mat')));
  await rejectsNaming(readRecordFromFiles({ 'A00001.hea': text(matHea.replace(' 9000 ', ' 9500 ')), 'A00001.mat': mat }), 'BAD_HEADER', 'A00001.mat', /9000 columns/);
});

test('checksum mismatch is reported by openRecord (ok false with the numbers), not ignored', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-io-'));
  const flipped = dat.slice();
  flipped[1000] ^= 0x01; // one bit of one sample
  writeFileSync(join(dir, '100.hea'), hea);
  writeFileSync(join(dir, '100.dat'), flipped);
  const rec = await openRecord(join(dir, '100.hea'));
  assert.equal(rec.checksums!.filter((c) => c.ok === false).length, 1);
  assert.match(rec.checksums!.find((c) => c.ok === false)!.problem!, /checksum -?\d+ differs from the header's -?\d+/);
});

test("checksums: 'throw' makes a mismatch a CHECKSUM_MISMATCH error naming the file and lead", async () => {
  const flipped = dat.slice();
  flipped[2000] ^= 0x10;
  await rejectsNaming(readRecordFromFiles({ '100.hea': text(hea), '100.dat': flipped }, { checksums: 'throw' }), 'CHECKSUM_MISMATCH', '100.hea', /MLII|V5/);
});
