import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEdf } from './readEdf.js';
import { writeEdf } from './writeEdf.js';
import { encodeTals, parseTals } from './tal.js';
import { readWfdbRecord } from '../wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../wfdb/readAnnotations.js';
import { nodeFileSource } from '../nodeFileSource.js';
import { FORMATS, SAMPLES } from '../../../test/dataPaths.js';
import type { EcgRecord } from '../../record/types.js';

const edfBytes = () => new Uint8Array(readFileSync(join(FORMATS, 'edf', '0000050.ECG.edf')));

function assertSameSamples(a: EcgRecord, b: EcgRecord) {
  assert.equal(b.length, a.length);
  assert.equal(b.fs, a.fs);
  a.leads.forEach((l, k) => {
    for (let i = 0; i < l.samples.length; i++) if (!Object.is(l.samples[i], b.leads[k].samples[i])) assert.fail(`lead ${l.name} sample ${i}: ${l.samples[i]} vs ${b.leads[k].samples[i]}`);
  });
}

test('plain EDF (Contec 0000050): 12 leads at 800 Hz whose digital values equal the verified CSV export', () => {
  const rec = readEdf(edfBytes(), '0000050.ECG.edf');
  assert.equal(rec.fs, 800);
  assert.equal(rec.leads.length, 12);
  assert.deepEqual(rec.leads.slice(0, 6).map((l) => l.name), ['I', 'II', 'III', 'aVR', 'aVL', 'aVF']);
  const csv = readFileSync(join(FORMATS, 'scp-ecg', '0000050.ECG.csv'), 'latin1').split('\n').slice(0, 2000);
  csv.forEach((line, i) => {
    const cells = line.split(',').map((c) => (c === '' ? 0 : Number(c)));
    for (let k = 0; k < 6; k++) assert.equal(rec.leads[k].raw![i], cells[k], `row ${i + 1} lead ${k}`);
  });
  // Physical values follow the header's linear map: -1000..1000 mV over -32768..32767.
  const x = rec.leads[0].raw![0];
  assert.ok(Math.abs(rec.leads[0].samples[0] - (-1000 + ((x + 32768) * 2000) / 65535)) < 1e-4);
});

test('EDF write-then-read: identical samples for EDF, WFDB 212 and WFDB 16 sources', async () => {
  const e = readEdf(edfBytes(), 'a.edf');
  assertSameSamples(e, readEdf(writeEdf(e), 'b.edf'));
  for (const name of ['100', '1']) {
    const rec = await readWfdbRecord(name, nodeFileSource(SAMPLES));
    assertSameSamples(rec, readEdf(writeEdf(rec), `${name}.edf`));
  }
});

test('EDF+ annotations: WFDB labels and rhythm text become TALs and come back at the same samples', async () => {
  const rec = await readWfdbRecord('100', nodeFileSource(SAMPLES));
  rec.annotations = await readWfdbAnnotationSets('100', ['atr'], nodeFileSource(SAMPLES));
  const back = readEdf(writeEdf(rec), '100.edf');
  assert.equal(back.sourceFormat, 'edf+c');
  const src = rec.annotations[0].annotations;
  const got = back.annotations[0].annotations;
  assert.equal(got.length, src.length);
  got.forEach((a, i) => assert.equal(a.sample, src[i].sample));
  assert.equal(got[0].code, '+ (N');
});

test('record lengths that no data-record duration divides are padded on write and cut again on read', async () => {
  const rec = await readWfdbRecord('100', nodeFileSource(SAMPLES));
  const odd = { ...rec, length: 21599, leads: rec.leads.map((l) => ({ ...l, samples: l.samples.subarray(0, 21599), raw: l.raw!.subarray(0, 21599) })) };
  const back = readEdf(writeEdf(odd), 'odd.edf');
  assertSameSamples(odd, back);
  assert.equal(back.annotations.length, 0);
});

test('TALs: onset, duration and several texts parse; the time-keeping TAL has empty text', () => {
  const b = encodeTals([{ onsetS: 0, text: '' }, { onsetS: 1.5, durationS: 0.25, text: 'N' }]);
  assert.deepEqual(parseTals(b).tals, [{ onsetS: 0, durationS: undefined, text: '' }, { onsetS: 1.5, durationS: 0.25, text: 'N' }]);
  const multi = new TextEncoder().encode('+2.5\x14A\x14B\x14\x00\x00\x00');
  assert.deepEqual(parseTals(multi).tals.map((t) => t.text), ['A', 'B']);
});

test('TAL texts are UTF-8 (EDF+ 2.2.2), both ways', () => {
  const text = 'Vorhofflimmern äö — 心房细动';
  const b = encodeTals([{ onsetS: 3, text }]);
  // 'ä' is two bytes in UTF-8, one in Latin-1: the writer must not truncate code points to a byte.
  assert.ok(b.length > text.length + 4);
  assert.deepEqual(parseTals(b).tals, [{ onsetS: 3, durationS: undefined, text }]);
  const fromOtherWriter = new TextEncoder().encode(`+1.25\x14${text}\x14\x00`);
  assert.equal(parseTals(fromOtherWriter).tals[0].text, text);
});

test('EDF+D: data records are placed at their onsets and the gap between them is NaN', async () => {
  const rec = await readWfdbRecord('100', nodeFileSource(SAMPLES));
  const bytes = writeEdf({ ...rec, length: 3600, leads: rec.leads.map((l) => ({ ...l, samples: l.samples.subarray(0, 3600), raw: l.raw!.subarray(0, 3600) })), annotations: [] });
  // Turn it into EDF+D: one-second records 2..9 start 3 s later than they would in EDF+C.
  const hdr = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
  const ns = Number(hdr.slice(252, 256));
  const recBytes = (bytes.length - 256 * (ns + 1)) / 10;
  const d = bytes.slice();
  d.set(new TextEncoder().encode('EDF+D'), 192);
  for (let r = 2; r < 10; r++) {
    const tal = 256 * (ns + 1) + r * recBytes + 2 * 360 * 2;
    d.set(new TextEncoder().encode(`+${r + 3}\x14\x14\x00`), tal);
  }
  const back = readEdf(d, 'gap.edf');
  assert.equal(back.sourceFormat, 'edf+d');
  assert.equal(back.length, 13 * 360);
  assert.ok(back.leads[0].samples.subarray(720, 1800).every(Number.isNaN));
  assert.deepEqual(Array.from(back.leads[0].samples.subarray(1800, 2160)), Array.from(rec.leads[0].samples.subarray(720, 1080)));
  assert.deepEqual(back.metadata.gaps, [{ startSample: 720, length: 1080 }]);
});

/** A minimal plain EDF built field by field (digital range -100..100 = physical -1..1 mV). */
function makeEdf(signals: { label: string; spr: number; values: number[] }[], nRecords: number, durText: string): Uint8Array {
  const pad = (s: string, w: number) => s.padEnd(w, ' ').slice(0, w);
  const ns = signals.length;
  let h = pad('0', 8) + pad('X', 80) + pad('X', 80) + '01.02.03' + '04.05.06' + pad(String(256 * (ns + 1)), 8) + pad('', 44) + pad(String(nRecords), 8) + pad(durText, 8) + pad(String(ns), 4);
  const per = (f: (s: (typeof signals)[number]) => string, w: number) => signals.map((s) => pad(f(s), w)).join('');
  h += per((s) => s.label, 16) + per(() => '', 80) + per(() => 'mV', 8) + per(() => '-1', 8) + per(() => '1', 8) + per(() => '-100', 8) + per(() => '100', 8) + per(() => '', 80) + per((s) => String(s.spr), 8) + per(() => '', 32);
  const body: number[] = [];
  for (let r = 0; r < nRecords; r++) for (const s of signals) for (let i = 0; i < s.spr; i++) { const v = s.values[r * s.spr + i]; body.push(v & 0xff, (v >> 8) & 0xff); }
  return Uint8Array.from([...Array.from(h, (c) => c.charCodeAt(0)), ...body]);
}

test('EDF signals with fewer samples per record are linearly interpolated to the fastest rate and flagged', () => {
  const fast = [0, 10, 20, 30, 40, 50, 60, 70], slow = [0, 40, 80, 100];
  const rec = readEdf(makeEdf([{ label: 'II', spr: 4, values: fast }, { label: 'V1', spr: 2, values: slow }], 2, '1'), 'mf.edf');
  assert.equal(rec.fs, 4);
  assert.equal(rec.startTime?.toISOString(), '2003-02-01T04:05:06.000Z');
  assert.deepEqual(Array.from(rec.leads[0].samples), fast.map((v) => Math.fround(v / 100)));
  assert.deepEqual(Array.from(rec.leads[1].samples), [0, 0.2, 0.4, 0.6, 0.8, 0.9, 1, 1].map(Math.fround));
  assert.equal(rec.leads[1].info.nativeFsHz, 2);
  assert.deepEqual(rec.metadata.interpolatedLeads, ['V1']);
});

test('EDF+D writing: data records with every lead missing are left out and come back as the same NaN gap', async () => {
  const rec = await readWfdbRecord('100', nodeFileSource(SAMPLES));
  const gappy: EcgRecord = { ...rec, leads: rec.leads.map((l) => {
    const samples = l.samples.slice();
    samples.fill(Number.NaN, 720, 1800); // seconds 2-5 missing in both leads
    return { ...l, samples };
  }) };
  const bytes = writeEdf(gappy);
  const back = readEdf(bytes, 'gappy.edf');
  assert.equal(back.sourceFormat, 'edf+d');
  assertSameSamples(gappy, back);
  assert.ok(bytes.length < writeEdf(rec).length);
});
