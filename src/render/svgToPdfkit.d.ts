// pdfkit 0.20 and svg-to-pdfkit ship no type declarations; these cover the calls sinus makes.
declare module 'pdfkit' {
  interface PdfDocument {
    on(event: 'data', cb: (chunk: Buffer) => void): this;
    on(event: 'end', cb: () => void): this;
    on(event: 'error', cb: (e: Error) => void): this;
    end(): void;
  }
  const PDFDocument: new (options?: { size?: [number, number]; margin?: number; info?: Record<string, string> }) => PdfDocument;
  export default PDFDocument;
}
declare module 'svg-to-pdfkit' {
  const SVGtoPDF: (doc: unknown, svg: string, x?: number, y?: number, options?: Record<string, unknown>) => void;
  export default SVGtoPDF;
}
