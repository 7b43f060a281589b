import { SinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';

/** Paper layouts: 12-lead 3x4 (+ rhythm strips), 6x2, one full-width strip per lead, Holter full disclosure. */
export type LayoutName = '3x4' | '6x2' | 'strips' | 'holter';

/** One trace on the page: a lead over a sample range, drawn from (`xMm`, `baselineMm`). */
export interface Panel {
  lead: string;
  /** Index into record.leads. */
  leadIndex: number;
  startSample: number;
  /** Exclusive. */
  endSample: number;
  xMm: number;
  baselineMm: number;
  widthMm: number;
  role: 'lead' | 'rhythm' | 'strip' | 'holter';
  /** Draw a calibration pulse left of this trace. */
  calibration: boolean;
  /** Text printed at the row start (Holter time of day / offset), or null. */
  rowLabel: string | null;
}

/** Page geometry in millimetres (SVG user units are millimetres). */
export interface PageLayout {
  layout: LayoutName;
  widthMm: number;
  heightMm: number;
  gridXMm: number;
  gridYMm: number;
  gridWidthMm: number;
  gridHeightMm: number;
  speedMmPerS: number;
  gainMmPerMv: number;
  panels: Panel[];
  /** Where the 12-lead layout had to leave a lead out (not in the record). */
  missingLeads: string[];
  /** Holter: page number and count. */
  page: number;
  pageCount: number;
}

export interface LayoutOptions {
  layout?: LayoutName;
  /** Paper speed, default 25 mm/s (Holter 12.5). */
  speedMmPerS?: number;
  /** Gain, default 10 mm/mV (Holter 5). */
  gainMmPerMv?: number;
  /** First second shown, default 0. */
  startS?: number;
  /** Rhythm strips under a 12-lead layout, default ['II'] (3x4) and [] (6x2). */
  rhythmLeads?: string[];
  /** Leads for 'strips' (default all) or the one lead for 'holter' (default the first). */
  leads?: string[];
  /** Strips: seconds per row (default 250 mm of paper: 10 s at 25 mm/s); the page widens to fit. */
  stripSeconds?: number;
  /** Leave out the header block above the grid (the viewer shows its own). */
  header?: boolean;
  /** Draw calibration pulses (default true). */
  calibration?: boolean;
  /** Holter: seconds per row (default 20 s) and rows per page (default 14); `page` from 0. */
  rowSeconds?: number;
  rowsPerPage?: number;
  page?: number;
}

const PAGE_W = 297;
const MARGIN = 10;
/** Grid starts here; the calibration pulse sits in the first 15 mm, traces after it. */
const CAL_SPACE = 15;
const HEADER_H = 30;
const FOOTER_H = 8;

const LIMB_3X4 = [['I', 'II', 'III'], ['aVR', 'aVL', 'aVF'], ['V1', 'V2', 'V3'], ['V4', 'V5', 'V6']];
const COLS_6X2 = [['I', 'II', 'III', 'aVR', 'aVL', 'aVF'], ['V1', 'V2', 'V3', 'V4', 'V5', 'V6']];

/**
 * True when the record has the 12 standard leads (recorded or derived).
 *
 * @example hasTwelveLeads(await openRecord('samples/1.hea')) // true
 */
export function hasTwelveLeads(record: EcgRecord): boolean {
  const names = new Set(record.leads.map((l) => l.name));
  return LIMB_3X4.flat().every((n) => names.has(n));
}

const roundUpTo5 = (x: number) => Math.ceil(x / 5) * 5;

function leadIndexOf(record: EcgRecord, name: string): number {
  return record.leads.findIndex((l) => l.name === name || l.originalName === name);
}

function formatOffset(s: number): string {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.floor(s % 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

/**
 * Computes where every trace goes on the page. The default layout is 3x4 with a lead II rhythm
 * strip when the record has the 12 standard leads, else one strip per lead.
 *
 * @example pageLayout(record, { layout: '6x2' }).panels.length // 12
 */
export function pageLayout(record: EcgRecord, options: LayoutOptions = {}): PageLayout {
  const layout = options.layout ?? (hasTwelveLeads(record) ? '3x4' : 'strips');
  const holter = layout === 'holter';
  const speed = options.speedMmPerS ?? (holter ? 12.5 : 25);
  const gain = options.gainMmPerMv ?? (holter ? 5 : 10);
  if (!(speed > 0 && speed <= 200)) throw new SinusError('BAD_ARGUMENT', `paper speed ${speed} mm/s is outside 0-200`);
  if (!(gain > 0 && gain <= 100)) throw new SinusError('BAD_ARGUMENT', `gain ${gain} mm/mV is outside 0-100`);
  const fs = record.fs;
  const start = Math.max(0, Math.round((options.startS ?? 0) * fs));
  if (start >= record.length) throw new SinusError('BAD_ARGUMENT', `start ${options.startS} s is past the end of the record (${(record.length / fs).toFixed(1)} s)`);
  const traceX = MARGIN + CAL_SPACE;
  const panels: Panel[] = [];
  const missing: string[] = [];
  const gridY = options.header === false ? MARGIN : MARGIN + HEADER_H;
  // (With the header off, the top margin holds the viewer's time labels.)
  let rows = 0;
  let pitch = 0;
  let traceW = 250;
  let page = 0;
  let pageCount = 1;

  const addRow = (names: string[], colW: number, colSamples: number, role: Panel['role'], row: number, rowStart: number) => {
    names.forEach((name, c) => {
      const idx = leadIndexOf(record, name);
      if (idx < 0) {
        missing.push(name);
        return;
      }
      const s0 = rowStart + c * colSamples;
      panels.push({
        lead: record.leads[idx].name, leadIndex: idx, startSample: Math.min(s0, record.length), endSample: Math.min(s0 + colSamples, record.length),
        xMm: traceX + c * colW, baselineMm: gridY + pitch * (row + 0.5), widthMm: colW, role, calibration: c === 0, rowLabel: null,
      });
    });
  };

  if (layout === '3x4' || layout === '6x2') {
    const cols = layout === '3x4' ? LIMB_3X4 : COLS_6X2;
    const rhythm = options.rhythmLeads ?? (layout === '3x4' ? ['II'] : []);
    const nRows = cols[0].length;
    rows = nRows + rhythm.length;
    pitch = layout === '3x4' ? 40 : 25;
    const totalS = traceW / speed;
    const colSamples = Math.round((totalS / cols.length) * fs);
    for (let r = 0; r < nRows; r++) addRow(cols.map((c) => c[r]), traceW / cols.length, colSamples, 'lead', r, start);
    rhythm.forEach((name, k) => addRow([name], traceW, Math.round(totalS * fs), 'rhythm', nRows + k, start));
  } else if (layout === 'strips') {
    const names = options.leads ?? record.leads.map((l) => l.name);
    rows = names.length;
    pitch = 30;
    if (options.stripSeconds !== undefined) {
      if (!(options.stripSeconds > 0 && options.stripSeconds * speed <= 20000)) throw new SinusError('BAD_ARGUMENT', `a strip of ${options.stripSeconds} s at ${speed} mm/s does not fit (up to 20 m of paper)`);
      traceW = options.stripSeconds * speed;
    }
    names.forEach((name, r) => addRow([name], traceW, Math.round((traceW / speed) * fs), 'strip', r, start));
  } else if (layout === 'holter') {
    const name = options.leads?.[0] ?? record.leads[0].name;
    const rowS = options.rowSeconds ?? 20;
    if (!(rowS > 0)) throw new SinusError('BAD_ARGUMENT', `row length ${rowS} s must be positive`);
    traceW = rowS * speed;
    if (traceW > 260) throw new SinusError('BAD_ARGUMENT', `a ${rowS} s row at ${speed} mm/s is ${traceW} mm wide; the page holds 260 mm`);
    const perPage = Math.max(1, Math.floor(options.rowsPerPage ?? 14));
    const rowSamples = Math.round(rowS * fs);
    pageCount = Math.max(1, Math.ceil((record.length - start) / (rowSamples * perPage)));
    page = Math.floor(options.page ?? 0);
    if (page < 0 || page >= pageCount) throw new SinusError('BAD_ARGUMENT', `page ${page + 1} does not exist; the record fills ${pageCount} page(s)`);
    pitch = Math.max(5, Math.ceil(gain * 2.2));
    const first = start + page * perPage * rowSamples;
    rows = Math.min(perPage, Math.ceil((record.length - first) / rowSamples));
    if (leadIndexOf(record, name) < 0) throw new SinusError('BAD_ARGUMENT', `the record has no lead "${name}" (it has ${record.leads.map((l) => l.name).join(', ')})`);
    for (let r = 0; r < rows; r++) {
      addRow([name], traceW, rowSamples, 'holter', r, first + r * rowSamples);
      const p = panels[panels.length - 1];
      p.calibration = r === 0;
      p.rowLabel = formatOffset((first + r * rowSamples) / fs);
    }
  } else {
    throw new SinusError('BAD_ARGUMENT', `unknown layout "${layout as string}" (3x4, 6x2, strips, holter)`);
  }
  if (options.calibration === false) for (const p of panels) p.calibration = false;
  if (panels.length === 0) throw new SinusError('BAD_ARGUMENT', `none of the layout's leads is in the record (it has ${record.leads.map((l) => l.name).join(', ')})`);
  const gridW = roundUpTo5(CAL_SPACE + traceW + (layout === 'strips' && options.stripSeconds !== undefined ? 0 : 5));
  const gridH = roundUpTo5(rows * pitch);
  return {
    layout, widthMm: Math.max(PAGE_W, MARGIN * 2 + gridW), heightMm: gridY + gridH + (options.header === false ? 0 : FOOTER_H + MARGIN),
    gridXMm: MARGIN, gridYMm: gridY, gridWidthMm: gridW, gridHeightMm: gridH,
    speedMmPerS: speed, gainMmPerMv: gain, panels, missingLeads: missing, page, pageCount,
  };
}
