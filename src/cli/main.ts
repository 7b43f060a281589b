#!/usr/bin/env node
import { Command } from 'commander';
import { isSinusError } from '../errors.js';
import { infoCommand } from './commands/info.js';
import { convertCommand } from './commands/convert.js';
import { evalBeatsCommand } from './commands/evalBeats.js';
import { analyzeCommand } from './commands/analyze.js';
import { renderCommand } from './commands/render.js';
import { serveCommand } from './commands/serve.js';
import { qualityCommand } from './commands/quality.js';
import { measureCommand } from './commands/measure.js';
import { classifyBeatsCommand } from './commands/classifyBeats.js';
import { reconstructCommand } from './commands/reconstruct.js';
import { synthCommand } from './commands/synth.js';
import { interpretCommand } from './commands/interpret.js';
import { reportCommand } from './commands/report.js';
import { askCommand } from './commands/ask.js';
import { storeCommands } from './commands/storeCommands.js';
import { batchCommand } from './commands/batch.js';
import { holterCommand } from './commands/holter.js';

const program = new Command();
program.name('sinus').description('sinus: ECG interpretation engine').version('0.1.0');
infoCommand(program);
convertCommand(program);
evalBeatsCommand(program);
analyzeCommand(program);
renderCommand(program);
serveCommand(program);
qualityCommand(program);
measureCommand(program);
classifyBeatsCommand(program);
reconstructCommand(program);
synthCommand(program);
interpretCommand(program);
reportCommand(program);
askCommand(program);
storeCommands(program);
batchCommand(program);
holterCommand(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  if (isSinusError(e)) {
    process.stderr.write(`sinus: ${e.message} [${e.code}]\n`);
    process.exit(2);
  }
  process.stderr.write(`sinus: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exit(70);
});
