import dicomParser from 'dicom-parser';
import { decodeOrTypedError } from './safeRead.js';
import type { DataSet, Element } from 'dicom-parser';
import { SinusError } from '../../errors.js';
import type { Annotation, EcgRecord, Lead } from '../../record/types.js';
import type { RecordReader } from '../reader.js';
import { leadFromRaw, MAX_SAMPLES_PER_LEAD, type DeviceReading, type RepresentativeBeats } from './buildRecord.js';
import { scpLeadName } from './scp/leadCodes.js';

/** Waveform SOP classes sinus reads: 12-lead, general and ambulatory ECG, hemodynamic. */
const ECG_SOP_CLASSES: Record<string, string> = {
  '1.2.840.10008.5.1.4.1.1.9.1.1': '12-lead ECG',
  '1.2.840.10008.5.1.4.1.1.9.1.2': 'General ECG',
  '1.2.840.10008.5.1.4.1.1.9.1.3': 'Ambulatory ECG',
  '1.2.840.10008.5.1.4.1.1.9.2.1': 'Hemodynamic waveform',
};

interface MultiplexGroup {
  label: string;
  fsHz: number;
  leads: Lead[];
  length: number;
  filters: { lowHz: number | null; highHz: number | null; notchHz: number | null }[];
}

function num(ds: DataSet | undefined, tag: string): number | null {
  const s = ds?.string(tag);
  if (s === undefined || s.trim() === '') return null;
  const v = Number(s.split('\\')[0]);
  return Number.isFinite(v) ? v : null;
}

function firstItem(ds: DataSet | undefined, tag: string): DataSet | undefined {
  return ds?.elements[tag]?.items?.[0]?.dataSet;
}

function unitsToMv(code: string | undefined): number | null {
  switch ((code ?? '').trim()) {
    case 'uV': return 1e-3;
    case 'mV': return 1;
    case 'nV': return 1e-6;
    case 'V': return 1e3;
    case 'mm[Hg]': case 'mmHg': case 'kPa': case 'Cel': case '%': return null;
    default: return null;
  }
}

/** Lead name from a channel source code: SCPECG '5.6.3-9-n' or MDC '2:n' share SCP's numbering. */
function channelName(src: DataSet | undefined, index: number): string {
  const value = src?.string('x00080100') ?? '';
  const meaning = src?.string('x00080104') ?? '';
  const m = /^5\.6\.3-9-(\d+)$/.exec(value) ?? /^2:(\d+)$/.exec(value);
  if (m) return scpLeadName(Number(m[1]));
  const lm = /\b(?:Lead\s+)?(I{1,3}|aV[RLF]|V\d)\b/i.exec(meaning);
  if (lm) return lm[1];
  return meaning || value || `channel ${index + 1}`;
}

function readGroup(g: DataSet, index: number, littleEndian: boolean, file: string): MultiplexGroup {
  const label = g.string('x003a0020') ?? `group ${index + 1}`;
  const nCh = g.uint16('x003a0005') ?? 0;
  const nSamples = g.uint32('x003a0010') ?? 0;
  const fsHz = num(g, 'x003a001a');
  const bits = g.uint16('x54001004') ?? 16;
  const interp = (g.string('x54001006') ?? 'SS').trim();
  const data: Element | undefined = g.elements['x54001010'];
  if (!nCh || !nSamples || fsHz === null || fsHz <= 0) throw new SinusError('BAD_HEADER', `multiplex group ${index + 1}: channels ${nCh}, samples ${nSamples}, rate ${fsHz}`, file);
  if (nSamples > MAX_SAMPLES_PER_LEAD || nCh > 256) throw new SinusError('BAD_HEADER', `multiplex group ${index + 1}: ${nCh} x ${nSamples} is implausible`, file);
  if (!data) throw new SinusError('BAD_SIGNAL', `multiplex group ${index + 1} has no Waveform Data`, file);
  const bytesPer = bits === 8 ? 1 : bits === 16 ? 2 : 0;
  if (!bytesPer) throw new SinusError('UNSUPPORTED_FORMAT', `multiplex group ${index + 1}: ${bits} bits allocated (8 and 16 are supported)`, file);
  if (!/^(SS|US|SB|UB)$/.test(interp)) throw new SinusError('UNSUPPORTED_FORMAT', `multiplex group ${index + 1}: sample interpretation ${interp} (SS, US, SB, UB are supported)`, file);
  if ((interp === 'SS' || interp === 'US') !== (bytesPer === 2)) throw new SinusError('BAD_HEADER', `multiplex group ${index + 1}: ${interp} with ${bits} bits allocated`, file);
  const need = nCh * nSamples * bytesPer;
  if (data.dataOffset + need > g.byteArray.length || data.length < need) throw new SinusError('FILE_TRUNCATED', `multiplex group ${index + 1}: waveform data holds ${data.length} of ${need} bytes`, file);
  const dv = new DataView(g.byteArray.buffer, g.byteArray.byteOffset + data.dataOffset, need);
  const chItems = g.elements['x003a0200']?.items ?? [];
  const leads: Lead[] = [];
  const filters: MultiplexGroup['filters'] = [];
  for (let c = 0; c < nCh; c++) {
    const cd = chItems[c]?.dataSet;
    const sensitivity = num(cd, 'x003a0210') ?? 1;
    const correction = num(cd, 'x003a0212') ?? 1;
    const baseline = num(cd, 'x003a0213') ?? 0;
    const unitsCode = firstItem(cd, 'x003a0211')?.string('x00080100');
    const toMv = unitsToMv(unitsCode ?? 'uV');
    const raw = new Int32Array(nSamples);
    for (let i = 0, o = c * bytesPer; i < nSamples; i++, o += nCh * bytesPer) {
      raw[i] = interp === 'SS' ? dv.getInt16(o, littleEndian) : interp === 'US' ? dv.getUint16(o, littleEndian) : interp === 'SB' ? dv.getInt8(o) : dv.getUint8(o);
    }
    const name = channelName(firstItem(cd, 'x003a0208'), c);
    // DICOM PS3.3 C.10.9.1.4: value = (sample + baseline) x sensitivity x correction, in the sensitivity units.
    const physPerAdu = sensitivity * correction;
    if (toMv === null || physPerAdu === 0) {
      // not a voltage (e.g. pressure in a hemodynamic object): keep it in its own units, flagged
      const lead = leadFromRaw(name, raw, physPerAdu === 0 ? 1 : 1 / physPerAdu, -baseline, unitsCode ?? '?', `dicom-${interp}`);
      lead.info.description = `not a voltage (${unitsCode ?? 'no units'}): samples are in those units, not mV`;
      leads.push(lead);
    } else {
      const lead = leadFromRaw(name, raw, 1 / (physPerAdu * toMv), -baseline, 'mV', `dicom-${interp}`);
      lead.info.adcResolutionBits = cd?.uint16('x003a021a') ?? bits;
      leads.push(lead);
    }
    filters.push({ lowHz: num(cd, 'x003a0220'), highHz: num(cd, 'x003a0221'), notchHz: num(cd, 'x003a0222') });
  }
  return { label, fsHz, leads, length: nSamples, filters };
}

/**
 * Decodes a DICOM waveform object (12-lead, general or ambulatory ECG, or hemodynamic): every
 * multiplex group with its channel sensitivity, correction factor, baseline, bits allocated
 * (8/16) and sample interpretation (SS/US/SB/UB); the first ECG group becomes the record, a
 * 'MEDIAN BEAT' group goes to `metadata.representativeBeats`, other groups to
 * `metadata.otherGroups`; waveform annotations become annotations (sample positions), device
 * measurements (numeric values) and statements (text).
 *
 * @example
 * const rec = readDicomWaveform(bytes, 'ecg.dcm');
 * rec.leads[0].name; // 'I'
 */
export function readDicomWaveform(bytes: Uint8Array, fileName: string): EcgRecord {
  let ds: DataSet;
  try {
    ds = dicomParser.parseDicom(bytes);
  } catch (e) {
    const msg = e instanceof Error ? e.message : typeof e === 'string' ? e : (e as { exception?: string })?.exception ?? 'parse error';
    throw new SinusError('BAD_HEADER', `DICOM: ${String(msg).slice(0, 200)}`, fileName);
  }
  const sop = ds.string('x00080016') ?? '';
  const transfer = ds.string('x00020010') ?? '1.2.840.10008.1.2';
  const seq = ds.elements['x54000100']?.items ?? [];
  if (seq.length === 0) throw new SinusError('UNSUPPORTED_FORMAT', `DICOM object (SOP class ${sop || '?'}) holds no waveform sequence`, fileName);
  if (sop && !ECG_SOP_CLASSES[sop] && !sop.startsWith('1.2.840.10008.5.1.4.1.1.9.')) throw new SinusError('UNSUPPORTED_FORMAT', `DICOM SOP class ${sop} is not a waveform`, fileName);
  const littleEndian = transfer !== '1.2.840.10008.1.2.2';
  const groups = seq.map((it, i) => readGroup(it.dataSet!, i, littleEndian, fileName));
  const isMedian = (g: MultiplexGroup) => /MEDIAN|REPRESENTATIVE|AVERAGE/i.test(g.label);
  const mainIndex = Math.max(0, groups.findIndex((g) => !isMedian(g)));
  const main = groups[mainIndex];

  const device: DeviceReading = { measurements: {}, statements: [], manufacturer: ds.string('x00080070'), model: ds.string('x00081090'), software: ds.string('x00181020') };
  const annotations: Annotation[] = [];
  const medianAnnotations: Annotation[] = [];
  const medianIndex = groups.findIndex(isMedian);
  for (const item of ds.elements['x0040b020']?.items ?? []) {
    const a = item.dataSet;
    if (!a) continue;
    const text = a.string('x00700006');
    const concept = firstItem(a, 'x0040a043')?.string('x00080104');
    const numeric = num(a, 'x0040a30a');
    const unit = firstItem(a, 'x004008ea')?.string('x00080100');
    const refs = a.elements['x0040a0b0'];
    const refGroup = refs && refs.length >= 2 ? a.uint16('x0040a0b0', 0)! - 1 : mainIndex;
    const posEl = a.elements['x0040a132'];
    if (text && !posEl) device.statements.push(text);
    if (concept && numeric !== null && !posEl) device.measurements[unit ? `${concept} (${unit})` : concept] = numeric;
    if (posEl && concept) {
      const n = Math.min(16, Math.floor(posEl.length / 4));
      for (let k = 0; k < n; k++) {
        const s = a.uint32('x0040a132', k);
        if (s === undefined || s < 1) continue;
        const mark: Annotation = { sample: s - 1, code: '"', subtype: 0, channel: 0, num: 0, aux: concept };
        if (refGroup === mainIndex && s - 1 < main.length) annotations.push(mark);
        else if (refGroup === medianIndex) medianAnnotations.push(mark);
      }
    }
  }
  const metadata: Record<string, unknown> = {
    format: `DICOM ${ECG_SOP_CLASSES[sop] ?? 'waveform'}`,
    sopClassUid: sop,
    transferSyntaxUid: transfer,
    multiplexGroup: main.label,
    filters: main.filters,
    device,
    patient: { id: ds.string('x00100020'), name: ds.string('x00100010'), sex: ds.string('x00100040'), birthDate: ds.string('x00100030'), age: ds.string('x00101010') },
  };
  if (medianIndex >= 0 && medianIndex !== mainIndex) {
    const m = groups[medianIndex];
    const beats: RepresentativeBeats = { fsHz: m.fsHz, length: m.length, source: `DICOM multiplex group ${medianIndex + 1} (${m.label})`, leads: m.leads.map((l) => ({ name: l.name, samplesMv: l.samples })) };
    metadata.representativeBeats = beats;
    if (medianAnnotations.length) metadata.representativeBeatAnnotations = medianAnnotations;
    metadata.representativeBeatRaw = m.leads.map((l) => l.raw);
  }
  const others = groups.filter((_, i) => i !== mainIndex && i !== medianIndex);
  if (others.length) metadata.otherGroups = others.map((g) => ({ label: g.label, fsHz: g.fsHz, length: g.length, leads: g.leads }));
  const rec: EcgRecord = {
    name: fileName.replace(/\.[^.]+$/, ''),
    fs: main.fsHz,
    leads: main.leads,
    length: main.length,
    annotations: annotations.length ? [{ annotator: 'dicom', annotations: annotations.sort((x, y) => x.sample - y.sample) }] : [],
    sourceFormat: 'dicom',
    metadata,
  };
  const date = ds.string('x00080023') ?? ds.string('x00080022');
  const time = ds.string('x00080033') ?? ds.string('x00080032');
  const dm = /^(\d{4})(\d{2})(\d{2})$/.exec(date ?? '');
  const tm = /^(\d{2})(\d{2})?(\d{2})?/.exec(time ?? '');
  if (dm) rec.startTime = new Date(Date.UTC(+dm[1], +dm[2] - 1, +dm[3], tm ? +tm[1] : 0, tm?.[2] ? +tm[2] : 0, tm?.[3] ? +tm[3] : 0));
  return rec;
}

/** {@link RecordReader} for DICOM waveform objects. */
export const dicomWaveformReader: RecordReader = {
  format: 'dicom',
  extensions: ['.dcm', '.dicom'],
  sniff(head, fileName) {
    if (head.length >= 132 && head[128] === 0x44 && head[129] === 0x49 && head[130] === 0x43 && head[131] === 0x4d) return true;
    return /\.dcm$/i.test(fileName);
  },
  async read(bytes, fileName) {
    return decodeOrTypedError(fileName, 'DICOM waveform', () => readDicomWaveform(bytes, fileName));
  },
};
