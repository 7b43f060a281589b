import type { Command } from 'commander';
import { openRecord } from '../../io/openRecord.js';
import { analyze } from '../../analyze.js';
import type { EcgMeasurements } from '../../measure/measureEcg.js';
import type { HeartRateVariability } from '../../measure/hrv/heartRateVariability.js';

/** JSON-friendly measurements (median-beat internals left out). */
export function measurementSummary(m: EcgMeasurements) {
  const { medianDelineation, spatialBoundaries, ...rest } = m;
  return { ...rest, medianBeatCount: m.beatCount };
}

/**
 * The stages `sinus measure` runs: the same pipeline as `sinus analyze` (quality, beats, beat
 * classes, waves, median beat, measurements, HRV), so both print the same figures for the same record.
 */
export const MEASURE_STAGES = ['quality', 'beats', 'beatClasses', 'waves', 'medianBeat', 'measurements', 'hrv'];

const f = (v: number | null, unit: string, digits = 0) => (v === null ? 'not measurable' : `${v.toFixed(digits)} ${unit}`);

function formatMeasurements(m: EcgMeasurements): string {
  const why = (k: string) => (m.reasons[k] ? ` (${m.reasons[k]})` : '');
  return [
    `beats in median  ${m.beatCount}`,
    `heart rate       ${f(m.heartRateBpm, 'bpm')}   RR ${f(m.rrMs, 'ms')}${why('rrMs')}`,
    `PR               ${f(m.prMs, 'ms')}${why('prMs')}`,
    `P duration       ${f(m.pDurationMs, 'ms')}${why('pDurationMs')}`,
    `QRS              ${f(m.qrsDurationMs, 'ms')}${why('qrsDurationMs')}`,
    `QT               ${f(m.qtMs, 'ms')}${why('qtMs')}`,
    `QTc              Bazett ${f(m.qtc.bazettMs, 'ms')}, Fridericia ${f(m.qtc.fridericiaMs, 'ms')}, Framingham ${f(m.qtc.framinghamMs, 'ms')}, Hodges ${f(m.qtc.hodgesMs, 'ms')}`,
    `axes             P ${f(m.pAxisDeg, 'deg')}, QRS ${f(m.qrsAxisDeg, 'deg')}, T ${f(m.tAxisDeg, 'deg')}`,
    `voltages         Sokolow-Lyon ${f(m.voltage.sokolowLyonMv, 'mV', 2)}, Cornell ${f(m.voltage.cornellMv, 'mV', 2)}`,
  ].join('\n');
}

export function measureCommand(program: Command): void {
  program
    .command('measure')
    .description('detect beats, delineate P/QRS/T and print the 12-lead measurements (and HRV with --hrv)')
    .argument('<file>', 'record file')
    .option('--json', 'print JSON instead of text')
    .option('--hrv', 'add heart-rate variability from the detected beats')
    .action(async (file: string, opts: { json?: boolean; hrv?: boolean }) => {
      const rec = await openRecord(file);
      // One computation: the measurements and HRV are analyze()'s own sections.
      const a = await analyze(rec, { only: opts.hrv ? MEASURE_STAGES : MEASURE_STAGES.filter((s) => s !== 'hrv') });
      const beatsSection = a.results.beats as { samples?: number[]; reason?: string | null } | null;
      const beats = { samples: beatsSection?.samples ?? [], reason: beatsSection?.reason ?? null };
      const m = a.results.measurements as unknown as EcgMeasurements | null;
      if (!m) {
        const why = a.stages.find((s) => s.name === 'measurements')?.reason ?? 'not measured';
        process.stderr.write(`no measurements: ${why}\n`);
        process.exitCode = 1;
        return;
      }
      const hrv = opts.hrv ? ((a.results.hrv as unknown as HeartRateVariability | null) ?? undefined) : undefined;
      if (opts.json) {
        process.stdout.write(JSON.stringify({ beats: { count: beats.samples.length, reason: beats.reason }, measurements: measurementSummary(m), hrv }, null, 2) + '\n');
        return;
      }
      const lines = [`beats            ${beats.samples.length}${beats.reason ? ` (${beats.reason})` : ''}`, formatMeasurements(m)];
      if (hrv) {
        const t = hrv.timeDomain, fd = hrv.frequencyDomain, nl = hrv.nonlinear;
        lines.push(`HRV              ${hrv.nnCount} NN (${hrv.excludedCount} excluded): mean NN ${f(t.meanNnMs, 'ms')}, SDNN ${f(t.sdnnMs, 'ms', 1)}, RMSSD ${f(t.rmssdMs, 'ms', 1)}, pNN50 ${f(t.pnn50Pct, '%', 1)}`);
        lines.push(`                 LF ${f(fd.lfMs2, 'ms2')}, HF ${f(fd.hfMs2, 'ms2')}, LF/HF ${f(fd.lfHfRatio, '', 2)}; SD1 ${f(nl.sd1Ms, 'ms', 1)}, SD2 ${f(nl.sd2Ms, 'ms', 1)}, DFA a1 ${f(nl.dfaAlpha1, '', 2)}`);
      }
      process.stdout.write(lines.join('\n') + '\n');
    });
}
