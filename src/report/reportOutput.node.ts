import type { Analysis } from '../analyze.js';
import { SinusError } from '../errors.js';
import type { StatementLanguage } from '../interpret/types.js';
import type { EcgRecord } from '../record/types.js';
import { renderSvg } from '../render/svg.js';
import { buildReport } from './buildReport.js';
import { rateTrendSvg } from './rateTrendSvg.js';
import { reportHtml } from './reportHtml.js';
import { reportLabel } from './reportLabels.js';
import { reportPdf } from './reportPdf.node.js';
import { reportText } from './reportText.js';

/** Output formats of a report. */
export type ReportFormat = 'pdf' | 'html' | 'txt' | 'json';

/**
 * Checks a format and language given as text (CLI option, query parameter).
 *
 * @throws SinusError BAD_ARGUMENT for an unknown format or language.
 * @example reportFormatAndLanguage('pdf', 'de') // { format: 'pdf', lang: 'de' }
 */
export function reportFormatAndLanguage(format: string, lang: string): { format: ReportFormat; lang: StatementLanguage } {
  if (!['pdf', 'html', 'txt', 'json'].includes(format)) throw new SinusError('BAD_ARGUMENT', `unknown report format "${format}" (pdf, html, txt, json)`);
  if (!['en', 'de'].includes(lang)) throw new SinusError('BAD_ARGUMENT', `unknown report language "${lang}" (en, de)`);
  return { format: format as ReportFormat, lang: lang as StatementLanguage };
}

/**
 * The report of an analysed record as bytes in one format (Node only: PDF needs pdfkit), with its
 * media type: the 12-lead page with the 3x4 + rhythm printout, or for a long record the summary
 * with the heart-rate trend.
 *
 * @example const { bytes } = await reportBytes(record, analysis, 'pdf', 'de');
 */
export async function reportBytes(record: EcgRecord, analysis: Analysis, format: ReportFormat, lang: StatementLanguage): Promise<{ bytes: Uint8Array; contentType: string }> {
  const report = buildReport(analysis, { lang, metadata: record.metadata });
  const enc = (s: string) => new TextEncoder().encode(s);
  if (format === 'json') return { bytes: enc(JSON.stringify(report, null, 2) + '\n'), contentType: 'application/json' };
  if (format === 'txt') return { bytes: enc(reportText(report)), contentType: 'text/plain; charset=utf-8' };
  const figures = report.holter
    ? { trendSvg: rateTrendSvg(report.holter.rateTrendBpm, { title: reportLabel('hrTrend', lang) }) }
    : { printoutSvg: renderSvg(record, { analysis }) };
  if (format === 'html') return { bytes: enc(reportHtml(report, figures)), contentType: 'text/html; charset=utf-8' };
  return { bytes: await reportPdf(report, figures), contentType: 'application/pdf' };
}
