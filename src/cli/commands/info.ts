import type { Command } from 'commander';
import { SinusError } from '../../errors.js';
import { openRecord } from '../../io/openRecord.js';
import type { EcgRecord } from '../../record/types.js';
import { summarizeRecord } from '../../analyze/recordSummary.js';

/** JSON-friendly summary of a record (no samples): the Analysis record summary plus gains, checksums and warnings. */
export function recordSummary(rec: EcgRecord) {
  const base = summarizeRecord(rec);
  return {
    ...base,
    leads: base.leads.map((l, i) => ({ ...l, gain: rec.leads[i].info.gain })),
    checksums: rec.checksums ?? [],
    checksumsOk: rec.checksums ? rec.checksums.every((c) => c.ok !== false) : null,
    warnings: [
      ...(Array.isArray(rec.metadata.interpolatedLeads) ? [`interpolated to ${rec.fs} Hz from a lower stored rate: ${(rec.metadata.interpolatedLeads as string[]).join(', ')}`] : []),
      ...(Array.isArray(rec.metadata.warnings) ? (rec.metadata.warnings as string[]) : []),
    ],
  };
}

function checksumLine(s: ReturnType<typeof recordSummary>): string {
  if (s.checksumsOk === null || s.checksums.length === 0) return 'not stored in this format';
  if (!s.checksumsOk) {
    return 'MISMATCH: ' + s.checksums.filter((c) => c.ok === false).map((c) => `${c.lead} (${c.problem ?? `expected ${c.expected}, got ${c.actual}`})`).join('; ');
  }
  const verified = s.checksums.filter((c) => c.ok === true).length;
  const unverified = s.checksums.length - verified;
  if (unverified === 0) return `all ${verified} match`;
  const initOk = s.checksums.filter((c) => c.ok === null && c.initialValueExpected !== undefined).length;
  const lead = verified ? `${verified} of ${s.checksums.length} match; ${unverified}` : 'checksums';
  return `${lead} not stored in the header${initOk ? ` (initial values match)` : ''}`;
}

export function formatSummary(s: ReturnType<typeof recordSummary>): string {
  const lines = [
    `record     ${s.name} (${s.format ?? 'unknown format'})`,
    `rate       ${s.fsHz} Hz`,
    `duration   ${s.durationS.toFixed(3)} s (${s.samples} samples)`,
    `start      ${s.startTime ?? 'not given'}`,
    `leads      ${s.leads.length}: ${s.leads.map((l) => l.name + (l.derived ? '*' : '')).join(', ')}`,
    `annotations ${s.annotations.length ? s.annotations.map((a) => `${a.annotator}: ${a.count}`).join(', ') : 'none'}`,
    `checksums  ${checksumLine(s)}`,
    ...s.warnings.map((w) => `note       ${w}`),
  ];
  return lines.join('\n');
}

export function infoCommand(program: Command): void {
  program
    .command('info')
    .description('print a summary of an ECG record: leads, rate, duration, annotations, checksums')
    .argument('<file>', 'record file (.hea, .edf, .mat, .csv, ...)')
    .option('--json', 'print JSON instead of text')
    .option('--fs <hz>', 'sampling rate for a CSV file without a time column')
    .option('--derive-leads', 'add missing limb leads (Einthoven/Goldberger), marked *')
    .action(async (file: string, opts: { json?: boolean; fs?: string; deriveLeads?: boolean }) => {
      const fsHz = opts.fs !== undefined ? Number(opts.fs) : undefined;
      if (fsHz !== undefined && !(fsHz > 0)) throw new SinusError('BAD_ARGUMENT', `--fs must be a positive number, not ${opts.fs}`);
      const rec = await openRecord(file, { fsHz, deriveLeads: opts.deriveLeads });
      const s = recordSummary(rec);
      process.stdout.write((opts.json ? JSON.stringify(s, null, 2) : formatSummary(s)) + '\n');
      if (s.checksumsOk === false) process.exitCode = 3;
    });
}
