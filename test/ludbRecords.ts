import { join } from 'node:path';
import { openRecord } from '../src/io/openRecord.js';
import { detectBeats } from '../src/beats/index.js';
import { delineateBeats } from '../src/waves/delineateBeats.js';
import type { Delineation } from '../src/waves/types.js';
import { pacingSpikeSamples, withoutPacingSpikes } from '../src/waves/pacingSpikes.js';
import type { DelineationOptions } from '../src/waves/options.js';
import type { EcgRecord } from '../src/record/types.js';
import { LUDB } from './dataPaths.js';

/**
 * LUDB record numbers (1-200) of a selection as the waves bench and the training dumps name it:
 * 'all', 'odd', 'even', or a list '1,2,3'.
 *
 * @example ludbRecordIds('odd').length // 100
 */
export function ludbRecordIds(which: string): number[] {
  const listed = which.split(',').map(Number);
  return Array.from({ length: 200 }, (_, i) => i + 1).filter((id) =>
    which === 'all' ? true : which === 'odd' ? id % 2 === 1 : which === 'even' ? id % 2 === 0 : listed.includes(id));
}

/** One LUDB record as the delineator saw it. */
export interface DelineatedLudbRecord {
  id: number;
  /** The record with pacing stimuli bridged (as delineated). */
  rec: EcgRecord;
  beats: Int32Array;
  d: Delineation;
  /** Pacing stimuli found (empty when none). */
  spikes: Int32Array;
  /** The leads' samples of `rec`. */
  samples: Float32Array[];
}

/**
 * Each LUDB record of `ids`: opened, its beats detected (`detectBeats`), delineated with `options`,
 * and its pacing stimuli bridged over `options.pacingBlankMs`, as `delineateBeats` does inside.
 *
 * @example for await (const r of delineatedLudbRecords([1, 2], DEFAULT_DELINEATION_OPTIONS)) console.log(r.id, r.d.leads.length);
 */
export async function* delineatedLudbRecords(ids: number[], options: DelineationOptions): AsyncGenerator<DelineatedLudbRecord> {
  for (const id of ids) {
    let rec = await openRecord(join(LUDB, `${id}.hea`));
    const beats = detectBeats(rec).samples;
    const d = delineateBeats(rec, beats, options);
    const spikes = pacingSpikeSamples(rec);
    if (spikes.length) rec = withoutPacingSpikes(rec, spikes, options.pacingBlankMs);
    yield { id, rec, beats, d, spikes, samples: rec.leads.map((l) => l.samples) };
  }
}
