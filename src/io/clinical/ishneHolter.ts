import { SinusError } from '../../errors.js';
import { decodeOrTypedError } from './safeRead.js';
import type { Annotation, EcgRecord, Lead } from '../../record/types.js';
import type { FileSource } from '../source.js';
import type { RecordReader } from '../reader.js';
import { ByteView } from './binary.js';
import { leadFromRaw, MAX_SAMPLES_PER_LEAD } from './buildRecord.js';
import { crc16Ccitt } from './checksums.js';

const ISHNE_LEADS = ['unknown', 'bipolar', 'X', 'Y', 'Z', 'I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'ES', 'AS', 'AI'];
const FIXED_HEADER = 512;

interface IshneHeader {
  varLength: number;
  samplesPerLead: number;
  dataOffset: number;
  firstName: string;
  lastName: string;
  id: string;
  sex: number;
  recordDate: [number, number, number];
  startTime: [number, number, number];
  nLeads: number;
  leadSpec: number[];
  leadQuality: number[];
  resolutionNv: number[];
  pacemaker: number;
  recorder: string;
  fsHz: number;
  crcOk: boolean;
}

/** Reads and checks the ISHNE 1.0 header shared by .ecg and .ann files (magic, CRC-CCITT, offsets). */
function readIshneHeader(v: ByteView, magic: string, strictCrc: boolean): IshneHeader {
  const got = v.text(0, 8);
  if (got !== magic.trim() && v.text(0, 8).replace(/\s+/g, ' ') !== magic.replace(/\s+/g, ' ')) {
    throw new SinusError('BAD_HEADER', `not an ISHNE file (magic "${got}", expected "${magic}")`, v.file);
  }
  const h = 10;
  v.need(h, FIXED_HEADER, 'ISHNE fixed header');
  const varLength = v.i32(h);
  const samplesPerLead = v.i32(h + 4);
  const dataOffset = v.i32(h + 12);
  if (varLength < 0 || dataOffset < h + FIXED_HEADER || dataOffset > v.length) {
    throw new SinusError('BAD_HEADER', `ISHNE header: variable block ${varLength} bytes, data at byte ${dataOffset} of ${v.length}`, v.file);
  }
  const crcEnd = h + FIXED_HEADER + varLength;
  v.need(h, FIXED_HEADER + varLength, 'ISHNE header');
  const crc = v.u16(8);
  const crcOk = crc16Ccitt(v.bytes, h, crcEnd) === crc;
  if (!crcOk && strictCrc) throw new SinusError('CHECKSUM_MISMATCH', 'ISHNE header CRC does not match', v.file);
  const i16s = (o: number, n: number) => Array.from({ length: n }, (_, k) => v.i16(o + 2 * k));
  const d = i16s(h + 128, 3);
  const t = i16s(h + 140, 3);
  return {
    varLength,
    samplesPerLead,
    dataOffset,
    firstName: v.text(h + 18, 40),
    lastName: v.text(h + 58, 40),
    id: v.text(h + 98, 20),
    sex: v.i16(h + 118),
    recordDate: [d[0], d[1], d[2]],
    startTime: [t[0], t[1], t[2]],
    nLeads: v.i16(h + 146),
    leadSpec: i16s(h + 148, 12),
    leadQuality: i16s(h + 172, 12),
    resolutionNv: i16s(h + 196, 12),
    pacemaker: v.i16(h + 220),
    recorder: v.text(h + 222, 40),
    fsHz: v.i16(h + 262),
    crcOk,
  };
}

/**
 * Reads an ISHNE 1.0 annotation file's beats (header CRC reported, not enforced): after the header, a 4-byte start sample then
 * 4-byte entries (label, internal code, uint16 samples since the previous annotation).
 *
 * @example readIshneAnnotations(annBytes, 'ECG_P28.01.ann').annotations.length // 97
 */
export function readIshneAnnotations(bytes: Uint8Array, fileName: string): { annotations: Annotation[]; headerCrcOk: boolean } {
  const v = new ByteView(bytes, fileName);
  // Annotation writers often leave the header CRC stale; the beats are still usable, so report it.
  const h = readIshneHeader(v, 'ANN  1.0', false);
  let o = h.dataOffset;
  let sample = v.u32(o);
  o += 4;
  const out: Annotation[] = [];
  for (; o + 4 <= v.length; o += 4) {
    const label = String.fromCharCode(v.u8(o));
    sample += v.u16(o + 2);
    out.push({ sample, code: label, subtype: 0, channel: 0, num: 0, aux: `ISHNE ${label}${String.fromCharCode(v.u8(o + 1))}` });
  }
  return { annotations: out, headerCrcOk: h.crcOk };
}

/**
 * Decodes an ISHNE 1.0 Holter file (header CRC checked; int16 interleaved samples; per-lead
 * resolution in nV) and, when `source` has it, the `.ann` file beside it (annotator 'ishne').
 *
 * @example
 * const rec = await readIshneHolter(bytes, 'ECG_P28.01.ecg', source);
 * rec.fs; // 1000
 */
export async function readIshneHolter(bytes: Uint8Array, fileName: string, source?: FileSource): Promise<EcgRecord> {
  const v = new ByteView(bytes, fileName);
  const h = readIshneHeader(v, 'ISHNE1.0', true);
  if (h.nLeads < 1 || h.nLeads > 12) throw new SinusError('BAD_HEADER', `ISHNE header says ${h.nLeads} leads`, fileName);
  if (h.fsHz <= 0) throw new SinusError('BAD_HEADER', `ISHNE sampling rate ${h.fsHz}`, fileName);
  const stored = Math.floor((bytes.length - h.dataOffset) / (2 * h.nLeads));
  const n = h.samplesPerLead > 0 ? Math.min(h.samplesPerLead, stored) : stored;
  if (n > MAX_SAMPLES_PER_LEAD) throw new SinusError('BAD_HEADER', 'ISHNE record too long', fileName);
  if (n === 0) throw new SinusError('NOT_ENOUGH_DATA', 'ISHNE file holds no samples', fileName);
  const dv = new DataView(bytes.buffer, bytes.byteOffset + h.dataOffset, n * 2 * h.nLeads);
  const leads: Lead[] = [];
  for (let c = 0; c < h.nLeads; c++) {
    const raw = new Int32Array(n);
    for (let i = 0; i < n; i++) raw[i] = dv.getInt16(2 * (i * h.nLeads + c), true);
    const res = h.resolutionNv[c];
    if (res <= 0) throw new SinusError('BAD_HEADER', `ISHNE lead ${c + 1}: resolution ${res} nV`, fileName);
    // gain in adu per mV; computed in float so 5000 nV x 32767 cannot overflow a 16-bit product
    const lead = leadFromRaw(ISHNE_LEADS[h.leadSpec[c]] ?? `lead ${c + 1}`, raw, 1e6 / res, 0, 'mV', 'ishne-int16');
    lead.info.adcResolutionBits = 16;
    leads.push(lead);
  }
  const notes: string[] = [];
  if (h.samplesPerLead > stored) notes.push(`header says ${h.samplesPerLead} samples per lead; ${stored} are stored`);
  const rec: EcgRecord = {
    name: fileName.replace(/\.[^.]+$/, ''),
    fs: h.fsHz,
    leads,
    length: n,
    annotations: [],
    sourceFormat: 'ishne',
    metadata: {
      format: 'ISHNE 1.0',
      patient: { firstName: h.firstName, lastName: h.lastName, id: h.id, sex: ['unknown', 'male', 'female'][h.sex] ?? 'unknown' },
      recorder: h.recorder,
      pacemaker: h.pacemaker,
      leadQuality: h.leadQuality.slice(0, h.nLeads),
      notes,
    },
  };
  const [dd, mm, yy] = h.recordDate;
  const [hh, mi, ss] = h.startTime;
  if (yy > 1900 && mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31) rec.startTime = new Date(Date.UTC(yy, mm - 1, dd, Math.max(0, hh), Math.max(0, mi), Math.max(0, ss)));
  if (source) {
    const annName = fileName.replace(/\.[^.]*$/, '') + '.ann';
    if (annName !== fileName && (await source.exists(annName))) {
      const ann = readIshneAnnotations(await source.read(annName), annName);
      rec.annotations.push({ annotator: 'ishne', annotations: ann.annotations.filter((a) => a.sample < n) });
      rec.metadata.annotationHeaderCrcOk = ann.headerCrcOk;
    }
  }
  return rec;
}

/** {@link RecordReader} for ISHNE 1.0 Holter files (.ecg + optional .ann). */
export const ishneHolterReader: RecordReader = {
  format: 'ishne',
  extensions: ['.ecg', '.ishne'],
  sniff(head) {
    return head.length >= 8 && String.fromCharCode(...head.subarray(0, 8)) === 'ISHNE1.0';
  },
  read(bytes, fileName, source) {
    return decodeOrTypedError(fileName, 'ISHNE', () => readIshneHolter(bytes, fileName, source));
  },
};
