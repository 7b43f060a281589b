import { dirname, join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { SinusError } from '../../errors.js';
import { openRecord } from '../../io/openRecord.js';
import { writeFilesToDir } from '../../io/nodeWriteFiles.js';
import { writeRecordFiles } from '../../io/writeRecordFiles.js';
import { synthesizeEcg, type SynthNoise } from '../../synth/synthesizeEcg.js';
import { SYNTH_RHYTHMS, type SynthRhythm } from '../../synth/beatSchedule.js';
import { MORPHOLOGY_PRESETS } from '../../synth/morphologyPresets.js';

/** '--noise em:6dB,ma:12dB' -> [{ kind: 'em', snrDb: 6 }, ...]. */
function parseNoise(spec: string): Array<{ kind: SynthNoise['kind']; snrDb: number }> {
  return spec.split(',').map((part) => {
    const m = /^(bw|em|ma):(-?\d+(?:\.\d+)?)\s*(?:db)?$/i.exec(part.trim());
    if (!m) throw new SinusError('BAD_ARGUMENT', `--noise takes kind:SNR pairs such as em:6dB,ma:12dB (kinds bw, em, ma), not '${part}'`);
    return { kind: m[1].toLowerCase() as SynthNoise['kind'], snrDb: Number(m[2]) };
  });
}

const number = (name: string, v: string | undefined, dflt: number) => {
  if (v === undefined) return dflt;
  const x = Number(v);
  if (!Number.isFinite(x)) throw new SinusError('BAD_ARGUMENT', `${name} must be a number, not '${v}'`);
  return x;
};

/** `sinus synth`: a synthetic record with its ground truth (annotations + JSON). */
export function synthCommand(program: Command): void {
  program
    .command('synth')
    .description('synthesise an ECG with known ground truth (ECGSYN kernels in a 3-D dipole fitted to real median beats, Dower 12-lead projection, explicit rhythm model, real NSTDB noise)')
    .requiredOption('-o, --out <file>', 'output record (.hea WFDB with .atr beats/rhythm and .waves boundaries, .edf, .csv, .json); the truth goes to <name>.truth.json')
    .option('--leads <n>', 'lead count: 1 (II), 2 (II, V1), 3 (I, II, V2), 8 or 12', '12')
    .option('--duration <s>', 'seconds', '10')
    .option('--rate <bpm>', 'mean heart rate (the atrial rate for AV blocks)', '72')
    .option('--rhythm <name>', SYNTH_RHYTHMS.join('|'), 'sinus')
    .option('--morphology <name>', Object.keys(MORPHOLOGY_PRESETS).join('|'), 'normal')
    .option('--conduction <n>', 'flutter conduction ratio (2 = 2:1)', '2')
    .option('--noise <spec>', 'real noise from the NSTDB, e.g. em:6dB,ma:12dB')
    .option('--noise-dir <dir>', 'folder with the NSTDB noise records bw, em, ma', join('..', 'shared', 'data', 'nstdb-noise'))
    .option('--mains <hz:mV>', 'mains interference, e.g. 50:0.05')
    .option('--clip <mV>', 'clip every lead to +-mV')
    .option('--fs <hz>', 'sampling rate', '500')
    .option('--seed <n>', 'random seed (the same seed gives the same record)', '1')
    .action(async (opts: Record<string, string | undefined>) => {
      const rhythm = opts.rhythm as SynthRhythm;
      const noise: SynthNoise[] = [];
      for (const n of opts.noise ? parseNoise(opts.noise) : []) {
        const rec = await openRecord(join(opts.noiseDir!, `${n.kind}.hea`)).catch((e: unknown) => {
          throw new SinusError('FILE_NOT_FOUND', `NSTDB noise record '${n.kind}' not found in ${opts.noiseDir} (give --noise-dir): ${(e as Error).message}`);
        });
        noise.push({ ...n, channels: rec.leads.map((l) => l.samples), fsHz: rec.fs });
      }
      let mains: { hz: number; amplitudeMv: number } | undefined;
      if (opts.mains) {
        const [hz, mv] = opts.mains.split(':').map(Number);
        if (!(hz > 0) || !(mv >= 0)) throw new SinusError('BAD_ARGUMENT', `--mains takes hz:mV such as 50:0.05, not '${opts.mains}'`);
        mains = { hz, amplitudeMv: mv };
      }
      const s = synthesizeEcg({
        durationS: number('--duration', opts.duration, 10), fsHz: number('--fs', opts.fs, 500), rhythm, rateBpm: number('--rate', opts.rate, 72),
        morphology: opts.morphology, conductionRatio: number('--conduction', opts.conduction, 2), noise, mains,
        clipMv: opts.clip === undefined ? undefined : number('--clip', opts.clip, 5), leads: number('--leads', opts.leads, 12), seed: number('--seed', opts.seed, 1),
      });
      const out = opts.out!;
      const record = { ...s.record, name: out.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') };
      const written = await writeFilesToDir(dirname(out), writeRecordFiles(record, out, {}));
      const truthPath = join(dirname(out), `${record.name}.truth.json`);
      await writeFile(truthPath, JSON.stringify(s.truth, null, 1));
      process.stdout.write(`${[...written, truthPath].join('\n')}\n${s.truth.beats.length} beats, ${s.truth.episodes.map((e) => e.aux).join(' ')}, morphology ${s.truth.morphology.source}\n`);
    });
}
