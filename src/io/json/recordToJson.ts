import type { EcgRecord } from '../../record/types.js';

/** Options for {@link recordToJson}. */
export interface RecordToJsonOptions {
  /** Include the samples (mV, NaN as null); default true. Without them the JSON is a summary. */
  samples?: boolean;
}

/** The JSON document of a record, as written by {@link recordToJson}. */
export interface RecordJson {
  format: 'sinus-record';
  version: 1;
  name: string;
  fsHz: number;
  length: number;
  durationS: number;
  startTime: string | null;
  sourceFormat: string | null;
  leads: {
    name: string;
    originalName: string;
    derived: boolean;
    units: 'mV';
    sourceUnits: string;
    gain: number;
    baseline: number;
    nativeFsHz: number | null;
    samples?: (number | null)[];
  }[];
  annotations: {
    annotator: string;
    annotations: { sample: number; timeS: number; code: string; subtype: number; channel: number; num: number; aux: string | null; durationS: number | null }[];
  }[];
  checksums: EcgRecord['checksums'] | null;
  metadata: Record<string, unknown>;
}

/** Metadata values that JSON can carry; typed arrays and functions are left out. */
function jsonSafe(v: unknown, depth = 0): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return v.toISOString();
  if (ArrayBuffer.isView(v) || typeof v === 'function' || depth > 8) return undefined;
  if (Array.isArray(v)) return v.map((x) => jsonSafe(x, depth + 1)).filter((x) => x !== undefined);
  if (typeof v === 'object') {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      const s = jsonSafe(x, depth + 1);
      if (s !== undefined) o[k] = s;
    }
    return o;
  }
  return undefined;
}

/**
 * A plain, JSON-serialisable description of a record: rate, leads (samples in mV, NaN as null),
 * annotations with their times, checksums and metadata. `JSON.stringify(recordToJson(rec))` is the
 * `.json` export; {@link recordFromJson} reads it back.
 *
 * @example
 * const text = JSON.stringify(recordToJson(rec, { samples: false }), null, 2);
 */
export function recordToJson(record: EcgRecord, options: RecordToJsonOptions = {}): RecordJson {
  const withSamples = options.samples ?? true;
  return {
    format: 'sinus-record',
    version: 1,
    name: record.name,
    fsHz: record.fs,
    length: record.length,
    durationS: record.length / record.fs,
    startTime: record.startTime?.toISOString() ?? null,
    sourceFormat: record.sourceFormat ?? null,
    leads: record.leads.map((l) => ({
      name: l.name,
      originalName: l.originalName,
      derived: !!l.derived,
      units: 'mV',
      sourceUnits: l.info.units,
      gain: l.info.gain,
      baseline: l.info.baseline,
      nativeFsHz: l.info.nativeFsHz ?? null,
      ...(withSamples ? { samples: Array.from(l.samples, (x) => (Number.isNaN(x) ? null : x)) } : {}),
    })),
    annotations: record.annotations.map((s) => ({
      annotator: s.annotator,
      annotations: s.annotations.map((a) => ({
        sample: a.sample, timeS: a.sample / record.fs, code: a.code, subtype: a.subtype, channel: a.channel, num: a.num,
        aux: a.aux ?? null, durationS: a.durationS ?? null,
      })),
    })),
    checksums: record.checksums ?? null,
    metadata: (jsonSafe(record.metadata) as Record<string, unknown>) ?? {},
  };
}
