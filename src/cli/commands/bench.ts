import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { SinusError } from '../../errors.js';

/** The `bench:*` scripts of the checkout the CLI runs from (benchmarks need the repo and its data). */
function benchScripts(root: string): string[] {
  const pkg = join(root, 'package.json');
  if (!existsSync(pkg) || !existsSync(join(root, 'bench'))) return [];
  const scripts = (JSON.parse(readFileSync(pkg, 'utf8')).scripts ?? {}) as Record<string, string>;
  return Object.keys(scripts).filter((k) => k.startsWith('bench:')).map((k) => k.slice('bench:'.length));
}

function runScripts(names: string[], root: string): Promise<number> {
  return names.reduce<Promise<number>>(async (prev, name) => {
    const code = await prev;
    if (code !== 0) return code;
    return new Promise((resolve) => {
      process.stderr.write(`sinus: npm run bench:${name}\n`);
      const child = spawn('npm', ['run', '--silent', `bench:${name}`], { cwd: root, stdio: 'inherit' });
      child.on('close', (c) => resolve(c ?? 1));
      child.on('error', () => resolve(127));
    });
  }, Promise.resolve(0));
}

function action(root: string) {
  return async (stages: string[]) => {
    const known = benchScripts(root);
    if (known.length === 0) throw new SinusError('BAD_ARGUMENT', `benchmarks run from a sinus checkout (package.json with bench:* scripts and bench/); none at ${root}`);
    const wanted = stages.length ? stages : known;
    const unknown = wanted.filter((s) => !known.includes(s));
    if (unknown.length) throw new SinusError('BAD_ARGUMENT', `no benchmark named ${unknown.join(', ')} (have: ${known.join(', ')})`);
    process.exitCode = await runScripts(wanted, root);
  };
}

/**
 * `sinus bench [stages...]` runs `npm run bench:<stage>` for each (all when none given);
 * `sinus eval <stage>` runs that stage's benchmark, unless the stage registered its own scorer
 * under `eval`. Both run in the checkout this CLI belongs to (its package.json and bench/ folder).
 */
export function benchCommand(program: Command, root = fileURLToPath(new URL('../../../', import.meta.url))): void {
  const help = `\nBenchmarks: ${benchScripts(root).join(', ') || '(none found: run from a sinus checkout)'}\nExit status: that of the first benchmark that failed, else 0.`;
  program
    .command('bench')
    .description('run speed/accuracy benchmarks (npm run bench:<stage>), printing their tables')
    .argument('[stages...]', 'benchmarks to run (default all)')
    .addHelpText('after', help)
    .action(action(root));
  // `eval` may already exist with its own scorers (e.g. `eval beats`); each benchmark without one
  // becomes `eval <stage>`, so every stage can be scored from the CLI.
  let evalCmd = program.commands.find((c) => c.name() === 'eval');
  if (!evalCmd) evalCmd = program.command('eval').description('score sinus against reference annotations');
  const taken = new Set(evalCmd.commands.map((c) => c.name()));
  for (const name of benchScripts(root)) {
    if (taken.has(name)) continue;
    evalCmd
      .command(name)
      .description(`score the ${name} stage on the reference databases (npm run bench:${name})`)
      .action(async () => action(root)([name]));
  }
}
