import { SinusError } from '../errors.js';
import type { EcgRecord } from './types.js';

/**
 * The part of a record from sample `start` (inclusive) to `end` (exclusive), with annotations in
 * that span shifted to the new start. Raw ADC values, checksums of the source and stored annotation
 * bytes no longer describe the cut record, so they are cut or dropped accordingly (the WFDB writer
 * recomputes checksums and re-encodes annotations).
 *
 * @example
 * const firstMinute = sliceRecord(rec, 0, 60 * rec.fs);
 */
export function sliceRecord(record: EcgRecord, start: number, end: number): EcgRecord {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > record.length || end <= start) {
    throw new SinusError('BAD_ARGUMENT', `cannot cut samples ${start}..${end} from a record of ${record.length} samples`);
  }
  return {
    ...record,
    length: end - start,
    startTime: record.startTime ? new Date(record.startTime.getTime() + (start / record.fs) * 1000) : undefined,
    leads: record.leads.map((l) => ({
      ...l,
      samples: l.samples.slice(start, end),
      raw: l.raw && l.raw.length === record.length ? l.raw.slice(start, end) : undefined,
      info: { ...l.info, initialValue: undefined, checksum: undefined },
    })),
    annotations: record.annotations.map((set) => ({
      annotator: set.annotator,
      annotations: set.annotations
        .filter((a) => a.sample >= start && a.sample < end)
        .map((a) => ({ ...a, sample: a.sample - start, wfdbBytes: undefined })),
    })),
    checksums: undefined,
    metadata: { ...record.metadata, slicedFrom: { record: record.name, startSample: start, endSample: end } },
  };
}
