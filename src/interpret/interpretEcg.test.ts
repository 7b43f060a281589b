import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../analyze.js';
import { openRecord } from '../io/openRecord.js';
import { shippedModelStageOptions } from '../analyze/shippedModels.node.js';
import { interpretEcg } from './interpretEcg.js';
import { CATALOGUE, statementText } from './catalogue.js';
import { SCP_STATEMENTS } from './scpStatements.js';
import { deviceStatement } from './deviceStatements.js';
import { patientFromMetadata } from './interpretInput.js';
import type { Interpretation } from './types.js';
import { formatAnalysisText } from '../cli/commands/analyze.js';
import { formatInterpretationText } from '../cli/commands/interpret.js';
import { renderSvg } from '../render/svg.js';
import { FORMATS, LUDB, PTBXL } from '../../test/dataPaths.js';

const ptbPath = (id: number) => join(PTBXL, 'records500', '00000', `${String(id).padStart(5, '0')}_hr.hea`);
const ptbRow = (id: number) => readFileSync(join(PTBXL, 'ptbxl_database.csv'), 'utf8').split('\n').find((l) => l.startsWith(`${id},`))!;
const cache = new Map<string, Analysis>();
async function analysed(path: string): Promise<Analysis> {
  // As the CLI runs it: with the shipped strip models (their second opinion on AF).
  if (!cache.has(path)) cache.set(path, await analyze(await openRecord(path), { stageOptions: await shippedModelStageOptions() }));
  return cache.get(path)!;
}
const interp = (a: Analysis) => a.results.interpretation as unknown as Interpretation;
const codes = (a: Analysis) => interp(a).statements.map((s) => s.code);

test('catalogue: every statement has English and German text, a criterion and a source; PTB-XL codes carry the csv AHA codes', () => {
  const csv = readFileSync(join(PTBXL, 'scp_statements.csv'), 'utf8').split('\n');
  for (const e of Object.values(CATALOGUE)) {
    assert.ok(e.text.en && e.text.de && e.criteria && e.source, e.code);
    for (const x of [...e.excludes, ...e.implies]) assert.ok(CATALOGUE[x], `${e.code} names ${x}, which is in the catalogue`);
    if (e.origin === 'ptb-xl') {
      const row = csv.find((l) => l.startsWith(`${e.code},`));
      assert.ok(row, `${e.code} is in scp_statements.csv`);
      assert.equal(e.ahaCode, SCP_STATEMENTS[e.code].ahaCode);
      if (e.ahaCode) assert.ok(row!.split(',').includes(e.ahaCode), `${e.code} AHA ${e.ahaCode}`);
    }
  }
  assert.equal(statementText('LVH', 'de', ['with_repolarization_abnormality']), 'Linksherzhypertrophie mit Repolarisationsstörung');
});

test('LUDB record 1 (sinus bradycardia by its cardiologists) gets one rhythm statement on every surface', async () => {
  const a = await analysed(join(LUDB, '1.hea'));
  const i = interp(a);
  assert.equal(i.rhythm?.code, 'SBRAD');
  assert.equal(i.statements.filter((s) => s.category === 'rhythm' && s.code !== 'NORM').length, 1);
  const text = formatAnalysisText(a);
  assert.doesNotMatch(text, /stripRhythm/);
  assert.equal(text.split('\n').filter((l) => /^rhythm\s/.test(l)).length, 1);
  assert.match(text, /^rhythm\s+sinus bradycardia/m);
  assert.match(formatInterpretationText(i), /^ {2}sinus bradycardia/m);
  const svg = renderSvg(await openRecord(join(LUDB, '1.hea')), { analysis: a });
  assert.match(svg, /Sinus bradycardia/);
  assert.doesNotMatch(svg, />undetermined</);
});

// Records chosen by their PTB-XL labels (the statement listed), each with the statement; record 1
// (NORM, sinus rhythm) has none of them.
const FAMILIES: Array<[string, number, string]> = [
  ['conduction', 172, 'CRBBB'], ['conduction', 102, '1AVB'], ['rhythm', 318, 'AFIB'], ['hypertrophy', 30, 'LVH'],
  ['infarction', 177, 'ASMI'], ['ectopy', 170, 'PVC'], ['infarction', 266, 'IMI'],
];
for (const [family, id, code] of FAMILIES) {
  test(`${family}: PTB-XL ${id} (labelled ${code}) gets ${code}; PTB-XL 1 (labelled NORM) does not`, async () => {
    assert.match(ptbRow(id), new RegExp(`'${code}'`));
    const pos = await analysed(ptbPath(id));
    assert.ok(codes(pos).includes(code), `${id}: ${codes(pos).join(', ')}`);
    const s = interp(pos).statements.find((x) => x.code === code)!;
    assert.ok(s.evidence.some((e) => e.supports), 'evidence supports it');
    const neg = await analysed(ptbPath(1));
    assert.ok(!codes(neg).includes(code));
  });
}

test('axis: PTB-XL 41 (heart_axis ALAD) gets left axis deviation, PTB-XL 1 none', async () => {
  assert.match(ptbRow(41), /,ALAD,/);
  assert.ok(codes(await analysed(ptbPath(41))).includes('LAD'));
  assert.ok(!codes(await analysed(ptbPath(1))).some((c) => ['LAD', 'RAD', 'EXTAX'].includes(c)));
});

test('normal: PTB-XL 1 (NORM) is a normal ECG in sinus rhythm with a summary', async () => {
  const i = interp(await analysed(ptbPath(1)));
  assert.ok(i.statements.some((s) => s.code === 'NORM'));
  assert.ok(['normal', 'borderline', 'otherwise_normal'].includes(i.summary.class));
  const norm = i.statements.find((s) => s.code === 'NORM')!;
  assert.ok(norm.certainty !== null && norm.certainty > 0 && norm.certainty < 1, 'calibrated certainty');
});

test('bad input: no measurements, or a flat record, give notDetermined with reasons, never a crash', async () => {
  const i = interpretEcg({ fsHz: 500, lengthSamples: 5000, measurements: null });
  assert.equal(i.rhythm, null);
  assert.equal(i.summary.class, 'undetermined');
  assert.ok(i.notDetermined.length > 5 && i.notDetermined.every((n) => n.reason.length > 0));
  const ludb = await openRecord(join(LUDB, '1.hea'));
  const flat = { ...ludb, leads: ludb.leads.map((l) => ({ ...l, raw: undefined, samples: new Float32Array(l.samples.length) })) };
  const a = await analyze(flat);
  const fi = interp(a);
  assert.ok(fi, 'the interpretation stage ran');
  assert.equal(fi.rhythm, null);
  assert.equal(fi.summary.class, 'undetermined');
  assert.ok(fi.notDetermined.some((n) => n.category === 'rhythm'));
});

test('device statements map to SCP codes; patient data from WFDB comments', () => {
  assert.deepEqual(deviceStatement('Sinus bradycardia with 1st degree A-V block').codes.sort(), ['1AVB', 'SBRAD']);
  assert.deepEqual(deviceStatement('Left ventricular hypertrophy').codes, ['LVH']);
  assert.deepEqual(patientFromMetadata({ comments: ['<age>: 51', '<sex>: F'] }), { ageYears: 51, sex: 'female' });
});

test("device statements side by side: a Philips XML cart's reading is mapped and compared", async () => {
  const i = interp(await analysed(join(FORMATS, 'philips-xml', '129DYPRG.XML')));
  assert.ok(i.device, 'the file carries the cart statements');
  const nonspecific = i.device.statements.find((s) => /intraventricular conduction delay/i.test(s.text))!;
  assert.deepEqual(nonspecific.codes, ['IVCD'], "'not LBBB/RBBB' is a negation, not a block");
  assert.ok(i.device.statements.some((s) => s.codes.includes('SBRAD')));
  const all = new Set([...i.device.agreement.both, ...i.device.agreement.onlySinus, ...i.device.agreement.onlyDevice]);
  for (const s of i.statements) assert.ok(all.has(s.code === 'SARRH' ? 'SR' : s.code), `${s.code} is in the agreement`);
});
