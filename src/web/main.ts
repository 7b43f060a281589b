/**
 * The sinus web viewer: open a record (files stay in the page), analyse it in the page with the
 * browser-safe core (or on the sinus service), and look at it on ECG paper: a 12-lead page or
 * continuous strips that scroll and zoom, with beat/class/wave overlays, measurements and quality.
 */
import { analyze, type Analysis } from '../analyze.js';
import { recordFromFiles } from '../analyze/recordFromFiles.js';
import type { JsonValue } from '../analyze/toJsonValue.js';
import type { EcgRecord } from '../record/types.js';
import { hasTwelveLeads, pageLayout } from '../render/layout.js';
import { keyMeasurements } from '../render/keyMeasurements.js';
import { overlaysFromAnalysis, overlaysFromAnnotations, type Overlays } from '../render/overlays.js';
import { renderSvg } from '../render/svg.js';
import { wireReportAndAsk } from './reportAndAsk.js';

const SPEED_MM_PER_S = 25;
/** The strip view's SVG windows start on 5 mm (0.2 s) steps so the grid never jumps while scrolling. */
const WINDOW_STEP_S = 5 / SPEED_MM_PER_S;
/** Paper drawn beyond each side of the visible part, so small scrolls need no redraw. */
const WINDOW_MARGIN_S = 2;
const TRACE_X_MM = 25;
const STRIP_TOP_MM = 10;
const STRIP_PITCH_MM = 30;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const paper = $<HTMLDivElement>('paper');
const spacer = $<HTMLDivElement>('spacer');
const labels = $<HTMLDivElement>('labels');
const status = $<HTMLDivElement>('status');

interface ViewerState {
  record: EcgRecord | null;
  files: Record<string, Uint8Array>;
  analysis: Analysis | null;
  view: 'page' | 'strip';
  layout: '3x4' | '6x2';
  /** Screen pixels per millimetre of paper. */
  zoom: number;
  pageStartS: number;
  windowStartS: number;
  windowEndS: number;
  /** Where the last analysis ran: a Web Worker, the page's thread, or the sinus service. */
  analysedIn: 'worker' | 'page' | 'server' | null;
}

const state: ViewerState = { record: null, files: {}, analysis: null, view: 'page', layout: '3x4', zoom: 4, pageStartS: 0, windowStartS: -1, windowEndS: -1, analysedIn: null };
(window as unknown as { sinusViewer: ViewerState }).sinusViewer = state;

function setStatus(text: string, error = false): void {
  status.textContent = text;
  status.classList.toggle('error', error);
}

const checked = (id: string) => $<HTMLInputElement>(id).checked;

function currentOverlays(): Overlays | null {
  if (!state.record) return null;
  const source = $<HTMLSelectElement>('marks').value;
  if (source === 'reference') return overlaysFromAnnotations(state.record);
  return state.analysis ? overlaysFromAnalysis(state.analysis) : null;
}

function show() {
  return { beats: checked('showBeats'), classes: checked('showClasses'), waves: checked('showWaves'), rhythm: checked('showRhythm'), quality: checked('showQuality') };
}

/** Puts an SVG string on the paper at `leftMm`, sized for the current zoom. */
function placeSvg(svg: string, leftMm: number): void {
  const old = spacer.querySelector('svg');
  const holder = document.createElement('div');
  holder.innerHTML = svg;
  const el = holder.firstElementChild as SVGSVGElement;
  const w = parseFloat(el.getAttribute('width')!);
  const h = parseFloat(el.getAttribute('height')!);
  el.setAttribute('width', `${w * state.zoom}px`);
  el.setAttribute('height', `${h * state.zoom}px`);
  el.style.left = `${leftMm * state.zoom}px`;
  if (old) spacer.replaceChild(el, old);
  else spacer.appendChild(el);
}

function renderPage(): void {
  const rec = state.record!;
  const opts = { layout: state.layout, startS: state.pageStartS, analysis: state.analysis, overlays: currentOverlays(), show: show() } as const;
  const L = pageLayout(rec, opts);
  spacer.style.width = `${L.widthMm * state.zoom}px`;
  spacer.style.height = `${L.heightMm * state.zoom}px`;
  labels.innerHTML = '';
  placeSvg(renderSvg(rec, opts), 0);
  const dur = rec.length / rec.fs;
  $('timebar').textContent = `${state.pageStartS.toFixed(1)}–${Math.min(dur, state.pageStartS + 10).toFixed(1)} s of ${dur.toFixed(1)} s${dur > 10 ? ' (← → to move)' : ''}`;
}

/** Strip view: the spacer is as wide as the whole record; only the visible window is drawn. */
function layoutStrips(): void {
  const rec = state.record!;
  const dur = rec.length / rec.fs;
  const rows = rec.leads.length;
  spacer.style.width = `${(TRACE_X_MM + dur * SPEED_MM_PER_S + 10) * state.zoom}px`;
  spacer.style.height = `${(STRIP_TOP_MM + rows * STRIP_PITCH_MM + 2) * state.zoom}px`;
  labels.innerHTML = rec.leads
    .map((l, r) => `<div class="strip-label" style="top:${(STRIP_TOP_MM + STRIP_PITCH_MM * (r + 0.5) - 12) * state.zoom}px">${l.name}</div>`)
    .join('');
  state.windowStartS = state.windowEndS = -1;
  renderStripWindow(true);
}

function renderStripWindow(force = false): void {
  const rec = state.record!;
  const dur = rec.length / rec.fs;
  const leftMm = paper.scrollLeft / state.zoom;
  const rightMm = (paper.scrollLeft + paper.clientWidth) / state.zoom;
  const visStart = Math.max(0, (leftMm - TRACE_X_MM) / SPEED_MM_PER_S);
  const visEnd = Math.min(dur, (rightMm - TRACE_X_MM) / SPEED_MM_PER_S);
  $('timebar').textContent = `${visStart.toFixed(1)}–${visEnd.toFixed(1)} s of ${dur.toFixed(1)} s · ${state.zoom.toFixed(1)} px/mm`;
  if (!force && visStart >= state.windowStartS && visEnd <= state.windowEndS) return;
  const t0 = Math.max(0, Math.floor((visStart - WINDOW_MARGIN_S) / WINDOW_STEP_S) * WINDOW_STEP_S);
  if (t0 >= dur) return;
  const t1 = Math.min(dur, visEnd + WINDOW_MARGIN_S * 2);
  const svg = renderSvg(rec, {
    layout: 'strips', startS: t0, stripSeconds: Math.max(WINDOW_STEP_S, t1 - t0), header: false, calibration: t0 === 0,
    timeLabelsEveryS: state.zoom >= 8 ? 0.2 : state.zoom >= 3 ? 1 : 5,
    analysis: state.analysis, overlays: currentOverlays(), show: show(),
  });
  placeSvg(svg, t0 * SPEED_MM_PER_S);
  state.windowStartS = t0;
  state.windowEndS = t0 + (t1 - t0);
}

function render(): void {
  if (!state.record) return;
  paper.classList.toggle('strip', state.view === 'strip');
  $('layout').hidden = state.view !== 'page';
  $('zoomLabel').textContent = `${Math.round((state.zoom / fitZoom()) * 100)}%`;
  if (state.view === 'page') renderPage();
  else layoutStrips();
  document.body.dataset.state = 'ready';
}

/** Zoom at which a page's width fills the paper pane. */
function fitZoom(): number {
  return Math.max(0.5, (paper.clientWidth - 4) / 297);
}

/** Changes the zoom keeping the paper point under `anchorPx` (pane coordinates) in place. */
function setZoom(z: number, anchorPx = paper.clientWidth / 2): void {
  const clamped = Math.min(40, Math.max(0.5, z));
  const mmAtAnchor = (paper.scrollLeft + anchorPx) / state.zoom;
  const mmTop = paper.scrollTop / state.zoom;
  state.zoom = clamped;
  render();
  paper.scrollLeft = mmAtAnchor * clamped - anchorPx;
  paper.scrollTop = mmTop * clamped;
  if (state.view === 'strip') renderStripWindow(true);
}

let frame = 0;
paper.addEventListener('scroll', () => {
  if (state.view !== 'strip' || frame) return;
  frame = requestAnimationFrame(() => {
    frame = 0;
    renderStripWindow();
  });
});
paper.addEventListener('wheel', (e) => {
  if (!state.record || !(e.ctrlKey || e.metaKey)) return;
  e.preventDefault();
  const rect = paper.getBoundingClientRect();
  setZoom(state.zoom * Math.pow(1.0015, -e.deltaY), e.clientX - rect.left);
}, { passive: false });
$('zoomIn').addEventListener('click', () => setZoom(state.zoom * 1.25));
$('zoomOut').addEventListener('click', () => setZoom(state.zoom / 1.25));
$('zoomFit').addEventListener('click', () => setZoom(fitZoom(), 0));
$('download').addEventListener('click', () => {
  if (!state.record) return;
  // The printable page (true 25 mm/s, 10 mm/mV when printed at 100%) of what is on screen.
  const startS = state.view === 'page' ? state.pageStartS : Math.max(0, state.windowStartS);
  const svg = renderSvg(state.record, {
    layout: state.view === 'page' ? state.layout : 'strips', startS, analysis: state.analysis, overlays: currentOverlays(), show: show(),
  });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  a.download = `${state.record.name}-${startS.toFixed(0)}s.svg`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
});
$('view').addEventListener('change', () => {
  state.view = $<HTMLSelectElement>('view').value as ViewerState['view'];
  if (state.view === 'strip' && state.zoom < 3) state.zoom = 4;
  if (state.view === 'page') state.zoom = fitZoom();
  render();
});
$('layout').addEventListener('change', () => {
  state.layout = $<HTMLSelectElement>('layout').value as ViewerState['layout'];
  render();
});
for (const id of ['showBeats', 'showClasses', 'showWaves', 'showRhythm', 'showQuality', 'marks']) $(id).addEventListener('change', render);
document.addEventListener('keydown', (e) => {
  if (!state.record || state.view !== 'page') return;
  const dur = state.record.length / state.record.fs;
  if (e.key === 'ArrowRight' && state.pageStartS + 10 < dur) state.pageStartS += 10;
  else if (e.key === 'ArrowLeft' && state.pageStartS > 0) state.pageStartS = Math.max(0, state.pageStartS - 10);
  else return;
  render();
});

const fmt = (v: number | null, unit: string, digits = 0) => (v === null ? '—' : `${v.toFixed(digits)} ${unit}`);
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function stageReason(name: string): string {
  const s = state.analysis?.stages.find((x) => x.name === name);
  return s && s.status !== 'ok' ? `${s.status}: ${s.reason}` : '';
}

function fillTables(): void {
  const rec = state.record!;
  const a = state.analysis;
  $('recordTable').innerHTML = [
    ['name', rec.name],
    ['format', rec.sourceFormat ?? '—'],
    ['rate', `${rec.fs} Hz`],
    ['duration', `${(rec.length / rec.fs).toFixed(1)} s`],
    ['leads', rec.leads.map((l) => l.name).join(', ')],
    ['annotations', rec.annotations.map((s) => `${s.annotator} (${s.annotations.length})`).join(', ') || 'none'],
  ].map(([k, v]) => `<tr><th>${k}</th><td>${esc(v)}</td></tr>`).join('');
  const m = keyMeasurements(a);
  const why = stageReason('measurements');
  $('measurements').innerHTML =
    [
      ['Heart rate', fmt(m.heartRateBpm, 'bpm')], ['PR', fmt(m.prMs, 'ms')], ['QRS', fmt(m.qrsMs, 'ms')], ['QT', fmt(m.qtMs, 'ms')], ['QTc', fmt(m.qtcMs, 'ms')],
      ['P / QRS / T axis', [m.pAxisDeg, m.qrsAxisDeg, m.tAxisDeg].map((x) => (x === null ? '—' : `${x.toFixed(0)}°`)).join(' / ')],
      ['Rhythm', m.rhythm ?? '—'],
    ].map(([k, v]) => `<tr><th>${k}</th><td class="num">${esc(v)}</td></tr>`).join('') + (why ? `<tr><td colspan="2" class="st-unavailable">${esc(why)}</td></tr>` : '');
  const interp = a?.results.interpretation ?? null;
  $('interpretation').innerHTML = interp === null ? `<p class="st-unavailable">${esc(stageReason('interpretation') || 'not interpreted')}</p>` : interpretationHtml(interp);
  const q = a?.results.quality ?? null;
  $('quality').innerHTML = q === null ? `<p class="st-unavailable">${esc(stageReason('quality') || 'not assessed')}</p>` : qualityHtml(q);
  $('stages').innerHTML = (a?.stages ?? [])
    .map((s) => `<tr><td>${s.name}</td><td class="st-${s.status}" title="${esc(s.reason ?? '')}">${s.status}</td><td class="num">${s.status === 'ok' ? s.timeMs.toFixed(1) + ' ms' : ''}</td></tr>`)
    .join('');
}

/**
 * Interpretation section: each statement (rhythm first) with its evidence under it (the measurement,
 * lead, value and threshold; supporting pieces marked +), the summary, and what could not be judged.
 */
function interpretationHtml(i: JsonValue): string {
  if (typeof i !== 'object' || i === null || Array.isArray(i)) return '';
  const str = (v: JsonValue | undefined) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const objs = (v: JsonValue | undefined) => (Array.isArray(v) ? v.filter((x): x is { [k: string]: JsonValue } => typeof x === 'object' && x !== null && !Array.isArray(x)) : []);
  const statements = objs(i.statements).map((s) => {
    const ev = objs(s.evidence).map((e) => `<li>${e.supports === true ? '+' : '−'} ${esc(str(e.text))}${e.lead ? ` <span class="lead">[${esc(str(e.lead))}]</span>` : ''}</li>`).join('');
    const certainty = typeof s.certainty === 'number' ? ` <span class="num">${(100 * s.certainty).toFixed(0)}%</span>` : '';
    return `<details><summary>${esc(str(s.text))}${certainty}</summary><ul class="findings">${ev}</ul><p>${esc(str(s.criterion))}</p></details>`;
  }).join('');
  const summary = typeof i.summary === 'object' && i.summary !== null && !Array.isArray(i.summary) ? str(i.summary.text) : '';
  const nd = objs(i.notDetermined).map((n) => `<li>${esc(str(n.text))}: ${esc(str(n.reason))}</li>`).join('');
  return `${statements}<p><b>${esc(summary)}</b></p>${nd ? `<details><summary>not determined</summary><ul class="findings">${nd}</ul></details>` : ''}`;
}

/** Quality section: record verdict and reasons, a verdict per lead, and the findings with their time spans. */
function qualityHtml(q: JsonValue): string {
  if (typeof q !== 'object' || q === null || Array.isArray(q)) return `<pre>${esc(JSON.stringify(q).slice(0, 400))}</pre>`;
  const fs = state.record!.fs;
  const str = (v: JsonValue | undefined) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const reasons = Array.isArray(q.reasons) ? q.reasons.map(str).filter(Boolean) : [];
  const leads = Array.isArray(q.leads) ? q.leads.filter((l): l is { [k: string]: JsonValue } => typeof l === 'object' && l !== null && !Array.isArray(l)) : [];
  const findings = [...(Array.isArray(q.findings) ? q.findings : []), ...leads.flatMap((l) => (Array.isArray(l.findings) ? l.findings : []))];
  const leadRows = leads
    .map((l) => `<tr><td>${esc(str(l.lead))}</td><td class="q-${esc(str(l.verdict))}">${esc(str(l.verdict))}</td><td class="num">${typeof l.score === 'number' ? l.score.toFixed(2) : ''}</td></tr>`)
    .join('');
  const items = findings.slice(0, 40).map((f) => {
    if (typeof f !== 'object' || f === null || Array.isArray(f)) return `<li>${esc(str(f))}</li>`;
    const span = typeof f.startSample === 'number' && typeof f.endSample === 'number' ? ` ${(f.startSample / fs).toFixed(1)}–${(f.endSample / fs).toFixed(1)} s` : '';
    const value = typeof f.value === 'number' ? ` (${f.value.toPrecision(3)} ${str(f.unit)})` : '';
    return `<li>${esc(`${str(f.lead)} ${str(f.kind ?? f.type)} ${str(f.severity)}${span}${value}`.trim())}</li>`;
  });
  return (
    `<p><b>${esc(str(q.verdict) || keyMeasurements(state.analysis).quality || 'assessed')}</b>${reasons.length ? ': ' + esc(reasons.join('; ')) : ''}</p>` +
    (leadRows ? `<table class="quality-leads">${leadRows}</table>` : '') +
    (items.length ? `<ul class="findings">${items.join('')}</ul>${findings.length > 40 ? `<p>… ${findings.length - 40} more</p>` : ''}` : '<p>no findings</p>')
  );
}

function showProgress(p: { stage: string; fraction: number }): void {
  setStatus(`analysing… ${p.stage} ${(p.fraction * 100).toFixed(0)}%`);
}

/**
 * Analyses in a Web Worker (dist/web/analysis-worker.js) so the page stays responsive; falls back
 * to the page's own thread where module workers are unavailable.
 */
function analyseInWorker(files: Record<string, Uint8Array>, record: EcgRecord): Promise<Analysis> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./analysis-worker.js', document.baseURI), { type: 'module' });
  } catch {
    state.analysedIn = 'page';
    return analyze(record, { onProgress: showProgress });
  }
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ progress?: { stage: string; fraction: number }; analysis?: Analysis; error?: string }>) => {
      const m = e.data;
      if (m.progress) showProgress(m.progress);
      else {
        worker.terminate();
        state.analysedIn = 'worker';
        if (m.analysis) resolve(m.analysis);
        else reject(new Error(m.error ?? 'analysis failed'));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      // A worker that cannot start (e.g. file:// pages) is no reason to give up: analyse here.
      e.preventDefault();
      state.analysedIn = 'page';
      analyze(record).then(resolve, reject);
    };
    worker.postMessage({ files });
  });
}

async function analyseOnServer(files: Record<string, Uint8Array>): Promise<Analysis> {
  const fd = new FormData();
  for (const [name, bytes] of Object.entries(files)) fd.append('files', new Blob([new Uint8Array(bytes)]), name);
  const res = await fetch('/v1/analyze', { method: 'POST', body: fd });
  const body = await res.json();
  if (!res.ok) throw new Error(`service: ${body?.error?.message ?? res.statusText} [${body?.error?.code ?? res.status}]`);
  return body as Analysis;
}

async function open(fileList: FileList | File[]): Promise<void> {
  document.body.dataset.state = 'loading';
  try {
    const files: Record<string, Uint8Array> = {};
    for (const f of Array.from(fileList)) files[f.name] = new Uint8Array(await f.arrayBuffer());
    setStatus(`reading ${Object.keys(files).join(', ')}…`);
    const record = await recordFromFiles(files);
    state.record = record;
    state.files = files;
    state.analysis = null;
    state.pageStartS = 0;
    state.view = hasTwelveLeads(record) ? 'page' : 'strip';
    $<HTMLSelectElement>('view').value = state.view;
    $<HTMLSelectElement>('marks').value = record.annotations.length ? 'reference' : 'analysis';
    $('workspace').hidden = false;
    $('viewControls').hidden = false;
    $('drop').classList.add('small');
    state.zoom = state.view === 'page' ? fitZoom() : 4;
    render();
    fillTables();
    setStatus('analysing…');
    state.analysis = checked('useServer')
      ? ((state.analysedIn = 'server'), await analyseOnServer(files))
      : await analyseInWorker(files, record);
    // The analysis marks every lead; the file's own annotations are one click away.
    if (state.analysis.results.beats !== null) $<HTMLSelectElement>('marks').value = 'analysis';
    render();
    fillTables();
    const ok = state.analysis.stages.filter((s) => s.status === 'ok').length;
    setStatus(`${record.name}: ${ok} of ${state.analysis.stages.length} stages gave results in ${state.analysis.timingsMs.total.toFixed(0)} ms`);
  } catch (e) {
    document.body.dataset.state = state.record ? 'ready' : 'error';
    setStatus(e instanceof Error ? e.message : String(e), true);
  }
}

const drop = $<HTMLDivElement>('drop');
$<HTMLInputElement>('file').addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement;
  if (input.files?.length) void open(input.files);
});
for (const target of [drop, document.body]) {
  target.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  target.addEventListener('dragleave', () => drop.classList.remove('over'));
  target.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer?.files.length) void open(e.dataTransfer.files);
  });
}
window.addEventListener('resize', () => state.record && state.view === 'strip' && renderStripWindow(true));
document.body.dataset.state = 'empty';
wireReportAndAsk(() => state);
