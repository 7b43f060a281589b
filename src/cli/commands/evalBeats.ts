import type { Command } from 'commander';
import { basename, extname } from 'node:path';
import { openRecord } from '../../io/openRecord.js';
import { SinusError } from '../../errors.js';
import { detectBeats } from '../../beats/index.js';
import { compareBeats, formatBeatComparisonTable, referenceBeats, summarizeBeatComparisons, type BeatComparison } from '../../eval/index.js';

interface EvalBeatsOptions {
  ref: string;
  test?: string;
  wholeRecord?: boolean;
  startS?: string;
  windowMs?: string;
  json?: boolean;
}

/** `path.hea:annotator` -> [path, annotator]; the annotator defaults to `fallback`. */
function splitAnnotator(spec: string, fallback: string | undefined): [string, string | undefined] {
  const m = /^(.*\.(?:hea|dat))(?::([A-Za-z0-9_.-]+))?$/i.exec(spec);
  if (m) return [m[1], m[2] ?? fallback];
  const i = spec.lastIndexOf(':');
  if (i > 1) return [spec.slice(0, i), spec.slice(i + 1)];
  return [spec, fallback];
}

/**
 * Registers `sinus eval beats`: EC57 beat-by-beat comparison (as WFDB bxb) of a test annotator, or
 * sinus's own detector, against a reference annotator, for one or more records.
 */
export function evalBeatsCommand(program: Command, write: (text: string) => void = (t) => void process.stdout.write(t)): void {
  let evalCmd = program.commands.find((c) => c.name() === 'eval');
  if (!evalCmd) evalCmd = program.command('eval').description('score sinus against reference annotations');
  evalCmd
    .command('beats')
    .description('EC57 beat-by-beat comparison (like WFDB bxb): Se and +P per record, gross and average')
    .argument('<records...>', 'WFDB records (.hea), optionally with the reference annotator as rec.hea:atr')
    .option('--ref <annotator>', 'reference annotator', 'atr')
    .option('--test <annotator>', 'test annotator next to each record (default: run the sinus detector)')
    .option('--whole-record', 'score the whole record instead of from 5 minutes on (EC57 test period)')
    .option('--start-s <seconds>', 'start of the test period in seconds (default 300)')
    .option('--window-ms <ms>', 'match window in ms (default 150)')
    .option('--json', 'print JSON instead of a table')
    .action(async (records: string[], opts: EvalBeatsOptions) => {
      const results: BeatComparison[] = [];
      const windowS = opts.windowMs !== undefined ? Number(opts.windowMs) / 1000 : 0.15;
      if (!(windowS > 0)) throw new SinusError('BAD_ARGUMENT', `bad --window-ms ${opts.windowMs}`);
      for (const spec of records) {
        const [path, refName] = splitAnnotator(spec, opts.ref);
        const annotators = [refName!, ...(opts.test ? [opts.test] : [])];
        const rec = await openRecord(path, { annotators });
        const refSet = rec.annotations.find((a) => a.annotator === refName);
        if (!refSet) throw new SinusError('FILE_NOT_FOUND', `no reference annotations "${refName}"`, path);
        const ref = referenceBeats(refSet.annotations, rec.length);
        let testSamples: Int32Array;
        if (opts.test) {
          const testSet = rec.annotations.find((a) => a.annotator === opts.test);
          if (!testSet) throw new SinusError('FILE_NOT_FOUND', `no test annotations "${opts.test}"`, path);
          testSamples = referenceBeats(testSet.annotations, rec.length).samples;
        } else {
          testSamples = detectBeats(rec).samples;
        }
        const startS = opts.wholeRecord ? 0 : opts.startS !== undefined ? Number(opts.startS) : 300;
        if (!(startS >= 0)) throw new SinusError('BAD_ARGUMENT', `bad --start-s ${opts.startS}`);
        const name = basename(path, extname(path));
        results.push(compareBeats(name, ref.samples, testSamples, rec.fs, { matchWindowS: windowS, startSample: Math.round(startS * rec.fs), excluded: ref.excluded }));
      }
      if (opts.json) {
        const perRecord = results.map(({ missedSamples, extraSamples, ...r }) => ({ ...r, missedSamples, extraSamples }));
        write(JSON.stringify({ matchWindowS: windowS, records: perRecord, summary: summarizeBeatComparisons(results) }, null, 2) + '\n');
      } else {
        write(formatBeatComparisonTable(results) + '\n');
      }
    });
}
