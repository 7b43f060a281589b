import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { LUDB, MITDB, ROOT, SAMPLES } from '../../test/dataPaths.js';

const schema = z.fromJSONSchema(JSON.parse(readFileSync(join(ROOT, 'schema', 'analysis.schema.json'), 'utf8')));

/** The committed samples when the io stage has added them, else the same records from ../shared/data. */
const mit100 = existsSync(join(SAMPLES, '100.hea')) ? join(SAMPLES, '100.hea') : join(MITDB, '100.hea');
const ludb1 = existsSync(join(SAMPLES, '1.hea')) ? join(SAMPLES, '1.hea') : join(LUDB, '1.hea');

/** Newest modification time of the TypeScript sources under `dir`. */
function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSourceMs(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * The built CLI when `npm run build` output is newer than every source (CI builds first; it starts
 * twice as fast), else the sources through tsx, so a stale build is never what gets tested.
 */
const DIST_MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const CLI = existsSync(DIST_MAIN) && statSync(DIST_MAIN).mtimeMs > newestSourceMs(join(ROOT, 'src')) ? [DIST_MAIN] : ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')];

function sinus(...args: string[]) {
  const r = spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('sinus analyze: text for one record, full JSON with --json', () => {
  const t = sinus('analyze', ludb1);
  assert.equal(t.code, 0, t.err);
  assert.match(t.out, /^record\s+1 \(wfdb\), 500 Hz, 12 leads/);
  assert.match(t.out, /^beats\s+/m);
  const j = sinus('analyze', '--json', '--progress', mit100);
  assert.equal(j.code, 0, j.err);
  const a = JSON.parse(j.out);
  assert.ok(schema.safeParse(a).success);
  assert.equal(a.record.fsHz, 360);
  assert.match(j.err, /\[#*\.*\]\s+\d+%/, 'progress bar drawn on stderr');
  assert.doesNotMatch(j.out, /%\s/, 'no progress on stdout');
});

test('sinus analyze on a folder in 2 worker threads: one line per record in order, unreadable ones reported, exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-cli-'));
  for (const f of ['1.hea', '1.dat', '2.hea', '2.dat']) copyFileSync(join(LUDB, f), join(dir, f));
  writeFileSync(join(dir, '3.hea'), 'this is not a WFDB header\n');
  const r = sinus('analyze', '--json', '--jobs', '2', '--out', join(dir, 'out'), dir);
  assert.equal(r.code, 2, 'a record could not be read');
  const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 3);
  assert.ok(schema.safeParse(lines[0].analysis).success);
  assert.equal(lines[1].analysis.record.name, '2');
  assert.equal(lines[2].error.code, 'BAD_HEADER');
  assert.ok(schema.safeParse(JSON.parse(readFileSync(join(dir, 'out', '2.analysis.json'), 'utf8'))).success);
});

test('sinus analyze on a missing file: message, no stack trace, exit 2', () => {
  const r = sinus('analyze', join(ROOT, 'no-such-record.hea'));
  assert.equal(r.code, 2);
  assert.match(r.err, /no such file or folder \[FILE_NOT_FOUND\]/);
  assert.doesNotMatch(r.err, /at .*\.ts:\d+/);
});

test('sinus render writes SVG and PNG; bad options exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sinus-render-'));
  const svg = sinus('render', ludb1);
  assert.equal(svg.code, 0, svg.err);
  assert.match(svg.out, /^<svg [^>]*width="297mm"/);
  const png = sinus('render', mit100, '--layout', 'holter', '--marks', 'reference', '--row-seconds', '2', '--page', '2', '--dpi', '40', '-o', join(dir, 'h.png'));
  assert.equal(png.code, 0, png.err);
  assert.deepEqual([...readFileSync(join(dir, 'h.png')).subarray(1, 4)], [0x50, 0x4e, 0x47]);
  const bad = sinus('render', ludb1, '--layout', 'spiral', '-o', join(dir, 'x.pdf'));
  assert.equal(bad.code, 2);
  assert.match(bad.err, /unknown layout/);
});

test('--help lists every command; commands have their own help', () => {
  const top = sinus('--help');
  for (const cmd of ['info', 'analyze', 'render', 'serve', 'eval']) assert.match(top.out, new RegExp(`^  ${cmd}\\b`, 'm'));
  // Benchmarks need a checkout and its data: they are npm scripts (npm run bench:*), not a command of the installed CLI.
  assert.doesNotMatch(top.out, /^  bench\b/m);
  const expect: Record<string, RegExp> = { analyze: /Exit status:/, eval: /^\s+beats \[options\]/m };
  for (const cmd of Object.keys(expect)) {
    const r = sinus(cmd, '--help');
    assert.equal(r.code, 0, `${cmd}: ${r.err}`);
    assert.match(r.out, new RegExp(`Usage: sinus ${cmd}`));
    assert.match(r.out, expect[cmd]);
  }
});
