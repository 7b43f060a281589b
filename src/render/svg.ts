import type { Analysis } from '../analyze.js';
import type { EcgRecord } from '../record/types.js';
import { SINUS_VERSION } from '../version.js';
import { keyMeasurements, type KeyMeasurements } from './keyMeasurements.js';
import { pageLayout, type LayoutOptions, type PageLayout, type Panel } from './layout.js';
import { overlaysFromAnalysis, type Overlays } from './overlays.js';

export interface RenderOptions extends LayoutOptions {
  /** Analysis of the same record: header measurements and, by default, the overlays. */
  analysis?: Analysis | null;
  /** Marks to draw; default from `analysis`. */
  overlays?: Overlays | null;
  /** Which overlays to draw (default beats, classes, rhythm episodes and unusable-signal shading on, waves off). */
  show?: { beats?: boolean; classes?: boolean; waves?: boolean; rhythm?: boolean; quality?: boolean };
  /** Label the time (seconds from the record start) every `timeLabelsEveryS` along the first row of strips (viewer). */
  timeLabelsEveryS?: number;
  /** Finest horizontal detail kept in mm (default 0.1 mm, about 254 dpi): denser samples are reduced to their min and max. */
  resolutionMm?: number;
}

const COLORS = {
  paper: '#fffdfd',
  minor: '#f3c0c0',
  major: '#e07a7a',
  trace: '#111',
  text: '#222',
  class: { N: '#555', S: '#1f5fbf', V: '#c8102e', F: '#d27000', Q: '#7a3fa0' } as Record<string, string>,
  wave: { P: '#2b8a3e', QRS: '#1f5fbf', T: '#8e44ad' } as Record<string, string>,
};

/** Band colour of a rhythm label: normal rhythms muted, unreadable grey, atrial arrhythmias amber, ventricular red. */
function episodeColor(label: string): string {
  const l = label.toLowerCase();
  // Unreadable signal is grey, so it does not read as a normal rhythm.
  if (/^noise$|^~$/.test(l)) return '#9e9e9e';
  if (/^sinus|^\(?n$|undetermined/.test(l)) return '#7d9a7d';
  if (/^(v|ivr|vfl|vt|b\b|t\b)|ventric/.test(l)) return '#c8102e';
  if (/afib|afl|atrial|svta|sbr|pause|brady|tachy|^ab|^nod|^pr/.test(l)) return '#d27000';
  return '#7d9a7d';
}

const f2 = (x: number) => (Math.round(x * 100) / 100).toString();

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Median of the finite samples in [s0, e0): the trace's display baseline (the paper has no DC). */
function medianMv(x: Float32Array, s0: number, e0: number): number {
  const buf = new Float32Array(Math.max(0, e0 - s0));
  let n = 0;
  for (let i = s0; i < e0; i++) if (Number.isFinite(x[i])) buf[n++] = x[i];
  if (n === 0) return 0;
  const v = buf.subarray(0, n).sort();
  return v[n >> 1];
}

/**
 * The trace of one panel as an SVG path. Every sample is drawn when there are at most
 * 1/`resolutionMm` samples per mm; denser signals keep each bucket's min and max in time order, so
 * no peak is lost. NaN samples break the line.
 */
function tracePath(p: Panel, x: Float32Array, fs: number, speed: number, gain: number, offsetMv: number, resolutionMm: number): string {
  const parts: string[] = [];
  const mmPerSample = speed / fs;
  const perBucket = Math.floor(resolutionMm / mmPerSample);
  let pen = false;
  const put = (i: number, v: number) => {
    parts.push(`${pen ? '' : 'M'}${f2(p.xMm + (i - p.startSample) * mmPerSample)} ${f2(p.baselineMm - (v - offsetMv) * gain)}`);
    pen = true;
  };
  if (perBucket <= 2) {
    for (let i = p.startSample; i < p.endSample; i++) {
      const v = x[i];
      if (Number.isFinite(v)) put(i, v);
      else pen = false;
    }
  } else {
    for (let b = p.startSample; b < p.endSample; b += perBucket) {
      const e = Math.min(p.endSample, b + perBucket);
      let lo = Infinity, hi = -Infinity, iLo = -1, iHi = -1;
      for (let i = b; i < e; i++) {
        const v = x[i];
        if (v < lo) { lo = v; iLo = i; }
        if (v > hi) { hi = v; iHi = i; }
      }
      if (iLo < 0) { pen = false; continue; }
      if (iLo <= iHi) { put(iLo, lo); if (iHi !== iLo) put(iHi, hi); }
      else { put(iHi, hi); put(iLo, lo); }
    }
  }
  return parts.join(' ');
}

function gridPaths(L: PageLayout): string {
  const minor: string[] = [];
  const major: string[] = [];
  const { gridXMm: x0, gridYMm: y0, gridWidthMm: w, gridHeightMm: h } = L;
  for (let i = 0; i <= w; i++) (i % 5 === 0 ? major : minor).push(`M${x0 + i} ${y0}v${h}`);
  for (let j = 0; j <= h; j++) (j % 5 === 0 ? major : minor).push(`M${x0} ${y0 + j}h${w}`);
  return (
    `<rect class="grid-area" x="${x0}" y="${y0}" width="${w}" height="${h}" fill="${COLORS.paper}"/>` +
    `<path class="grid-minor" data-spacing-mm="1" d="${minor.join('')}" stroke="${COLORS.minor}" stroke-width="0.08" fill="none"/>` +
    `<path class="grid-major" data-spacing-mm="5" d="${major.join('')}" stroke="${COLORS.major}" stroke-width="0.2" fill="none"/>`
  );
}

/** A 1 mV, 200 ms calibration pulse ending where the trace starts. */
function calibrationPulse(p: Panel, speed: number, gain: number): string {
  const w = 0.2 * speed;
  const x = p.xMm - w - 4;
  return `<path class="calibration" data-height-mm="${gain}" data-width-mm="${f2(w)}" d="M${f2(x - 2)} ${f2(p.baselineMm)}h2v${-gain}h${f2(w)}v${gain}h2" stroke="${COLORS.trace}" stroke-width="0.3" fill="none"/>`;
}

function patientLine(record: EcgRecord): string {
  const comments = Array.isArray(record.metadata?.comments) ? (record.metadata.comments as unknown[]).filter((c): c is string => typeof c === 'string') : [];
  const all = comments.join('\n');
  const age = /<age>:\s*(\d+)/i.exec(all)?.[1];
  const sex = /<sex>:\s*([MF])/i.exec(all)?.[1];
  if (age || sex) return [age ? `age ${age}` : null, sex ? `sex ${sex}` : null].filter(Boolean).join(', ');
  return comments[0] ? comments[0].slice(0, 60) : 'no patient data in the file';
}

const dash = (v: number | null, digits = 0) => (v === null ? '—' : v.toFixed(digits));

function headerText(record: EcgRecord, L: PageLayout, m: KeyMeasurements, overlaySource: string): string {
  const y = L.gridYMm - 21;
  const x = L.gridXMm;
  const right = L.gridXMm + L.gridWidthMm;
  const start = record.startTime && !Number.isNaN(record.startTime.getTime()) ? record.startTime.toISOString().replace('T', ' ').slice(0, 19) : 'start time not recorded';
  // En spaces: SVG inside HTML collapses runs of ordinary spaces whatever xml:space says.
  const gap = '\u2002\u2002\u2002';
  const line1 = [record.name, start, patientLine(record)].join(gap);
  const line2 = [`Vent. rate ${dash(m.heartRateBpm)} bpm`, `PR ${dash(m.prMs)} ms`, `QRS ${dash(m.qrsMs)} ms`, `QT/QTc ${dash(m.qtMs)}/${dash(m.qtcMs)} ms`, `P-R-T axes ${dash(m.pAxisDeg)} ${dash(m.qrsAxisDeg)} ${dash(m.tAxisDeg)}`].join(gap);
  const line3 = [m.statements ?? `Rhythm: ${m.rhythm ?? 'not analysed'}`, `Signal quality: ${m.quality ?? 'not assessed'}`, ...(L.missingLeads.length ? [`Not in record: ${L.missingLeads.join(', ')}`] : [])].join(gap);
  const scale = [`${L.speedMmPerS} mm/s`, `${L.gainMmPerMv} mm/mV`, `${record.fs} Hz`, `${(record.length / record.fs).toFixed(1)} s`, ...(L.pageCount > 1 ? [`page ${L.page + 1}/${L.pageCount}`] : [])].join(gap);
  const t = (yy: number, s: string, cls: string, extra = '') => `<text class="${cls}" x="${x}" y="${f2(yy)}" ${extra}>${esc(s)}</text>`;
  return (
    `<g xml:space="preserve" style="white-space:pre" font-family="Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif" fill="${COLORS.text}">` +
    t(y, line1, 'header-record', 'font-size="4.2" font-weight="bold"') +
    t(y + 6.5, line2, 'header-measurements', 'font-size="3.4"') +
    t(y + 12, line3, 'header-findings', 'font-size="3.2"') +
    `<text class="header-scale" x="${right}" y="${f2(y)}" font-size="3.4" text-anchor="end">${esc(scale)}</text>` +
    `<text class="footer" x="${x}" y="${f2(L.gridYMm + L.gridHeightMm + 5)}" font-size="2.8">${esc(`sinus ${SINUS_VERSION} · layout ${L.layout} · marks: ${overlaySource} · unconfirmed computer analysis`)}</text>` +
    `</g>`
  );
}

function overlayMarks(p: Panel, ov: Overlays, show: Required<NonNullable<RenderOptions['show']>>, fs: number, speed: number, pitch: number): string {
  const out: string[] = [];
  const xOf = (s: number) => p.xMm + ((s - p.startSample) * speed) / fs;
  // Marks sit low in the row, under the trace: R waves reach up into the row above far more often than S waves reach down.
  const top = p.baselineMm + Math.min(pitch * 0.36, 12);
  // Beat marks go on the rhythm strips and single-lead rows; the 2.5 s lead panels of a 12-lead page stay clean, as on a printed ECG.
  if ((show.beats || show.classes) && p.role !== 'lead') {
    // Full-disclosure (Holter) rows are dense: only ectopic and unclassifiable beats get a label.
    const onlyEctopic = p.role === 'holter';
    for (const b of ov.beats) {
      if (b.sample < p.startSample || b.sample >= p.endSample) continue;
      if (onlyEctopic && (b.label === 'N' || b.label === null)) continue;
      const x = f2(xOf(b.sample));
      const color = (b.label && COLORS.class[b.label]) || COLORS.class.N;
      if (show.beats) out.push(`<path class="beat-mark" d="M${x} ${f2(top)}v1.5" stroke="${color}" stroke-width="0.3"/>`);
      if (show.classes && b.label) out.push(`<text class="beat-class" x="${x}" y="${f2(top + 3.8)}" font-size="2.4" text-anchor="middle" fill="${color}">${esc(b.label)}</text>`);
    }
  }
  if (show.quality && ov.unusable) {
    for (const u of ov.unusable) {
      if (u.lead !== null && u.lead !== p.lead) continue;
      const s0 = Math.max(u.startSample, p.startSample);
      const s1 = Math.min(u.endSample, p.endSample);
      if (s1 <= s0) continue;
      out.push(`<rect class="unusable" x="${f2(xOf(s0))}" y="${f2(p.baselineMm - pitch * 0.45)}" width="${f2(xOf(s1) - xOf(s0))}" height="${f2(pitch * 0.9)}" fill="#888" opacity="0.16"><title>${esc(u.reason)}</title></rect>`);
    }
  }
  if (show.rhythm && ov.episodes && p.role !== 'lead') {
    const y = p.baselineMm - pitch * 0.47;
    for (const e of ov.episodes) {
      const s0 = Math.max(e.startSample, p.startSample);
      const s1 = Math.min(e.endSample, p.endSample);
      if (s1 <= s0) continue;
      const x0 = xOf(s0), x1 = xOf(s1);
      const color = episodeColor(e.label);
      out.push(`<rect class="episode" data-label="${esc(e.label)}" x="${f2(x0)}" y="${f2(y)}" width="${f2(Math.max(0.3, x1 - x0))}" height="0.9" fill="${color}" opacity="0.75"/>`);
      // At the row start the lead label owns the corner; the episode name moves right of it.
      const tx = s0 === p.startSample ? x0 + 11 : x0 + 0.5;
      if (x1 - tx > e.label.length * 1.25) out.push(`<text class="episode-label" x="${f2(tx)}" y="${f2(y + 3.3)}" font-size="2.3" fill="${color}">${esc(e.label)}</text>`);
    }
  }
  if (show.waves) {
    for (const w of ov.waves) {
      if (w.sample < p.startSample || w.sample >= p.endSample) continue;
      if (w.lead !== null && w.lead !== p.lead) continue;
      const x = f2(xOf(w.sample));
      const color = COLORS.wave[w.wave];
      if (w.edge === 'peak') out.push(`<circle class="wave-peak" cx="${x}" cy="${f2(p.baselineMm + 5)}" r="0.45" fill="${color}"/>`);
      else out.push(`<path class="wave-${w.edge}" data-wave="${w.wave}" d="M${x} ${f2(p.baselineMm - 6)}v12" stroke="${color}" stroke-width="0.2" stroke-dasharray="${w.edge === 'onset' ? 'none' : '0.6 0.4'}"/>`);
    }
  }
  return out.length ? `<g class="overlay" data-lead="${esc(p.lead)}">${out.join('')}</g>` : '';
}

/**
 * Renders a record on ECG paper as an SVG string (browser-safe: pure string building). The SVG's
 * user unit is exactly one millimetre (`width="297mm"` with `viewBox="0 0 297 ..."`), so printing
 * at 100% gives true 25 mm/s and 10 mm/mV. Default: 12-lead 3x4 with a lead II rhythm strip, or one
 * strip per lead for records without the 12 standard leads.
 *
 * @example
 * const svg = renderSvg(record, { analysis, layout: '3x4', show: { waves: true } });
 */
export function renderSvg(record: EcgRecord, options: RenderOptions = {}): string {
  const L = pageLayout(record, options);
  const resolutionMm = options.resolutionMm ?? 0.1;
  const overlays = options.overlays ?? (options.analysis ? overlaysFromAnalysis(options.analysis) : null);
  const show = { beats: options.show?.beats ?? true, classes: options.show?.classes ?? true, waves: options.show?.waves ?? false, rhythm: options.show?.rhythm ?? true, quality: options.show?.quality ?? true };
  const rowPitch = (() => {
    const ys = [...new Set(L.panels.map((p) => p.baselineMm))].sort((a, b) => a - b);
    return ys.length > 1 ? ys[1] - ys[0] : 40;
  })();
  const body: string[] = [];
  for (const p of L.panels) {
    const x = record.leads[p.leadIndex].samples;
    const offset = medianMv(x, p.startSample, p.endSample);
    if (p.calibration) body.push(calibrationPulse(p, L.speedMmPerS, L.gainMmPerMv));
    body.push(
      `<path class="trace" data-lead="${esc(p.lead)}" data-role="${p.role}" data-start-sample="${p.startSample}" data-end-sample="${p.endSample}" ` +
        `data-x-mm="${f2(p.xMm)}" data-baseline-mm="${f2(p.baselineMm)}" data-offset-mv="${offset}" ` +
        `d="${tracePath(p, x, record.fs, L.speedMmPerS, L.gainMmPerMv, offset, resolutionMm)}" stroke="${COLORS.trace}" stroke-width="0.28" fill="none" stroke-linejoin="round"/>`,
    );
    if (p.xMm > L.gridXMm + 16) body.push(`<path class="column-mark" d="M${f2(p.xMm)} ${f2(p.baselineMm - 3)}v6" stroke="${COLORS.trace}" stroke-width="0.3"/>`);
    const labelY = p.baselineMm - Math.min(rowPitch * 0.3, 10);
    // Holter rows repeat one lead: name it once, on the first row.
    if (p.role !== 'holter' || p.calibration) body.push(`<text class="lead-label" x="${f2(p.xMm + 1.2)}" y="${f2(labelY)}" font-size="3.6" font-weight="bold" font-family="Helvetica, Arial, 'Liberation Sans', sans-serif">${esc(p.lead)}</text>`);
    if (p.rowLabel) body.push(`<text class="row-time" x="${f2(L.gridXMm + 0.8)}" y="${f2(p.baselineMm + rowPitch * 0.35)}" font-size="2.4" font-family="Helvetica, Arial, sans-serif">${p.rowLabel}</text>`);
    if (overlays) body.push(overlayMarks(p, overlays, show, record.fs, L.speedMmPerS, rowPitch));
  }
  const every = options.timeLabelsEveryS;
  const first = L.panels[0];
  if (every && every > 0 && first) {
    const t0 = first.startSample / record.fs;
    const t1 = first.endSample / record.fs;
    for (let t = Math.ceil(t0 / every) * every; t < t1; t += every) {
      const x = first.xMm + (t - t0) * L.speedMmPerS;
      body.push(`<text class="time-label" x="${f2(x)}" y="${f2(L.gridYMm - 1)}" font-size="2.6" text-anchor="middle" fill="#777" font-family="Helvetica, Arial, sans-serif">${Number(t.toFixed(3))} s</text>`);
    }
  }
  const m = keyMeasurements(options.analysis ?? null);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${L.widthMm}mm" height="${L.heightMm}mm" viewBox="0 0 ${L.widthMm} ${L.heightMm}" ` +
    `data-speed-mm-per-s="${L.speedMmPerS}" data-gain-mm-per-mv="${L.gainMmPerMv}" data-layout="${L.layout}">` +
    `<rect width="${L.widthMm}" height="${L.heightMm}" fill="#fff"/>` +
    gridPaths(L) +
    (options.header === false ? '' : headerText(record, L, m, overlays?.source ?? 'none')) +
    `<g class="traces" stroke-linecap="round">${body.join('')}</g>` +
    `</svg>`
  );
}
