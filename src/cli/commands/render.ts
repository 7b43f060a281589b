import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { analyze } from '../../analyze.js';
import { shippedModelStageOptions } from '../../analyze/shippedModels.node.js';
import { SinusError } from '../../errors.js';
import { openRecord } from '../../io/openRecord.js';
import { renderSvg } from '../../render/svg.js';
import type { LayoutName } from '../../render/layout.js';
import { overlaysFromAnalysis, overlaysFromAnnotations } from '../../render/overlays.js';
import { EXIT_CODES_HELP } from '../exitCodes.js';

interface RenderCliOptions {
  output?: string;
  format?: string;
  layout?: LayoutName;
  speed?: string;
  gain?: string;
  start?: string;
  lead?: string;
  rhythm?: string;
  rowSeconds?: string;
  page?: string;
  marks: string;
  show: string;
  dpi: string;
}

function num(v: string | undefined, what: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new SinusError('BAD_ARGUMENT', `${what} must be a number, got "${v}"`);
  return n;
}

export function renderCommand(program: Command): void {
  program
    .command('render')
    .description('draw a record on ECG paper (25 mm/s, 10 mm/mV, 1/5 mm grid) as SVG, PNG or PDF')
    .argument('<file>', 'record file (.hea, .edf, .csv, ...)')
    .option('-o, --output <file>', 'output file; the format follows its extension (.svg, .png, .pdf); default SVG on stdout')
    .option('-f, --format <fmt>', 'svg, png or pdf (overrides the extension)')
    .option('-l, --layout <layout>', '3x4 (12-lead + rhythm strip), 6x2, strips (one row per lead), holter (rows of one lead); default 3x4 for 12-lead records, else strips')
    .option('--speed <mm/s>', 'paper speed (default 25; Holter 12.5)')
    .option('--gain <mm/mV>', 'gain (default 10; Holter 5)')
    .option('--start <s>', 'first second shown', '0')
    .option('--lead <names>', 'comma-separated leads for strips, or the lead of a Holter page')
    .option('--rhythm <names>', 'rhythm-strip leads under a 12-lead layout (comma-separated, "none" for none)')
    .option('--row-seconds <s>', 'Holter: seconds per row (default 20)')
    .option('--page <n>', 'Holter: page number from 1', '1')
    .option('--marks <source>', 'where beat/wave marks come from: analysis, reference (the file\'s annotations) or none', 'analysis')
    .option('--show <overlays>', 'overlays to draw: any of beats,classes,waves,rhythm,quality (shading of unusable signal)', 'beats,classes,rhythm,quality')
    .option('--dpi <n>', 'PNG resolution', '150')
    .addHelpText('after', `\nExamples:\n  sinus render samples/1.hea -o ecg.pdf\n  sinus render samples/100.hea --layout holter --page 2 -o holter.png --marks reference\n${EXIT_CODES_HELP}`)
    .action(async (file: string, opts: RenderCliOptions) => {
      const fmt = (opts.format ?? (opts.output ? extname(opts.output).slice(1) : 'svg')).toLowerCase();
      if (!['svg', 'png', 'pdf'].includes(fmt)) throw new SinusError('BAD_ARGUMENT', `unknown output format "${fmt}" (svg, png, pdf)`);
      if (fmt !== 'svg' && !opts.output) throw new SinusError('BAD_ARGUMENT', `${fmt.toUpperCase()} needs --output <file>`);
      const rec = await openRecord(file);
      const analysis = await analyze(rec, { stageOptions: await shippedModelStageOptions() });
      const overlays = opts.marks === 'reference' ? overlaysFromAnnotations(rec) : opts.marks === 'none' ? null : overlaysFromAnalysis(analysis);
      if (!['analysis', 'reference', 'none'].includes(opts.marks)) throw new SinusError('BAD_ARGUMENT', `--marks must be analysis, reference or none`);
      const show = new Set(opts.show.split(',').map((s) => s.trim()));
      const svg = renderSvg(rec, {
        analysis, overlays,
        layout: opts.layout,
        speedMmPerS: num(opts.speed, '--speed'),
        gainMmPerMv: num(opts.gain, '--gain'),
        startS: num(opts.start, '--start'),
        leads: opts.lead?.split(',').map((s) => s.trim()),
        rhythmLeads: opts.rhythm === 'none' ? [] : opts.rhythm?.split(',').map((s) => s.trim()),
        rowSeconds: num(opts.rowSeconds, '--row-seconds'),
        page: (num(opts.page, '--page') ?? 1) - 1,
        show: { beats: show.has('beats'), classes: show.has('classes'), waves: show.has('waves'), rhythm: show.has('rhythm'), quality: show.has('quality') },
      });
      // PNG/PDF libraries load only when asked for: they cost start-up time every other command would pay.
      const bytes =
        fmt === 'svg'
          ? new TextEncoder().encode(svg)
          : fmt === 'png'
            ? (await import('../../render/png.node.js')).svgToPng(svg, { dpi: num(opts.dpi, '--dpi') })
            : await (await import('../../render/pdf.node.js')).svgToPdf(svg, { title: rec.name });
      if (opts.output) await writeFile(opts.output, bytes);
      else process.stdout.write(bytes);
    });
}
