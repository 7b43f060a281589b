import { dirname } from 'node:path';
import type { Command } from 'commander';
import { openRecord } from '../../io/openRecord.js';
import { writeFilesToDir } from '../../io/nodeWriteFiles.js';
import { writeRecordFiles } from '../../io/writeRecordFiles.js';
import { detectBeats } from '../../beats/index.js';
import { measureWithMedianBeat } from '../../measure/measureWithMedianBeat.js';
import { reconstructTwelveLeads } from '../../reconstruct/reconstructTwelveLeads.js';
import { medianBeatQrsTAngle } from '../../reconstruct/medianBeatQrsTAngle.js';
import type { EcgRecord } from '../../record/types.js';

/** Spatial QRS-T angle of the record's median beat (Kors VCG), or null with too few beats. */
function medianBeatQrsTAngleDeg(record: EcgRecord): number | null {
  const beats = detectBeats(record).samples;
  if (beats.length < 3) return null;
  const { medianBeat, measurements } = measureWithMedianBeat(record, beats);
  return medianBeatQrsTAngle(medianBeat.median, measurements.medianDelineation)?.angleDeg ?? null;
}

/** `sinus reconstruct <file> --from I,II,V2 -o full.hea`: the 12 standard leads from a subset. */
export function reconstructCommand(program: Command): void {
  program
    .command('reconstruct')
    .description('reconstruct the 12 standard leads from a subset (limb leads exactly, precordial leads by a linear transform); with --reference, a patient-specific transform')
    .argument('<file>', 'record file')
    .requiredOption('-o, --out <file>', 'output record (.hea for WFDB, .edf, .csv, .json)')
    .option('--from <leads>', 'leads to keep as recorded, comma-separated (default: all the record has)')
    .option('--reference <file>', 'a full 12-lead record of the same person: fit a patient-specific transform on it')
    .option('--vcg', 'also print the Kors-derived spatial QRS-T angle of the reconstructed record')
    .action(async (file: string, opts: { out: string; from?: string; reference?: string; vcg?: boolean }) => {
      const record = await openRecord(file);
      const reference = opts.reference ? await openRecord(opts.reference) : undefined;
      const from = opts.from?.split(',').map((s) => s.trim()).filter(Boolean);
      const r = reconstructTwelveLeads(record, { from, reference });
      const written = await writeFilesToDir(dirname(opts.out), writeRecordFiles(r.record, opts.out, { includeDerived: true }));
      const lines = [
        `recorded   ${r.recordedLeads.join(', ')}`,
        `computed   ${r.computedLeads.join(', ') || 'none'} (Einthoven/Goldberger, exact)`,
        `estimated  ${r.estimatedLeads.join(', ') || 'none'}${r.transform ? ` (${r.transform.source})` : ''}`,
      ];
      if (opts.vcg) {
        const angle = medianBeatQrsTAngleDeg(r.record);
        lines.push(`QRS-T      ${angle === null ? 'not measurable (too few beats or no T offset)' : `${angle.toFixed(0)} deg spatial angle (Kors VCG of the median beat)`}`);
      }
      process.stdout.write(`${lines.join('\n')}\n${written.join('\n')}\n`);
    });
}
