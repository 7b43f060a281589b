import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { pdfBytes, PT_PER_MM, type PdfStream } from '../render/pdfBytes.node.js';
import { reportLabel } from './reportLabels.js';
import { holterLines } from './reportText.js';
import type { ClinicalReport } from './types.js';

/** The pdfkit calls the page makes (pdfkit 0.20 ships no declarations; src/render/svgToPdfkit.d.ts covers the SVG calls). */
interface PdfTextOptions {
  width?: number;
  continued?: boolean;
}
interface PdfPage extends PdfStream {
  y: number;
  font(name: string): this;
  fontSize(size: number): this;
  fillColor(color: string): this;
  text(text: string, options?: PdfTextOptions): this;
  text(text: string, x: number, y: number, options?: PdfTextOptions): this;
  moveDown(lines?: number): this;
}

const A4_W = 210 * PT_PER_MM;
const A4_H = 297 * PT_PER_MM;

/** Text the PDF's built-in Helvetica (WinAnsi) can show: signs outside it spelled out. */
function pdfSafe(s: string): string {
  return s.replace(/≥/g, '>=').replace(/≤/g, '<=').replace(/√/g, 'sqrt').replace(/[^\u0000-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u20ac]/g, '?');
}

/**
 * The report as a one-page A4 PDF (Node only): the text at the top, then the printout (the SVG from
 * `renderSvg`, scaled to the page width, its scale printed under it) or, for long records, the
 * heart-rate trend, and the disclaimer at the foot.
 *
 * @example await writeFile('report.pdf', await reportPdf(buildReport(a), { printoutSvg: renderSvg(record, { analysis: a }) }));
 */
export function reportPdf(r: ClinicalReport, figures: { printoutSvg?: string; trendSvg?: string } = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: [A4_W, A4_H], margin: 28, info: { Title: pdfSafe(`${r.title} ${r.source.record}`), Creator: 'sinus' } }) as unknown as PdfPage;
  return pdfBytes(doc, () => {
    const L = (k: Parameters<typeof reportLabel>[0]) => pdfSafe(reportLabel(k, r.language));
    const left = 28;
    const colW = (A4_W - 2 * left - 16) / 2;
    doc.font('Helvetica-Bold').fontSize(13).text(pdfSafe(r.title), left, 26);
    doc.font('Helvetica').fontSize(8);
    if (r.patient.length) doc.text(pdfSafe(`${reportLabel('patient', r.language)}: ${r.patient.map((p) => `${p.label} ${p.value}`).join(', ')}`));
    doc.text(pdfSafe(r.recording.map((p) => `${p.label}: ${p.value}`).join('; ')), { width: A4_W - 2 * left });
    const top = doc.y + 6;
    doc.font('Helvetica-Bold').fontSize(9).text(L('measurements'), left, top);
    doc.font('Helvetica').fontSize(7.5);
    for (const m of r.measurements) doc.text(pdfSafe(`${m.label}: ${m.text}`), left, doc.y, { width: colW });
    doc.moveDown(0.4).font('Helvetica-Bold').text(`${L('quality')}: `, { continued: true }).font('Helvetica').text(pdfSafe(r.quality.text), { width: colW });
    if (r.device) doc.moveDown(0.4).font('Helvetica-Bold').text(`${L('device')}: `, { continued: true }).font('Helvetica').text(pdfSafe(r.device.statements.join('; ')), { width: colW });
    const leftEnd = doc.y;
    const x2 = left + colW + 16;
    doc.font('Helvetica-Bold').fontSize(9).text(L('statements'), x2, top, { width: colW });
    doc.fontSize(7.5);
    if (r.statements.length === 0 && !r.summary) doc.font('Helvetica').text(L('noInterpretation'), x2, doc.y, { width: colW });
    for (const s of r.statements) {
      doc.font('Helvetica-Bold').text(pdfSafe(s.text), x2, doc.y, { width: colW });
      doc.font('Helvetica').fontSize(6.5);
      for (const e of s.evidence.slice(0, 4)) doc.text(pdfSafe(`- ${e}`), x2 + 8, doc.y, { width: colW - 8 });
      doc.fontSize(7.5);
    }
    if (r.summary) doc.moveDown(0.3).font('Helvetica-Bold').text(pdfSafe(r.summary.text), x2, doc.y, { width: colW });
    if (r.notDetermined.length) doc.moveDown(0.3).font('Helvetica').fontSize(6.5).text(pdfSafe(`${reportLabel('notDetermined', r.language)}: ${r.notDetermined.map((n) => `${n.text} (${n.reason})`).join('; ')}`), x2, doc.y, { width: colW });
    let y = Math.max(leftEnd, doc.y) + 8;
    if (r.holter) {
      doc.font('Helvetica').fontSize(7);
      for (const l of holterLines(r.holter, r.language).slice(0, 40)) doc.text(pdfSafe(l), left, doc.y > y ? doc.y : y, { width: A4_W - 2 * left });
      y = doc.y + 6;
    }
    const footer = A4_H - 40;
    const svg = figures.trendSvg ?? figures.printoutSvg;
    if (svg) {
      const wMm = Number(/width="([\d.]+)mm"/.exec(svg)?.[1] ?? 297);
      const hMm = Number(/height="([\d.]+)mm"/.exec(svg)?.[1] ?? 210);
      const scale = Math.min((A4_W - 2 * left) / (wMm * PT_PER_MM), (footer - y - 12) / (hMm * PT_PER_MM), 1);
      if (scale > 0.2) {
        SVGtoPDF(doc, svg, left, y, { width: wMm * PT_PER_MM * scale, height: hMm * PT_PER_MM * scale, assumePt: false });
        doc.font('Helvetica').fontSize(6).fillColor('#444').text(pdfSafe(figures.trendSvg ? reportLabel('hrTrend', r.language) : `25 mm/s, 10 mm/mV at 100 %; printed at ${Math.round(scale * 100)} %`), left, y + hMm * PT_PER_MM * scale + 2);
      }
    }
    doc.fillColor('#000').font('Helvetica-Bold').fontSize(8).text(pdfSafe(r.disclaimer), left, footer, { width: A4_W - 2 * left });
    doc.font('Helvetica').fontSize(6.5).text(pdfSafe(`${r.source.software}, ${r.source.analysedAt}`));
  });
}
