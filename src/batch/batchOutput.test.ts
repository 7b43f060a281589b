import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BATCH_COLUMN_NAMES, batchRowFromError, type BatchRow } from './batchRow.js';
import { formatBatchRows, readBatchRows } from './batchOutput.node.js';

function row(over: Partial<BatchRow>): BatchRow {
  return { ...batchRowFromError({ file: 'x.hea', contentSha256: 'ab' }, '0.1.0', 'error', 'BAD_HEADER', 'x'), ...over };
}

test('batch output: CSV and JSON Lines read back to the same rows, quotes, commas and newlines included', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-batch-out-'));
  const rows = [
    row({ file: 'a, "b".hea', status: 'ok', error_code: null, error_message: null, qrs_ms: 94, af_burden_pct: 12.5, statements: 'SR;LVH', reasons: 'line1\nline2' }),
    row({ file: 'c.hea', error_message: 'no signals, "none"' }),
  ];
  for (const format of ['csv', 'jsonl'] as const) {
    const p = join(dir, `r.${format}`);
    writeFileSync(p, formatBatchRows(rows, format));
    assert.deepEqual(readBatchRows(p, format), rows, format);
  }
  assert.equal(formatBatchRows([], 'csv').trim(), BATCH_COLUMN_NAMES.join(','));
});

test('batch output: a JSON Lines file torn by a kill loses only its torn line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-batch-out-'));
  const p = join(dir, 'r.jsonl');
  const text = formatBatchRows([row({ file: 'a.hea' }), row({ file: 'b.hea' })], 'jsonl');
  writeFileSync(p, text.slice(0, text.length - 10));
  assert.deepEqual(readBatchRows(p, 'jsonl').map((r) => r.file), ['a.hea']);
});
