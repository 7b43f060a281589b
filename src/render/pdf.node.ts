import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { pdfBytes, PT_PER_MM } from './pdfBytes.node.js';


/**
 * Converts a sinus SVG to a one-page PDF (Node only) whose page has the SVG's size in millimetres,
 * so a 100% print keeps 25 mm/s and 10 mm/mV.
 *
 * @example await writeFile('ecg.pdf', await svgToPdf(renderSvg(record)));
 */
export function svgToPdf(svg: string, options: { title?: string } = {}): Promise<Uint8Array> {
  const widthMm = Number(/width="([\d.]+)mm"/.exec(svg)?.[1] ?? 297);
  const heightMm = Number(/height="([\d.]+)mm"/.exec(svg)?.[1] ?? 210);
  const doc = new PDFDocument({ size: [widthMm * PT_PER_MM, heightMm * PT_PER_MM], margin: 0, info: { Title: options.title ?? 'ECG', Creator: 'sinus' } });
  return pdfBytes(doc, (d) => SVGtoPDF(d, svg, 0, 0, { width: widthMm * PT_PER_MM, height: heightMm * PT_PER_MM, assumePt: false }));
}
