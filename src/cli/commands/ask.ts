import type { Command } from 'commander';
import { analyze } from '../../analyze.js';
import { shippedModelStageOptions } from '../../analyze/shippedModels.node.js';
import { askEcg } from '../../ask/askEcg.js';
import { catalogueQuestionLexicon } from '../../ask/catalogueQuestionLexicon.js';
import { SinusError } from '../../errors.js';
import { openRecord } from '../../io/openRecord.js';
import { EXIT_CODES_HELP } from '../exitCodes.js';

/** `sinus ask <file> [<second file>] "question"`. */
export function askCommand(program: Command): void {
  program
    .command('ask')
    .description('answer a question about one ECG, or compare two (first = earlier), from sinus\'s own analysis, with the evidence')
    .argument('<args...>', '<file> [<second file>] "question"')
    .option('--json', 'print the whole answer (intent, evidence, sources) as JSON')
    .addHelpText('after', `\nExamples:\n  sinus ask samples/1.hea "what is the QTc?"\n  sinus ask old.hea new.hea "did the QRS widen since the earlier ECG?"\n${EXIT_CODES_HELP}`)
    .action(async (args: string[], opts: { json?: boolean }) => {
      const question = args[args.length - 1];
      const files = args.slice(0, -1);
      if (files.length < 1 || files.length > 2) throw new SinusError('BAD_ARGUMENT', 'give one or two record files, then the question');
      const stageOptions = await shippedModelStageOptions();
      const analyses = [];
      for (const f of files) analyses.push(await analyze(await openRecord(f), { stageOptions }));
      const answer = askEcg(question, analyses, { lexicon: catalogueQuestionLexicon() });
      if (opts.json) {
        process.stdout.write(JSON.stringify(answer, null, 2) + '\n');
        return;
      }
      process.stdout.write(`${answer.text}\n`);
      for (const e of answer.evidence.slice(0, 12)) process.stdout.write(`  - ${files.length > 1 ? `[ECG ${e.ecgIndex + 1}] ` : ''}${e.text}\n`);
      process.stdout.write(`(from sinus's analysis of ${answer.sources.map((s) => s.record).join(' and ')}; unconfirmed computer analysis)\n`);
    });
}
