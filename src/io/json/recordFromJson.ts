import { SinusError } from '../../errors.js';
import type { EcgRecord } from '../../record/types.js';
import type { RecordJson } from './recordToJson.js';

/**
 * True when the text starts like a sinus record JSON document.
 *
 * @example
 * looksLikeRecordJson(new TextEncoder().encode('{"format":"sinus-record"')); // true
 */
export function looksLikeRecordJson(head: Uint8Array): boolean {
  const s = new TextDecoder().decode(head.subarray(0, 512));
  return /^\s*\{/.test(s) && s.includes('"sinus-record"');
}

/**
 * Reads back a record written with `recordToJson` (samples must be included). Throws
 * {@link SinusError} BAD_HEADER when the document is not one.
 *
 * @example
 * const rec = recordFromJson(JSON.parse(text), 'rec.json');
 */
export function recordFromJson(doc: unknown, fileName = 'record.json'): EcgRecord {
  const d = doc as RecordJson;
  if (!d || d.format !== 'sinus-record' || d.version !== 1) throw new SinusError('BAD_HEADER', 'not a sinus record JSON document (format "sinus-record", version 1)', fileName);
  if (!(d.fsHz > 0) || !Number.isInteger(d.length) || !Array.isArray(d.leads)) throw new SinusError('BAD_HEADER', 'fsHz, length or leads missing', fileName);
  return {
    name: d.name,
    fs: d.fsHz,
    length: d.length,
    startTime: d.startTime ? new Date(d.startTime) : undefined,
    sourceFormat: 'json',
    leads: d.leads.map((l) => {
      if (!Array.isArray(l.samples) || l.samples.length !== d.length) throw new SinusError('BAD_SIGNAL', `lead ${l.name} has no samples or the wrong number`, fileName);
      return {
        name: l.name, originalName: l.originalName, derived: l.derived || undefined,
        samples: Float32Array.from(l.samples, (x) => (x === null ? Number.NaN : x)),
        info: { gain: l.gain, baseline: l.baseline, units: l.sourceUnits, ...(l.nativeFsHz ? { nativeFsHz: l.nativeFsHz } : {}) },
      };
    }),
    annotations: (d.annotations ?? []).map((s) => ({
      annotator: s.annotator,
      annotations: s.annotations.map((a) => ({
        sample: a.sample, code: a.code, subtype: a.subtype, channel: a.channel, num: a.num,
        ...(a.aux !== null ? { aux: a.aux } : {}), ...(a.durationS !== null ? { durationS: a.durationS } : {}),
      })),
    })),
    checksums: d.checksums ?? undefined,
    metadata: d.metadata ?? {},
  };
}
