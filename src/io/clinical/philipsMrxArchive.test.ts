import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSinusError } from '../../errors.js';
import { listMrxTwelveLeads, readPhilipsMrxArchive } from './philipsMrxArchive.js';
import { readPhilipsXml } from './philipsXml.js';
import { formatFile } from '../../../test/formatFiles.js';

test('MRx archive: lists its 12-lead ECGs; 129DYPRG.XML inside equals the loose copy', () => {
  const tgz = formatFile('philips-xml', 'mrx-archives', 'B9A3EKRG-129EFIRG.TGZ');
  assert.deepEqual(listMrxTwelveLeads(tgz, 'a.TGZ'), ['B9A3EKRG.MRX/12LEADS/129DYNRG.XML', 'B9A3EKRG.MRX/12LEADS/129DYPRG.XML']);
  const fromArchive = readPhilipsMrxArchive(tgz, 'a.TGZ', '129DYPRG.XML');
  const loose = readPhilipsXml(formatFile('philips-xml', '129DYPRG.XML'), '129DYPRG.XML');
  assert.equal(fromArchive.length, loose.length);
  for (let i = 0; i < 12; i++) assert.deepEqual(Array.from(fromArchive.leads[i].raw!), Array.from(loose.leads[i].raw!));
  const other = readPhilipsMrxArchive(formatFile('philips-xml', 'mrx-archives', 'B9M6OHRG-129ECQRG.TGZ'), 'b.TGZ');
  assert.equal(other.leads.length, 12);
});

test('MRx archive: a truncated or damaged archive gives a typed error', () => {
  const tgz = formatFile('philips-xml', 'mrx-archives', 'B9M6OHRG-129ECQRG.TGZ');
  for (const bytes of [tgz.subarray(0, 1000), tgz.subarray(0, tgz.length - 9), Uint8Array.from(tgz, (b, i) => (i === 500 ? b ^ 0xff : b))]) {
    assert.throws(() => readPhilipsMrxArchive(bytes, 'x.TGZ'), (e) => isSinusError(e));
  }
});
