import type { EcgRecord } from '../record/types.js';

/**
 * A long recording read a block at a time, so its analysis holds one block in memory, not the
 * whole record. Implementations: {@link recordBlockSource} (a record already in memory),
 * `wfdbBlockSource` (a WFDB file read by byte range, Node), and the benches' concatenations.
 */
export interface BlockSource {
  name: string;
  fsHz: number;
  /** Samples per lead. */
  lengthSamples: number;
  leadNames: string[];
  /** Samples [startSample, endSample) of every lead, in mV. */
  read(startSample: number, endSample: number): Promise<Float32Array[]>;
}

/**
 * A block source over a record in memory (views, no copies): for tests and for records already read.
 *
 * @example const a = await analyzeInBlocks(recordBlockSource(await openRecord('100.hea')));
 */
export function recordBlockSource(record: EcgRecord): BlockSource {
  return {
    name: record.name,
    fsHz: record.fs,
    lengthSamples: record.length,
    leadNames: record.leads.map((l) => l.name),
    read: async (a, b) => record.leads.map((l) => l.samples.subarray(a, b)),
  };
}
