import { SinusError } from '../../errors.js';
import { decodeOrTypedError } from './safeRead.js';
import type { EcgRecord, Lead } from '../../record/types.js';
import type { RecordReader } from '../reader.js';
import { decodeBase64 } from './base64.js';
import { leadFromRaw, MAX_SAMPLES_PER_LEAD, type DeviceReading, type RepresentativeBeats } from './buildRecord.js';
import { decodeXli } from './philipsXli.js';
import { at, child, childText, decodeXmlBytes, findAll, findFirst, headText, leafMap, numberOrNull, parseXmlTree, type XmlNode } from './xmlTree.js';

const STD12 = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'];

/** Lead labels: the `leadlabels` attribute (1.04) or the standard order for STD-12/10-WIRE (1.03). */
function leadLabels(pw: XmlNode, sc: XmlNode | undefined, count: number): string[] {
  const attr = pw.attrs.leadlabels?.trim();
  if (attr) return attr.split(/\s+/);
  const acq = childText(sc, 'acquisitiontype') ?? '';
  return Array.from({ length: count }, (_, i) => (/^(STD-12|10-WIRE)$/.test(acq) && i < 12 ? STD12[i] : `Channel ${i + 1}`));
}

/**
 * Philips stores III, aVR, aVL, aVF as residuals against their Einthoven/Goldberger values (in
 * integer ADC units, halves rounded down); this rebuilds them in place, III first because aVL and
 * aVF use the rebuilt III.
 */
function rebuildLimbLeads(byName: Map<string, Int16Array>): void {
  const I = byName.get('I'); const II = byName.get('II'); const III = byName.get('III');
  const aVR = byName.get('aVR'); const aVL = byName.get('aVL'); const aVF = byName.get('aVF');
  if (!I || !II || !III || !aVR || !aVL || !aVF) return;
  const n = Math.min(I.length, II.length, III.length, aVR.length, aVL.length, aVF.length);
  for (let i = 0; i < n; i++) {
    III[i] = II[i] - I[i] - III[i];
    aVR[i] = -aVR[i] - Math.floor((I[i] + II[i]) / 2);
    aVL[i] = Math.floor((I[i] - III[i]) / 2) - aVL[i];
    aVF[i] = Math.floor((II[i] + III[i]) / 2) - aVF[i];
  }
}

function decodeWaveformBlock(node: XmlNode, file: string): Uint8Array {
  const enc = node.attrs.dataencoding ?? 'Base64';
  if (enc !== 'Base64') throw new SinusError('UNSUPPORTED_FORMAT', `Philips waveform encoding "${enc}" (only Base64 is supported)`, file);
  return decodeBase64(node.text, file);
}

/**
 * Decodes Philips SierraECG 1.03 / PhilipsECG 1.04 / 1.04.01 XML (UTF-8 or UTF-16 with BOM):
 * XLI-compressed or uncompressed 16-bit waveforms, the limb leads rebuilt the way Philips encodes
 * them, representative beats when present (uncompressed only), and Philips's global
 * measurements and interpretive statements in `metadata.device`.
 *
 * @example
 * const rec = readPhilipsXml(bytes, '129DYPRG.XML');
 * rec.leads.length; // 12
 */
export function readPhilipsXml(bytes: Uint8Array, fileName: string): EcgRecord {
  const root = parseXmlTree(decodeXmlBytes(bytes), fileName);
  if (root.name !== 'restingecgdata') throw new SinusError('BAD_HEADER', `root element is <${root.name}>, not <restingecgdata>`, fileName);
  const docType = childText(child(root, 'documentinfo'), 'documenttype') ?? '';
  const docVer = childText(child(root, 'documentinfo'), 'documentversion') ?? '';
  if (!/^(SierraECG|PhilipsECG)$/.test(docType) || !/^1\.0[34](\.01)?$/.test(docVer)) {
    throw new SinusError('UNSUPPORTED_FORMAT', `Philips ${docType || '?'} ${docVer || '?'} (supported: SierraECG/PhilipsECG 1.03, 1.04, 1.04.01)`, fileName);
  }
  const sc = findFirst(child(root, 'dataacquisition'), 'signalcharacteristics');
  const pw = findFirst(root, 'parsedwaveforms');
  if (!pw) throw new SinusError('BAD_SIGNAL', 'no <parsedwaveforms>', fileName);
  const fsHz = numberOrNull(childText(sc, 'samplingrate')) ?? numberOrNull(pw.attrs.samplespersecond);
  const resolutionUv = numberOrNull(childText(sc, 'signalresolution')) ?? numberOrNull(pw.attrs.resolution);
  const durationMs = numberOrNull(pw.attrs.durationperchannel);
  if (fsHz === null || fsHz <= 0 || resolutionUv === null || resolutionUv <= 0 || durationMs === null || durationMs <= 0) {
    throw new SinusError('BAD_HEADER', 'sampling rate, resolution or duration missing', fileName);
  }
  const nSamples = Math.round((durationMs * fsHz) / 1000);
  if (nSamples > MAX_SAMPLES_PER_LEAD) throw new SinusError('BAD_HEADER', `duration ${durationMs} ms is implausible`, fileName);
  const data = decodeWaveformBlock(pw, fileName);
  const method = pw.attrs.compressmethod ?? pw.attrs.compression ?? 'Uncompressed';
  const channels = numberOrNull(pw.attrs.numberofleads) ?? numberOrNull(childText(sc, 'numberchannelsallocated')) ?? 12;
  let arrays: Int16Array[];
  if (method === 'XLI') arrays = decodeXli(data, fileName);
  else if (/^(uncompressed|none)$/i.test(method)) {
    arrays = [];
    const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
    for (let c = 0; c < channels; c++) {
      if ((c + 1) * nSamples * 2 > data.length) throw new SinusError('FILE_TRUNCATED', `uncompressed waveform ends in lead ${c + 1}`, fileName);
      const a = new Int16Array(nSamples);
      for (let i = 0; i < nSamples; i++) a[i] = dv.getInt16(2 * (c * nSamples + i), true);
      arrays.push(a);
    }
  } else throw new SinusError('UNSUPPORTED_FORMAT', `Philips waveform compression "${method}"`, fileName);
  const valid = numberOrNull(childText(sc, 'numberchannelsvalid'));
  // 1.03 carts allocate 16 channels and fill 12; the unused ones are not leads.
  const labels = leadLabels(pw, sc, arrays.length).slice(0, valid !== null && valid > 0 ? valid : undefined);
  if (arrays.length < labels.length && labels.length <= 16) {
    throw new SinusError('FILE_TRUNCATED', `waveform holds ${arrays.length} leads but ${labels.length} are labelled`, fileName);
  }
  for (const a of arrays) if (a.length < nSamples) throw new SinusError('FILE_TRUNCATED', `a lead holds ${a.length} of ${nSamples} samples`, fileName);
  const byName = new Map<string, Int16Array>();
  labels.forEach((l, i) => { if (arrays[i]) byName.set(l, arrays[i]); });
  rebuildLimbLeads(byName);
  const derivedNames = new Set(['III', 'aVR', 'aVL', 'aVF']);
  const leads: Lead[] = labels.filter((l) => byName.has(l)).map((l) => {
    const a = byName.get(l)!;
    const raw = new Int32Array(nSamples);
    for (let i = 0; i < nSamples; i++) raw[i] = a[i];
    const lead = leadFromRaw(l, raw, 1000 / resolutionUv, 0, 'mV', method === 'XLI' ? 'philips-xli' : 'philips-int16');
    lead.info.adcResolutionBits = 16;
    // III..aVF are coded against I and II, yet carry the device's own recorded signal.
    if (derivedNames.has(l)) lead.info.description = 'stored as residual against the Einthoven/Goldberger value';
    return lead;
  });

  const interp = findFirst(root, 'interpretation');
  const statements = findAll(interp ?? findFirst(root, 'interpretations'), 'statement').map((s) => [childText(s, 'leftstatement'), childText(s, 'rightstatement')].filter((x) => x && x.trim()).join(', ')).filter((s) => s.length > 0);
  const measurements: Record<string, number | string | null> = {};
  for (const block of [...findAll(root, 'globalmeasurements'), ...findAll(root, 'interpretationmeasurements')]) {
    for (const [k, v] of Object.entries(leafMap(block))) measurements[k] = numberOrNull(v) ?? (v === '' ? null : v);
  }
  const leadMeasurements: Record<string, Record<string, number | null>> = {};
  for (const lm of findAll(root, 'leadmeasurement')) {
    const name = lm.attrs.leadname;
    if (!name) continue;
    const m: Record<string, number | null> = {};
    for (const [k, v] of Object.entries(leafMap(lm))) m[k] = numberOrNull(v);
    leadMeasurements[name] = m;
  }
  const acquirer = findFirst(root, 'acquirer');
  const device: DeviceReading = { measurements, statements, leadMeasurements, manufacturer: 'Philips', model: childText(acquirer, 'modelnumber') ?? childText(acquirer, 'model') ?? undefined, software: childText(acquirer, 'softwareversion') ?? undefined };
  const metadata: Record<string, unknown> = {
    format: `${docType} ${docVer}`,
    device,
    patient: leafMap(at(root, 'patient', 'generalpatientdata')),
    filters: leafMap(findFirst(sc, 'signalfilters') ?? undefined),
  };
  const rb = findFirst(root, 'repbeats');
  if (rb) {
    const rbMethod = rb.attrs.compressmethod ?? rb.attrs.compression ?? 'Uncompressed';
    const rbFs = numberOrNull(rb.attrs.samplespersec) ?? fsHz;
    const rbRes = numberOrNull(rb.attrs.resolution) ?? resolutionUv;
    const beatLeads: RepresentativeBeats['leads'] = [];
    const xli = rbMethod === 'XLI';
    if (xli || /^(uncompressed|none)$/i.test(rbMethod)) {
      for (const b of findAll(rb, 'repbeat')) {
        const w = child(b, 'waveform') ?? b;
        const bytesRb = decodeBase64(w.text, fileName);
        let values: Int16Array;
        if (xli) values = decodeXli(bytesRb, fileName)[0] ?? new Int16Array(0);
        else {
          const dv = new DataView(bytesRb.buffer, bytesRb.byteOffset, bytesRb.byteLength);
          values = new Int16Array(bytesRb.length >> 1);
          for (let i = 0; i < values.length; i++) values[i] = dv.getInt16(2 * i, true);
        }
        const mv = new Float32Array(values.length);
        for (let i = 0; i < mv.length; i++) mv[i] = (values[i] * rbRes) / 1000;
        if (mv.length) beatLeads.push({ name: b.attrs.leadname ?? `lead${beatLeads.length + 1}`, samplesMv: mv });
      }
    }
    if (beatLeads.length) {
      metadata.representativeBeats = { fsHz: rbFs, length: Math.min(...beatLeads.map((l) => l.samplesMv.length)), source: 'Philips repbeats', leads: beatLeads } satisfies RepresentativeBeats;
    } else metadata.representativeBeatsNote = `repbeats present but not decoded (compression "${rbMethod}")`;
  }
  return { name: fileName.replace(/\.[^.]+$/, ''), fs: fsHz, leads, length: nSamples, annotations: [], sourceFormat: 'philips', metadata };
}

/** {@link RecordReader} for Philips SierraECG/PhilipsECG XML. */
export const philipsXmlReader: RecordReader = {
  format: 'philips',
  extensions: ['.xml'],
  sniff(head) {
    return /<restingecgdata[\s>]/.test(headText(head));
  },
  async read(bytes, fileName) {
    return decodeOrTypedError(fileName, 'Philips XML', () => readPhilipsXml(bytes, fileName));
  },
};
