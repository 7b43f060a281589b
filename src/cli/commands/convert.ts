import { dirname } from 'node:path';
import type { Command } from 'commander';
import { SinusError } from '../../errors.js';
import { openRecord } from '../../io/openRecord.js';
import { OutputWriteError, writeFilesToDir } from '../../io/nodeWriteFiles.js';
import { refuseOverwritingInput } from '../../io/nodeRefuseOverwritingInput.js';
import { EXIT } from '../exitCodes.js';
import { writeRecordFiles } from '../../io/writeRecordFiles.js';

/** `sinus convert <in> <out>`: re-encode a record; the output format follows the extension of <out>. */
export function convertCommand(program: Command): void {
  program
    .command('convert')
    .description('convert a record: output format by extension (.hea/.dat WFDB, .edf EDF+, .csv, .tsv, .json)')
    .argument('<in>', 'input record (any format sinus reads)')
    .argument('<out>', 'output file; WFDB writes <name>.hea, <name>.dat and annotation files beside it')
    .option('--wfdb-format <code>', 'WFDB storage format: 16, 212, 24 or 32 (default: 212 when the source was 12-bit, else the first of 16, 24, 32 that stores every sample exactly)')
    .option('--allow-precision-loss', 'write WFDB even when no gain stores every sample exactly, saying how much each lead moves')
    .option('--fs <hz>', 'sampling rate for a CSV input without a time column')
    .option('--derive-leads', 'add missing limb leads (Einthoven/Goldberger) and write them too')
    .option('--strict', 'refuse a record whose checksums or initial values do not match its header')
    .action(async (input: string, out: string, opts: { wfdbFormat?: string; fs?: string; deriveLeads?: boolean; strict?: boolean; allowPrecisionLoss?: boolean }) => {
      let wfdbFormat: 16 | 212 | 24 | 32 | undefined;
      if (opts.wfdbFormat !== undefined) {
        if (!['16', '212', '24', '32'].includes(opts.wfdbFormat)) throw new SinusError('BAD_ARGUMENT', `--wfdb-format must be 16, 212, 24 or 32, not ${opts.wfdbFormat}`);
        wfdbFormat = Number(opts.wfdbFormat) as 16 | 212 | 24 | 32;
      }
      const fsHz = opts.fs !== undefined ? Number(opts.fs) : undefined;
      if (fsHz !== undefined && !(fsHz > 0)) throw new SinusError('BAD_ARGUMENT', `--fs must be a positive number, not ${opts.fs}`);
      const rec = await openRecord(input, { fsHz, deriveLeads: opts.deriveLeads, checksums: opts.strict ? 'throw' : 'report' });
      for (const c of rec.checksums ?? []) if (c.ok === false) process.stderr.write(`sinus: warning: ${input}: ${c.lead}: ${c.problem}\n`);
      const files = writeRecordFiles(rec, out, {
        wfdbFormat, includeDerived: opts.deriveLeads, allowPrecisionLoss: opts.allowPrecisionLoss,
        onWarning: (m) => process.stderr.write(`sinus: warning: ${m}\n`),
      });
      await refuseOverwritingInput(input, dirname(out), Object.keys(files));
      try {
        const written = await writeFilesToDir(dirname(out), files);
        process.stdout.write(`${written.join('\n')}\n`);
      } catch (e) {
        if (!(e instanceof OutputWriteError)) throw e;
        process.stderr.write(`sinus: ${e.message} [WRITE_FAILED]\n`);
        process.exitCode = EXIT.OUTPUT;
      }
    });
}
