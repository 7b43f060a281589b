import type { DeviceReading } from '../buildRecord.js';
import type { ScpSection } from './sections.js';

const NOT_COMPUTED = 29999;
const LEAD_MEASUREMENT_NAMES = [
  'pDurationMs', 'prIntervalMs', 'qrsDurationMs', 'qtIntervalMs', 'qDurationMs', 'rDurationMs', 'sDurationMs', 'rPrimeDurationMs', 'sPrimeDurationMs',
  'qAmplitudeUv', 'rAmplitudeUv', 'sAmplitudeUv', 'rPrimeAmplitudeUv', 'sPrimeAmplitudeUv', 'jPointAmplitudeUv', 'pPlusAmplitudeUv', 'pMinusAmplitudeUv', 'tPlusAmplitudeUv', 'tMinusAmplitudeUv',
];

function value(v: number): number | null {
  return v === NOT_COMPUTED || v === 29998 || v === 29997 || v === 999 ? null : v;
}

function dv(sec: ScpSection): DataView {
  return new DataView(sec.data.buffer, sec.data.byteOffset, sec.data.byteLength);
}

/** Section 7, first measurement block (reference beat type 0): wave limits and axes. */
function globalMeasurements(sec: ScpSection, out: DeviceReading): void {
  const d = sec.data;
  if (d.length < 6 + 16) return;
  const v = dv(sec);
  out.measurements.rrIntervalMs = value(v.getUint16(2, true));
  out.measurements.ppIntervalMs = value(v.getUint16(4, true));
  const pOn = value(v.getUint16(6, true)); const pOff = value(v.getUint16(8, true));
  const qrsOn = value(v.getUint16(10, true)); const qrsOff = value(v.getUint16(12, true)); const tOff = value(v.getUint16(14, true));
  out.measurements.pOnsetMs = pOn; out.measurements.pOffsetMs = pOff; out.measurements.qrsOnsetMs = qrsOn; out.measurements.qrsOffsetMs = qrsOff; out.measurements.tOffsetMs = tOff;
  out.measurements.pDurationMs = pOn !== null && pOff !== null ? pOff - pOn : null;
  out.measurements.prIntervalMs = pOn !== null && qrsOn !== null ? qrsOn - pOn : null;
  out.measurements.qrsDurationMs = qrsOn !== null && qrsOff !== null ? qrsOff - qrsOn : null;
  out.measurements.qtIntervalMs = qrsOn !== null && tOff !== null ? tOff - qrsOn : null;
  out.measurements.pAxisDeg = value(v.getInt16(16, true));
  out.measurements.qrsAxisDeg = value(v.getInt16(18, true));
  out.measurements.tAxisDeg = value(v.getInt16(20, true));
}

/** Sections 8 and 11: statements (text, or coded statements' readable parts). */
function statements(sec: ScpSection, out: DeviceReading): void {
  const d = sec.data;
  if (d.length < 9) return;
  const v = dv(sec);
  const n = d[8];
  let o = 9;
  for (let i = 0; i < n && o + 3 <= d.length; i++) {
    const len = v.getUint16(o + 1, true);
    const start = o + 3;
    const end = Math.min(d.length, start + len);
    let s = '';
    for (let p = start; p < end; p++) {
      const c = d[p];
      if (c === 0) s += ' ';
      else if (c >= 32) s += String.fromCharCode(c);
    }
    s = s.replace(/\s+/g, ' ').trim();
    if (s) out.statements.push(s);
    o = start + len;
  }
}

/** Section 10: per-lead measurements (first 19 standard fields). */
function leadMeasurements(sec: ScpSection, out: DeviceReading, leadName: (id: number) => string): void {
  const d = sec.data;
  if (d.length < 4) return;
  const v = dv(sec);
  const nLeads = v.getUint16(0, true);
  let o = 4;
  const result: Record<string, Record<string, number | null>> = {};
  for (let i = 0; i < nLeads && o + 4 <= d.length; i++) {
    const id = v.getUint16(o, true);
    const len = v.getUint16(o + 2, true);
    const m: Record<string, number | null> = {};
    for (let k = 0; k < LEAD_MEASUREMENT_NAMES.length && 2 * k + 2 <= len && o + 4 + 2 * k + 2 <= d.length; k++) m[LEAD_MEASUREMENT_NAMES[k]] = value(v.getInt16(o + 4 + 2 * k, true));
    result[leadName(id)] = m;
    o += 4 + len;
  }
  if (Object.keys(result).length) out.leadMeasurements = result;
}

/**
 * The device's own reading from SCP-ECG sections 7 (global measurements of the reference beat),
 * 8 and 11 (statements) and 10 (per-lead measurements). Absent sections leave fields empty;
 * 29999 ('not computed') becomes null.
 *
 * @example scpDeviceReading(sections, scpLeadName).measurements.qrsDurationMs // 120
 */
export function scpDeviceReading(sections: Map<number, ScpSection>, leadName: (id: number) => string): DeviceReading {
  const out: DeviceReading = { measurements: {}, statements: [] };
  const s7 = sections.get(7); if (s7) globalMeasurements(s7, out);
  const s8 = sections.get(8); if (s8) statements(s8, out);
  const s11 = sections.get(11); if (s11) statements(s11, out);
  const s10 = sections.get(10); if (s10) leadMeasurements(s10, out, leadName);
  return out;
}
