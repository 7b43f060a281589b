import type { Command } from 'commander';
import { analyze } from '../../analyze.js';
import { isSinusError } from '../../errors.js';
import { openRecord } from '../../io/openRecord.js';
import { shippedModelStageOptions } from '../../analyze/shippedModels.node.js';
import type { Interpretation, Statement } from '../../interpret/types.js';
import { statementText } from '../../interpret/catalogue.js';
import { EXIT, EXIT_CODES_HELP } from '../exitCodes.js';

/** One statement with its evidence, indented under it. */
function statementLines(s: Statement, lang: 'en' | 'de'): string[] {
  const text = lang === 'de' ? statementText(s.code, 'de', s.qualifiers ?? []) : s.text;
  const certainty = s.certainty === null ? '' : ` (certainty ${(100 * s.certainty).toFixed(0)}%)`;
  return [`  ${text}${certainty}  [${s.code}${s.ahaCode ? `, AHA ${s.ahaCode}` : ''}]`, ...s.evidence.map((e) => `      ${e.supports ? '+' : '-'} ${e.text}`), `      criterion: ${s.criterion}`];
}

/**
 * The interpretation as a cart prints it, with the evidence under each statement, what could not
 * be judged, and the device's statements beside sinus's.
 *
 * @example formatInterpretationText(analysis.results.interpretation, 'en')
 */
export function formatInterpretationText(i: Interpretation, lang: 'en' | 'de' = 'en'): string {
  const lines: string[] = [];
  for (const s of i.statements) lines.push(...statementLines(s, lang));
  if (i.rhythm?.resolution) lines.push(`  rhythm: ${i.rhythm.opinions.map((o) => `${o.source} '${o.label}'`).join(' vs ')}; ${i.rhythm.resolution}`);
  for (const e of i.rhythmEpisodes) lines.push(`  episode ${e.startSample}-${e.endSample}: ${e.text}`);
  lines.push(`  ${i.summary.text}`);
  if (i.notDetermined.length) lines.push('not determined:', ...i.notDetermined.map((n) => `  ${n.text} [${n.code}]: ${n.reason}`));
  if (i.device) {
    lines.push('device statements:', ...i.device.statements.map((s) => `  ${s.text}${s.codes.length ? ` [${s.codes.join(', ')}]` : ''}`));
    lines.push(`  agreement: both ${i.device.agreement.both.join(', ') || '-'}; only sinus ${i.device.agreement.onlySinus.join(', ') || '-'}; only device ${i.device.agreement.onlyDevice.join(', ') || '-'}`);
  }
  return lines.join('\n');
}

export function interpretCommand(program: Command): void {
  program
    .command('interpret')
    .description('12-lead interpretation: diagnostic statements with their evidence, one reconciled rhythm statement, summary')
    .argument('<file>', 'record file (.hea, .xml, .scp, .dcm, ...)')
    .option('--json', 'print the interpretation section as JSON')
    .option('--lang <lang>', "statement language: 'en' or 'de'", 'en')
    .addHelpText('after', `\nExamples:\n  sinus interpret ../shared/data/ludb/data/1.hea\n  sinus interpret --json --lang de record.xml\n${EXIT_CODES_HELP}`)
    .action(async (file: string, opts: { json?: boolean; lang: string }) => {
      try {
        const rec = await openRecord(file);
        const a = await analyze(rec, { stageOptions: await shippedModelStageOptions() });
        const i = a.results.interpretation as unknown as Interpretation | null;
        if (!i) {
          const st = a.stages.find((s) => s.name === 'interpretation');
          process.stderr.write(`sinus: no interpretation: ${st?.reason ?? 'the stage did not run'}\n`);
          process.exitCode = EXIT.STAGE_FAILED;
          return;
        }
        const lang = opts.lang === 'de' ? 'de' : 'en';
        process.stdout.write(opts.json ? JSON.stringify(i, null, 2) + '\n' : `${a.record.name}: ${a.record.leads.length} leads, ${a.record.durationS.toFixed(1)} s\n${formatInterpretationText(i, lang)}\n`);
      } catch (e) {
        if (!isSinusError(e)) throw e;
        process.stderr.write(`sinus: ${e.message} [${e.code}]\n`);
        process.exitCode = EXIT.INPUT;
      }
    });
}
