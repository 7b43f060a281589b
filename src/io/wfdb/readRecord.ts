import { SinusError } from '../../errors.js';
import { normalizeLeadName } from '../../record/leadNames.js';
import type { ChecksumStatus, EcgRecord, Lead } from '../../record/types.js';
import type { FileSource } from '../source.js';
import { parseWfdbHeader, type WfdbHeader, type WfdbSignalSpec } from './header.js';
import { bytesForSamples, decodeStream, invalidSampleValue, samplesInBytes } from './signalFormats.js';

const textDecoder = new TextDecoder('latin1');

/** Signed 16-bit sum of raw samples, as WFDB stores in the header's checksum field. */
export function wfdbChecksum(raw: Int32Array): number {
  let s = 0;
  for (let i = 0; i < raw.length; i++) s = (s + raw[i]) & 0xffff;
  return (s << 16) >> 16;
}

/**
 * Reads a single-segment WFDB record: its header `<record>.hea` and signal files, through a
 * {@link FileSource}. Samples are converted to mV (units 'uV' are scaled); raw ADC values are kept.
 * Throws {@link SinusError}: FILE_TRUNCATED when a signal file holds fewer samples than the header
 * says, UNSUPPORTED_FORMAT for an unknown format code.
 *
 * @example
 * const rec = await readWfdbRecord('100', nodeFileSource('../shared/data/mitdb'));
 */
export async function readWfdbRecord(recordName: string, source: FileSource): Promise<EcgRecord> {
  const headerFile = recordName.endsWith('.hea') ? recordName : `${recordName}.hea`;
  const headerBytes = await source.read(headerFile);
  if (headerBytes.length === 0) throw new SinusError('FILE_EMPTY', 'header file is empty', headerFile);
  const header = parseWfdbHeader(textDecoder.decode(headerBytes), headerFile);
  if (header.segments) throw new SinusError('UNSUPPORTED_FORMAT', 'multi-segment records are not supported yet', headerFile);
  return readSignals(header, headerFile, source);
}

async function readSignals(header: WfdbHeader, headerFile: string, source: FileSource): Promise<EcgRecord> {
  const groups = new Map<string, { spec: WfdbSignalSpec; index: number }[]>();
  header.signals.forEach((spec, index) => {
    const g = groups.get(spec.fileName) ?? [];
    g.push({ spec, index });
    groups.set(spec.fileName, g);
  });
  const raws: Int32Array[] = new Array(header.nSignals);
  let nFrames = header.nSamples;
  for (const [fileName, members] of groups) {
    const fmt = members[0].spec.format;
    if (members.some((m) => m.spec.format !== fmt)) throw new SinusError('BAD_HEADER', `signals in ${fileName} use different formats`, headerFile);
    if (members.some((m) => m.spec.samplesPerFrame !== 1)) throw new SinusError('UNSUPPORTED_FORMAT', 'multi-frequency records are not supported yet', headerFile);
    const bytesAll = await source.read(fileName);
    const offset = members[0].spec.byteOffset;
    const bytes = bytesAll.subarray(Math.min(offset, bytesAll.length));
    const perFrame = members.length;
    const available = Math.floor(samplesInBytes(fmt, bytes.length) / perFrame);
    if (nFrames === undefined || nFrames === 0) nFrames = available;
    if (available < nFrames) {
      throw new SinusError('FILE_TRUNCATED', `holds ${available} samples per signal but the header says ${nFrames} (${bytes.length} bytes, ${bytesForSamples(fmt, nFrames * perFrame)} needed)`, fileName);
    }
    const stream = decodeStream(bytes, fmt, nFrames * perFrame);
    members.forEach((m, k) => {
      const r = new Int32Array(nFrames!);
      for (let i = 0, j = k; i < nFrames!; i++, j += perFrame) r[i] = stream[j];
      if (fmt === 8) {
        // Format 8 stores first differences from the initial value.
        let acc = m.spec.initialValue ?? 0;
        for (let i = 0; i < r.length; i++) { acc += r[i]; r[i] = acc; }
      }
      raws[m.index] = r;
    });
  }
  const n = nFrames ?? 0;
  const checksums: ChecksumStatus[] = [];
  const leads: Lead[] = header.signals.map((spec, s) => {
    const raw = raws[s];
    const name = normalizeLeadName(spec.description || `sig${s}`);
    const invalid = invalidSampleValue(spec.format);
    const unitScale = unitsToMv(spec.units);
    const gain = spec.adcGain === 0 ? 200 : spec.adcGain;
    const samples = new Float32Array(n);
    for (let i = 0; i < n; i++) samples[i] = raw[i] === invalid ? Number.NaN : ((raw[i] - spec.baseline) / gain) * unitScale;
    const actual = wfdbChecksum(raw);
    checksums.push({ lead: name, expected: spec.checksum, actual, ok: spec.checksum === undefined ? null : actual === spec.checksum });
    if (spec.initialValue !== undefined && n > 0 && raw[0] !== spec.initialValue && spec.format !== 8) {
      checksums[checksums.length - 1].ok = false;
    }
    return {
      name,
      originalName: spec.description,
      samples,
      raw,
      info: {
        gain: spec.adcGain,
        baseline: spec.baseline,
        adcResolutionBits: spec.adcResolution || undefined,
        adcZero: spec.adcZero,
        units: spec.units,
        initialValue: spec.initialValue,
        checksum: spec.checksum,
        storageFormat: String(spec.format),
        description: spec.description,
      },
    };
  });
  return {
    name: header.recordName,
    fs: header.fs,
    leads,
    length: n,
    startTime: parseStartTime(header.baseTime, header.baseDate),
    annotations: [],
    sourceFormat: 'wfdb',
    checksums,
    metadata: { comments: header.comments, wfdbHeader: header },
  };
}

/** Multiplier from a WFDB units string to millivolts; unknown units are taken as mV. */
export function unitsToMv(units: string): number {
  const u = units.trim().toLowerCase();
  if (u === 'uv' || u === 'µv' || u === 'microvolts') return 1e-3;
  if (u === 'v' || u === 'volts') return 1e3;
  if (u === 'nv') return 1e-6;
  return 1;
}

function parseStartTime(time?: string, date?: string): Date | undefined {
  if (!time || !date) return undefined;
  const t = /^(\d{1,2}):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(time);
  const d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(date);
  if (!t || !d) return undefined;
  const sec = Number(t[3]);
  const ms = Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1]), Number(t[1]), Number(t[2]), Math.floor(sec), Math.round((sec % 1) * 1000));
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}
