/**
 * The viewer's "Report" button (the clinical report of the record on screen, in English or German,
 * opened as a page to print) and its question box (answers from the analysis with their evidence).
 * Both run in the page on the analysis already made; nothing leaves the browser.
 */
import type { Analysis } from '../analyze.js';
import { askEcg } from '../ask/askEcg.js';
import { catalogueQuestionLexicon } from '../ask/catalogueQuestionLexicon.js';
import type { StatementLanguage } from '../interpret/types.js';
import type { EcgRecord } from '../record/types.js';
import { renderSvg } from '../render/svg.js';
import { buildReport } from '../report/buildReport.js';
import { rateTrendSvg } from '../report/rateTrendSvg.js';
import { reportHtml } from '../report/reportHtml.js';

/**
 * Connects the report button, its language menu and the question form to the viewer's current record and analysis.
 *
 * @example wireReportAndAsk(() => state);
 */
export function wireReportAndAsk(current: () => { record: EcgRecord | null; analysis: Analysis | null }): void {
  const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T | null;
  el<HTMLButtonElement>('reportButton')?.addEventListener('click', () => {
    const { record, analysis } = current();
    if (!record || !analysis) return;
    const lang = (el<HTMLSelectElement>('reportLang')?.value ?? 'en') as StatementLanguage;
    const report = buildReport(analysis, { lang, metadata: record.metadata });
    const figures = report.holter ? { trendSvg: rateTrendSvg(report.holter.rateTrendBpm) } : { printoutSvg: renderSvg(record, { analysis }) };
    const url = URL.createObjectURL(new Blob([reportHtml(report, figures)], { type: 'text/html' }));
    window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  });
  el<HTMLFormElement>('askForm')?.addEventListener('submit', (e) => {
    e.preventDefault();
    const out = el<HTMLDivElement>('askAnswer');
    const { analysis } = current();
    if (!out) return;
    out.replaceChildren();
    const line = (text: string, cls = '') => {
      const p = document.createElement('p');
      p.textContent = text;
      if (cls) p.className = cls;
      out.append(p);
    };
    if (!analysis) return line('Open a record first.');
    try {
      const a = askEcg(el<HTMLInputElement>('askInput')?.value ?? '', [analysis], { lexicon: catalogueQuestionLexicon() });
      line(a.text);
      const ul = document.createElement('ul');
      for (const ev of a.evidence.slice(0, 8)) {
        const li = document.createElement('li');
        li.textContent = ev.text;
        ul.append(li);
      }
      out.append(ul);
    } catch (err) {
      line(err instanceof Error ? err.message : String(err), 'error');
    }
  });
}
