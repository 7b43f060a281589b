// The same checks as `npm run check:data`, on a sample of each data set: every record opens, every
// WFDB checksum and initial value matches its header, annotation files rewrite byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRecord } from '../src/io/openRecord.js';
import { readMitAnnotationSet } from '../src/io/wfdb/annotations.js';
import { writeMitAnnotations } from '../src/io/wfdb/writeAnnotations.js';
import { CINC2017, LUDB, MITDB, NSTDB, PTBXL } from './dataPaths.js';

const samples: [string, string[], number, number][] = [
  // set, headers, leads, fs
  ['mitdb', ['101', '207', '232'].map((r) => join(MITDB, `${r}.hea`)), 2, 360],
  ['ludb', ['2', '100', '200'].map((r) => join(LUDB, `${r}.hea`)), 12, 500],
  ['ptb-xl 100 Hz', ['00010_lr', '00200_lr'].map((r) => join(PTBXL, 'records100', '00000', `${r}.hea`)), 12, 100],
  ['ptb-xl 500 Hz', ['00010_hr', '00200_hr'].map((r) => join(PTBXL, 'records500', '00000', `${r}.hea`)), 12, 500],
  ['nstdb-noise', ['em'].map((r) => join(NSTDB, `${r}.hea`)), 2, 360],
  ['cinc2017', ['A00002', 'A01500', 'A03000'].map((r) => join(CINC2017, `${r}.hea`)), 1, 300],
];

for (const [set, headers, nLeads, fs] of samples) {
  test(`${set}: records open at ${fs} Hz with ${nLeads} leads; checksums and initial values match`, async () => {
    for (const h of headers) {
      const rec = await openRecord(h, { annotators: [] });
      assert.equal(rec.fs, fs, h);
      assert.equal(rec.leads.length, nLeads, h);
      assert.ok(rec.length > 0 && rec.leads.every((l) => l.samples.length === rec.length), h);
      for (const c of rec.checksums!) {
        // CinC 2017 headers leave the checksum 0 ("not stored"); their initial value is still checked.
        if (set === 'cinc2017') assert.ok(c.ok === null && c.initialValueActual === c.initialValueExpected, `${h} ${c.lead}: ${c.problem}`);
        else assert.equal(c.ok, true, `${h} ${c.lead}: ${c.problem}`);
      }
    }
  });
}

test('annotation files of mitdb and ludb rewrite byte for byte', () => {
  for (const f of [join(MITDB, '101.atr'), join(MITDB, '208.atr'), join(LUDB, '200.avf'), join(LUDB, '100.v3')]) {
    const b = new Uint8Array(readFileSync(f));
    assert.deepEqual(writeMitAnnotations(readMitAnnotationSet(b, 'x', f)), b, f);
  }
});
