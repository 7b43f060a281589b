/**
 * The README's TypeScript examples compile and the main one runs, and the public types are pinned:
 * `tsc --noEmit` over test/types/*.ts (expect-type assertions) and the ```ts blocks of README.md,
 * resolving `sinus-ecg` and `sinus-ecg/node` to the package's entry points (src/index.ts, src/node.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './dataPaths.js';

const OUT = join(ROOT, 'test-output', 'readme');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

/** The ```ts blocks of a markdown text, in order. */
function typeScriptBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
}

const blocks = typeScriptBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8'));

test('README.md has TypeScript examples, and they are extracted for the checks', () => {
  assert.ok(blocks.length >= 1, 'README.md has at least one ```ts block');
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  // Each block is a module of its own (top-level await, as in an ESM script).
  blocks.forEach((b, i) => writeFileSync(join(OUT, `example${i + 1}.mts`), `${b}\nexport {};\n`));
});

test('tsc --noEmit passes over the README examples and the type tests (test/types)', () => {
  try {
    execFileSync(process.execPath, [TSC, '-p', join(ROOT, 'test', 'types', 'tsconfig.json')], { cwd: ROOT, stdio: 'pipe' });
  } catch (e) {
    const out = e as { stdout?: Buffer; stderr?: Buffer };
    assert.fail(`type errors:\n${out.stdout?.toString() ?? ''}${out.stderr?.toString() ?? ''}`);
  }
});

test("the README's first example runs and prints figures of LUDB record 1", () => {
  // The package names resolve to the sources here (a user's install resolves them to dist/).
  const code = blocks[0].replaceAll("'sinus-ecg/node'", `'${join(ROOT, 'src', 'node.ts')}'`).replaceAll("'sinus-ecg'", `'${join(ROOT, 'src', 'index.ts')}'`);
  mkdirSync(join(OUT, '..', 'readme-run'), { recursive: true });
  const file = join(OUT, '..', 'readme-run', 'example1.mts');
  writeFileSync(file, `${code}\nif (!svg.startsWith('<svg')) throw new Error('no SVG');\n`);
  const printed = execFileSync(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, stdio: 'pipe' }).toString();
  // Heart rate (bpm) and QRS duration (ms) of a 10 s sinus ECG: plausible numbers, not null.
  const [hr, qrs] = printed.trim().split(/\s+/).map(Number);
  assert.ok(hr > 30 && hr < 200, `heart rate ${hr} bpm in ${printed}`);
  assert.ok(qrs > 40 && qrs < 200, `QRS ${qrs} ms in ${printed}`);
});
