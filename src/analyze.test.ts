import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { analyze, defaultStages, StageNotApplicableError, StageUnavailableError, type AnalysisStage } from './analyze.js';
import { openRecord } from './io/openRecord.js';
import { isSinusError } from './errors.js';
import type { EcgRecord } from './record/types.js';
import { SINUS_VERSION } from './version.js';
import { LUDB, MITDB, ROOT } from '../test/dataPaths.js';

const schema = z.fromJSONSchema(JSON.parse(readFileSync(join(ROOT, 'schema', 'analysis.schema.json'), 'utf8')));

function firstSeconds(rec: EcgRecord, seconds: number): EcgRecord {
  const n = Math.min(rec.length, Math.round(seconds * rec.fs));
  return { ...rec, length: n, leads: rec.leads.map((l) => ({ ...l, samples: l.samples.subarray(0, n) })) };
}

test('analyses of real records validate against schema/analysis.schema.json and survive JSON', async () => {
  const ludb = await openRecord(join(LUDB, '1.hea'));
  const mit = firstSeconds(await openRecord(join(MITDB, '100.hea')), 30);
  for (const rec of [ludb, mit]) {
    const a = await analyze(rec);
    const parsed = schema.safeParse(JSON.parse(JSON.stringify(a)));
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues?.slice(0, 3)));
    assert.deepEqual(JSON.parse(JSON.stringify(a)), a, 'Analysis must be plain JSON');
    assert.equal(a.record.fsHz, rec.fs);
    assert.equal(a.record.leads.length, rec.leads.length);
    assert.equal(a.stages.length, defaultStages().length);
    for (const s of a.stages) {
      if (s.status === 'ok') assert.notEqual(a.results[s.name], null);
      else assert.ok(a.results[s.name] === null && s.reason && s.reason.length > 5, `${s.name} must say why it is null`);
    }
  }
});

test('the schema rejects a malformed analysis (the validator can fail)', async () => {
  const a = JSON.parse(JSON.stringify(await analyze(await openRecord(join(LUDB, '2.hea')))));
  assert.ok(schema.safeParse(a).success);
  assert.equal(schema.safeParse({ ...a, stages: [{ ...a.stages[0], status: 'fine' }] }).success, false);
  const noRecord = { ...a };
  delete noRecord.record;
  assert.equal(schema.safeParse(noRecord).success, false);
  assert.equal(schema.safeParse({ ...a, schemaVersion: '2.0.0' }).success, false);
});

test('a failing, unavailable or dependent stage leaves its section null with a reason; the rest arrives', async () => {
  const rec = await openRecord(join(LUDB, '3.hea'));
  const stages: AnalysisStage[] = [
    { name: 'peak', dependsOn: [], description: 'max |amplitude| of lead II in mV', run: (r) => ({ maxAbsMv: Math.max(...Array.from(r.leads[1].samples, Math.abs)), model: undefined }) },
    { name: 'broken', dependsOn: [], description: 'throws', run: () => { throw new Error('boom'); } },
    { name: 'absent', dependsOn: [], description: 'not built', run: () => { throw new StageUnavailableError('not in this build'); } },
    { name: 'moot', dependsOn: [], description: 'not for this record', run: () => { throw new StageNotApplicableError('only for strips'); } },
    { name: 'after', dependsOn: ['broken'], description: 'needs broken', run: () => 1 },
    { name: 'uses', dependsOn: ['peak'], description: 'reads an earlier result', run: (_r, e) => ({ double: (e.peak as { maxAbsMv: number }).maxAbsMv * 2 }), modelsUsed: () => [{ name: 'm.onnx', version: '1', sha256: null }] },
  ];
  const progress: number[] = [];
  const a = await analyze(rec, { stages, onProgress: (p) => progress.push(p.fraction) });
  const by = Object.fromEntries(a.stages.map((s) => [s.name, s]));
  assert.equal(by.peak.status, 'ok');
  assert.equal(by.broken.status, 'failed');
  assert.match(by.broken.reason!, /boom/);
  assert.equal(by.absent.status, 'unavailable');
  assert.deepEqual([by.moot.status, by.moot.reason], ['skipped', 'only for strips']);
  assert.equal(by.after.status, 'skipped');
  assert.match(by.after.reason!, /broken/);
  assert.equal(a.results.after, null);
  const peak = (a.results.peak as { maxAbsMv: number }).maxAbsMv;
  assert.ok(peak > 0.1 && peak < 10, 'a real ECG peaks between 0.1 and 10 mV');
  assert.equal((a.results.uses as { double: number }).double, peak * 2);
  assert.deepEqual(a.models, [{ name: 'm.onnx', version: '1', sha256: null, stage: 'uses' }]);
  assert.ok(progress.every((f, i) => i === 0 || f >= progress[i - 1]), 'progress never goes back');
  assert.equal(progress.at(-1), 1);
  assert.ok(schema.safeParse(a).success);
});

test('only/skip leave stages out with a reason', async () => {
  const rec = await openRecord(join(LUDB, '1.hea'));
  const a = await analyze(rec, { only: ['quality'] });
  assert.ok(a.stages.filter((s) => s.name !== 'quality').every((s) => s.status === 'skipped'));
});

test('records that cannot be analysed raise typed errors; odd signals do not crash', async () => {
  const rec = await openRecord(join(LUDB, '1.hea'));
  await assert.rejects(analyze({ ...rec, leads: [] }), (e) => isSinusError(e, 'NOT_ENOUGH_DATA'));
  await assert.rejects(analyze({ ...rec, length: 0, leads: rec.leads.map((l) => ({ ...l, samples: new Float32Array(0) })) }), (e) => isSinusError(e, 'NOT_ENOUGH_DATA'));
  await assert.rejects(analyze({ ...rec, fs: 0 }), (e) => isSinusError(e, 'BAD_SIGNAL'));
  const bad: AnalysisStage[] = [{ name: 'b', dependsOn: ['a'], description: '', run: () => 1 }, { name: 'a', dependsOn: [], description: '', run: () => 1 }];
  await assert.rejects(analyze(rec, { stages: bad }), (e) => isSinusError(e, 'BAD_ARGUMENT'));
  const nan = { ...rec, leads: rec.leads.map((l) => ({ ...l, samples: new Float32Array(rec.length).fill(NaN) })) };
  const flat = { ...rec, leads: rec.leads.map((l) => ({ ...l, samples: new Float32Array(rec.length) })) };
  for (const r of [nan, flat, firstSeconds(rec, 0.5)]) assert.ok(schema.safeParse(JSON.parse(JSON.stringify(await analyze(r)))).success);
});

test('noise gives no beats and no clinical numbers: nothing is read out of unusable signal', async () => {
  // 10 s of uniform noise, 12 leads, no ECG at all: an honest reading is "cannot determine".
  const rec = await openRecord(join(LUDB, '1.hea'));
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  const noise = { ...rec, leads: rec.leads.map((l) => ({ ...l, samples: Float32Array.from({ length: rec.length }, () => rand()) })) };
  const a = await analyze(noise);
  const beats = a.results.beats as { samples: number[]; reason: string | null; beatsInUnusableSignal: number };
  assert.equal((a.results.quality as { verdict: string }).verdict, 'unusable');
  assert.equal(beats.samples.length, 0);
  assert.match(beats.reason ?? '', /unusable/);
  const m = a.results.measurements as { heartRateBpm: number | null } | null;
  assert.ok(m === null || m.heartRateBpm === null, 'no heart rate is invented from noise');
  // The same for 2 s of noise, shorter than any rhythm window.
  const short = await analyze(firstSeconds(noise, 2));
  assert.equal((short.results.beats as { samples: number[] }).samples.length, 0);
  // A clean record keeps every beat.
  const clean = await analyze(rec);
  assert.equal((clean.results.beats as { beatsInUnusableSignal: number }).beatsInUnusableSignal, 0);
});

test('an aborted analysis stops between stages', async () => {
  const rec = await openRecord(join(LUDB, '1.hea'));
  const ac = new AbortController();
  ac.abort(new Error('client went away'));
  await assert.rejects(analyze(rec, { signal: ac.signal }), /client went away/);
});

test('SINUS_VERSION matches package.json', () => {
  assert.equal(SINUS_VERSION, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
});

test('the schema checks rhythm episode labels: noise is valid, an unknown label is not', async () => {
  const a = JSON.parse(JSON.stringify(await analyze(firstSeconds(await openRecord(join(MITDB, '105.hea')), 20), { only: ['quality', 'beats', 'rhythm'] })));
  assert.ok(a.results.rhythm && Array.isArray(a.results.rhythm.episodes) && a.results.rhythm.episodes.length > 0);
  assert.ok(schema.safeParse(a).success);
  const withLabel = (label: string) => ({ ...a, results: { ...a.results, rhythm: { ...a.results.rhythm, episodes: [{ ...a.results.rhythm.episodes[0], label }] } } });
  assert.ok(schema.safeParse(withLabel('noise')).success);
  assert.equal(schema.safeParse(withLabel('ventricular_noise')).success, false);
  assert.equal(schema.safeParse({ ...a, results: { ...a.results, rhythm: { ...a.results.rhythm, holter: { ...a.results.rhythm.holter, unreadableS: -1 } } } }).success, false);
});
