/** PDF points per millimetre. */
export const PT_PER_MM = 72 / 25.4;

/** The event and end methods of a pdfkit document that {@link pdfBytes} uses. */
export interface PdfStream {
  on(event: 'data', cb: (chunk: Buffer) => void): unknown;
  on(event: 'end', cb: () => void): unknown;
  on(event: 'error', cb: (e: Error) => void): unknown;
  end(): void;
}

/**
 * The bytes of a pdfkit document once `draw` has drawn it (Node only): collects the stream, ends the
 * document, resolves with the whole file.
 *
 * @example const bytes = await pdfBytes(new PDFDocument(), (doc) => doc.text('ECG'));
 */
export function pdfBytes<D extends PdfStream>(doc: D, draw: (doc: D) => void): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      const b = Buffer.concat(chunks);
      resolve(new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    });
    doc.on('error', reject);
    try {
      draw(doc);
      doc.end();
    } catch (e) {
      reject(e);
    }
  });
}
