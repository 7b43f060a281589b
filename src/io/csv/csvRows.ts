/**
 * The rows of a CSV text by RFC 4180: quoted fields may hold commas, quotes ("") and line breaks; CRLF
 * or LF ends a row; a trailing line break adds no empty row.
 *
 * @example
 * csvRows('a,"b,c"\n1,2\n'); // [['a', 'b,c'], ['1', '2']]
 */
export function csvRows(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/**
 * The rows of a CSV text with a header line, each as an object by column name (missing cells '').
 *
 * @example
 * csvRecords('id,name\n1,a\n'); // [{ id: '1', name: 'a' }]
 */
export function csvRecords(text: string): Record<string, string>[] {
  const [head, ...body] = csvRows(text);
  return (body ?? []).map((r) => Object.fromEntries((head ?? []).map((h, i) => [h, r[i] ?? ''])));
}
