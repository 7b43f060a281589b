/**
 * The retrieval benchmark's corpus: PTB-XL ecg_id 1-350 (500 Hz) and the 200 LUDB records, each
 * analysed once with the shipped models and cached (without the bulky per-beat `waves` section) in
 * `.bench-cache/similar/` (ignored), keyed by the software version, so a re-run only reads JSON.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, type Analysis } from '../src/analyze.js';
import { shippedModelStageOptions } from '../src/analyze/shippedModels.node.js';
import { openRecord } from '../src/io/openRecord.js';
import type { EcgRecord } from '../src/record/types.js';
import { SINUS_VERSION } from '../src/version.js';
import { LUDB, PTBXL, ROOT } from '../test/dataPaths.js';
import { csvRows as parseCsv } from '../src/io/csv/csvRows.js';
import { scpCodesOf } from '../test/ptbxlDatabase.js';

export interface CorpusItem {
  /** 'ptbxl:<ecg_id>' or 'ludb:<id>'. */
  key: string;
  database: 'ptbxl' | 'ludb';
  headerPath: string;
  patientId: string;
  ageYears: number | null;
  /** SCP statement codes (PTB-XL) or LUDB diagnosis lines. */
  statements: string[];
  /** Diagnostic superclasses (NORM, MI, STTC, CD, HYP). */
  superclasses: string[];
  /** PTB-XL strat_fold (1-10); null for LUDB. */
  fold: number | null;
}


function ptbxlItems(): CorpusItem[] {
  const scp = parseCsv(readFileSync(join(PTBXL, 'scp_statements.csv'), 'utf8'));
  const h = scp[0];
  const diagClass = new Map<string, string>();
  for (const r of scp.slice(1)) if (r[h.indexOf('diagnostic')] === '1.0') diagClass.set(r[0], r[h.indexOf('diagnostic_class')]);
  const db = parseCsv(readFileSync(join(PTBXL, 'ptbxl_database.csv'), 'utf8'));
  const c = db[0];
  return db.slice(1).map((r) => {
    const codes = Object.entries(scpCodesOf(r[c.indexOf('scp_codes')])).map(([code, likelihood]) => ({ code, likelihood }));
    const statements = codes.map((x) => x.code);
    // As in the PTB-XL benchmark (Strodthoff 2021): a superclass counts when one of its diagnostic
    // statements is listed (any likelihood).
    const superclasses = [...new Set(statements.map((s) => diagClass.get(s)).filter((x): x is string => !!x))].sort();
    const age = Number(r[c.indexOf('age')]);
    return {
      key: `ptbxl:${r[0]}`, database: 'ptbxl', headerPath: join(PTBXL, r[c.indexOf('filename_hr')] + '.hea'),
      patientId: `ptbxl:${Number(r[c.indexOf('patient_id')])}`, ageYears: Number.isFinite(age) && age < 300 ? age : null,
      statements, superclasses, fold: Number(r[c.indexOf('strat_fold')]),
    };
  });
}

/** LUDB diagnoses mapped to the PTB-XL diagnostic superclasses (normal = sinus rhythm, nothing else). */
function ludbSuperclasses(fields: Record<string, string>): string[] {
  const out = new Set<string>();
  if (fields['Conduction abnormalities'].trim()) out.add('CD');
  if (/ventricular (hypertrophy|overload)/i.test(fields['Hypertrophies'])) out.add('HYP');
  if (/infarction|scar/i.test(fields['Ischemia'] + fields['Other states'])) out.add('MI');
  if (/ischemia/i.test(fields['Ischemia']) || fields['Non-specific repolarization abnormalities'].trim()) out.add('STTC');
  const abnormal = ['Extrasystolies', 'Hypertrophies', 'Cardiac pacing', 'Ischemia', 'Other states'].some((k) => fields[k].trim()) || !/^sinus rhythm$/i.test(fields['Rhythms'].trim());
  if (out.size === 0 && !abnormal) out.add('NORM');
  return [...out].sort();
}

function ludbItems(): CorpusItem[] {
  const rows = parseCsv(readFileSync(join(LUDB, '..', 'ludb.csv'), 'utf8'));
  const h = rows[0];
  return rows.slice(1).map((r) => {
    const f = Object.fromEntries(h.map((k, i) => [k, r[i] ?? '']));
    const statements = h.slice(3).flatMap((k) => f[k].split('\n').map((x) => x.trim()).filter(Boolean));
    const age = parseInt(f.Age, 10);
    return {
      key: `ludb:${f.ID}`, database: 'ludb', headerPath: join(LUDB, `${f.ID}.hea`), patientId: `ludb:${f.ID}`,
      ageYears: Number.isFinite(age) ? age : null, statements, superclasses: ludbSuperclasses(f), fold: null,
    };
  });
}

/** Every corpus record with its labels (no analysis). */
export function corpusItems(): CorpusItem[] {
  return [...ptbxlItems(), ...ludbItems()];
}

const CACHE = join(ROOT, '.bench-cache', 'similar', SINUS_VERSION);

/** The record's analysis, from the cache or computed (then cached) with the shipped models. */
export async function cachedAnalysis(item: CorpusItem, record?: EcgRecord): Promise<Analysis> {
  const file = join(CACHE, item.key.replace(':', '-') + '.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Analysis;
  const rec = record ?? (await openRecord(item.headerPath));
  const a = await analyze(rec, { stageOptions: await shippedModelStageOptions() });
  const slim = { ...a, results: { ...a.results, waves: null } };
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(file, JSON.stringify(slim));
  return slim;
}

if (process.argv[1]?.endsWith('similarCorpus.ts')) {
  const items = corpusItems();
  let n = 0;
  for (const it of items) {
    await cachedAnalysis(it);
    if (++n % 50 === 0) process.stderr.write(`${n}/${items.length}\n`);
  }
}
