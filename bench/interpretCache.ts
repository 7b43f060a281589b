/**
 * The analyses `npm run bench:interpret` reads: PTB-XL ecg_id 1-350 (500 Hz) and LUDB 1-200, run through
 * analyze() with the shipped models once and cached as JSON lines in `.bench-cache/interpret/` (ignored),
 * keeping only the sections the interpret stage reads. The waves section's pacing stimuli are not in
 * the JSON (a non-enumerable field), so they are found again with pacingSpikeSamples, as delineateBeats does.
 * Reruns read the cache; delete the folder (or change the sinus version) to rebuild it.
 */
import { existsSync, mkdirSync, readFileSync, appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/analyze.js';
import { openRecord } from '../src/io/openRecord.js';
import { shippedModelStageOptions } from '../src/analyze/shippedModels.node.js';
import { pacingSpikeSamples } from '../src/waves/pacingSpikes.js';
import { LUDB, PTBXL, ROOT } from '../test/dataPaths.js';
import type { JsonValue } from '../src/analyze/toJsonValue.js';

/** One cached analysis: the record's id, its dataset, and the sections interpretEcg reads. */
export interface CachedAnalysis {
  dataset: 'ptbxl' | 'ludb';
  id: number;
  fsHz: number;
  lengthSamples: number;
  results: Record<string, JsonValue>;
  stageStatus: Record<string, string>;
}

export const CACHE_DIR = join(ROOT, '.bench-cache', 'interpret');

/** The sections kept (the waves section is reduced to its pacing stimuli). */
const KEPT = ['quality', 'beats', 'beatClasses', 'medianBeat', 'measurements', 'rhythm', 'stripRhythm'];

/** Adds the pacing stimuli to cached analyses made before they were kept (same as a rebuild, faster). */
async function withPacingSpikes(file: string, have: Map<number, CachedAnalysis>, path: (id: number) => string): Promise<void> {
  let changed = false;
  for (const c of have.values()) {
    const w = c.results.waves as { pacingSpikes?: number[]; spikesChecked?: boolean } | null;
    if (w?.spikesChecked) continue;
    c.results.waves = { pacingSpikes: Array.from(pacingSpikeSamples(await openRecord(path(c.id)))), spikesChecked: true };
    changed = true;
  }
  if (changed) writeFileSync(file, [...have.values()].map((c) => JSON.stringify(c)).join('\n') + '\n');
}

function reduce(results: Record<string, JsonValue>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  for (const k of KEPT) out[k] = results[k] ?? null;
  // Of the median beat, its samples per lead (the Q-wave durations are read from them).
  const mb = out.medianBeat as { median?: JsonValue } | null;
  if (mb) out.medianBeat = { median: mb.median ?? null };
  const b = out.beats as { samples?: JsonValue } | null;
  if (b) out.beats = { samples: b.samples ?? [] };
  const q = out.quality as Record<string, JsonValue> | null;
  if (q) out.quality = { verdict: q.verdict, score: q.score, reasons: q.reasons, leads: (q.leads as Array<Record<string, JsonValue>>).map((l) => ({ lead: l.lead, verdict: l.verdict, usable: l.usable, reasons: l.reasons })) } as JsonValue;
  const c = out.beatClasses as { labels?: JsonValue } | null;
  if (c) out.beatClasses = { labels: c.labels ?? [] };
  return out;
}

export function ptbxlPath(id: number): string {
  return join(PTBXL, 'records500', `${String(Math.floor(id / 1000) * 1000).padStart(5, '0')}`, `${String(id).padStart(5, '0')}_hr.hea`);
}

/** Cached analyses of one dataset, computed (and appended to the cache) for the ids not yet in it. */
export async function cachedAnalyses(dataset: 'ptbxl' | 'ludb', ids: number[], log = (s: string) => process.stderr.write(s)): Promise<CachedAnalysis[]> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = join(CACHE_DIR, `${dataset}.jsonl`);
  const have = new Map<number, CachedAnalysis>();
  if (existsSync(file)) for (const line of readFileSync(file, 'utf8').split('\n')) if (line) { const c = JSON.parse(line) as CachedAnalysis; have.set(c.id, c); }
  const path = (id: number) => (dataset === 'ptbxl' ? ptbxlPath(id) : join(LUDB, `${id}.hea`));
  await withPacingSpikes(file, have, path);
  const stageOptions = await shippedModelStageOptions();
  for (const id of ids) {
    if (have.has(id)) continue;
    const rec = await openRecord(path(id));
    const a = await analyze(rec, { stageOptions });
    const results = reduce(a.results);
    results.waves = { pacingSpikes: Array.from(pacingSpikeSamples(rec)), spikesChecked: true };
    const c: CachedAnalysis = { dataset, id, fsHz: rec.fs, lengthSamples: rec.length, results, stageStatus: Object.fromEntries(a.stages.map((s) => [s.name, s.status])) };
    appendFileSync(file, JSON.stringify(c) + '\n');
    have.set(id, c);
    log(`\r${dataset} ${id} `);
  }
  log('\n');
  return ids.map((id) => have.get(id)!);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv[2] ?? 'all';
  const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  if (which !== 'ludb') await cachedAnalyses('ptbxl', range(350));
  if (which !== 'ptbxl') await cachedAnalyses('ludb', range(200));
}
