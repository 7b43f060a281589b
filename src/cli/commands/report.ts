import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { analyze } from '../../analyze.js';
import { shippedModelStageOptions } from '../../analyze/shippedModels.node.js';
import { SinusError } from '../../errors.js';
import { openRecord } from '../../io/openRecord.js';
import { reportBytes, reportFormatAndLanguage } from '../../report/reportOutput.node.js';
import { EXIT_CODES_HELP } from '../exitCodes.js';

/** `sinus report <file> [-o report.pdf|.html|.txt|.json] [--lang en|de]`. */
export function reportCommand(program: Command): void {
  program
    .command('report')
    .description('write the clinical report of a record: measurements, statements with their evidence, quality, printout (long records: Holter summary)')
    .argument('<file>', 'record file (.hea, .xml, .scp, .edf, ...)')
    .option('-o, --output <file>', 'output file; the format follows its extension (.pdf, .html, .txt, .json); default text on stdout')
    .option('-f, --format <fmt>', 'pdf, html, txt or json (overrides the extension)')
    .option('--lang <lang>', 'language of the report: en or de', 'en')
    .addHelpText('after', `\nExamples:\n  sinus report samples/1.hea\n  sinus report record.hea -o report.pdf --lang de\n${EXIT_CODES_HELP}`)
    .action(async (file: string, opts: { output?: string; format?: string; lang: string }) => {
      const { format, lang } = reportFormatAndLanguage((opts.format ?? (opts.output ? extname(opts.output).slice(1) : 'txt')).toLowerCase(), opts.lang);
      if (format === 'pdf' && !opts.output) throw new SinusError('BAD_ARGUMENT', 'PDF needs --output <file>');
      const record = await openRecord(file);
      const analysis = await analyze(record, { stageOptions: await shippedModelStageOptions() });
      const { bytes } = await reportBytes(record, analysis, format, lang);
      if (opts.output) await writeFile(opts.output, bytes);
      else process.stdout.write(bytes);
    });
}
