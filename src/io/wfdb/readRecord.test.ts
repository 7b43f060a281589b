import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readWfdbRecord, wfdbChecksum } from './readRecord.js';
import { readWfdbAnnotationSets } from './readAnnotations.js';
import { decodeStream } from './signalFormats.js';
import { encodeStream } from './encodeSignals.js';
import { writeWfdbRecord } from './writeRecord.js';
import { nodeFileSource } from '../nodeFileSource.js';
import { memoryFileSource } from '../source.js';
import { MITDB, LUDB, SAMPLES } from '../../../test/dataPaths.js';

const text = (s: string) => new TextEncoder().encode(s);
const int16le = (v: number[]) => {
  const b = new Uint8Array(v.length * 2);
  v.forEach((x, i) => { b[2 * i] = x & 0xff; b[2 * i + 1] = (x >> 8) & 0xff; });
  return b;
};

test('MIT-BIH 100: 2 signals, 650000 samples at 360 Hz, checksums and initial values match the header', async () => {
  const rec = await readWfdbRecord('100', nodeFileSource(MITDB));
  assert.equal(rec.fs, 360);
  assert.equal(rec.length, 650000);
  assert.deepEqual(rec.leads.map((l) => l.name), ['MLII', 'V5']);
  assert.ok(rec.checksums!.every((c) => c.ok === true && c.initialValueActual === c.initialValueExpected));
  // 100.hea: gain 200, baseline 1024; first raw MLII sample is 995 -> (995-1024)/200 mV.
  assert.equal(rec.leads[0].raw![0], 995);
  assert.ok(Math.abs(rec.leads[0].samples[0] - (995 - 1024) / 200) < 1e-6);
});

test('MIT-BIH 100 atr: 2273 beats and one rhythm annotation', async () => {
  const [set] = await readWfdbAnnotationSets('100', ['atr'], nodeFileSource(MITDB));
  const beats = set.annotations.filter((a) => a.code !== '+');
  assert.equal(beats.length, 2273);
  assert.equal(set.annotations[0].aux, '(N');
});

test('LUDB 1: 12 leads in format 16 with matching checksums', async () => {
  const rec = await readWfdbRecord('1', nodeFileSource(LUDB));
  assert.equal(rec.leads.length, 12);
  assert.equal(rec.fs, 500);
  assert.equal(rec.length, 5000);
  assert.ok(rec.checksums!.every((c) => c.ok === true));
});

test('every writable format decodes what it encodes, including the extremes of its range', () => {
  const ranges: Record<number, [number, number]> = { 80: [-128, 127], 16: [-32768, 32767], 61: [-32768, 32767], 160: [-32768, 32767], 212: [-2048, 2047], 310: [-512, 511], 311: [-512, 511], 24: [-(2 ** 23), 2 ** 23 - 1], 32: [-(2 ** 31), 2 ** 31 - 1] };
  for (const [f, [lo, hi]] of Object.entries(ranges)) {
    for (const n of [1, 2, 3, 4, 5, 7]) {
      const v = Int32Array.from({ length: n }, (_, i) => [lo, hi, 0, -1, 1, lo + 1, hi - 1][i % 7]);
      assert.deepEqual(decodeStream(encodeStream(v, Number(f)), Number(f), n), v, `format ${f}, ${n} samples`);
    }
  }
});

test('format 212, 310 and 311 bit layouts follow the WFDB signal(5) description', () => {
  // 212: s0 = b0 | (b1 & 0x0f) << 8, s1 = b2 | (b1 & 0xf0) << 4.
  assert.deepEqual(Array.from(decodeStream(Uint8Array.from([0x34, 0x21, 0x56]), 212, 2)), [0x134, 0x256]);
  // 311: three 10-bit samples in bits 0-9, 10-19, 20-29 of a little-endian 32-bit word.
  const w = (5 | (1023 << 10) | (512 << 20)) >>> 0;
  assert.deepEqual(Array.from(decodeStream(Uint8Array.from([w & 0xff, (w >>> 8) & 0xff, (w >>> 16) & 0xff, w >>> 24]), 311, 3)), [5, -1, -512]);
  // 310: s0 in bits 1-10 of the first 16-bit word, s1 in bits 1-10 of the second, s2's low five
  // bits in bits 11-15 of the first and its high five in bits 11-15 of the second.
  const s2 = 0b1010110011; // 691 -> -333 as 10-bit two's complement
  const w0 = (7 << 1) | ((s2 & 0x1f) << 11), w1 = (300 << 1) | ((s2 >> 5) << 11);
  assert.deepEqual(Array.from(decodeStream(Uint8Array.from([w0 & 0xff, w0 >> 8, w1 & 0xff, w1 >> 8]), 310, 3)), [7, 300, s2 - 1024]);
});

test('multi-frequency: record rate is the fastest signal, the slower one is linearly interpolated and flagged', async () => {
  // Frame = two samples of A then one of B; A at 200 Hz, B at 100 Hz.
  const a = [0, 10, 20, 30, 40, 50, 60, 70], b = [0, 100, 200, 300];
  const frames: number[] = [];
  for (let f = 0; f < 4; f++) frames.push(a[2 * f], a[2 * f + 1], b[f]);
  const hea = `mf 2 100 4\nmf.dat 16x2 100 16 0 0 ${wfdbChecksum(Int32Array.from(a))} 0 A\nmf.dat 16 100 16 0 0 ${wfdbChecksum(Int32Array.from(b))} 0 B\n`;
  const files = { 'mf.hea': text(hea), 'mf.dat': int16le(frames) };
  const rec = await readWfdbRecord('mf', memoryFileSource(files));
  assert.equal(rec.fs, 200);
  assert.equal(rec.length, 8);
  assert.deepEqual(Array.from(rec.leads[0].samples), a.map((x) => Math.fround(x / 100)));
  // B's stored sample j sits at output position 2j; halfway points are the mean of neighbours; the
  // last position holds the last stored value.
  assert.deepEqual(Array.from(rec.leads[1].samples), [0, 0.5, 1, 1.5, 2, 2.5, 3, 3]);
  assert.equal(rec.leads[1].info.nativeFsHz, 100);
  assert.equal(rec.leads[1].raw!.length, 4);
  assert.deepEqual(rec.metadata.interpolatedLeads, ['B']);
  assert.ok(rec.checksums!.every((c) => c.ok === true));
  await assert.rejects(readWfdbRecord('mf', memoryFileSource(files), { multiFrequency: 'reject' }), { code: 'UNSUPPORTED_FORMAT' });
});

test('skew and byte offset: a skewed signal is read from later frames, the run-out is NaN and reported', async () => {
  // 4 junk bytes before the samples (byte offset 4); B is skewed by one frame.
  const data = new Uint8Array([9, 9, 9, 9, ...int16le([1, 11, 2, 12, 3, 13])]);
  const hea = 'sk 2 100 3\nsk.dat 16+4 100 16 0 1 0 0 A\nsk.dat 16:1+4 100 16 0 12 0 0 B\n';
  const rec = await readWfdbRecord('sk', memoryFileSource({ 'sk.hea': text(hea), 'sk.dat': data }));
  assert.deepEqual(Array.from(rec.leads[0].samples), [0.01, 0.02, 0.03].map(Math.fround));
  assert.deepEqual(Array.from(rec.leads[1].samples.subarray(0, 2)), [0.12, 0.13].map(Math.fround));
  assert.ok(Number.isNaN(rec.leads[1].samples[2]));
  assert.ok((rec.metadata.warnings as string[]).some((w) => /skew 1/.test(w)));
});

test('multi-segment records: fixed layout joins segments, variable layout matches signals by name, null segments are NaN', async () => {
  const src = await readWfdbRecord('100', nodeFileSource(SAMPLES));
  const part = (name: string, start: number, len: number, leads = [0, 1]) => writeWfdbRecord({
    ...src, name, length: len, annotations: [],
    leads: leads.map((k) => ({ ...src.leads[k], samples: src.leads[k].samples.slice(start, start + len), raw: src.leads[k].raw!.slice(start, start + len) })),
  }, { format: 212 });
  const files: Record<string, Uint8Array> = { ...part('s1', 0, 100), ...part('s2', 100, 50) };
  files['fx.hea'] = text('fx/3 2 360 200\ns1 100\n~ 50\ns2 50\n');
  const fixed = await readWfdbRecord('fx', memoryFileSource(files));
  assert.equal(fixed.length, 200);
  assert.deepEqual(Array.from(fixed.leads[0].samples.subarray(0, 100)), Array.from(src.leads[0].samples.subarray(0, 100)));
  assert.ok(fixed.leads[1].samples.subarray(100, 150).every(Number.isNaN));
  assert.deepEqual(Array.from(fixed.leads[1].samples.subarray(150, 200)), Array.from(src.leads[1].samples.subarray(100, 150)));
  assert.equal(fixed.metadata.layout, 'fixed');
  // Variable layout: the second segment has only V5.
  const v: Record<string, Uint8Array> = { ...part('v1', 0, 100), ...part('v2', 100, 50, [1]) };
  v['vl_layout.hea'] = text('vl_layout 2 360 0\n~ 0 200/mV 11 1024 0 0 0 MLII\n~ 0 200/mV 11 1024 0 0 0 V5\n');
  v['vl.hea'] = text('vl/3 2 360 150\nvl_layout 0\nv1 100\nv2 50\n');
  const variable = await readWfdbRecord('vl', memoryFileSource(v));
  assert.equal(variable.metadata.layout, 'variable');
  assert.ok(variable.leads[0].samples.subarray(100).every(Number.isNaN));
  assert.deepEqual(Array.from(variable.leads[1].samples.subarray(100)), Array.from(src.leads[1].samples.subarray(100, 150)));
  assert.ok(variable.checksums!.length === 3 && variable.checksums!.every((c) => c.ok === true));
});

test('checksum and initial-value mismatches are reported per lead, not thrown', async () => {
  const src = await readWfdbRecord('100', nodeFileSource(SAMPLES));
  const files = writeWfdbRecord(src, { format: 212 });
  const lines = new TextDecoder().decode(files['100.hea']).split('\n');
  const f = lines[1].split(' ');
  f[6] = String(Number(f[6]) + 1); // checksum off by one
  lines[1] = f.join(' ');
  const g = lines[2].split(' ');
  g[5] = String(Number(g[5]) + 3); // initial value off
  lines[2] = g.join(' ');
  files['100.hea'] = text(lines.join('\n'));
  const rec = await readWfdbRecord('100', memoryFileSource(files));
  assert.equal(rec.checksums![0].ok, false);
  assert.match(rec.checksums![0].problem!, /checksum/);
  assert.equal(rec.checksums![1].ok, false);
  assert.match(rec.checksums![1].problem!, /initial value/);
});
