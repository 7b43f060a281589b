import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { analyze, BUILT_IN_STAGES, StageNotApplicableError, StageUnavailableError, type Analysis, type AnalysisStage } from './analyze.js';
import { openRecord } from './io/openRecord.js';
import { isSinusError } from './errors.js';
import type { EcgRecord } from './record/types.js';
import { SINUS_VERSION } from './version.js';
import { LUDB, MITDB, ROOT } from '../test/dataPaths.js';
import { analysisSchemaErrors } from '../test/support/analysisSchema.js';

/** The schema check as the old zod-style `safeParse(x).success`, on the JSON form. */
const schema = { safeParse: (v: unknown) => ({ success: analysisSchemaErrors(JSON.parse(JSON.stringify(v))).length === 0, errors: analysisSchemaErrors(JSON.parse(JSON.stringify(v))) }) };
const sectionOf = (a: Analysis, name: string) => (name in a.results && name !== 'extra' ? a.results[name as keyof Omit<Analysis['results'], 'extra'>] : a.results.extra[name]);

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
    assert.ok(parsed.success, parsed.errors.join('\n'));
    assert.deepEqual(JSON.parse(JSON.stringify(a)), a, 'Analysis must be plain JSON');
    assert.equal(a.record.fsHz, rec.fs);
    assert.equal(a.record.leads.length, rec.leads.length);
    assert.deepEqual(a.stages.map((s) => s.name), BUILT_IN_STAGES.map((s) => s.name));
    for (const s of a.stages) {
      if (s.status === 'ok') assert.notEqual(sectionOf(a, s.name), null);
      else assert.ok(sectionOf(a, s.name) === null && s.reason && s.reason.length > 5, `${s.name} must say why it is null`);
    }
    // Each result is computed once and handed on: the measurements are those of the median beat section.
    assert.deepEqual(a.stages.find((s) => s.name === 'measurements')?.dependsOn, ['beats', 'waves', 'medianBeat']);
    assert.equal(a.results.measurements?.beatCount, a.results.medianBeat?.median.beatCount);
  }
});

test('the schema rejects a malformed analysis (the validator can fail)', async () => {
  const a = JSON.parse(JSON.stringify(await analyze(await openRecord(join(LUDB, '2.hea')))));
  assert.ok(schema.safeParse(a).success);
  assert.equal(schema.safeParse({ ...a, stages: [{ ...a.stages[0], status: 'fine' }] }).success, false);
  const noRecord = { ...a };
  delete noRecord.record;
  assert.equal(schema.safeParse(noRecord).success, false);
  assert.equal(schema.safeParse({ ...a, schemaVersion: '1.1.0' }).success, false);
  assert.equal(schema.safeParse({ ...a, results: { ...a.results, beats: { ...a.results.beats, samples: ['1'] } } }).success, false);
});

test('a failing, unavailable or dependent stage leaves its section null with a reason; the rest arrives', async () => {
  const rec = await openRecord(join(LUDB, '3.hea'));
  const stages: AnalysisStage[] = [
    { name: 'peak', dependsOn: [], description: 'max |amplitude| of lead II in mV', run: (r) => ({ maxAbsMv: Math.max(...Array.from(r.leads[1].samples, Math.abs)), model: undefined }) },
    { name: 'broken', dependsOn: [], description: 'throws', run: () => { throw new Error('boom'); } },
    { name: 'absent', dependsOn: [], description: 'not built', run: () => { throw new StageUnavailableError('not in this build'); } },
    { name: 'moot', dependsOn: [], description: 'not for this record', run: () => { throw new StageNotApplicableError('only for strips'); } },
    { name: 'after', dependsOn: ['broken'], description: 'needs broken', run: () => 1 },
    { name: 'uses', dependsOn: ['peak', 'beats'], description: 'reads an earlier result', run: (_r, e) => ({ double: (e.extra.peak as { maxAbsMv: number }).maxAbsMv * 2, beats: e.builtIn.beats!.samples.length }), modelsUsed: () => [{ name: 'm.onnx', version: '1', sha256: null }] },
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
  assert.equal(a.results.extra.after, null);
  const peak = (a.results.extra.peak as { maxAbsMv: number }).maxAbsMv;
  assert.ok(peak > 0.1 && peak < 10, 'a real ECG peaks between 0.1 and 10 mV');
  assert.deepEqual(a.results.extra.uses, { double: peak * 2, beats: a.results.beats?.samples.length });
  assert.deepEqual(a.models.filter((m) => m.stage === 'uses'), [{ name: 'm.onnx', version: '1', sha256: null, stage: 'uses' }]);
  assert.ok(progress.every((f, i) => i === 0 || f >= progress[i - 1]), 'progress never goes back');
  assert.equal(progress.at(-1), 1);
  assert.ok(schema.safeParse(a).success);
});

test('only/skip leave stages out with a reason', async () => {
  const rec = await openRecord(join(LUDB, '1.hea'));
  const a = await analyze(rec, { only: ['quality'] });
  assert.ok(a.stages.filter((s) => s.name !== 'quality').every((s) => s.status === 'skipped'));
  // Quality judged against the record's beats (detected once) instead of each lead's own detection.
  const once = await analyze(rec, { only: ['quality', 'beats'], stageOptions: { quality: { useRecordBeats: true } } });
  assert.deepEqual(once.stages.map((s) => s.status).slice(0, 2), ['ok', 'ok']);
  assert.equal(once.results.quality?.leads.length, a.results.quality?.leads.length);
});

test('records that cannot be analysed raise typed errors; odd signals do not crash', async () => {
  const rec = await openRecord(join(LUDB, '1.hea'));
  await assert.rejects(analyze({ ...rec, leads: [] }), (e) => isSinusError(e, 'NOT_ENOUGH_DATA'));
  await assert.rejects(analyze({ ...rec, length: 0, leads: rec.leads.map((l) => ({ ...l, samples: new Float32Array(0) })) }), (e) => isSinusError(e, 'NOT_ENOUGH_DATA'));
  await assert.rejects(analyze({ ...rec, fs: 0 }), (e) => isSinusError(e, 'BAD_SIGNAL'));
  const bad: AnalysisStage[] = [{ name: 'b', dependsOn: ['a'], description: '', run: () => 1 }, { name: 'a', dependsOn: [], description: '', run: () => 1 }];
  await assert.rejects(analyze(rec, { stages: bad }), (e) => isSinusError(e, 'BAD_ARGUMENT'));
  await assert.rejects(analyze(rec, { stages: [{ name: 'beats', dependsOn: [], description: '', run: () => 1 }] }), (e) => isSinusError(e, 'BAD_ARGUMENT'));
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
  const beats = a.results.beats!;
  assert.equal(a.results.quality?.verdict, 'unusable');
  assert.equal(beats.samples.length, 0);
  assert.match(beats.reason ?? '', /unusable/);
  const m = a.results.measurements;
  assert.ok(m === null || m.heartRateBpm === null, 'no heart rate is invented from noise');
  // The same for 2 s of noise, shorter than any rhythm window.
  const short = await analyze(firstSeconds(noise, 2));
  assert.equal(short.results.beats?.samples.length, 0);
  // A clean record keeps every beat.
  const clean = await analyze(rec);
  assert.equal(clean.results.beats?.beatsInUnusableSignal, 0);
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
  const a = JSON.parse(JSON.stringify(await analyze(firstSeconds(await openRecord(join(MITDB, '105.hea')), 20), { only: ['quality', 'beats', 'rhythm'] }))) as Analysis & { results: { rhythm: NonNullable<Analysis['results']['rhythm']> } };
  assert.ok(a.results.rhythm && Array.isArray(a.results.rhythm.episodes) && a.results.rhythm.episodes.length > 0);
  assert.ok(schema.safeParse(a).success);
  const withLabel = (label: string) => ({ ...a, results: { ...a.results, rhythm: { ...a.results.rhythm, episodes: [{ ...a.results.rhythm.episodes[0], label }] } } });
  assert.ok(schema.safeParse(withLabel('noise')).success);
  assert.equal(schema.safeParse(withLabel('ventricular_noise')).success, false);
  assert.equal(schema.safeParse({ ...a, results: { ...a.results, rhythm: { ...a.results.rhythm, holter: { ...a.results.rhythm.holter, unreadableS: -1 } } } }).success, false);
});

test('schema/analysis.schema.json is what `npm run schema` generates from the types', () => {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'generate-schema.mjs'), '--check'], { cwd: ROOT, stdio: 'pipe' });
});
