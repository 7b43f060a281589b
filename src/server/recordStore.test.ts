import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openRecord } from '../io/openRecord.js';
import { analyze } from '../analyze.js';
import { SAMPLES } from '../../test/dataPaths.js';
import { RecordStore } from './recordStore.js';

test('the record store drops the oldest records to stay within its count and byte budgets', async () => {
  const rec = await openRecord(join(SAMPLES, '1.hea'));
  const a = await analyze(rec, { only: [] });
  const bytes = rec.leads.reduce((s, l) => s + l.samples.byteLength + (l.raw?.byteLength ?? 0), 0);
  const byBytes = new RecordStore(10, 60_000, bytes * 2 + 1);
  const ids = [byBytes.put(rec, a), byBytes.put(rec, a), byBytes.put(rec, a)];
  assert.equal(byBytes.get(ids[0]), null, 'oldest dropped for the byte budget');
  assert.ok(byBytes.get(ids[1]) && byBytes.get(ids[2]));
  const byCount = new RecordStore(1, 60_000);
  const first = byCount.put(rec, a);
  byCount.put(rec, a);
  assert.equal(byCount.get(first), null);
  const expired = new RecordStore(5, -1);
  assert.equal(expired.get(expired.put(rec, a)), null, 'expired records are gone');
});
