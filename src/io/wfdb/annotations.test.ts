import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readMitAnnotationSet } from './annotations.js';
import { writeMitAnnotations } from './writeAnnotations.js';
import { MITDB, LUDB, SAMPLES } from '../../../test/dataPaths.js';

const bytesOf = (p: string) => new Uint8Array(readFileSync(p));

test('MIT-BIH .atr files read and written back are byte-identical (records with AUX, SUB and SKIP words)', () => {
  // 207 and 232 hold long pauses (SKIP), rhythm changes (AUX) and noise annotations with subtypes.
  for (const r of ['100', '207', '232', '203']) {
    const b = bytesOf(join(MITDB, `${r}.atr`));
    const again = writeMitAnnotations(readMitAnnotationSet(b, 'atr', `${r}.atr`));
    assert.deepEqual(again, b, `${r}.atr`);
  }
  for (const lead of ['i', 'v6']) {
    const b = bytesOf(join(LUDB, `1.${lead}`));
    assert.deepEqual(writeMitAnnotations(readMitAnnotationSet(b, lead)), b, `LUDB 1.${lead}`);
  }
});

test('NUM and CHN words, a prologue, a redundant word and bytes after the end marker survive a rewrite', () => {
  const w = (code: number, v: number) => [((code << 10) | v) & 0xff, ((code << 10) | v) >> 8];
  const b = Uint8Array.from([
    ...w(62, 2), // CHN 2 before any annotation
    ...w(1, 5), ...w(60, 3), ...w(61, 1), // N at 5, NUM before SUB (putann writes SUB first)
    ...w(5, 10), ...w(62, 2), // V at 15, redundant CHN 2
    ...w(0, 0), 0x41, 0x42, // end marker and two stray bytes
  ]);
  const set = readMitAnnotationSet(b, 'x');
  assert.deepEqual(set.annotations.map((a) => [a.sample, a.code, a.channel, a.num, a.subtype]), [[5, 'N', 2, 3, 1], [15, 'V', 2, 3, 0]]);
  assert.deepEqual(writeMitAnnotations(set), b);
});

test('edited annotations are re-encoded and read back as edited; the rest keep their bytes', () => {
  const b = bytesOf(join(MITDB, '232.atr'));
  const set = readMitAnnotationSet(b, 'atr');
  const edited = set.annotations.map((a, i) => (i === 5 ? { ...a, code: 'V', codeNum: undefined, sample: a.sample + 1, aux: 'moved' } : a));
  edited.push({ sample: edited[edited.length - 1].sample + 5000, code: 'N', subtype: 3, channel: 1, num: 7, aux: '(AFIB' });
  const back = readMitAnnotationSet(writeMitAnnotations({ annotations: edited, wfdbFraming: set.wfdbFraming }), 'atr').annotations;
  assert.equal(back.length, edited.length);
  back.forEach((a, i) => {
    const e = edited[i];
    assert.deepEqual([a.sample, a.code, a.subtype, a.channel, a.num, a.aux ?? ''], [e.sample, e.code, e.subtype, e.channel, e.num, e.aux ?? ''], `annotation ${i}`);
  });
});

test('annotation files cut by the writer (samples/100.atr) decode to the reference annotations of that minute', () => {
  const full = readMitAnnotationSet(bytesOf(join(MITDB, '100.atr')), 'atr').annotations.filter((a) => a.sample < 21600);
  const cut = readMitAnnotationSet(bytesOf(join(SAMPLES, '100.atr')), 'atr').annotations;
  assert.deepEqual(cut.map((a) => [a.sample, a.code, a.aux ?? '']), full.map((a) => [a.sample, a.code, a.aux ?? '']));
});

test('a truncated annotation file is an error naming the file, not a shorter list', () => {
  const b = bytesOf(join(MITDB, '100.atr'));
  assert.throws(() => readMitAnnotationSet(b.subarray(0, 1001), 'atr', '100.atr'), { code: 'BAD_ANNOTATION', message: /100\.atr/ });
  assert.throws(() => readMitAnnotationSet(b.subarray(0, 0), 'atr', '100.atr'), { code: 'FILE_EMPTY' });
});
