import { reportLabel } from './reportLabels.js';
import { holterLines } from './reportText.js';
import type { ClinicalReport } from './types.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The report as one self-contained HTML page: the text parts escaped, the printout (an SVG from
 * `renderSvg`) and, for long records, the heart-rate trend (`rateTrendSvg`) embedded as given.
 *
 * @example reportHtml(buildReport(a), { printoutSvg: renderSvg(record, { analysis: a }) })
 */
export function reportHtml(r: ClinicalReport, figures: { printoutSvg?: string; trendSvg?: string } = {}): string {
  const L = (k: Parameters<typeof reportLabel>[0]) => esc(reportLabel(k, r.language));
  const parts: string[] = [];
  parts.push(`<h1>${esc(r.title)}</h1>`);
  if (r.patient.length) parts.push(`<p class="patient"><b>${L('patient')}:</b> ${r.patient.map((p) => `${esc(p.label)} ${esc(p.value)}`).join(', ')}</p>`);
  parts.push(`<p class="recording">${r.recording.map((p) => `<b>${esc(p.label)}:</b> ${esc(p.value)}`).join('; ')}</p>`);
  parts.push(`<div class="cols"><section><h2>${L('measurements')}</h2><table>${r.measurements.map((m) => `<tr><td>${esc(m.label)}</td><td>${esc(m.text)}</td></tr>`).join('')}</table></section>`);
  const st = r.statements.map((s) => `<li><b>${esc(s.text)}</b>${s.evidence.length ? `<ul>${s.evidence.slice(0, 6).map((e) => `<li>${esc(e)}</li>`).join('')}</ul>` : ''}</li>`).join('');
  parts.push(`<section><h2>${L('statements')}</h2>${r.statements.length ? `<ol>${st}</ol>` : `<p>${L('noInterpretation')}</p>`}${r.summary ? `<p class="summary"><b>${esc(r.summary.text)}</b></p>` : ''}`);
  if (r.notDetermined.length) parts.push(`<p><b>${L('notDetermined')}:</b> ${r.notDetermined.map((n) => `${esc(n.text)} (${esc(n.reason)})`).join('; ')}</p>`);
  parts.push(`<p><b>${L('quality')}:</b> ${esc(r.quality.text)}</p>`);
  if (r.device) parts.push(`<p><b>${L('device')}:</b> ${esc(r.device.statements.join('; '))}${r.device.agreement ? ` <i>(${esc(r.device.agreement)})</i>` : ''}</p>`);
  parts.push('</section></div>');
  if (r.holter) parts.push(`<section><h2>${esc(r.title)}</h2><ul>${holterLines(r.holter, r.language).map((l) => `<li>${esc(l)}</li>`).join('')}</ul></section>`);
  if (figures.trendSvg) parts.push(`<figure>${figures.trendSvg}<figcaption>${L('hrTrend')}</figcaption></figure>`);
  if (figures.printoutSvg) parts.push(`<figure class="printout">${figures.printoutSvg}</figure>`);
  parts.push(`<p class="disclaimer"><b>${esc(r.disclaimer)}</b> ${esc(r.source.software)}, ${esc(r.source.analysedAt)}</p>`);
  const css = 'body{font:13px/1.35 system-ui,sans-serif;margin:16px;color:#111}h1{font-size:20px;margin:0 0 4px}h2{font-size:15px;margin:8px 0 4px}.cols{display:flex;gap:24px;flex-wrap:wrap}table td{padding:1px 8px 1px 0}ol{padding-left:18px;margin:0}ul{margin:0;color:#444}.summary{margin-top:6px}.printout svg,figure svg{width:100%;height:auto}.disclaimer{border-top:1px solid #999;padding-top:4px}';
  return `<!doctype html>\n<html lang="${r.language}"><head><meta charset="utf-8"><title>${esc(r.title)} – ${esc(r.source.record)}</title><style>${css}</style></head><body>${parts.join('\n')}</body></html>\n`;
}
