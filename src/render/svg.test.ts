import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openRecord } from '../io/openRecord.js';
import { isSinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import { LUDB, MITDB } from '../../test/dataPaths.js';
import { renderSvg, overlaysFromAnnotations, pageLayout } from './index.js';
import { svgToPng } from './png.node.js';
import { svgToPdf } from './pdf.node.js';

const ludb = await openRecord(join(LUDB, '1.hea'));
const mitFull = await openRecord(join(MITDB, '100.hea'));
const mit: EcgRecord = { ...mitFull, length: 360 * 120, leads: mitFull.leads.map((l) => ({ ...l, samples: l.samples.subarray(0, 360 * 120) })) };

/** Attributes of every element of `tag` with `class="cls"`. */
function elements(svg: string, tag: string, cls: string): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = [];
  const re = new RegExp(`<${tag} class="${cls}"([^>]*)>`, 'g');
  for (const m of svg.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w-:]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    out.push(attrs);
  }
  return out;
}

/** Points of an SVG path made of M/L-less coordinate pairs ("M x y x y ..."). */
function points(d: string): Array<[number, number]> {
  const nums = d.replace(/M/g, ' ').trim().split(/\s+/).map(Number);
  const pts: Array<[number, number]> = [];
  for (let i = 0; i + 1 < nums.length; i += 2) pts.push([nums[i], nums[i + 1]]);
  return pts;
}

test('one SVG user unit is one millimetre', () => {
  const svg = renderSvg(ludb);
  const w = Number(/width="([\d.]+)mm"/.exec(svg)![1]);
  const h = Number(/height="([\d.]+)mm"/.exec(svg)![1]);
  const vb = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
  assert.equal(Number(vb[1]), w);
  assert.equal(Number(vb[2]), h);
  assert.equal(w, 297, 'A4 landscape width');
});

test('traces are drawn at exactly 25 mm/s and 10 mm/mV (IEC 60601-2-25 standard scale), and at other settings', () => {
  for (const [speed, gain] of [[25, 10], [50, 20], [12.5, 5]]) {
    const svg = renderSvg(ludb, { speedMmPerS: speed, gainMmPerMv: gain, resolutionMm: 0.01 });
    const rhythm = elements(svg, 'path', 'trace').find((t) => t['data-role'] === 'rhythm' && t['data-lead'] === 'II')!;
    assert.ok(rhythm, 'lead II rhythm strip');
    const x0 = Number(rhythm['data-x-mm']);
    const base = Number(rhythm['data-baseline-mm']);
    const off = Number(rhythm['data-offset-mv']);
    const s0 = Number(rhythm['data-start-sample']);
    const pts = points(rhythm.d);
    const ii = ludb.leads.find((l) => l.name === 'II')!.samples;
    assert.equal(pts.length, Number(rhythm['data-end-sample']) - s0, 'every sample drawn');
    for (let k = 0; k < pts.length; k += 7) {
      assert.ok(Math.abs(pts[k][0] - (x0 + (k / ludb.fs) * speed)) <= 0.006, `x of sample ${k} at ${speed} mm/s`);
      assert.ok(Math.abs(pts[k][1] - (base - (ii[s0 + k] - off) * gain)) <= 0.006, `y of sample ${k} at ${gain} mm/mV`);
    }
    // 1 s of paper is `speed` mm: 500 samples later, x moved exactly `speed` mm.
    assert.ok(Math.abs(pts[500][0] - pts[0][0] - speed) <= 0.01);
    const cal = elements(svg, 'path', 'calibration')[0];
    assert.equal(Number(cal['data-height-mm']), gain, '1 mV calibration pulse is `gain` mm high');
    const verticals = [...cal.d.matchAll(/v(-?[\d.]+)/g)].map((m) => Number(m[1]));
    assert.deepEqual(verticals, [-gain, gain]);
    const widths = [...cal.d.matchAll(/h(-?[\d.]+)/g)].map((m) => Number(m[1]));
    assert.ok(Math.abs(widths[1] - 0.2 * speed) < 0.01, 'pulse lasts 200 ms');
  }
});

test('the grid has 1 mm minor and 5 mm major lines', () => {
  const svg = renderSvg(ludb);
  for (const [cls, step] of [['grid-minor', 1], ['grid-major', 5]] as const) {
    const d = elements(svg, 'path', cls)[0].d;
    const xs = [...d.matchAll(/M([\d.]+) [\d.]+v/g)].map((m) => Number(m[1]));
    const all = [...new Set(xs)].sort((a, b) => a - b);
    const diffs = all.slice(1).map((x, i) => x - all[i]);
    if (cls === 'grid-major') assert.ok(diffs.every((g) => Math.abs(g - step) < 1e-9), 'major lines every 5 mm');
    else assert.ok(diffs.every((g) => Math.abs(g - 1) < 1e-9 || Math.abs(g - 2) < 1e-9), 'minor lines every 1 mm (skipping the major ones)');
  }
});

test('3x4 layout: 12 labelled leads of 2.5 s in the standard order plus a lead II rhythm strip', () => {
  const svg = renderSvg(ludb);
  const labels = [...svg.matchAll(/<text class="lead-label"[^>]*>([^<]+)</g)].map((m) => m[1]);
  assert.deepEqual(labels, ['I', 'aVR', 'V1', 'V4', 'II', 'aVL', 'V2', 'V5', 'III', 'aVF', 'V3', 'V6', 'II']);
  for (const t of elements(svg, 'path', 'trace').filter((t) => t['data-role'] === 'lead')) {
    assert.equal(Number(t['data-end-sample']) - Number(t['data-start-sample']), 1250, '2.5 s per column');
  }
  const L6 = pageLayout(ludb, { layout: '6x2' });
  assert.equal(L6.panels.length, 12);
  assert.deepEqual(L6.panels.filter((p) => p.xMm > L6.panels[0].xMm).map((p) => p.lead), ['V1', 'V2', 'V3', 'V4', 'V5', 'V6']);
  assert.ok(Math.abs(L6.panels[1].xMm - L6.panels[0].xMm - 125) < 1e-9, '5 s columns at 25 mm/s');
});

test('dense signals keep every peak when reduced (Holter page of MIT-BIH 100)', () => {
  const svg = renderSvg(mit, { layout: 'holter', speedMmPerS: 6.25, rowSeconds: 40, rowsPerPage: 3 });
  const rows = elements(svg, 'path', 'trace');
  assert.equal(rows.length, 3);
  for (const r of rows) {
    const pts = points(r.d);
    const s0 = Number(r['data-start-sample']), s1 = Number(r['data-end-sample']);
    assert.ok(pts.length < s1 - s0, 'reduced');
    let lo = Infinity, hi = -Infinity;
    for (let i = s0; i < s1; i++) { lo = Math.min(lo, mit.leads[0].samples[i]); hi = Math.max(hi, mit.leads[0].samples[i]); }
    const ys = pts.map((p) => p[1]);
    const base = Number(r['data-baseline-mm']), off = Number(r['data-offset-mv']);
    assert.ok(Math.abs(Math.min(...ys) - (base - (hi - off) * 5)) < 0.006, 'highest sample drawn');
    assert.ok(Math.abs(Math.max(...ys) - (base - (lo - off) * 5)) < 0.006, 'lowest sample drawn');
  }
});

test('overlays from reference annotations mark beats with their AAMI class', () => {
  const ov = overlaysFromAnnotations(mit);
  assert.ok(ov.beats.length > 100);
  const svg = renderSvg(mit, { overlays: ov });
  const marks = elements(svg, 'path', 'beat-mark');
  const inStrip = ov.beats.filter((b) => b.sample < 3600).length;
  assert.equal(marks.length, inStrip * 2, 'one mark per beat per strip (2 leads)');
  const lw = overlaysFromAnnotations(ludb);
  assert.ok(lw.waves.some((w) => w.wave === 'QRS' && w.edge === 'onset' && w.lead === 'II'));
  const withWaves = renderSvg(ludb, { overlays: lw, show: { waves: true } });
  assert.ok(elements(withWaves, 'path', 'wave-onset').length > 50);
});

test('records without 12 leads, NaN runs and bad options: honest output or typed errors', () => {
  const forced = renderSvg(mit, { layout: '3x4' });
  assert.match(forced, /Not in record: I, aVR, V1, V4/);
  const nan = { ...ludb, leads: ludb.leads.map((l) => ({ ...l, samples: Float32Array.from(l.samples, (v, i) => (i > 1000 && i < 1500 ? NaN : v)) })) };
  assert.doesNotMatch(renderSvg(nan), /NaN/);
  assert.throws(() => renderSvg(ludb, { speedMmPerS: 0 }), (e) => isSinusError(e, 'BAD_ARGUMENT'));
  assert.throws(() => renderSvg(ludb, { startS: 11 }), (e) => isSinusError(e, 'BAD_ARGUMENT'));
  assert.throws(() => renderSvg(mit, { layout: 'holter', page: 99 }), (e) => isSinusError(e, 'BAD_ARGUMENT'));
  assert.throws(() => renderSvg(mit, { layout: 'holter', leads: ['V9'] }), (e) => isSinusError(e, 'BAD_ARGUMENT'));
});

test('PNG and PDF keep the page size', async () => {
  const svg = renderSvg(ludb);
  const png = svgToPng(svg, { dpi: 100 });
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  const view = new DataView(png.buffer, png.byteOffset);
  assert.equal(view.getUint32(16), Math.round((297 / 25.4) * 100), 'width in pixels at 100 dpi');
  const pdf = await svgToPdf(svg);
  const text = Buffer.from(pdf).toString('latin1');
  assert.ok(text.startsWith('%PDF'));
  const box = /MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(text)!;
  assert.ok(Math.abs(Number(box[1]) - (297 * 72) / 25.4) < 0.01, 'page width 297 mm in points');
});

test('unusable signal from the quality section is shaded over exactly its span, on its lead only', () => {
  const analysis = {
    results: { quality: { leads: [{ lead: 'MLII', segments: [{ startSample: 360, endSample: 720, usable: false, reasons: ['severe motion artefact'] }, { startSample: 720, endSample: 3600, usable: true, reasons: [] }] }] } },
    record: { fsHz: 360 },
  };
  const svg = renderSvg(mit, { analysis: analysis as never });
  const shades = elements(svg, 'rect', 'unusable');
  assert.equal(shades.length, 1, 'one shaded span, on MLII only');
  assert.ok(Math.abs(Number(shades[0].width) - 25) < 0.011, '1 s of signal = 25 mm');
  assert.match(svg, /<title>severe motion artefact<\/title>/);
  assert.equal(elements(renderSvg(mit, { analysis: analysis as never, show: { quality: false } }), 'rect', 'unusable').length, 0);
});
