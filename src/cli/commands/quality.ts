import type { Command } from 'commander';
import { openRecord } from '../../io/openRecord.js';
import { detectBeatsInSignal } from '../../beats/index.js';
import { assessQuality } from '../../quality/assessQuality.js';
import type { QualityReport } from '../../quality/types.js';

function seconds(sample: number, fsHz: number): string {
  return (sample / fsHz).toFixed(1);
}

/** Text report: record verdict, one line per lead, then the unusable spans and serious findings. */
export function formatQualityReport(r: QualityReport): string {
  const lines = [`quality    ${r.verdict} (score ${r.score.toFixed(2)})${r.reasons.length ? ': ' + r.reasons.join('; ') : ''}`];
  for (const l of r.leads) {
    const ix = l.indices;
    const snr = ix.snrDb === null ? 'SNR ?' : `SNR ${ix.snrDb.toFixed(1)} dB`;
    lines.push(`  ${l.lead.padEnd(5)} ${l.verdict.padEnd(10)} ${snr.padEnd(14)} bSQI ${ix.bSqi ?? '-'}  kSQI ${ix.kSqi ?? '-'}  pSQI ${ix.pSqi ?? '-'}  basSQI ${ix.basSqi ?? '-'}  r ${ix.templateCorrelation ?? '-'}${l.reasons.length ? '  ' + l.reasons.join('; ') : ''}`);
    for (const f of l.findings.filter((x) => x.severity !== 'mild')) {
      lines.push(`        ${f.severity} ${f.kind} ${seconds(f.startSample, r.fsHz)}-${seconds(f.endSample, r.fsHz)} s (${f.value} ${f.unit})`);
    }
  }
  const bad = r.segments.filter((s) => !s.usable);
  lines.push(`unusable   ${bad.length ? bad.map((s) => `${seconds(s.startSample, r.fsHz)}-${seconds(s.endSample, r.fsHz)} s (${s.reasons.join(', ')})`).join('; ') : 'none'}`);
  return lines.join('\n');
}

export function qualityCommand(program: Command): void {
  program
    .command('quality')
    .description('assess signal quality per lead: findings, SQIs, SNR, verdicts and unusable segments')
    .argument('<file>', 'record file (.hea, ...)')
    .option('--json', 'print the full report as JSON')
    .action(async (file: string, opts: { json?: boolean }) => {
      const rec = await openRecord(file);
      const report = assessQuality(rec, { primaryDetector: detectBeatsInSignal });
      if (opts.json) {
        const { leads, ...rest } = report;
        const out = { ...rest, leads: leads.map(({ ownBeats, ...l }) => ({ ...l, ownBeatCount: ownBeats.length })) };
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      } else process.stdout.write(formatQualityReport(report) + '\n');
    });
}
