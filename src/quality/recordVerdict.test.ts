import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze } from '../analyze.js';
import { openRecord } from '../io/openRecord.js';
import { FORMATS, PTBXL } from '../../test/dataPaths.js';
import { assessQuality } from './assessQuality.js';
import { hasUsableSignal } from './hasUsableSignal.js';

// The EDF example has its six chest leads flat (constant 0.015 mV for 47 s): as a 12-lead record it
// is not acceptable, each flat lead says why, and the limb leads still carry the beats.
test('EDF with 6 flat leads: not acceptable, flat leads named, beats still read from the limb leads', async () => {
  const rec = await openRecord(join(FORMATS, 'edf', '0000050.ECG.edf'));
  const q = assessQuality(rec);
  assert.equal(q.verdict, 'unusable');
  assert.match(q.reasons.join('; '), /6 of 12 leads are unusable/);
  for (const name of ['V1', 'V2', 'V3', 'V4', 'V5', 'V6']) {
    const l = q.leads.find((x) => x.lead === name)!;
    assert.equal(l.verdict, 'unusable');
    assert.match(l.reasons.join('; '), /flat line/);
  }
  assert.equal(hasUsableSignal(q), true);
  const a = await analyze(rec, { only: ['quality', 'beats'] });
  assert.ok((a.results.beats as { samples: number[] }).samples.length > 30, 'beats are kept');
});

// 12 leads of Gaussian white noise (0.3 mV RMS, no ECG): unusable, no beats, no rate, no QRS width.
test('12-lead white noise: unusable, and no rate or QRS is read out of it', async () => {
  const base = await openRecord(join(PTBXL, 'records500', '00000', '00001_hr.hea'));
  let seed = 11;
  const gauss = () => { let s = 0; for (let k = 0; k < 12; k++) { seed = (seed * 1103515245 + 12345) % 2147483648; s += seed / 2147483648; } return s - 6; };
  const noise = { ...base, leads: base.leads.map((l) => ({ ...l, samples: Float32Array.from({ length: base.length }, () => 0.3 * gauss()) })) };
  const a = await analyze(noise);
  assert.equal((a.results.quality as { verdict: string }).verdict, 'unusable');
  assert.equal((a.results.beats as { samples: number[] }).samples.length, 0);
  const m = a.results.measurements as { heartRateBpm: number | null; qrsDurationMs: number | null } | null;
  assert.ok(m === null || (m.heartRateBpm === null && m.qrsDurationMs === null));
  const strip = a.results.stripRhythm as { label: string; determinable: boolean };
  assert.equal(strip.determinable, false);
  assert.equal(strip.label, 'noisy');
});

// PTB-XL 1: a lead with unusable stretches must show in the record's reasons even where another lead
// is usable at the same time (the summary may not say less than its leads).
test('PTB-XL 1: every partly unusable lead is named in the record reasons', async () => {
  const rec = await openRecord(join(PTBXL, 'records500', '00000', '00001_hr.hea'));
  const q = assessQuality(rec);
  const partly = q.leads.filter((l) => l.verdict !== 'unusable' && l.indices.unusableFraction > 0);
  assert.ok(partly.length > 0, 'the record has a partly unusable lead');
  for (const l of partly) assert.match(q.reasons.join('; '), new RegExp(`${l.lead} ${Math.round(l.indices.unusableFraction * 100)}%`));
});

// A 26 ms aECG (13 samples) cannot be judged: its strip label says "cannot determine", not "noisy".
test('a 26 ms aECG gets the strip label "undetermined", not "noisy"', async () => {
  const a = await analyze(await openRecord(join(FORMATS, 'hl7-aecg', 'minimum_aecg.xml')));
  const strip = a.results.stripRhythm as { label: string; determinable: boolean; reason: string };
  assert.equal(strip.label, 'undetermined');
  assert.equal(strip.determinable, false);
  assert.match(strip.reason, /at least 9 s/);
});
