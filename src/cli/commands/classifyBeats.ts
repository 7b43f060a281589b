import type { Command } from 'commander';
import { SinusError } from '../../errors.js';
import { openRecord } from '../../io/openRecord.js';
import { detectBeats } from '../../beats/detectBeats.js';
import { BEAT_CLASS_METHODS, type BeatClassMethod, classifyBeats } from '../../classify/classifyBeats.js';
import { referenceBeats } from '../../classify/referenceBeats.js';
import { nodeModelRunner } from '../../classify/onnx/onnxRunner.node.js';

export function classifyBeatsCommand(program: Command): void {
  program
    .command('classify-beats')
    .description('classify every beat as N, S, V, F or Q (AAMI EC57) with class probabilities')
    .argument('<file>', 'record file (.hea, ...)')
    .option('--method <method>', "'mlp' (feature MLP with sinus context, recommended), 'cnn' (ONNX model) or 'features' (logistic-regression baseline)", 'mlp')
    .option('--reference <annotator>', "classify the beats of this annotator (e.g. 'atr') instead of detecting them")
    .option('--json', 'print every beat (sample, time, class, probabilities) as JSON')
    .action(async (file: string, opts: { method: string; reference?: string; json?: boolean }) => {
      if (!(BEAT_CLASS_METHODS as readonly string[]).includes(opts.method)) throw new SinusError('BAD_ARGUMENT', `--method must be ${BEAT_CLASS_METHODS.join(', ')}, not "${opts.method}"`);
      const rec = await openRecord(file, opts.reference ? { annotators: [opts.reference] } : {});
      let beats: Int32Array;
      if (opts.reference) {
        const ref = referenceBeats(rec, opts.reference);
        if (!ref) throw new SinusError('FILE_NOT_FOUND', `no '${opts.reference}' annotations next to the record`, file);
        beats = ref.samples;
      } else beats = detectBeats(rec).samples;
      const res = await classifyBeats(rec, beats, { method: opts.method as BeatClassMethod, runner: nodeModelRunner() });
      if (opts.json) {
        const out = {
          record: rec.name, fsHz: rec.fs, method: res.method, leadsUsed: res.leadsUsed, counts: res.counts, notes: res.notes, classes: res.classes,
          beats: Array.from(res.samples, (s, i) => ({
            sample: s, timeS: +(s / rec.fs).toFixed(3), label: res.labels[i],
            probabilities: Array.from(res.probabilities.subarray(i * 5, i * 5 + 5), (p) => +p.toFixed(4)),
          })),
        };
        process.stdout.write(JSON.stringify(out) + '\n');
        return;
      }
      const c = res.counts;
      process.stdout.write(`${rec.name}: ${res.samples.length} beats (${opts.reference ? `'${opts.reference}' annotations` : 'detected'}), method ${res.method}, leads ${res.leadsUsed.join('+')}\n`);
      process.stdout.write(`N ${c.N}  S ${c.S}  V ${c.V}  F ${c.F}  Q ${c.Q}\n`);
      for (const n of res.notes) process.stdout.write(`note: ${n}\n`);
    });
}
