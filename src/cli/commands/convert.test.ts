import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, SAMPLES } from '../../../test/dataPaths.js';

const sinus = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: ROOT });

test('sinus convert writes an EDF that sinus info reads back with the same length; errors are one line, no stack', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-cli-'));
  const c = sinus('convert', join(SAMPLES, '100.hea'), join(dir, 'x.edf'));
  assert.equal(c.status, 0, c.stderr);
  const i = sinus('info', '--json', join(dir, 'x.edf'));
  assert.equal(i.status, 0, i.stderr);
  const s = JSON.parse(i.stdout);
  assert.equal(s.samples, 21600);
  assert.equal(s.fsHz, 360);
  assert.equal(s.annotations[0].count, 75);
  assert.ok(existsSync(join(dir, 'x.edf')));
  const bad = sinus('info', join(dir, 'missing.hea'));
  assert.equal(bad.status, 2);
  assert.equal(bad.stderr.trim().split('\n').length, 1);
  assert.match(bad.stderr, /missing\.hea: file not found \[FILE_NOT_FOUND\]/);
  assert.ok(!/\n\s+at /.test(bad.stderr));
});
