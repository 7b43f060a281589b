// PTB-XL's database table (../shared/data/ptb-xl/ptbxl_database.csv) as typed rows, for tests and benches.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvRows } from '../src/io/csv/csvRows.js';
import { PTBXL } from './dataPaths.js';

/** One PTB-XL record's row (the columns tests and benches use; `cells` has them all by column name). */
export interface PtbxlRow {
  ecgId: number;
  patientId: number;
  strat_fold: number;
  /** Record paths without extension, relative to the PTB-XL folder. */
  file100: string;
  file500: string;
  /** SCP code -> likelihood (0-100). */
  scpCodes: Record<string, number>;
  cells: Record<string, string>;
}

/** Every row of the shared PTB-XL table, in file order. */
export function ptbxlRows(): PtbxlRow[] {
  const [head, ...rows] = csvRows(readFileSync(join(PTBXL, 'ptbxl_database.csv'), 'utf8')).filter((r) => r.length > 5);
  return rows.map((r) => {
    const cells = Object.fromEntries(head.map((h, i) => [h, r[i] ?? '']));
    const scpCodes = scpCodesOf(cells.scp_codes);
    return { ecgId: Number(cells.ecg_id), patientId: Number(cells.patient_id), strat_fold: Number(cells.strat_fold), file100: cells.filename_lr, file500: cells.filename_hr, scpCodes, cells };
  });
}

/**
 * PTB-XL's scp_codes column ("{'NORM': 100.0, 'SR': 0.0}") as code -> likelihood.
 *
 * @example scpCodesOf("{'NORM': 100.0, 'SR': 0.0}") // { NORM: 100, SR: 0 }
 */
export function scpCodesOf(text: string): Record<string, number> {
  return Object.fromEntries([...text.matchAll(/'([^']+)':\s*([\d.]+)/g)].map((m) => [m[1], Number(m[2])]));
}
