// Issue 21, failure 8: a fixed-seed slice of the fuzz suite (`npm run fuzz -- --cases N` runs more):
// every real seed mutated, read as every path reads; no crash, no invalid record, memory bound held.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzzSeeds, mutateSeed, rng, runFuzzCase } from '../../bench/fuzz/fuzzCases.js';
import { READER_BYTES_PER_INPUT_BYTE, recordSignalBytes } from '../../src/io/readerMemory.js';
import { readRecordFromFiles } from '../../src/io/detect.js';

test('every unmutated seed reads within its reader\'s declared memory per input byte', async () => {
  for (const seed of await fuzzSeeds()) {
    let rec;
    try {
      rec = await readRecordFromFiles(seed.files, { main: seed.main });
    } catch {
      continue; // companion-only seeds (e.g. a CSV beside an SCP file) may be refused; the fuzz covers them
    }
    const input = Object.values(seed.files).reduce((s, b) => s + b.length, 0);
    const key = (rec.sourceFormat ?? '').replace(/\+.*$/, '').replace(/^edf\w*$/, 'edf').replace(/^tsv$/, 'csv');
    const perByte = READER_BYTES_PER_INPUT_BYTE[key];
    // Multi-segment records repeat a segment: bounded by the limits, not per byte.
    if (seed.label === 'wfdb multi-segment') continue;
    assert.ok(perByte !== undefined, `${seed.label}: no declared bound for ${rec.sourceFormat}`);
    assert.ok(recordSignalBytes(rec) <= perByte * input, `${seed.label}: ${recordSignalBytes(rec)} > ${perByte} x ${input}`);
  }
});

test('fuzz slice: 2 mutations of every seed (fixed seed) give a valid record within its memory bound or a SinusError', { timeout: 120_000 }, async () => {
  const seeds = await fuzzSeeds();
  const r = rng(20261208);
  const counts: Record<string, number> = {};
  const bad: string[] = [];
  for (const seed of seeds) {
    for (let k = 0; k < 2; k++) {
      const { files, target } = mutateSeed(seed, r);
      const o = await runFuzzCase(files, seed.main);
      counts[o.kind] = (counts[o.kind] ?? 0) + 1;
      if (o.kind === 'crash' || o.kind === 'invalid' || o.kind === 'memory') bad.push(`${seed.label} (${target}, case ${k}): ${o.kind} ${o.detail ?? ''} ${o.ms.toFixed(0)} ms`);
    }
  }
  assert.deepEqual(bad, []);
  assert.ok((counts.refused ?? 0) > 0 && (counts.read ?? 0) > 0, JSON.stringify(counts));
});
