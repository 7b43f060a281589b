import { SinusError } from '../../../errors.js';
import { checkDeclaredRecordSize, recordLimits, type RecordLimits } from '../../recordLimits.js';
import { decodeOrTypedError } from '../safeRead.js';
import type { EcgRecord, Lead } from '../../../record/types.js';
import type { RecordReader } from '../../reader.js';
import { leadFromMv, leadFromRaw, MAX_SAMPLES_PER_LEAD, type RepresentativeBeats } from '../buildRecord.js';
import { scpDeviceReading } from './deviceReading.js';
import { decodeScpHuffman, parseScpHuffmanTables, type ScpHuffmanTable } from './huffman.js';
import { scpLeadName } from './leadCodes.js';
import { parseScpSection1 } from './patientData.js';
import { locateScpSections, type ScpSection } from './sections.js';

interface LeadDef { startSample: number; endSample: number; code: number }
interface Qrs { type: number; startSub: number; fiducial: number; endSub: number }
interface Zone { start: number; end: number }

/**
 * Sampling rate from SCP's whole-microsecond interval: 1953 us means 512 Hz, not 512.03, so rates
 * within 0.1% of an integer are taken as that integer.
 */
function rateFromIntervalUs(intervalUs: number): number {
  const fs = 1e6 / intervalUs;
  return Math.abs(fs - Math.round(fs)) / fs < 1e-3 ? Math.round(fs) : fs;
}

function view(s: ScpSection): DataView {
  return new DataView(s.data.buffer, s.data.byteOffset, s.data.byteLength);
}

function need(s: ScpSection, n: number, what: string, file: string): void {
  if (s.data.length < n) throw new SinusError('FILE_TRUNCATED', `SCP section ${s.id} too short for ${what}`, file);
}

function parseSection3(s: ScpSection, file: string): { leads: LeadDef[]; refBeatSubtraction: boolean; simultaneous: boolean } {
  need(s, 2, 'lead count', file);
  const n = s.data[0];
  const flags = s.data[1];
  if (n === 0) throw new SinusError('BAD_SIGNAL', 'SCP section 3 defines no leads', file);
  need(s, 2 + 9 * n, `${n} lead definitions`, file);
  const v = view(s);
  const leads: LeadDef[] = [];
  for (let i = 0; i < n; i++) {
    const o = 2 + 9 * i;
    leads.push({ startSample: v.getUint32(o, true), endSample: v.getUint32(o + 4, true), code: s.data[o + 8] });
  }
  return { leads, refBeatSubtraction: (flags & 1) === 1, simultaneous: (flags & 4) === 4 };
}

function parseSection4(s: ScpSection, file: string): { refLengthMs: number; refFiducial: number; qrs: Qrs[]; zones: Zone[] } {
  need(s, 6, 'header', file);
  const v = view(s);
  const refLengthMs = v.getUint16(0, true);
  const refFiducial = v.getUint16(2, true);
  const nQrs = v.getUint16(4, true);
  const qrs: Qrs[] = [];
  const zones: Zone[] = [];
  if (s.data.length >= 6 + 14 * nQrs) {
    for (let i = 0; i < nQrs; i++) {
      const o = 6 + 14 * i;
      qrs.push({ type: v.getUint16(o, true), startSub: v.getUint32(o + 2, true), fiducial: v.getUint32(o + 6, true), endSub: v.getUint32(o + 10, true) });
    }
    const z0 = 6 + 14 * nQrs;
    if (s.data.length >= z0 + 8 * nQrs) {
      for (let i = 0; i < nQrs; i++) zones.push({ start: v.getUint32(z0 + 8 * i, true), end: v.getUint32(z0 + 8 * i + 4, true) });
    }
  } else throw new SinusError('FILE_TRUNCATED', `SCP section 4 too short for ${nQrs} QRS entries`, file);
  return { refLengthMs, refFiducial, qrs, zones };
}

interface EncodedBlock { avmNv: number; intervalUs: number; differences: number; bimodal: boolean; perLead: Uint8Array[] }

/** Sections 5 and 6 share a layout: AVM, sample interval, difference order, a flag, per-lead byte counts, data. */
function parseEncodedBlock(s: ScpSection, nLeads: number, file: string): EncodedBlock {
  need(s, 6 + 2 * nLeads, 'header', file);
  const v = view(s);
  const avmNv = v.getUint16(0, true);
  const intervalUs = v.getUint16(2, true);
  const differences = s.data[4];
  const bimodal = s.data[5] === 1;
  if (avmNv === 0 || intervalUs === 0) throw new SinusError('BAD_HEADER', `SCP section ${s.id}: amplitude multiplier ${avmNv} nV, sample interval ${intervalUs} us`, file);
  if (differences > 2) throw new SinusError('BAD_HEADER', `SCP section ${s.id}: difference encoding ${differences}`, file);
  const perLead: Uint8Array[] = [];
  let o = 6 + 2 * nLeads;
  for (let i = 0; i < nLeads; i++) {
    const len = v.getUint16(6 + 2 * i, true);
    if (o + len > s.data.length) throw new SinusError('FILE_TRUNCATED', `SCP section ${s.id}: lead ${i + 1} data (${len} bytes) runs past the section`, file);
    perLead.push(s.data.subarray(o, o + len));
    o += len;
  }
  return { avmNv, intervalUs, differences, bimodal, perLead };
}

/** Decodes one lead of a section 5/6 block: Huffman (or raw int16) then first/second differences. */
function decodeLead(data: Uint8Array, count: number, tables: ScpHuffmanTable[] | null, differences: number, file: string): Int32Array {
  let d: Int32Array;
  // A Huffman code is at least one bit, so the data bounds the count (and the allocation).
  if (tables) d = decodeScpHuffman(data, Math.min(count, data.length * 8), tables, file);
  else {
    const n = Math.min(count, data.length >> 1);
    d = new Int32Array(n);
    const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (let i = 0; i < n; i++) d[i] = dv.getInt16(2 * i, true);
  }
  if (differences === 1) for (let i = 1; i < d.length; i++) d[i] = d[i] + d[i - 1];
  else if (differences === 2) for (let i = 2; i < d.length; i++) d[i] = d[i] + 2 * d[i - 1] - d[i - 2];
  return d;
}

/** Marks which full-rate samples (0-based) lie in a protected (QRS) zone. */
function protectedMask(zones: Zone[], n: number): Uint8Array {
  const m = new Uint8Array(n);
  for (const z of zones) for (let i = Math.max(1, z.start); i <= Math.min(n, z.end); i++) m[i - 1] = 1;
  return m;
}

/** How many values bimodal compression stores for `n` full-rate samples: all inside zones, one per block outside. */
function bimodalStoredCount(mask: Uint8Array, factor: number): number {
  let count = 0;
  let i = 0;
  while (i < mask.length) {
    if (mask[i]) { count++; i++; continue; }
    let j = i;
    while (j < mask.length && !mask[j] && j - i < factor) j++;
    count++;
    i = j;
  }
  return count;
}

/**
 * Rebuilds full-rate samples from bimodal storage: protected samples as stored, one value per
 * block of `factor` outside, placed at the block centre and linearly interpolated between.
 */
function expandBimodal(stored: Int32Array, mask: Uint8Array, factor: number): Float64Array {
  const n = mask.length;
  const out = new Float64Array(n);
  const anchorsAt: number[] = [];
  const anchorsV: number[] = [];
  let i = 0;
  let k = 0;
  while (i < n && k < stored.length) {
    if (mask[i]) { anchorsAt.push(i); anchorsV.push(stored[k++]); i++; continue; }
    let j = i;
    while (j < n && !mask[j] && j - i < factor) j++;
    anchorsAt.push((i + j - 1) / 2);
    anchorsV.push(stored[k++]);
    i = j;
  }
  let a = 0;
  for (let t = 0; t < n; t++) {
    while (a + 1 < anchorsAt.length && anchorsAt[a + 1] <= t) a++;
    if (anchorsAt.length === 0) break;
    if (t <= anchorsAt[0]) out[t] = anchorsV[0];
    else if (a + 1 >= anchorsAt.length) out[t] = anchorsV[anchorsAt.length - 1];
    else {
      const t0 = anchorsAt[a]; const t1 = anchorsAt[a + 1];
      out[t] = anchorsV[a] + ((anchorsV[a + 1] - anchorsV[a]) * (t - t0)) / (t1 - t0);
    }
  }
  return out;
}

/**
 * Decodes an SCP-ECG (EN 1064 / ISO 11073-91064) record: sections 0-11 with CRC checks, default
 * and custom Huffman tables, first/second differences, bimodal compression and reference-beat
 * subtraction; patient/acquisition data (section 1) in `metadata`; the reference beat in
 * `metadata.representativeBeats`; sections 7, 8, 10, 11 in `metadata.device`. When section 3
 * promises more samples than are stored (16-bit byte counts overflow on long leads), the record
 * holds what is stored and `metadata.notes` says so.
 *
 * @example
 * const rec = readScpEcg(bytes, 'Example.scp');
 * rec.fs; // 500
 */
export function readScpEcg(bytes: Uint8Array, fileName: string, limits: RecordLimits = recordLimits()): EcgRecord {
  const { sections } = locateScpSections(bytes, fileName);
  const notes: string[] = [];
  const s3 = sections.get(3);
  const s6 = sections.get(6);
  if (!s3) throw new SinusError('BAD_SIGNAL', 'SCP record has no lead definition (section 3)', fileName);
  if (!s6) throw new SinusError('BAD_SIGNAL', 'SCP record has no rhythm data (section 6)', fileName);
  const def = parseSection3(s3, fileName);
  const nLeads = def.leads.length;
  const s2 = sections.get(2);
  const tables = s2 ? parseScpHuffmanTables(s2.data, fileName) : null;
  const s4 = sections.get(4) ? parseSection4(sections.get(4)!, fileName) : null;
  const rhythm = parseEncodedBlock(s6, nLeads, fileName);
  const s5 = sections.get(5);
  const ref = s5 ? parseEncodedBlock(s5, nLeads, fileName) : null;

  // Reference beat (section 5): its own rate and multiplier.
  let refBeats: Int32Array[] | null = null;
  if (ref && s4 && s4.refLengthMs > 0) {
    const nRef = Math.round((s4.refLengthMs * 1000) / ref.intervalUs);
    if (nRef > MAX_SAMPLES_PER_LEAD) throw new SinusError('BAD_HEADER', 'SCP reference beat length implausible', fileName);
    refBeats = ref.perLead.map((d) => decodeLead(d, nRef, tables, ref.differences, fileName));
  }

  const declared = def.leads.map((l) => l.endSample - Math.max(1, l.startSample) + 1);
  const badLead = declared.findIndex((n) => n < 1);
  if (badLead >= 0) throw new SinusError('BAD_HEADER', `SCP section 3: lead ${badLead + 1} ends (${def.leads[badLead].endSample}) before it starts (${def.leads[badLead].startSample})`, fileName);
  const nFull = Math.max(0, ...declared);
  if (nFull > MAX_SAMPLES_PER_LEAD) throw new SinusError('BAD_HEADER', `SCP section 3 declares ${nFull} samples per lead`, fileName);
  // Huffman data can declare far more samples than its bytes: judge the size before decoding.
  checkDeclaredRecordSize(def.leads.length, nFull, limits, fileName);
  let fsHz = rateFromIntervalUs(rhythm.intervalUs);
  let full: Float64Array[] | Int32Array[];
  if (rhythm.bimodal) {
    if (!ref || !s4) throw new SinusError('BAD_SIGNAL', 'SCP bimodal compression without reference beat and QRS zones (sections 4, 5)', fileName);
    const factor = Math.round(rhythm.intervalUs / ref.intervalUs);
    if (factor < 1 || factor > 64) throw new SinusError('UNSUPPORTED_FORMAT', `SCP bimodal decimation factor ${rhythm.intervalUs}/${ref.intervalUs} us`, fileName);
    fsHz = rateFromIntervalUs(ref.intervalUs);
    const maxStored = Math.max(...rhythm.perLead.map((d) => (tables ? d.length * 8 : d.length >> 1)));
    if (nFull > maxStored * factor) throw new SinusError('BAD_HEADER', `SCP section 3 declares ${nFull} samples; the bimodal data can hold at most ${maxStored * factor}`, fileName);
    const mask = protectedMask(s4.zones, nFull);
    const storedCount = bimodalStoredCount(mask, factor);
    full = rhythm.perLead.map((d) => expandBimodal(decodeLead(d, storedCount, tables, rhythm.differences, fileName), mask, factor));
    notes.push(`bimodal compression: samples outside QRS zones rebuilt from 1-in-${factor} storage by linear interpolation`);
  } else {
    full = rhythm.perLead.map((d, i) => decodeLead(d, declared[i], tables, rhythm.differences, fileName));
  }
  const length = Math.min(...full.map((a) => a.length));
  if (length === 0) throw new SinusError('NOT_ENOUGH_DATA', 'SCP rhythm data holds no samples', fileName);
  if (length < nFull) notes.push(`section 3 declares ${nFull} samples per lead but ${length} are stored (16-bit byte counts cannot hold more)`);

  const leads: Lead[] = [];
  const addRef = def.refBeatSubtraction && refBeats && s4;
  for (let i = 0; i < nLeads; i++) {
    const name = scpLeadName(def.leads[i].code);
    const res = full[i];
    if (!addRef && res instanceof Int32Array) {
      const lead = leadFromRaw(name, res.slice(0, length), 1e6 / rhythm.avmNv, 0, 'mV', tables ? 'scp-huffman' : 'scp-int16');
      leads.push(lead);
      continue;
    }
    const mv = new Float32Array(length);
    const resNv = new Float64Array(length);
    for (let t = 0; t < length; t++) resNv[t] = res[t] * rhythm.avmNv;
    if (addRef) {
      const rb = refBeats![i];
      const avm5 = ref!.avmNv;
      for (const q of s4!.qrs) {
        if (q.type !== 0) continue;
        // sample numbers are 1-based; the reference beat's fiducial is s4.refFiducial
        for (let t = Math.max(1, q.startSub); t <= Math.min(length, q.endSub); t++) {
          const r = t - q.fiducial + s4!.refFiducial;
          if (r >= 1 && r <= rb.length) resNv[t - 1] += rb[r - 1] * avm5;
        }
      }
    }
    for (let t = 0; t < length; t++) mv[t] = resNv[t] / 1e6;
    leads.push(leadFromMv(name, mv, 1e6 / rhythm.avmNv, 'mV', 'scp'));
  }
  if (addRef) notes.push('reference beat added back to the residual inside each subtraction zone');

  const s1 = sections.get(1) ? parseScpSection1(sections.get(1)!.data) : null;
  const device = scpDeviceReading(sections, scpLeadName);
  const metadata: Record<string, unknown> = {
    format: `SCP-ECG (section 0 version ${sections.get(0)!.version})`,
    device,
    patient: s1?.patient ?? {},
    acquisition: s1?.acquisition ?? {},
    sections: [...sections.keys()].sort((a, b) => a - b),
    notes,
  };
  if (refBeats && ref) {
    const beats: RepresentativeBeats = {
      fsHz: rateFromIntervalUs(ref.intervalUs),
      length: Math.min(...refBeats.map((b) => b.length)),
      source: 'SCP section 5 reference beat',
      leads: refBeats.map((b, i) => ({ name: scpLeadName(def.leads[i].code), samplesMv: Float32Array.from(b, (x) => (x * ref.avmNv) / 1e6) })),
    };
    metadata.representativeBeats = beats;
  }
  const rec: EcgRecord = { name: fileName.replace(/\.[^.]+$/, ''), fs: fsHz, leads, length, annotations: [], sourceFormat: 'scp', metadata };
  if (s4 && s4.qrs.length) {
    rec.annotations.push({ annotator: 'scp', annotations: s4.qrs.filter((q) => q.fiducial >= 1 && q.fiducial <= length).map((q, k) => ({ sample: q.fiducial - 1, code: q.type === 0 ? 'N' : 'Q', subtype: q.type, channel: 0, num: k, aux: `SCP beat type ${q.type}` })) });
  }
  if (s1?.startTime) rec.startTime = s1.startTime;
  return rec;
}

/** {@link RecordReader} for SCP-ECG. */
export const scpEcgReader: RecordReader = {
  format: 'scp',
  extensions: ['.scp'],
  sniff(head, fileName) {
    if (head.length >= 22 && String.fromCharCode(...head.subarray(16, 22)) === 'SCPECG') return true;
    // Section 0's header: id 0 at byte 8; fall back on the extension for variants without the tag.
    return /\.scp$/i.test(fileName) && head.length >= 16 && head[8] === 0 && head[9] === 0;
  },
  async read(bytes, fileName, _source, options) {
    return decodeOrTypedError(fileName, 'SCP-ECG', () => readScpEcg(bytes, fileName, recordLimits(options?.limits)));
  },
};
