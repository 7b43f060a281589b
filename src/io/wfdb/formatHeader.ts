import type { WfdbHeader, WfdbSignalSpec } from './header.js';

function fmtNum(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(12)));
}

function formatField(s: WfdbSignalSpec): string {
  let f = String(s.format);
  if (s.samplesPerFrame !== 1) f += `x${s.samplesPerFrame}`;
  if (s.skew) f += `:${s.skew}`;
  if (s.byteOffset) f += `+${s.byteOffset}`;
  return f;
}

/**
 * Writes the text of a WFDB header (`.hea`) for a single-segment record: record line, one line per
 * signal with every field up to the description, then the comments as `#` lines.
 *
 * @example
 * formatWfdbHeader(header); // '100 2 360 21600\n100.dat 212 200(1024)/mV 11 1024 995 -1234 0 MLII\n...'
 */
export function formatWfdbHeader(h: WfdbHeader): string {
  let rec = `${h.recordName} ${h.nSignals} ${fmtNum(h.fs)}`;
  if (h.counterFrequency !== undefined) rec += `/${fmtNum(h.counterFrequency)}${h.baseCounter !== undefined ? `(${fmtNum(h.baseCounter)})` : ''}`;
  if (h.nSamples !== undefined) rec += ` ${h.nSamples}`;
  if (h.nSamples !== undefined && h.baseTime) rec += ` ${h.baseTime}${h.baseDate ? ` ${h.baseDate}` : ''}`;
  const lines = [rec];
  for (const s of h.signals) {
    const gain = `${fmtNum(s.adcGain)}(${s.baseline})/${s.units}`;
    const fields = [s.fileName, formatField(s), gain, s.adcResolution, s.adcZero, s.initialValue ?? 0, s.checksum ?? 0, s.blockSize];
    lines.push(fields.join(' ') + (s.description ? ` ${s.description}` : ''));
  }
  for (const c of h.comments) lines.push(`# ${c}`);
  return lines.join('\n') + '\n';
}
