import { createHash } from 'node:crypto';
import { safeFileName } from '../analyze/recordFromFiles.js';
import { SinusError } from '../errors.js';
import { checkedRecordId, newRecordId } from './recordId.js';
import type { StoredRecordInput, StoredRecordSummary } from './types.js';

/** A record ready to write: checked names, checksums, the id and the total size (a summary's fields, with the files). */
export type PreparedRecord = Omit<StoredRecordSummary, 'fileNames' | 'analysisSoftwareVersion'> & {
  files: { name: string; bytes: Uint8Array; sha256: string }[];
};

/**
 * Checks a {@link StoredRecordInput} (at least one non-empty file, safe names, sane age) and
 * computes what every backend writes.
 *
 * @example preparedRecord({ files: { 'a.hea': hea, 'a.dat': dat } }).byteCount
 */
export function preparedRecord(input: StoredRecordInput): PreparedRecord {
  const entries = Object.entries(input.files ?? {});
  if (entries.length === 0) throw new SinusError('BAD_ARGUMENT', 'a stored record needs at least one file');
  const files = entries.map(([n, bytes]) => {
    const name = safeFileName(n);
    if (!(bytes instanceof Uint8Array)) throw new SinusError('BAD_ARGUMENT', 'file contents must be bytes', name);
    return { name, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
  });
  const age = input.ageYears ?? null;
  if (age !== null && !(Number.isFinite(age) && age >= 0 && age < 150)) throw new SinusError('BAD_ARGUMENT', `age ${age} is not an age in years`);
  if (input.sex != null && input.sex !== 'M' && input.sex !== 'F') throw new SinusError('BAD_ARGUMENT', 'sex must be M, F or null');
  return {
    id: input.id === undefined ? newRecordId() : checkedRecordId(input.id),
    name: (input.name ?? files[0].name.replace(/\.[^.]*$/, '')).slice(0, 200),
    createdAt: new Date().toISOString(),
    patientId: input.patientId ?? null,
    ageYears: age,
    sex: input.sex ?? null,
    labels: [...new Set(input.labels ?? [])],
    files,
    byteCount: files.reduce((s, f) => s + f.bytes.byteLength, 0),
  };
}

/** Float32 vector <-> little-endian bytes, as both backends store it. */
export function vectorBytes(v: Float32Array): Uint8Array {
  return new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
}

/** The vector from stored bytes (copied, so it is aligned). */
export function vectorFromBytes(b: Uint8Array): Float32Array {
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Float32Array(copy.buffer);
}
