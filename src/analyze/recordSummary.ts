import type { EcgRecord } from '../record/types.js';

/** What an Analysis says about the record it was made from (no samples). */
export interface RecordSummary {
  name: string;
  format: string | null;
  fsHz: number;
  samples: number;
  durationS: number;
  startTime: string | null;
  leads: Array<{ name: string; originalName: string; units: string; derived: boolean }>;
  /** Annotation sets that came with the file (reference labels), with their sizes. */
  annotations: Array<{ annotator: string; count: number }>;
  /** Free-text header comments (patient line, diagnoses), when the file has them. */
  comments: string[];
}

/**
 * Summarises a record for an Analysis: identity, rate, size, leads, the annotation sets that came
 * with it and its header comments.
 *
 * @example summarizeRecord(rec).durationS // 10
 */
export function summarizeRecord(record: EcgRecord): RecordSummary {
  const comments = record.metadata?.comments;
  return {
    name: record.name,
    format: record.sourceFormat ?? null,
    fsHz: record.fs,
    samples: record.length,
    durationS: record.length / record.fs,
    startTime: record.startTime && !Number.isNaN(record.startTime.getTime()) ? record.startTime.toISOString() : null,
    leads: record.leads.map((l) => ({ name: l.name, originalName: l.originalName, units: l.info.units, derived: !!l.derived })),
    annotations: record.annotations.map((a) => ({ annotator: a.annotator, count: a.annotations.length })),
    comments: Array.isArray(comments) ? comments.filter((c): c is string => typeof c === 'string') : [],
  };
}
