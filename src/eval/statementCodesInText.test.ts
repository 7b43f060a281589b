import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PTBXL } from '../../test/dataPaths.js';
import { statementText } from '../interpret/catalogue.js';
import { statementCodesInText, statementDictionary } from './statementCodesInText.js';

const dict = statementDictionary();

test('the statement dictionary reads the catalogue\'s own text back to its codes, in English and German', () => {
  for (const code of ['SR', 'AFIB', 'CLBBB', 'CRBBB', '1AVB', 'LVH', 'IMI']) {
    for (const lang of ['en', 'de'] as const) assert.ok(statementCodesInText(statementText(code, lang), dict).has(code), `${code} ${lang}: "${statementText(code, lang)}"`);
  }
});

test('PTB-XL reports of ecg_id 1 and 2 read back to the codes PTB-XL lists for them', () => {
  const csv = readFileSync(join(PTBXL, 'ptbxl_database.csv'), 'utf8').split('\n');
  const report = (id: number) => csv.find((l) => l.startsWith(`${id},`))!.split(',')[10];
  // ecg_id 1: 'sinusrhythmus periphere niederspannung' -> scp_codes NORM, LVOLT, SR.
  assert.deepEqual([...statementCodesInText(report(1), dict)].sort(), ['LVOLT', 'SR']);
  // ecg_id 2: 'sinusbradykardie sonst normales ekg' -> scp_codes NORM, SBRAD.
  assert.deepEqual([...statementCodesInText(report(2), dict)].sort(), ['NORM', 'SBRAD']);
});
