// Regression test for issue 21, failure 6: `sinus analyze --json -j 2` with hundreds of paths died
// with exit 139 (onnxruntime recurses once per byte of /proc/self/cmdline when it creates a session,
// and a ~20 KB command line overflowed the 4 MiB stack of the worker thread).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../dataPaths.js';

const DIST_MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const fresh = existsSync(DIST_MAIN) && statSync(DIST_MAIN).mtimeMs > statSync(join(ROOT, 'src', 'server', 'analysisPool.ts')).mtimeMs;
const CLI = fresh ? [DIST_MAIN] : ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')];
// Every stage skipped: the shipped models are still loaded (that is where it crashed), quickly.
const SKIP_ALL = 'quality,beats,beatClasses,waves,measurements,rhythm,stripRhythm,hrv';

for (const jobs of ['2', '1']) {
  test(`sinus analyze --json -j ${jobs} with 420 paths (a 31 KB command line) analyses every one`, { timeout: 120_000 }, () => {
    // The LUDB sample record, its path padded with './' to the length of a real data-set path.
    const path = `samples/${'./'.repeat(34)}1.hea`;
    const paths = Array.from({ length: 420 }, () => path);
    assert.ok(paths.join(' ').length > 30_000);
    const r = spawnSync(process.execPath, [...CLI, 'analyze', '--json', '-j', jobs, '--skip', SKIP_ALL, ...paths], { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 << 20 });
    assert.equal(r.signal, null, `killed by ${r.signal}: ${r.stderr.slice(-500)}`);
    assert.equal(r.status, 0, r.stderr.slice(-500));
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; analysis?: { record: { samples: number } } });
    assert.equal(lines.length, 420);
    assert.ok(lines.every((l) => l.analysis?.record.samples === 5000));
  });
}
