import { SinusError } from '../../../errors.js';
import { crc16Ccitt } from '../checksums.js';

/** One SCP-ECG section located in the record: `data` excludes the 16-byte section header. */
export interface ScpSection {
  id: number;
  /** Byte offset of the section header in the file. */
  offset: number;
  length: number;
  version: number;
  data: Uint8Array;
}

/**
 * Locates and checks the sections of an SCP-ECG record (EN 1064): the record CRC and length,
 * section 0's pointer table, each section's header (its id must match the pointer) and CRC.
 * Throws CHECKSUM_MISMATCH on a bad CRC; UNSUPPORTED_FORMAT on the Healforce variant (0-based
 * pointers, zeroed 'SCPECG' tag); FILE_TRUNCATED when a section lies past the end.
 *
 * @example locateScpSections(bytes, 'Example.scp').sections.get(6)?.data.length
 */
export function locateScpSections(bytes: Uint8Array, file: string): { sections: Map<number, ScpSection>; recordCrcOk: boolean } {
  if (bytes.length < 6 + 16 + 10) throw new SinusError('FILE_TRUNCATED', `SCP record of ${bytes.length} bytes is too short`, file);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const recordLength = dv.getUint32(2, true);
  const sec0Len = dv.getUint32(6 + 4, true);
  const tag = String.fromCharCode(...bytes.subarray(6 + 10, 6 + 16));
  const firstIndex = sec0Len >= 26 && 6 + 16 + 10 <= bytes.length ? dv.getUint32(6 + 16 + 6, true) : -1;
  if (tag !== 'SCPECG' && firstIndex === 6) {
    throw new SinusError('UNSUPPORTED_FORMAT', 'non-standard SCP-ECG variant (0-based section pointers, no "SCPECG" tag, as written by Healforce handhelds); not decoded', file);
  }
  if (recordLength > bytes.length) throw new SinusError('FILE_TRUNCATED', `SCP record says ${recordLength} bytes but the file holds ${bytes.length}`, file);
  if (recordLength < 6 + 16) throw new SinusError('BAD_HEADER', `SCP record length ${recordLength} is too small`, file);
  const recordCrc = dv.getUint16(0, true);
  const recordCrcOk = crc16Ccitt(bytes, 2, recordLength) === recordCrc;
  // A zero record CRC means "not computed" in some writers; anything else must match.
  if (!recordCrcOk && recordCrc !== 0) throw new SinusError('CHECKSUM_MISMATCH', `SCP record CRC ${recordCrc} does not match the data`, file);

  const sections = new Map<number, ScpSection>();
  const readSection = (id: number, offset: number, length: number): ScpSection => {
    if (length < 16 || offset + length > recordLength) throw new SinusError('FILE_TRUNCATED', `SCP section ${id} (${length} bytes at ${offset}) lies past the end of the record`, file);
    const headerId = dv.getUint16(offset + 2, true);
    const headerLen = dv.getUint32(offset + 4, true);
    if (headerId !== id) throw new SinusError('BAD_HEADER', `SCP section pointer ${id} leads to a header of section ${headerId}`, file);
    if (headerLen !== length) throw new SinusError('BAD_HEADER', `SCP section ${id}: pointer says ${length} bytes, header ${headerLen}`, file);
    const crc = dv.getUint16(offset, true);
    if (crc16Ccitt(bytes, offset + 2, offset + length) !== crc) throw new SinusError('CHECKSUM_MISMATCH', `SCP section ${id} CRC does not match its data`, file);
    return { id, offset, length, version: bytes[offset + 8], data: bytes.subarray(offset + 16, offset + length) };
  };
  const s0 = readSection(0, 6, sec0Len);
  sections.set(0, s0);
  for (let p = 0; p + 10 <= s0.data.length; p += 10) {
    const o = s0.offset + 16 + p;
    const id = dv.getUint16(o, true);
    const len = dv.getUint32(o + 2, true);
    const index = dv.getUint32(o + 6, true);
    if (id === 0 || len === 0) continue;
    if (index < 1) throw new SinusError('BAD_HEADER', `SCP section ${id} has pointer index ${index} (indices are 1-based)`, file);
    if (sections.has(id)) continue;
    sections.set(id, readSection(id, index - 1, len));
  }
  return { sections, recordCrcOk };
}
