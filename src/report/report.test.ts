import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze, type Analysis } from '../analyze.js';
import { shippedModelStageOptions } from '../analyze/shippedModels.node.js';
import { statementText } from '../interpret/catalogue.js';
import type { Interpretation } from '../interpret/types.js';
import { openRecord } from '../io/openRecord.js';
import { nodeFileSource } from '../io/nodeFileSource.js';
import { readWfdbRecord } from '../io/wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../io/wfdb/readAnnotations.js';
import { BEAT_CODES } from '../io/wfdb/annotationCodes.js';
import { sliceRecord } from '../record/sliceRecord.js';
import type { EcgRecord } from '../record/types.js';
import { LUDB, MITDB, PTBXL } from '../../test/dataPaths.js';
import { buildReport } from './buildReport.js';
import { reportBytes } from './reportOutput.node.js';
import { reportText } from './reportText.js';

let ludb: { record: EcgRecord; analysis: Analysis };
let ptbAf: { record: EcgRecord; analysis: Analysis };

before(async () => {
  const stageOptions = await shippedModelStageOptions();
  const open = async (p: string) => {
    const record = await openRecord(p);
    return { record, analysis: await analyze(record, { stageOptions }) };
  };
  ludb = await open(join(LUDB, '1.hea'));
  // PTB-XL ecg_id 321: atrial fibrillation in PTB-XL's scp_codes.
  ptbAf = await open(join(PTBXL, 'records500', '00000', '00321_hr.hea'));
});

const interpretationOf = (a: Analysis) => a.results.interpretation as unknown as Interpretation;

for (const [name, get] of [['LUDB 1', () => ludb], ['PTB-XL 321', () => ptbAf]] as const) {
  test(`${name}: the report in English and German states every statement of the interpretation, from the one catalogue, and the disclaimer`, () => {
    const { record, analysis } = get();
    const interp = interpretationOf(analysis);
    assert.ok(interp && interp.rhythm, 'the interpretation stage gave a rhythm statement');
    for (const lang of ['en', 'de'] as const) {
      const r = buildReport(analysis, { lang, metadata: record.metadata });
      const text = reportText(r);
      for (const st of [interp.rhythm!, ...interp.statements]) {
        const wording = statementText(st.code, lang, st.qualifiers ?? []);
        assert.ok(text.includes(wording), `${lang}: "${wording}" is in the report`);
      }
      assert.equal(r.statements[0].code, interp.rhythm!.code, 'the rhythm statement comes first');
      assert.ok(text.includes(lang === 'en' ? 'Unconfirmed computer analysis' : 'Unbestätigte Computeranalyse'));
      // The measurement table carries the analysis's own values (QTc with its formula).
      const m = analysis.results.measurements as { qtc: { bazettMs: number | null }; qrsDurationMs: number | null };
      const qtc = r.measurements.find((x) => x.key === 'qtcBazettMs')!;
      assert.match(qtc.label, /Bazett/);
      if (m.qtc.bazettMs != null) assert.equal(qtc.value, Math.round(m.qtc.bazettMs));
      const qrs = r.measurements.find((x) => x.key === 'qrsDurationMs')!;
      assert.equal(qrs.value, m.qrsDurationMs == null ? null : Math.round(m.qrsDurationMs));
      // Every printed statement rests on evidence.
      for (const s of r.statements) assert.ok(s.evidence.length > 0 || s.criterion.length > 0, `${s.code} has evidence or a criterion`);
    }
  });
}

test('LUDB 1: the patient line has only what the header says (age 51, sex F); PDF, HTML and JSON outputs', async () => {
  const r = buildReport(ludb.analysis, { lang: 'en', metadata: ludb.record.metadata });
  assert.deepEqual(r.patient, [{ label: 'age', value: '51' }, { label: 'sex', value: 'F' }]);
  const pdf = await reportBytes(ludb.record, ludb.analysis, 'pdf', 'de');
  assert.equal(new TextDecoder().decode(pdf.bytes.subarray(0, 5)), '%PDF-');
  assert.equal(pdf.contentType, 'application/pdf');
  const html = new TextDecoder().decode((await reportBytes(ludb.record, ludb.analysis, 'html', 'en')).bytes);
  assert.match(html, /^<!doctype html>/);
  assert.ok(html.includes('<svg'), 'the printout is embedded');
  assert.ok(html.includes('Unconfirmed computer analysis'));
  const json = JSON.parse(new TextDecoder().decode((await reportBytes(ludb.record, ludb.analysis, 'json', 'de')).bytes));
  assert.equal(json.language, 'de');
  assert.equal(json.holter, null, 'a 10 s ECG has no Holter summary');
});

test('PTB-XL 321 (AF in its labels): the report states atrial fibrillation with its evidence', () => {
  const r = buildReport(ptbAf.analysis, { lang: 'de' });
  const af = r.statements.find((s) => s.code === 'AFIB');
  assert.ok(af, 'AFIB stated');
  assert.equal(af.text, statementText('AFIB', 'de'));
  assert.ok(af.evidence.length > 0);
});

test('MIT-BIH 201, first 3 minutes: the Holter summary counts every beat, by hour and class, with the trend and episodes', async () => {
  const full = await readWfdbRecord('201', nodeFileSource(MITDB));
  const rec = sliceRecord(full, 0, 180 * 360);
  const analysis = await analyze(rec, { stageOptions: await shippedModelStageOptions() });
  const r = buildReport(analysis, { lang: 'en' });
  const h = r.holter;
  assert.ok(h, 'a 3-minute record gets the Holter summary');
  assert.equal(r.title, 'Long-term ECG summary');
  const beats = (analysis.results.beats as { samples: number[] }).samples.length;
  assert.equal(h.hours.reduce((s, x) => s + x.beats, 0), beats);
  assert.equal(h.hours.length, 1);
  assert.equal(h.rateTrendBpm.length, 3);
  // EC57: the detector finds the reference beats (sensitivity and +P well above 95% on MIT-BIH), so the
  // count is within 5% of the reference annotation's beat count in the same 3 minutes.
  const ref = (await readWfdbAnnotationSets('201', ['atr'], nodeFileSource(MITDB)))[0].annotations.filter((a) => a.sample < 180 * 360 && BEAT_CODES.has(a.code)).length;
  assert.ok(Math.abs(beats - ref) / ref < 0.05, `${beats} beats vs ${ref} reference beats`);
  for (const v of h.rateTrendBpm) assert.ok(v === null || (v > 20 && v < 250));
  for (const e of h.episodes) assert.ok(e.startS >= 0 && e.durationS > 0 && e.startS + e.durationS <= 180 + 1e-6);
  const pdf = await reportBytes(rec, analysis, 'pdf', 'en');
  assert.equal(new TextDecoder().decode(pdf.bytes.subarray(0, 5)), '%PDF-');
  assert.match(reportText(r), /Longest pause/);
});

test('GE MUSE file with the cart\'s own statements: the report prints them beside sinus\'s, with the agreement', async () => {
  const { FORMATS } = await import('../../test/dataPaths.js');
  const record = await openRecord(join(FORMATS, 'ge-muse-xml', 'muse-sinus.xml'));
  const analysis = await analyze(record, { stageOptions: await shippedModelStageOptions() });
  const r = buildReport(analysis, { lang: 'en', metadata: record.metadata });
  assert.ok(r.device, 'device statements present');
  assert.ok(r.device.statements.includes('Normal Sinus rhythm'));
  assert.match(reportText(r), /Device's statements: Normal Sinus rhythm/);
});
