/**
 * How often the quality stage rejects a whole record (verdict 'unusable'), which makes analyze() answer
 * "cannot determine" for strips up to 61 s: CinC 2017 training part (A00001-A02400) by reference label,
 * and every LUDB and PTB-XL record. Usage: npx tsx bench/stripVerdicts.bench.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRecord } from '../src/io/openRecord.js';
import { assessQuality } from '../src/quality/assessQuality.js';
import { CINC2017, LUDB, PTBXL } from '../test/dataPaths.js';

const headersUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? headersUnder(join(dir, e.name)) : e.name.endsWith('.hea') ? [join(dir, e.name)] : []));

const reference = new Map(readFileSync(join(CINC2017, 'REFERENCE.csv'), 'utf8').trim().split('\n').map((l) => l.trim().split(',') as [string, string]));
const total = new Map<string, number>(), unusable = new Map<string, number>();
for (const [name, label] of reference) {
  if (Number(name.slice(1)) > 2400) continue; // the held-back part stays unread
  const q = assessQuality(await openRecord(join(CINC2017, `${name}.hea`)));
  total.set(label, (total.get(label) ?? 0) + 1);
  if (q.verdict === 'unusable') unusable.set(label, (unusable.get(label) ?? 0) + 1);
}
console.log('| set | records | verdict unusable | share |\n|---|---|---|---|');
for (const [label, n] of total) console.log(`| CinC 2017 A00001-A02400, label ${label} | ${n} | ${unusable.get(label) ?? 0} | ${((100 * (unusable.get(label) ?? 0)) / n).toFixed(1)}% |`);
for (const [name, dir] of [['LUDB', LUDB], ['PTB-XL (100 and 500 Hz files)', PTBXL]] as const) {
  let n = 0, bad = 0;
  for (const f of headersUnder(dir)) { n++; if (assessQuality(await openRecord(f)).verdict === 'unusable') bad++; }
  console.log(`| ${name} | ${n} | ${bad} | ${((100 * bad) / n).toFixed(1)}% |`);
}
