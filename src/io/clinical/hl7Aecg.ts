import { SinusError } from '../../errors.js';
import { decodeOrTypedError } from './safeRead.js';
import type { Annotation, AnnotationSet, EcgRecord, Lead } from '../../record/types.js';
import type { RecordReader } from '../reader.js';
import { leadFromMv, leadFromRaw, MAX_SAMPLES_PER_LEAD, sortLeadsConventionally, type DeviceReading, type RepresentativeBeats } from './buildRecord.js';
import { at, child, childrenNamed, decodeXmlBytes, findAll, findFirst, headText, numberOrNull, parseXmlTree, type XmlNode } from './xmlTree.js';

/** Millivolts per unit of an HL7 physical quantity unit, or null when it is not a voltage. */
function mvPerUnit(unit: string | undefined): number | null {
  switch ((unit ?? '').trim()) {
    case 'uV': case 'µV': return 1e-3;
    case 'mV': return 1;
    case 'nV': return 1e-6;
    case 'V': return 1e3;
    case 'cV': return 10;
    default: return null;
  }
}

/** Seconds per unit of an HL7 time unit, or null. */
function sPerUnit(unit: string | undefined): number | null {
  switch ((unit ?? 's').trim()) {
    case 's': return 1;
    case 'ms': return 1e-3;
    case 'us': return 1e-6;
    default: return null;
  }
}

/** HL7 TS ('YYYYMMDDhhmmss.fff', shorter forms allowed) as milliseconds since 1970, read as UTC. */
function hl7TimeMs(ts: string | undefined): number | null {
  const m = /^(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\.\d+)?/.exec((ts ?? '').trim());
  if (!m) return null;
  const ms = Date.UTC(+m[1], (m[2] ? +m[2] : 1) - 1, m[3] ? +m[3] : 1, m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0);
  return ms + (m[7] ? Math.round(parseFloat(m[7]) * 1000) : 0);
}

interface SequenceSetData {
  fsHz: number;
  startMs: number | null;
  leads: Lead[];
  length: number;
}

function parseDigits(text: string, file: string): { values: Float64Array; integer: boolean } {
  const parts = text.split(/\s+/).filter((s) => s.length > 0);
  if (parts.length > MAX_SAMPLES_PER_LEAD) throw new SinusError('BAD_SIGNAL', 'too many samples in a sequence', file);
  const values = new Float64Array(parts.length);
  let integer = true;
  for (let i = 0; i < parts.length; i++) {
    const v = Number(parts[i]);
    if (!Number.isFinite(v)) throw new SinusError('BAD_SIGNAL', `not a number in <digits>: "${parts[i].slice(0, 20)}"`, file);
    values[i] = v;
    if (!Number.isInteger(v) || Math.abs(v) > 2 ** 31 - 1) integer = false;
  }
  return { values, integer };
}

function readSequenceSet(set: XmlNode, file: string): SequenceSetData | null {
  let fsHz: number | null = null;
  let startMs: number | null = null;
  const leads: Lead[] = [];
  for (const comp of childrenNamed(set, 'component')) {
    const seq = child(comp, 'sequence');
    const code = child(seq, 'code')?.attrs.code ?? '';
    const value = child(seq, 'value');
    if (!seq || !value) continue;
    const type = value.attrs.type ?? '';
    if (code.startsWith('TIME_')) {
      const inc = child(value, 'increment');
      const incS = numberOrNull(inc?.attrs.value);
      const unitS = sPerUnit(inc?.attrs.unit);
      if (incS !== null && unitS !== null && incS > 0) fsHz = Math.round((1 / (incS * unitS)) * 1e6) / 1e6;
      if (code === 'TIME_ABSOLUTE') startMs = hl7TimeMs(child(value, 'head')?.attrs.value);
      continue;
    }
    if (type !== 'SLIST_PQ' && type !== 'SLIST_INT' && type !== 'SLIST_REAL') continue;
    const digits = child(value, 'digits');
    if (!digits) continue;
    const origin = child(value, 'origin');
    const scale = child(value, 'scale');
    const scaleV = type === 'SLIST_PQ' ? numberOrNull(scale?.attrs.value) : 1;
    const originV = type === 'SLIST_PQ' ? numberOrNull(origin?.attrs.value) ?? 0 : 0;
    const scaleMv = mvPerUnit(scale?.attrs.unit ?? 'uV');
    const originMv = mvPerUnit(origin?.attrs.unit ?? scale?.attrs.unit ?? 'uV');
    if (scaleV === null || scaleV === 0 || scaleMv === null || originMv === null) {
      throw new SinusError('BAD_SIGNAL', `lead ${code}: scale missing, zero or not a voltage`, file);
    }
    const { values, integer } = parseDigits(digits.text, file);
    const mvPerAdu = scaleV * scaleMv;
    const originInMv = originV * originMv;
    const name = code || `lead${leads.length + 1}`;
    if (integer) {
      const raw = Int32Array.from(values);
      leads.push(leadFromRaw(name, raw, 1 / mvPerAdu, -originInMv / mvPerAdu, 'mV', 'hl7-aecg'));
    } else {
      const mv = new Float32Array(values.length);
      for (let i = 0; i < values.length; i++) mv[i] = values[i] * mvPerAdu + originInMv;
      leads.push(leadFromMv(name, mv, 1 / mvPerAdu, 'mV', 'hl7-aecg'));
    }
  }
  if (leads.length === 0) return null;
  if (fsHz === null) throw new SinusError('BAD_HEADER', 'sequence set without a time sequence (no sampling increment)', file);
  return { fsHz, startMs, leads, length: Math.max(...leads.map((l) => l.samples.length)) };
}

/** Pads every lead to `length` with NaN (missing) so the record has one length. */
function padLeads(leads: Lead[], length: number): Lead[] {
  return leads.map((l) => {
    if (l.samples.length === length) return l;
    const s = new Float32Array(length).fill(NaN);
    s.set(l.samples);
    const out: Lead = { ...l, samples: s };
    delete out.raw;
    return out;
  });
}

/** Merges the sequence sets of a series: distinct leads side by side at one sampling rate. */
function mergeSets(sets: SequenceSetData[], file: string): SequenceSetData {
  const fsHz = sets[0].fsHz;
  const seen = new Set<string>();
  const leads: Lead[] = [];
  for (const s of sets) {
    if (s.fsHz !== fsHz) continue; // a set at another rate cannot share the record's time axis
    for (const l of s.leads) {
      if (seen.has(l.name)) continue;
      seen.add(l.name);
      leads.push(l);
    }
  }
  if (leads.length === 0) throw new SinusError('BAD_SIGNAL', 'no lead data', file);
  const length = Math.max(...leads.map((l) => l.samples.length));
  return { fsHz, startMs: sets[0].startMs, leads: padLeads(leads, length), length };
}

const WAVE_CODES: Record<string, string> = {
  MDC_ECG_WAVC_PWAVE: 'p', MDC_ECG_WAVC_QRSWAVE: 'N', MDC_ECG_WAVC_TWAVE: 't', MDC_ECG_WAVC_UWAVE: 'u',
};

interface AnnotationWalk {
  marks: Annotation[];
  measurements: Record<string, number | string | null>;
  statements: string[];
}

/** Boundary times (ms since epoch or relative ms) of an annotation's supporting ROI. */
function roiBounds(ann: XmlNode): { low: number | null; high: number | null; relative: boolean; lead: string | null } {
  let low: number | null = null;
  let high: number | null = null;
  let relative = false;
  let lead: string | null = null;
  for (const b of findAll(child(ann, 'support'), 'boundary')) {
    const code = child(b, 'code')?.attrs.code ?? '';
    const v = child(b, 'value');
    if (code === 'TIME_ABSOLUTE') {
      low = hl7TimeMs(child(v, 'low')?.attrs.value);
      high = hl7TimeMs(child(v, 'high')?.attrs.value);
    } else if (code === 'TIME_RELATIVE') {
      relative = true;
      const lo = child(v, 'low');
      const hi = child(v, 'high');
      const f = (n: XmlNode | undefined) => { const x = numberOrNull(n?.attrs.value); const u = sPerUnit(n?.attrs.unit); return x === null || u === null ? null : x * u * 1000; };
      low = f(lo);
      high = f(hi);
    } else if (code.startsWith('MDC_ECG_LEAD_')) lead = code;
  }
  return { low, high, relative, lead };
}

function walkAnnotations(set: XmlNode, startMs: number | null, fsHz: number, prefix: string, out: AnnotationWalk): void {
  const visit = (ann: XmlNode, depth: number) => {
    if (depth > 16) return;
    const code = child(ann, 'code')?.attrs.code ?? '';
    const value = child(ann, 'value');
    const vType = value?.attrs.type ?? '';
    const vCode = value?.attrs.code ?? '';
    if (vType === 'PQ' && depth === 0) {
      const v = numberOrNull(value?.attrs.value);
      const unit = value?.attrs.unit ? `_${value.attrs.unit}` : '';
      out.measurements[`${prefix}${code}${unit}`] = v;
    } else if (vType === 'ST' && value?.text) {
      out.statements.push(value.text);
    } else if (vType === 'CE' && (code.includes('INTERPRETATION') || code === 'MDC_ECG_RHY')) {
      out.statements.push(value?.attrs.displayName ?? vCode);
    }
    const roi = roiBounds(ann);
    const toSample = (t: number | null): number | null => {
      if (t === null) return null;
      const ms = roi.relative ? t : startMs === null ? null : t - startMs;
      return ms === null ? null : Math.round((ms / 1000) * fsHz);
    };
    const wave = WAVE_CODES[vCode];
    if (code === 'MDC_ECG_WAVC' && wave) {
      const lo = toSample(roi.low);
      const hi = toSample(roi.high);
      const aux = roi.lead ? `${wave} ${roi.lead}` : wave;
      if (lo !== null) out.marks.push({ sample: lo, code: '(', subtype: 0, channel: 0, num: 0, aux });
      if (hi !== null) out.marks.push({ sample: hi, code: ')', subtype: 0, channel: 0, num: 0, aux });
    } else if (code === 'MDC_ECG_RHY' || code === 'MDC_ECG_BEAT') {
      const lo = toSample(roi.low);
      if (lo !== null) out.marks.push({ sample: lo, code: code === 'MDC_ECG_RHY' ? '+' : vCode === 'MDC_ECG_BEAT_NORMAL' ? 'N' : 'Q', subtype: 0, channel: 0, num: 0, aux: vCode });
    }
    for (const c of childrenNamed(ann, 'component')) for (const a of childrenNamed(c, 'annotation')) visit(a, depth + 1);
  };
  for (const c of childrenNamed(set, 'component')) for (const a of childrenNamed(c, 'annotation')) visit(a, 0);
}

/**
 * Decodes an HL7 aECG (urn:hl7-org:v3 AnnotatedECG) file: the rhythm series (all its sequence
 * sets), the representative-beat derived series (in `metadata.representativeBeats`), wave and
 * rhythm annotations (annotator 'aecg'), and the device's global measurements and statements
 * (`metadata.device`).
 *
 * @example
 * const rec = readHl7Aecg(bytes, 'Example aECG.xml');
 * rec.leads.map((l) => l.name); // ['I', 'II', 'III', 'aVR', ...]
 */
export function readHl7Aecg(bytes: Uint8Array, fileName: string): EcgRecord {
  const root = parseXmlTree(decodeXmlBytes(bytes), fileName);
  if (root.name !== 'AnnotatedECG') throw new SinusError('BAD_HEADER', `root element is <${root.name}>, not <AnnotatedECG>`, fileName);
  const seriesList = findAll(root, 'series');
  if (seriesList.length === 0) throw new SinusError('BAD_SIGNAL', 'aECG has no <series>', fileName);
  const series = seriesList.find((s) => child(s, 'code')?.attrs.code === 'RHYTHM') ?? seriesList[0];
  const sets = childrenNamed(series, 'component').map((c) => child(c, 'sequenceSet')).filter((s): s is XmlNode => !!s);
  const decoded = sets.map((s) => readSequenceSet(s, fileName)).filter((s): s is SequenceSetData => !!s);
  if (decoded.length === 0) throw new SinusError('BAD_SIGNAL', 'aECG rhythm series has no lead sequences', fileName);
  const rhythm = mergeSets(decoded, fileName);
  if (rhythm.length === 0) throw new SinusError('NOT_ENOUGH_DATA', 'aECG rhythm sequences hold no samples', fileName);

  const metadata: Record<string, unknown> = { format: 'HL7 aECG' };
  const device: DeviceReading = { measurements: {}, statements: [] };
  const dev = findFirst(series, 'manufacturedSeriesDevice');
  device.model = child(dev, 'manufacturerModelName')?.text || undefined;
  device.software = child(dev, 'softwareName')?.text || undefined;
  device.manufacturer = at(findFirst(series, 'manufacturerOrganization'), 'name')?.text || undefined;
  const filters: Record<string, number | string | null> = {};
  for (const cv of findAll(series, 'controlVariable')) {
    const code = child(cv, 'code')?.attrs.code;
    if (!code) continue;
    for (const inner of findAll(cv, 'controlVariable')) {
      const icode = child(inner, 'code')?.attrs.code;
      const v = child(inner, 'value');
      if (icode && v) filters[`${code.replace('MDC_ECG_CTL_VBL_ATTR_', '')}.${icode.replace('MDC_ECG_CTL_VBL_ATTR_', '')}`] = v.attrs.type === 'PQ' ? numberOrNull(v.attrs.value) : v.text;
    }
  }
  if (Object.keys(filters).length) metadata.filters = filters;

  const marks: AnnotationWalk = { marks: [], measurements: device.measurements, statements: device.statements };
  for (const so of childrenNamed(series, 'subjectOf')) {
    for (const set of childrenNamed(so, 'annotationSet')) walkAnnotations(set, rhythm.startMs, rhythm.fsHz, '', marks);
  }
  const annotations: AnnotationSet[] = [];
  const inRange = marks.marks.filter((a) => a.sample >= 0 && a.sample <= rhythm.length).sort((a, b) => a.sample - b.sample);
  if (inRange.length) annotations.push({ annotator: 'aecg', annotations: inRange });

  const derived = findAll(series, 'derivedSeries').find((d) => child(d, 'code')?.attrs.code === 'REPRESENTATIVE_BEAT');
  if (derived) {
    const dsets = childrenNamed(derived, 'component').map((c) => child(c, 'sequenceSet')).filter((s): s is XmlNode => !!s);
    const dd = dsets.map((s) => readSequenceSet(s, fileName)).filter((s): s is SequenceSetData => !!s);
    if (dd.length) {
      const m = mergeSets(dd, fileName);
      const beats: RepresentativeBeats = { fsHz: m.fsHz, length: m.length, source: 'aECG REPRESENTATIVE_BEAT', leads: m.leads.map((l) => ({ name: l.name, samplesMv: l.samples })) };
      metadata.representativeBeats = beats;
      const beatMarks: AnnotationWalk = { marks: [], measurements: {}, statements: [] };
      for (const so of childrenNamed(derived, 'subjectOf')) for (const set of childrenNamed(so, 'annotationSet')) walkAnnotations(set, null, m.fsHz, '', beatMarks);
      for (const [k, v] of Object.entries(beatMarks.measurements)) if (!(k in device.measurements)) device.measurements[k] = v;
      device.statements.push(...beatMarks.statements.filter((s) => !device.statements.includes(s)));
      if (beatMarks.marks.length) metadata.representativeBeatAnnotations = beatMarks.marks.sort((a, b) => a.sample - b.sample);
    }
  }
  metadata.device = device;
  const rec: EcgRecord = {
    name: fileName.replace(/\.[^.]+$/, ''),
    fs: rhythm.fsHz,
    leads: sortLeadsConventionally(rhythm.leads),
    length: rhythm.length,
    annotations,
    sourceFormat: 'hl7-aecg',
    metadata,
  };
  if (rhythm.startMs !== null) rec.startTime = new Date(rhythm.startMs);
  return rec;
}

/** {@link RecordReader} for HL7 aECG XML. */
export const hl7AecgReader: RecordReader = {
  format: 'hl7-aecg',
  extensions: ['.xml'],
  sniff(head) {
    return /<(\w+:)?AnnotatedECG[\s>]/.test(headText(head));
  },
  async read(bytes, fileName) {
    return decodeOrTypedError(fileName, 'HL7 aECG', () => readHl7Aecg(bytes, fileName));
  },
};
