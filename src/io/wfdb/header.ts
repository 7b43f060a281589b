import { SinusError } from '../../errors.js';

/** One signal line of a WFDB header. */
export interface WfdbSignalSpec {
  fileName: string;
  /** Storage format code, e.g. 212, 16. */
  format: number;
  samplesPerFrame: number;
  skew: number;
  byteOffset: number;
  /** ADC units per physical unit; 0 in the file means "uncalibrated" and is kept as 0 here. */
  adcGain: number;
  baseline: number;
  units: string;
  adcResolution: number;
  adcZero: number;
  initialValue?: number;
  checksum?: number;
  blockSize: number;
  description: string;
}

/** A segment of a multi-segment record. */
export interface WfdbSegmentSpec {
  name: string;
  length: number;
}

export interface WfdbHeader {
  recordName: string;
  nSignals: number;
  /** Frame frequency in Hz. */
  fs: number;
  counterFrequency?: number;
  baseCounter?: number;
  /** Samples per signal (frames); undefined when the header does not say. */
  nSamples?: number;
  baseTime?: string;
  baseDate?: string;
  signals: WfdbSignalSpec[];
  /** Present for multi-segment records. */
  segments?: WfdbSegmentSpec[];
  comments: string[];
}

const NUM = String.raw`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`;
const RECORD_LINE = new RegExp(
  String.raw`^(\S+?)(?:/(\d+))?\s+(\d+)(?:\s+(${NUM})(?:/(${NUM})(?:\((${NUM})\))?)?(?:\s+(\d+)(?:\s+(\S+)(?:\s+(\S+))?)?)?)?\s*$`,
);

/**
 * Parses the text of a WFDB header (`.hea`). Throws {@link SinusError} `BAD_HEADER` naming the line
 * when a field does not parse.
 */
export function parseWfdbHeader(text: string, fileName = 'header'): WfdbHeader {
  const lines = text.split(/\r?\n/);
  const comments: string[] = [];
  const content: { line: string; no: number }[] = [];
  lines.forEach((raw, i) => {
    const t = raw.trim();
    if (t.startsWith('#')) comments.push(t.replace(/^#\s?/, ''));
    else if (t.length > 0) {
      const hash = t.indexOf('#');
      if (hash > 0) comments.push(t.slice(hash + 1).trim());
      content.push({ line: hash > 0 ? t.slice(0, hash).trim() : t, no: i + 1 });
    }
  });
  if (content.length === 0) throw new SinusError('BAD_HEADER', 'header has no record line', fileName);
  const m = RECORD_LINE.exec(content[0].line);
  if (!m) throw new SinusError('BAD_HEADER', `line ${content[0].no}: cannot parse record line "${content[0].line}"`, fileName);
  const nSignals = Number(m[3]);
  const fs = m[4] !== undefined ? Number(m[4]) : 250;
  if (!(fs > 0) || !Number.isFinite(fs)) throw new SinusError('BAD_HEADER', `sampling frequency must be positive, got ${m[4]}`, fileName);
  const header: WfdbHeader = {
    recordName: m[1],
    nSignals,
    fs,
    counterFrequency: m[5] !== undefined ? Number(m[5]) : undefined,
    baseCounter: m[6] !== undefined ? Number(m[6]) : undefined,
    nSamples: m[7] !== undefined ? Number(m[7]) : undefined,
    baseTime: m[8],
    baseDate: m[9],
    signals: [],
    comments,
  };
  const rest = content.slice(1);
  if (m[2] !== undefined) {
    const nSeg = Number(m[2]);
    if (rest.length < nSeg) throw new SinusError('BAD_HEADER', `expected ${nSeg} segment lines, found ${rest.length}`, fileName);
    header.segments = rest.slice(0, nSeg).map(({ line, no }) => {
      const p = line.split(/\s+/);
      const len = Number(p[1]);
      if (p.length < 2 || !Number.isInteger(len) || len < 0) throw new SinusError('BAD_HEADER', `line ${no}: bad segment line "${line}"`, fileName);
      return { name: p[0], length: len };
    });
    return header;
  }
  if (rest.length < nSignals) throw new SinusError('BAD_HEADER', `header declares ${nSignals} signals but has ${rest.length} signal lines`, fileName);
  for (let s = 0; s < nSignals; s++) header.signals.push(parseSignalLine(rest[s].line, rest[s].no, fileName));
  return header;
}

function parseSignalLine(line: string, no: number, fileName: string): WfdbSignalSpec {
  const parts = line.split(/\s+/);
  const bad = (what: string) => new SinusError('BAD_HEADER', `line ${no}: ${what} in "${line}"`, fileName);
  if (parts.length < 2) throw bad('signal line needs a file name and a format');
  const fm = /^(\d+)(?:x(\d+))?(?::(\d+))?(?:\+(\d+))?$/.exec(parts[1]);
  if (!fm) throw bad(`cannot parse format "${parts[1]}"`);
  const spec: WfdbSignalSpec = {
    fileName: parts[0],
    format: Number(fm[1]),
    samplesPerFrame: fm[2] ? Number(fm[2]) : 1,
    skew: fm[3] ? Number(fm[3]) : 0,
    byteOffset: fm[4] ? Number(fm[4]) : 0,
    adcGain: 200,
    baseline: 0,
    units: 'mV',
    adcResolution: 0,
    adcZero: 0,
    blockSize: 0,
    description: '',
  };
  let baselineGiven = false;
  if (parts.length > 2) {
    const gm = new RegExp(String.raw`^(${NUM})(?:\((-?\d+)\))?(?:/(\S+))?$`).exec(parts[2]);
    if (!gm) throw bad(`cannot parse gain "${parts[2]}"`);
    spec.adcGain = Number(gm[1]);
    if (gm[2] !== undefined) { spec.baseline = Number(gm[2]); baselineGiven = true; }
    if (gm[3] !== undefined) spec.units = gm[3];
  }
  const int = (i: number, what: string): number | undefined => {
    if (parts.length <= i) return undefined;
    const v = Number(parts[i]);
    if (!Number.isInteger(v)) throw bad(`${what} "${parts[i]}" is not an integer`);
    return v;
  };
  spec.adcResolution = int(3, 'ADC resolution') ?? 0;
  spec.adcZero = int(4, 'ADC zero') ?? 0;
  if (!baselineGiven) spec.baseline = spec.adcZero;
  spec.initialValue = int(5, 'initial value');
  spec.checksum = int(6, 'checksum');
  spec.blockSize = int(7, 'block size') ?? 0;
  spec.description = parts.slice(8).join(' ');
  return spec;
}
