import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LUDB, ROOT } from '../../../test/dataPaths.js';

const sinus = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: ROOT, env: { ...process.env, SINUS_STORE: '' } });

test('sinus index <folder>, similar, search and reanalyze work on one SQLite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-cli-store-'));
  try {
    const folder = join(dir, 'records');
    mkdirSync(folder);
    for (const n of ['1', '2']) for (const ext of ['hea', 'dat']) copyFileSync(join(LUDB, `${n}.${ext}`), join(folder, `${n}.${ext}`));
    const store = join(dir, 'store.sqlite');
    const index = sinus('index', folder, '--store', store);
    assert.equal(index.status, 0, index.stderr);
    const ids = index.stdout.trim().split('\n').map((l) => l.split(/\s+/)[0]);
    assert.equal(ids.length, 2);
    assert.match(index.stderr, /added 2 record/);
    const similar = sinus('similar', join(LUDB, '1.hea'), '-k', '1', '--store', store, '--json');
    assert.equal(similar.status, 0, similar.stderr);
    const hits = JSON.parse(similar.stdout);
    assert.equal(hits.length, 1);
    assert.equal(hits[0].id, ids[0], 'record 1 is nearest its stored copy');
    assert.ok(hits[0].distance < 1e-3, `distance ${hits[0].distance}`);
    const search = sinus('search', 'heart rate over 20', '--store', store, '--json');
    assert.equal(search.status, 0, search.stderr);
    assert.equal(JSON.parse(search.stdout).hits.length, 2);
    const re = sinus('reanalyze', '--store', store);
    assert.equal(re.status, 0, re.stderr);
    assert.match(re.stderr, /0 re-analysed, 2 already current/);
    const bad = sinus('similar', join(LUDB, '1.hea'), '-k', 'ten', '--store', store);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /-k must be/);
    const typo = sinus('index', join(dir, 'recrods'));
    assert.equal(typo.status, 2, 'a mistyped folder is an error, not a new store');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
