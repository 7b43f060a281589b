import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRecordFromFiles } from './detect.js';
import { writeEdf } from './edf/writeEdf.js';
import { writeCsv } from './csv/writeCsv.js';
import { isSinusError } from '../errors.js';
import { SAMPLES } from '../../test/dataPaths.js';

test('truncated, overwritten and shifted bytes in any file of a record give a record or a SinusError, never a crash', async () => {
  const f = (n: string) => new Uint8Array(readFileSync(join(SAMPLES, n)));
  const ludb = await readRecordFromFiles({ '1.hea': f('1.hea'), '1.dat': f('1.dat') });
  const short = { ...ludb, length: 500, leads: ludb.leads.map((l) => ({ ...l, samples: l.samples.subarray(0, 500), raw: l.raw!.subarray(0, 500) })), annotations: [] };
  const sets: Record<string, Uint8Array>[] = [
    { '100.hea': f('100.hea'), '100.dat': f('100.dat'), '100.atr': f('100.atr') },
    { '1.hea': f('1.hea'), '1.dat': f('1.dat'), '1.i': f('1.i') },
    { 'a.edf': writeEdf(short) },
    { 'a.csv': new TextEncoder().encode(writeCsv(short)) },
  ];
  let seed = 20261129;
  const rnd = () => { seed = (seed * 1103515245 + 12345) >>> 0; return seed / 4294967296; };
  let opened = 0, refused = 0;
  for (let it = 0; it < 160; it++) {
    const base = sets[it % sets.length];
    const names = Object.keys(base);
    const target = names[Math.floor(rnd() * names.length)];
    const files: Record<string, Uint8Array> = { ...base };
    let b = base[target].slice();
    const kind = it % 3;
    if (kind === 0) b = b.subarray(0, Math.floor(rnd() * b.length));
    else if (kind === 1) for (let k = 0; k < 8; k++) b[Math.floor(rnd() * Math.min(b.length, 700))] = Math.floor(rnd() * 256);
    else { const c = new Uint8Array(b.length + 5); c.set(b.subarray(0, 40)); c.set([0xff, 0, 0x7f, 13, 10], 40); c.set(b.subarray(40), 45); b = c; }
    files[target] = b;
    try {
      const rec = await readRecordFromFiles(files, { main: names[0] });
      assert.ok(rec.fs > 0 && Number.isFinite(rec.fs), `case ${it}: fs ${rec.fs}`);
      assert.ok(rec.leads.every((l) => l.samples.length === rec.length), `case ${it}: lead lengths`);
      opened++;
    } catch (e) {
      assert.ok(isSinusError(e), `case ${it} (${target}): ${(e as Error).stack}`);
      refused++;
    }
  }
  assert.ok(opened > 0 && refused > 0);
});
