import type { Command } from 'commander';
import { shippedModelStageOptions } from '../../analyze/shippedModels.node.js';
import { analyzeInBlocks } from '../../batch/analyzeInBlocks.js';
import { fileBlockSource } from '../../batch/wfdbBlockSource.node.js';
import { SinusError } from '../../errors.js';
import { ProgressBar } from '../progressBar.js';

export function holterCommand(program: Command): void {
  program
    .command('holter')
    .description('analyse a long record (Holter, hours to days) in blocks with overlap, in bounded memory: beats, classes, rhythm episodes, Holter summary')
    .argument('<record>', 'record file; single-file WFDB (212, 16, ...) is streamed from disk, other formats are read whole')
    .option('--block-s <s>', 'seconds per block', '600')
    .option('--overlap-s <s>', 'seconds of context read on each side of a block', '30')
    .option('--json', 'the whole result as JSON (with --beats, every beat and its class)')
    .option('--beats', 'include beat samples and classes in --json')
    .option('--no-progress', 'never show a progress bar')
    .addHelpText('after', '\nExample:\n  sinus holter ../shared/data/mitdb/203.hea --block-s 300\n')
    .action(async (path: string, opts: { blockS: string; overlapS: string; json?: boolean; beats?: boolean; progress?: boolean }) => {
      const blockS = Number(opts.blockS), overlapS = Number(opts.overlapS);
      if (!(blockS >= 10) || !(overlapS >= 0 && overlapS <= blockS)) throw new SinusError('BAD_ARGUMENT', `--block-s must be >= 10 and --overlap-s 0..block (got ${opts.blockS}, ${opts.overlapS})`);
      const { source, streamed } = await fileBlockSource(path);
      const bar = new ProgressBar(opts.progress !== false && !!process.stderr.isTTY);
      const a = await analyzeInBlocks(source, { blockS, overlapS, stageOptions: await shippedModelStageOptions(), onBlock: (d, t) => bar.update(d / t, `block ${d}/${t}`) });
      bar.clear();
      if (opts.json) {
        const { beatSamples, beatClasses, ...rest } = a;
        process.stdout.write(JSON.stringify({ ...rest, streamed, beatCount: beatSamples.length, ...(opts.beats ? { beatSamples: Array.from(beatSamples), beatClasses } : {}) }) + '\n');
        return;
      }
      const h = a.holter;
      const seconds = new Map<string, number>();
      for (const e of a.episodes) seconds.set(e.label, (seconds.get(e.label) ?? 0) + (e.endSample - e.startSample) / a.fsHz);
      process.stdout.write(
        [
          `record       ${a.name}, ${a.fsHz} Hz, ${source.leadNames.length} leads, ${(a.durationS / 3600).toFixed(2)} h, ${a.blocks} blocks (${streamed ? 'streamed from disk' : 'read whole'})`,
          `beats        ${a.beatSamples.length}; PVCs ${h.pvcCount}, PACs ${h.pacCount}; rate min/mean/max ${h.minRateBpm}/${h.meanRateBpm}/${h.maxRateBpm} bpm`,
          `rhythm       AF burden ${h.afBurdenPct} %, ${a.episodes.length} episodes: ${[...seconds].sort((x, y) => y[1] - x[1]).map(([l, s]) => `${l.replace(/_/g, ' ')} ${s.toFixed(0)} s`).join(', ')}`,
          ...a.notes.slice(0, 5).map((n) => `note         ${n}`),
        ].join('\n') + '\n',
      );
    });
}
