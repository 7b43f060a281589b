import { Resvg } from '@resvg/resvg-js';

/**
 * Rasterises a sinus SVG to PNG (Node only) at `dpi` dots per inch (default 150; the SVG is in
 * millimetres, so the printed scale stays exact at any dpi).
 *
 * @example const png = svgToPng(renderSvg(record), { dpi: 200 });
 */
export function svgToPng(svg: string, options: { dpi?: number } = {}): Uint8Array {
  const dpi = options.dpi ?? 150;
  const widthMm = Number(/width="([\d.]+)mm"/.exec(svg)?.[1] ?? 297);
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: Math.round((widthMm / 25.4) * dpi) },
    font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' },
    background: '#ffffff',
  });
  return r.render().asPng();
}
