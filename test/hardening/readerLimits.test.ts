// Regression tests for issue 21, failures 1 (limits before allocation), 4 (the __proto__ crash) and
// 5 (readers validate what they return), built from the reproducers on real records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSinusError } from '../../src/errors.js';
import { readRecordFromFiles } from '../../src/io/detect.js';
import { FORMATS, SAMPLES } from '../dataPaths.js';

const hea100 = readFileSync(join(SAMPLES, '100.hea'), 'latin1');
const dat100 = new Uint8Array(readFileSync(join(SAMPLES, '100.dat')));
const hea1 = new Uint8Array(readFileSync(join(SAMPLES, '1.hea')));
const dat1 = new Uint8Array(readFileSync(join(SAMPLES, '1.dat')));
const bytes = (s: string) => new TextEncoder().encode(s);

async function rejectsWith(p: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(p, (e: unknown) => isSinusError(e) && e.code === code ? true : assert.fail(`expected SinusError ${code}, got ${String(e)}`));
}

for (const name of ['__proto__', 'constructor', 'hasOwnProperty', 'valueOf', 'toString']) {
  test(`a WFDB header naming its signal file ${name}: that file or FILE_NOT_FOUND, never a TypeError`, async () => {
    const hea = bytes(hea100.replaceAll('100.dat', name));
    await rejectsWith(readRecordFromFiles({ 'x.hea': hea }), 'FILE_NOT_FOUND');
    // Object.fromEntries makes an own property even for '__proto__'.
    const rec = await readRecordFromFiles(Object.fromEntries([['x.hea', hea], [name, dat100]]));
    const ref = await readRecordFromFiles({ '100.hea': bytes(hea100), '100.dat': dat100 });
    assert.equal(rec.length, 21600); // the header's own length
    assert.deepEqual(rec.leads[0].raw, ref.leads[0].raw);
  });
}

test('a WFDB header with 0 signals is NOT_ENOUGH_DATA', async () => {
  await rejectsWith(readRecordFromFiles({ 'x.hea': bytes('x 0 360 1000\n') }), 'NOT_ENOUGH_DATA');
});

test('an absurd gain giving infinite samples is BAD_SIGNAL', async () => {
  const hea = bytes(hea100.replace('200(1024)/mV', '1e-320(1024)/mV'));
  await rejectsWith(readRecordFromFiles({ '100.hea': hea, '100.dat': dat100 }), 'BAD_SIGNAL');
});

for (const inc of ['0', '1e-400', '1e400']) {
  test(`an aECG whose increment ${inc} s gives a rate that is not finite and above 0 is a typed error`, async () => {
    const xml = readFileSync(join(FORMATS, 'hl7-aecg', 'minimum_aecg.xml'), 'utf8').replace('<increment value="0.002" unit="s"/>', `<increment value="${inc}" unit="s"/>`);
    await assert.rejects(readRecordFromFiles({ 'x.xml': bytes(xml) }), (e: unknown) => isSinusError(e));
  });
}

/** Heap outside V8 (typed arrays) grown while `f` runs, sampled every millisecond. */
async function peakArrayBufferGrowth(f: () => Promise<unknown>): Promise<number> {
  const base = process.memoryUsage().arrayBuffers;
  let peak = base;
  const t = setInterval(() => { peak = Math.max(peak, process.memoryUsage().arrayBuffers); }, 1);
  try { await f(); } catch { /* the caller checks the error */ } finally { clearInterval(t); }
  return Math.max(peak, process.memoryUsage().arrayBuffers) - base;
}

test('a multi-segment header listing one 10 s segment 8,640 times (24 h, 12 leads) is refused before the record is built', async () => {
  const segs = Array.from({ length: 8640 }, () => '1 5000').join('\n');
  const master = bytes(`multi/8640 12 500 ${8640 * 5000}\n${segs}\n`);
  assert.ok(master.length < 80_000);
  const files = { 'multi.hea': master, '1.hea': hea1, '1.dat': dat1 };
  const t0 = performance.now();
  await rejectsWith(readRecordFromFiles(files), 'LIMIT_EXCEEDED');
  assert.ok(performance.now() - t0 < 2000);
  // 518 million samples would be over 2 GB as Float32; refused having read one 120 KB segment.
  assert.ok((await peakArrayBufferGrowth(() => readRecordFromFiles(files))) < 50e6);
  // A real multi-segment record of the same segment three times still reads.
  const ok = await readRecordFromFiles({ 'multi.hea': bytes('multi/3 12 500 15000\n1 5000\n1 5000\n1 5000\n'), '1.hea': hea1, '1.dat': dat1 });
  assert.equal(ok.length, 15000);
  assert.deepEqual(ok.leads[3].samples.subarray(5000, 10000), ok.leads[3].samples.subarray(0, 5000));
});

test('a header of 1,000 leads is refused before its signal file is read', async () => {
  const lines = Array.from({ length: 1000 }, (_, i) => `x.dat 16 200/mV 16 0 0 0 0 s${i}`).join('\n');
  // No x.dat given: the limit must be judged before the reader asks for it.
  await rejectsWith(readRecordFromFiles({ 'x.hea': bytes(`x 1000 500 5000\n${lines}\n`) }), 'LIMIT_EXCEEDED');
});

test('24 h at 1 kHz declared by a tiny header is refused under a service limit without allocating it', async () => {
  const hea = bytes('x 1 1000 86400000\n~ 0 200/mV 16 0 0 0 0 II\n');
  const limits = { maxTotalSamples: 20_000_000 };
  await rejectsWith(readRecordFromFiles({ 'x.hea': hea }, { limits }), 'LIMIT_EXCEEDED');
  assert.ok((await peakArrayBufferGrowth(() => readRecordFromFiles({ 'x.hea': hea }, { limits }))) < 20e6);
});

test('SCP-ECG (Huffman: the header can declare more than its bytes) checks the limits before decoding', async () => {
  const scp = new Uint8Array(readFileSync(join(FORMATS, 'scp-ecg', '0000050.ECG.scp')));
  const rec = await readRecordFromFiles({ 'x.scp': scp });
  await rejectsWith(readRecordFromFiles({ 'x.scp': scp }, { limits: { maxTotalSamples: rec.length * rec.leads.length - 1 } }), 'LIMIT_EXCEEDED');
});
