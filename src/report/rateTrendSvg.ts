/**
 * A heart-rate trend plot (bpm per minute over the record) as an SVG in millimetre units, for the
 * long-term summary; gaps (minutes without a rate) break the line.
 *
 * @example rateTrendSvg([72, 75, null, 80], { title: 'Heart-rate trend' })
 */
export function rateTrendSvg(rateBpm: ReadonlyArray<number | null>, options: { widthMm?: number; heightMm?: number; title?: string } = {}): string {
  const W = options.widthMm ?? 270;
  const H = options.heightMm ?? 60;
  const pad = { l: 12, r: 4, t: 6, b: 8 };
  const known = rateBpm.filter((v): v is number => v != null);
  const lo = Math.max(0, Math.floor(Math.min(40, ...known) / 20) * 20);
  const hi = Math.ceil(Math.max(120, ...known) / 20) * 20;
  const x = (i: number) => pad.l + ((W - pad.l - pad.r) * i) / Math.max(1, rateBpm.length - 1);
  const y = (v: number) => H - pad.b - ((H - pad.t - pad.b) * (v - lo)) / (hi - lo);
  const grid: string[] = [];
  for (let v = lo; v <= hi; v += 20) grid.push(`<line x1="${pad.l}" x2="${W - pad.r}" y1="${y(v).toFixed(2)}" y2="${y(v).toFixed(2)}" stroke="#ddd" stroke-width="0.2"/><text x="${pad.l - 1}" y="${(y(v) + 1).toFixed(2)}" font-size="2.5" text-anchor="end" fill="#555">${v}</text>`);
  const hours = rateBpm.length / 60;
  for (let h = 0; h <= hours; h++) grid.push(`<text x="${x(h * 60).toFixed(2)}" y="${H - 2}" font-size="2.5" text-anchor="middle" fill="#555">${h}h</text>`);
  const paths: string[] = [];
  let d = '';
  rateBpm.forEach((v, i) => {
    if (v == null) {
      if (d) paths.push(d);
      d = '';
      return;
    }
    d += `${d ? 'L' : 'M'}${x(i).toFixed(2)},${y(v).toFixed(2)}`;
  });
  if (d) paths.push(d);
  const title = options.title ? `<text x="${pad.l}" y="4" font-size="3" fill="#000">${options.title.replace(/[<&>]/g, '')}</text>` : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}mm" height="${H}mm" viewBox="0 0 ${W} ${H}">${title}${grid.join('')}${paths.map((p) => `<path d="${p}" fill="none" stroke="#c00" stroke-width="0.4"/>`).join('')}</svg>`;
}
