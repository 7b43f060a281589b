/** PTB-XL ecg_id 1-350: the database rows and the cached analyses of the 500 Hz records (bench only). */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, type Analysis } from '../src/analyze.js';
import { shippedModelStageOptions } from '../src/analyze/shippedModels.node.js';
import { openRecord } from '../src/io/openRecord.js';
import { ptbxlRows as ptbxlDatabaseRows, scpCodesOf } from '../test/ptbxlDatabase.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DATA = join(ROOT, '..', 'shared', 'data');
export const PTBXL = join(DATA, 'ptb-xl');
/** Ignored cache folder: one `<ecg id>_hr.analysis.json` per record. */
export const ANALYSIS_CACHE = join(ROOT, '.bench-cache', 'report-qa', 'analyses');

/** One row of ptbxl_database.csv, by column name. */
export type PtbxlRow = Record<string, string>;

/** ptbxl_database.csv rows by ecg_id (test/ptbxlDatabase.ts reads the table). */
export function ptbxlRows(): Map<number, PtbxlRow> {
  return new Map(ptbxlDatabaseRows().map((r) => [r.ecgId, r.cells]));
}

/** PTB-XL's scp_codes column ("{'NORM': 100.0, 'SR': 0.0}") as code -> likelihood. */
export function scpCodes(row: PtbxlRow): Map<string, number> {
  return new Map(Object.entries(scpCodesOf(row.scp_codes)));
}

/**
 * The analysis of PTB-XL record `ecgId` (500 Hz), from the cache or computed (and cached) now,
 * run with the shipped models as the CLI does. `extend` may add stages run on the cached analysis.
 */
export async function ptbxlAnalysis(ecgId: number): Promise<Analysis> {
  const name = `${String(ecgId).padStart(5, '0')}_hr`;
  const file = join(ANALYSIS_CACHE, `${name}.analysis.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Analysis;
  const rec = await openRecord(join(PTBXL, 'records500', '00000', `${name}.hea`));
  const a = await analyze(rec, { stageOptions: await shippedModelStageOptions() });
  mkdirSync(ANALYSIS_CACHE, { recursive: true });
  writeFileSync(file, JSON.stringify(a));
  return a;
}
