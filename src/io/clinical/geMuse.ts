import { SinusError } from '../../errors.js';
import { decodeOrTypedError } from './safeRead.js';
import type { ChecksumStatus, EcgRecord, Lead } from '../../record/types.js';
import { withDerivedLimbLeads } from '../../record/deriveLeads.js';
import type { RecordReader } from '../reader.js';
import { decodeBase64 } from './base64.js';
import { leadFromRaw, MAX_SAMPLES_PER_LEAD, sortLeadsConventionally, type DeviceReading, type RepresentativeBeats } from './buildRecord.js';
import { crc32 } from './checksums.js';
import { child, childrenNamed, childText, decodeXmlBytes, findAll, headText, leafMap, numberOrNull, parseXmlTree, type XmlNode } from './xmlTree.js';

interface MuseWaveform {
  type: string;
  fsHz: number;
  leads: Lead[];
  length: number;
  checksums: ChecksumStatus[];
  filters: Record<string, number | null>;
}

function unitsToMv(units: string): number | null {
  switch (units.trim().toUpperCase()) {
    case 'MICROVOLTS': return 1e-3;
    case 'MILLIVOLTS': return 1;
    case 'NANOVOLTS': return 1e-6;
    default: return null;
  }
}

function readWaveform(w: XmlNode, file: string): MuseWaveform {
  const type = childText(w, 'WaveformType') ?? 'Unknown';
  const base = numberOrNull(childText(w, 'SampleBase'));
  const exp = numberOrNull(childText(w, 'SampleExponent')) ?? 0;
  if (base === null || base <= 0) throw new SinusError('BAD_HEADER', `${type} waveform has no valid SampleBase`, file);
  const fsHz = base * 10 ** exp;
  const leads: Lead[] = [];
  const checksums: ChecksumStatus[] = [];
  for (const ld of childrenNamed(w, 'LeadData')) {
    const id = childText(ld, 'LeadID') ?? `lead${leads.length + 1}`;
    const upb = numberOrNull(childText(ld, 'LeadAmplitudeUnitsPerBit'));
    const toMv = unitsToMv(childText(ld, 'LeadAmplitudeUnits') ?? 'MICROVOLTS');
    const size = numberOrNull(childText(ld, 'LeadSampleSize')) ?? 2;
    if (upb === null || upb <= 0 || toMv === null) throw new SinusError('BAD_HEADER', `lead ${id}: amplitude scale missing or not a voltage`, file);
    if (size !== 2) throw new SinusError('UNSUPPORTED_FORMAT', `lead ${id}: ${size}-byte samples (only 2-byte samples are supported)`, file);
    const bytes = decodeBase64(childText(ld, 'WaveFormData') ?? '', file);
    const expected = numberOrNull(childText(ld, 'LeadSampleCountTotal'));
    let n = bytes.length >> 1;
    if (expected !== null && expected >= 0 && expected < n) n = expected;
    if (n > MAX_SAMPLES_PER_LEAD) throw new SinusError('BAD_SIGNAL', `lead ${id}: too many samples`, file);
    const raw = new Int32Array(n);
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < n; i++) raw[i] = dv.getInt16(2 * i, true);
    const crcText = childText(ld, 'LeadDataCRC32');
    const crcExpected = numberOrNull(crcText);
    // The CRC covers the decoded bytes of this lead (zlib CRC-32), so it catches base64 damage too.
    const actual = crc32(bytes.subarray(0, 2 * n));
    checksums.push({ lead: id, expected: crcExpected ?? undefined, actual, ok: crcExpected === null ? null : crcExpected === actual });
    const lead = leadFromRaw(id, raw, 1 / (upb * toMv), 0, 'mV', 'muse-base64-int16');
    lead.info.adcResolutionBits = 16;
    leads.push(lead);
  }
  if (leads.length === 0) throw new SinusError('BAD_SIGNAL', `${type} waveform has no leads`, file);
  const length = Math.min(...leads.map((l) => l.samples.length));
  if (length === 0) throw new SinusError('NOT_ENOUGH_DATA', `${type} waveform holds no samples`, file);
  for (const l of leads) if (l.samples.length > length) { l.samples = l.samples.subarray(0, length); l.raw = l.raw?.subarray(0, length); }
  const filters = {
    highPassHz: numberOrNull(childText(w, 'HighPassFilter')) === null ? null : numberOrNull(childText(w, 'HighPassFilter'))! / 100,
    lowPassHz: numberOrNull(childText(w, 'LowPassFilter')),
    acFilterHz: numberOrNull(childText(w, 'ACFilter')),
  };
  return { type, fsHz, leads, length, checksums, filters };
}

/**
 * Decodes a GE MUSE XML export (RestingECG): the rhythm waveform (8 stored leads plus III, aVR,
 * aVL, aVF derived by Einthoven/Goldberger and marked `derived`), the median beats
 * (`metadata.representativeBeats`), each lead's CRC-32 (`record.checksums`; a mismatch throws
 * CHECKSUM_MISMATCH), QRS times as annotations, and GE's measurements and diagnosis statements in
 * `metadata.device`. HighPassFilter is in hundredths of a hertz, as GE writes it.
 *
 * @example
 * const rec = readGeMuse(bytes, 'muse.xml');
 * rec.leads.find((l) => l.name === 'III')?.derived; // true
 */
export function readGeMuse(bytes: Uint8Array, fileName: string): EcgRecord {
  const root = parseXmlTree(decodeXmlBytes(bytes), fileName);
  if (root.name !== 'RestingECG') throw new SinusError('BAD_HEADER', `root element is <${root.name}>, not <RestingECG>`, fileName);
  const waveforms = childrenNamed(root, 'Waveform').map((w) => readWaveform(w, fileName));
  const rhythm = waveforms.find((w) => /rhythm/i.test(w.type));
  if (!rhythm) throw new SinusError('BAD_SIGNAL', 'MUSE file has no Rhythm waveform', fileName);
  const bad = [...rhythm.checksums].find((c) => c.ok === false);
  if (bad) throw new SinusError('CHECKSUM_MISMATCH', `lead ${bad.lead}: LeadDataCRC32 ${bad.expected} but data gives ${bad.actual}`, fileName);
  const median = waveforms.find((w) => /median/i.test(w.type));

  const measurements: Record<string, number | string | null> = {};
  for (const [k, v] of Object.entries(leafMap(child(root, 'RestingECGMeasurements')))) measurements[k] = numberOrNull(v) ?? v;
  const statementsOf = (d: XmlNode | undefined) => childrenNamed(d, 'DiagnosisStatement').map((s) => childText(s, 'StmtText') ?? '').filter((s) => s.length > 0);
  const device: DeviceReading = {
    measurements,
    statements: statementsOf(child(root, 'Diagnosis')),
    model: childText(child(root, 'TestDemographics'), 'AcquisitionDevice'),
    software: childText(child(root, 'TestDemographics'), 'AcquisitionSoftwareVersion'),
    manufacturer: 'GE',
  };
  const metadata: Record<string, unknown> = {
    format: 'GE MUSE XML',
    museVersion: childText(child(root, 'MuseInfo'), 'MuseVersion'),
    patient: leafMap(child(root, 'PatientDemographics')),
    test: leafMap(child(root, 'TestDemographics')),
    filters: rhythm.filters,
    device,
    originalMeasurements: leafMap(child(root, 'OriginalRestingECGMeasurements')),
    originalStatements: statementsOf(child(root, 'OriginalDiagnosis')),
    measurementMatrixPresent: !!child(root, 'MeasurementMatrix'),
  };
  if (median) {
    const m = withDerivedLimbLeads({ name: '', fs: median.fsHz, leads: median.leads, length: median.length, annotations: [], metadata: {} });
    const beats: RepresentativeBeats = { fsHz: median.fsHz, length: median.length, source: 'MUSE Median waveform', leads: sortLeadsConventionally(m.leads).map((l) => ({ name: l.name, samplesMv: l.samples })) };
    metadata.representativeBeats = beats;
  }
  const qrs = findAll(child(root, 'QRSTimesTypes'), 'QRS').map((q) => ({ t: numberOrNull(childText(q, 'Time')), type: numberOrNull(childText(q, 'Type')) }));
  // QRS <Time> is in milliseconds from the record start: 15 QRS at 90 bpm span 212..9502 in a 10 s strip.
  const annotations = qrs.map((q) => ({ ...q, s: q.t === null ? -1 : Math.round((q.t * rhythm.fsHz) / 1000) }))
    .filter((q) => q.s >= 0 && q.s < rhythm.length)
    .map((q, i) => ({ sample: q.s, code: 'N', subtype: q.type ?? 0, channel: 0, num: i, aux: `GE QRS type ${q.type ?? '?'}` }));

  const test = child(root, 'TestDemographics');
  const date = /^(\d{2})-(\d{2})-(\d{4})$/.exec(childText(test, 'AcquisitionDate') ?? '');
  const time = /^(\d{2}):(\d{2}):(\d{2})$/.exec(childText(test, 'AcquisitionTime') ?? '');
  const withDerived = withDerivedLimbLeads({ name: '', fs: rhythm.fsHz, leads: rhythm.leads, length: rhythm.length, annotations: [], metadata: {} });
  const rec: EcgRecord = {
    name: fileName.replace(/\.[^.]+$/, ''),
    fs: rhythm.fsHz,
    leads: sortLeadsConventionally(withDerived.leads),
    length: rhythm.length,
    annotations: annotations.length ? [{ annotator: 'muse', annotations }] : [],
    sourceFormat: 'muse',
    checksums: rhythm.checksums,
    metadata,
  };
  if (date && time) rec.startTime = new Date(Date.UTC(+date[3], +date[1] - 1, +date[2], +time[1], +time[2], +time[3]));
  return rec;
}

/** {@link RecordReader} for GE MUSE XML. */
export const geMuseReader: RecordReader = {
  format: 'muse',
  extensions: ['.xml'],
  sniff(head) {
    return /<RestingECG[\s>]/.test(headText(head));
  },
  async read(bytes, fileName) {
    return decodeOrTypedError(fileName, 'GE MUSE XML', () => readGeMuse(bytes, fileName));
  },
};
