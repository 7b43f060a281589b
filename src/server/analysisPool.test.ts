import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisPool } from './analysisPool.js';
import { MITDB, SAMPLES } from '../../test/dataPaths.js';

const files = (dir: string, name: string) => ({
  [`${name}.hea`]: new Uint8Array(readFileSync(join(dir, `${name}.hea`))),
  [`${name}.dat`]: new Uint8Array(readFileSync(join(dir, `${name}.dat`))),
});

test('an aborted analysis stops its worker and the pool serves the next job', async () => {
  const pool = new AnalysisPool(1);
  try {
    const ac = new AbortController();
    // A whole 30-min MIT-BIH record: seconds of work, so the abort lands while it runs.
    const long = pool.run({ files: files(MITDB, '203'), maxRecordDurationS: 3600 }, ac.signal);
    setImmediate(() => ac.abort(new Error('client closed the connection')));
    await assert.rejects(long, /client closed the connection/);
    // The single worker was replaced, not left busy with the abandoned record.
    const { analysis } = await pool.run({ files: files(SAMPLES, '100'), maxRecordDurationS: 3600, only: ['beats'] });
    assert.equal(analysis.record.name, '100');
    const already = new AbortController();
    already.abort(new Error('gone before it started'));
    await assert.rejects(pool.run({ files: files(SAMPLES, '100'), maxRecordDurationS: 3600 }, already.signal), /gone before it started/);
  } finally {
    await pool.close();
  }
});
