import { SinusError } from '../../errors.js';
import type { EcgRecord, Lead } from '../../record/types.js';
import { unitsToMv } from '../wfdb/readRecord.js';
import { PADDING_TEXT } from './readEdf.js';
import { encodeTals, type EdfTal } from './tal.js';

/** Options for {@link writeEdf}. */
export interface WriteEdfOptions {
  /** Write EDF+ (continuous) with an annotation signal; default true. Plain EDF drops annotations. */
  edfPlus?: boolean;
  /** Also write leads computed from others; default false. */
  includeDerived?: boolean;
}

const enc = (s: string, width: number): string => {
  const ascii = s.replace(/[^\x20-\x7e]/g, '?');
  return ascii.length >= width ? ascii.slice(0, width) : ascii + ' '.repeat(width - ascii.length);
};

/** Shortest decimal text of at most 8 characters for x, or null when x needs more. */
function num8(x: number): string | null {
  for (let d = 0; d <= 8; d++) {
    const s = Number(x.toFixed(d)).toString();
    if (Number(s) === x && s.length <= 8) return s;
  }
  return null;
}

/** Number of samples per data record and its duration text: 1 s when it divides the record. */
function chooseRecordDuration(fs: number, length: number): { spr: number; durText: string; padded: number } {
  const tries: number[] = [1, 0.5, 0.25, 0.2, 0.1, 0.05, 0.04, 0.02, 0.01, 2, 5, 10];
  for (const d of tries) {
    const spr = fs * d;
    const text = num8(d);
    if (text && Number.isInteger(spr) && spr >= 1 && length % spr === 0) return { spr, durText: text, padded: 0 };
  }
  // No duration divides the record: 1 s records with the last one padded (an EDF+ annotation marks
  // the padding and readEdf drops it), rather than thousands of one-sample records.
  const spr = Math.round(fs);
  if (Math.abs(spr - fs) <= 1e-9) return { spr, durText: '1', padded: (spr - (length % spr)) % spr };
  const oneText = num8(1 / fs);
  if (oneText && Number(oneText) * fs === 1) return { spr: 1, durText: oneText, padded: 0 };
  throw new SinusError('BAD_ARGUMENT', `cannot write ${fs} Hz to EDF: no data record duration of at most 8 characters holds a whole number of samples`);
}

interface Scaling { dmin: number; dmax: number; pmin: string; pmax: string; units: string; digital: (i: number) => number }

function rawScaling(lead: Lead): Scaling | null {
  const { raw, info, samples } = lead;
  if (!raw || raw.length !== samples.length) return null;
  const scale = unitsToMv(info.units);
  // Reuse the source EDF's own header fields when the samples are unchanged.
  if (info.edf) {
    const e = info.edf;
    const gain = (e.digitalMax - e.digitalMin) / (Number(e.physicalMax) - Number(e.physicalMin));
    const offset = e.digitalMin - Number(e.physicalMin) * gain;
    for (let i = 0; i < raw.length; i++) if (Math.fround(((raw[i] - offset) / gain) * scale) !== samples[i]) return null;
    return { dmin: e.digitalMin, dmax: e.digitalMax, pmin: e.physicalMin, pmax: e.physicalMax, units: info.units, digital: (i) => raw[i] };
  }
  const gain = info.gain === 0 ? 200 : info.gain;
  const base = info.baseline;
  if (!Number.isInteger(gain) || !Number.isInteger(base)) return null;
  // Integer physical limits -A..B with digital limits base -/+ gain*A..B make EDF's linear map
  // exactly (dig - base) / gain, so WFDB samples come back bit-identical.
  const A = Math.floor((base + 32768) / gain), B = Math.floor((32767 - base) / gain);
  if (A < 1 || B < 1) return null;
  const dmin = base - A * gain, dmax = base + B * gain;
  for (let i = 0; i < raw.length; i++) {
    if (Number.isNaN(samples[i])) continue;
    if (raw[i] < dmin || raw[i] > dmax || Math.fround(((raw[i] - base) / gain) * scale) !== samples[i]) return null;
  }
  return { dmin, dmax, pmin: String(-A), pmax: String(B), units: info.units, digital: (i) => (Number.isNaN(samples[i]) ? dmin : raw[i]) };
}

function quantisedScaling(lead: Lead): Scaling {
  let lo = Infinity, hi = -Infinity;
  for (const v of lead.samples) if (Number.isFinite(v)) { if (v < lo) lo = v; if (v > hi) hi = v; }
  if (!Number.isFinite(lo)) { lo = -1; hi = 1; }
  if (hi - lo < 1e-3) { lo -= 0.5; hi += 0.5; }
  // Round the range outwards to text that fits 8 characters.
  const round = (x: number, up: boolean) => {
    for (let d = 6; d >= 0; d--) {
      const f = 10 ** d;
      const y = (up ? Math.ceil(x * f) : Math.floor(x * f)) / f;
      const s = num8(y);
      if (s) return s;
    }
    throw new SinusError('BAD_SIGNAL', `lead ${lead.name}: value ${x} mV cannot be written in EDF's 8-character range`);
  };
  const pmin = round(lo, false), pmax = round(hi, true);
  const dmin = -32768, dmax = 32767;
  const g = (dmax - dmin) / (Number(pmax) - Number(pmin));
  const off = dmin - Number(pmin) * g;
  const s = lead.samples;
  return { dmin, dmax, pmin, pmax, units: 'mV', digital: (i) => (Number.isNaN(s[i]) ? dmin : Math.max(dmin, Math.min(dmax, Math.round(s[i] * g + off)))) };
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Writes a record as EDF+ (or plain EDF with `edfPlus: false`): EDF+C, or EDF+D when whole data
 * records are missing (every lead NaN), which are then left out. Leads that came from
 * a digital source are written from their raw values, with ranges chosen so that reading the file
 * back gives the same samples bit for bit; other leads are quantised to 16 bits over their range.
 * Annotations become TALs (`code` and `aux` as the text). EDF has no missing-sample value: NaN is
 * written as the digital minimum. When no data-record duration divides the record, the last
 * 1-second record is padded and an annotation "sinus: padding" marks it.
 *
 * @example
 * const bytes = writeEdf(rec); // Uint8Array of the .edf file
 */
export function writeEdf(record: EcgRecord, options: WriteEdfOptions = {}): Uint8Array {
  const plus = options.edfPlus ?? true;
  const leads = record.leads.filter((l) => options.includeDerived || !l.derived);
  if (leads.length === 0) throw new SinusError('NOT_ENOUGH_DATA', 'record has no leads to write');
  const n = record.length;
  if (n === 0) throw new SinusError('NOT_ENOUGH_DATA', 'record has no samples');
  const { spr, durText, padded } = chooseRecordDuration(record.fs, n);
  const durS = Number(durText);
  const allRecords = (n + padded) / spr;
  const scalings = leads.map((l) => rawScaling(l) ?? quantisedScaling(l));
  // EDF+D: data records in which every lead is NaN (gaps, null WFDB segments) are left out; the
  // time-keeping TAL of each record written says where it belongs.
  const kept: number[] = [];
  for (let r = 0; r < allRecords; r++) {
    const from = r * spr, to = Math.min(n, from + spr);
    if (!plus || r === allRecords - 1 || leads.some((l) => { for (let i = from; i < to; i++) if (!Number.isNaN(l.samples[i])) return true; return false; })) kept.push(r);
  }
  if (kept.length === 0) for (let r = 0; r < allRecords; r++) kept.push(r);
  const discontinuous = kept.length < allRecords;
  const nRecords = kept.length;
  const slotOf = new Int32Array(allRecords).fill(-1);
  kept.forEach((r, k) => { slotOf[r] = k; });
  // An annotation inside a left-out record goes with the closest written record before it.
  const slotFor = (r: number) => { for (let q = r; q >= 0; q--) if (slotOf[q] >= 0) return slotOf[q]; return 0; };
  // TALs per data record: the time-keeping TAL, then the annotations whose onset falls in it.
  const perRecord: EdfTal[][] = kept.map((r) => [{ onsetS: Number((r * durS).toFixed(6)), text: '' }]);
  if (plus) {
    for (const set of record.annotations) {
      for (const a of set.annotations) {
        const r = slotFor(Math.min(allRecords - 1, Math.max(0, Math.floor(a.sample / spr))));
        const text = a.aux ? (a.code.trim() ? `${a.code} ${a.aux}` : a.aux) : a.code;
        perRecord[r].push({ onsetS: a.sample / record.fs, durationS: a.durationS, text });
      }
    }
    if (padded) perRecord[nRecords - 1].push({ onsetS: n / record.fs, durationS: padded / record.fs, text: PADDING_TEXT });
  }
  const talBytes = plus ? perRecord.map(encodeTals) : [];
  const annSpr = plus ? Math.max(1, Math.ceil(Math.max(...talBytes.map((b) => b.length)) / 2)) : 0;
  const ns = leads.length + (plus ? 1 : 0);
  const headerBytes = 256 * (ns + 1);
  const recordBytes = (leads.length * spr + annSpr) * 2;
  const out = new Uint8Array(headerBytes + nRecords * recordBytes);
  const t = record.startTime;
  const MON = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
  // An EDF+ source keeps its patient and recording fields; anything else gets EDF+'s "unknown" X fields.
  const fromEdfPlus = /^edf\+/.test(record.sourceFormat ?? '') && typeof record.metadata.patient === 'string' && typeof record.metadata.recording === 'string';
  const patient = plus ? (fromEdfPlus ? (record.metadata.patient as string) : 'X X X X') : '';
  const recording = plus
    ? (fromEdfPlus ? (record.metadata.recording as string) : `Startdate ${t ? `${two(t.getUTCDate())}-${MON[t.getUTCMonth()]}-${t.getUTCFullYear()}` : 'X'} X X sinus`)
    : `sinus ${record.name}`;
  let h = '0       ' + enc(patient, 80) + enc(recording, 80);
  h += t ? `${two(t.getUTCDate())}.${two(t.getUTCMonth() + 1)}.${two(t.getUTCFullYear() % 100)}` : '01.01.85';
  h += t ? `${two(t.getUTCHours())}.${two(t.getUTCMinutes())}.${two(t.getUTCSeconds())}` : '00.00.00';
  h += enc(String(headerBytes), 8) + enc(plus ? (discontinuous ? 'EDF+D' : 'EDF+C') : '', 44) + enc(String(nRecords), 8) + enc(durText, 8) + enc(String(ns), 4);
  const sigs = [
    ...leads.map((l, k) => ({ label: l.originalName || l.name, tr: l.info.edf?.transducer ?? '', dim: scalings[k].units, pmin: scalings[k].pmin, pmax: scalings[k].pmax, dmin: scalings[k].dmin, dmax: scalings[k].dmax, pre: l.info.edf?.prefiltering ?? '', spr })),
    ...(plus ? [{ label: 'EDF Annotations', tr: '', dim: '', pmin: '-1', pmax: '1', dmin: -32768, dmax: 32767, pre: '', spr: annSpr }] : []),
  ];
  for (const s of sigs) if (s.label.length > 16) s.label = s.label.slice(0, 16);
  h += sigs.map((s) => enc(s.label, 16)).join('') + sigs.map((s) => enc(s.tr, 80)).join('') + sigs.map((s) => enc(s.dim, 8)).join('');
  h += sigs.map((s) => enc(s.pmin, 8)).join('') + sigs.map((s) => enc(s.pmax, 8)).join('');
  h += sigs.map((s) => enc(String(s.dmin), 8)).join('') + sigs.map((s) => enc(String(s.dmax), 8)).join('');
  h += sigs.map((s) => enc(s.pre, 80)).join('') + sigs.map((s) => enc(String(s.spr), 8)).join('') + sigs.map(() => enc('', 32)).join('');
  if (h.length !== headerBytes) throw new Error(`EDF header is ${h.length} bytes, expected ${headerBytes}`);
  for (let i = 0; i < h.length; i++) out[i] = h.charCodeAt(i);
  const view = new DataView(out.buffer);
  for (let slot = 0; slot < nRecords; slot++) {
    const r = kept[slot];
    let o = headerBytes + slot * recordBytes;
    for (let k = 0; k < leads.length; k++) {
      const dig = scalings[k].digital;
      const dmin = scalings[k].dmin;
      for (let i = 0; i < spr; i++, o += 2) {
        const idx = r * spr + i;
        view.setInt16(o, idx < n ? dig(idx) : dmin, true);
      }
    }
    if (plus) {
      out.set(talBytes[slot], o);
      o += annSpr * 2;
    }
  }
  return out;
}
