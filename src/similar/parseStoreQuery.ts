/**
 * A small parser for text searches over the store ("LBBB with QTc over 500", "AF with rapid
 * ventricular response in patients over 70") into statement and measurement filters. Words it does
 * not know are returned in `unparsed`, never guessed at. Browser-safe.
 */
import { SinusError } from '../errors.js';

export interface MeasurementFilter {
  /** Path in `results.measurements` (e.g. `qtc.bazettMs`). */
  field: string;
  op: '>' | '<';
  value: number;
}

export interface StoreQuery {
  /** Each entry is a list of equivalent statement codes; a record must match one of each. */
  statements: string[][];
  measurements: MeasurementFilter[];
  minAgeYears: number | null;
  maxAgeYears: number | null;
  unparsed: string[];
}

/** Statement words and the codes they stand for (SCP-ECG codes, sinus rhythm labels). */
const STATEMENTS: [RegExp, string[]][] = [
  [/\b(lbbb|left bundle branch block)\b/, ['LBBB', 'CLBBB', 'ILBBB']],
  [/\b(rbbb|right bundle branch block)\b/, ['RBBB', 'CRBBB', 'IRBBB']],
  [/\b(af|afib|atrial fibrillation)\b/, ['AFIB', 'atrial_fibrillation']],
  [/\b(aflt|atrial flutter)\b/, ['AFLT', 'atrial_flutter']],
  [/\b(lvh|left ventricular hypertrophy)\b/, ['LVH']],
  [/\b(mi|infarction|myocardial infarction)\b/, ['IMI', 'AMI', 'ASMI', 'ALMI', 'ILMI', 'LMI', 'PMI', 'IPLMI', 'IPMI', 'INJAS', 'INJAL', 'INJIN', 'INJLA', 'INJIL']],
  [/\b(sinus rhythm)\b/, ['SR', 'sinus_rhythm']],
  [/\b(normal ecg|norm)\b/, ['NORM']],
  [/\b(avb|av block|first degree av block|1avb)\b/, ['1AVB', '2AVB', '3AVB']],
  [/\b(pvcs?|ventricular ectop\w*)\b/, ['PVC']],
];

/** Measurement words and the field they filter. */
const FIELDS: [RegExp, string][] = [
  [/qtc/, 'qtc.bazettMs'],
  [/qrs( duration)?/, 'qrsDurationMs'],
  [/\bqt\b/, 'qtMs'],
  [/\bpr( interval)?/, 'prMs'],
  [/heart rate|\bhr\b|\brate\b/, 'heartRateBpm'],
];

const COMPARISON = String.raw`(over|above|greater than|more than|>|under|below|less than|<)\s*(\d+(?:\.\d+)?)`;
const isOver = (w: string) => /over|above|greater|more|>/.test(w);

/**
 * Parses a text search.
 *
 * @example
 * parseStoreQuery('LBBB with QTc over 500').measurements // [{ field: 'qtc.bazettMs', op: '>', value: 500 }]
 */
export function parseStoreQuery(text: string): StoreQuery {
  if (typeof text !== 'string' || !text.trim()) throw new SinusError('BAD_ARGUMENT', 'the search text is empty');
  let s = ` ${text.toLowerCase().slice(0, 500)} `;
  const q: StoreQuery = { statements: [], measurements: [], minAgeYears: null, maxAgeYears: null, unparsed: [] };
  const age = new RegExp(String.raw`(?:patients?|aged?|age)\s*(?:of\s*)?${COMPARISON}`).exec(s);
  if (age) {
    if (isOver(age[1])) q.minAgeYears = Number(age[2]);
    else q.maxAgeYears = Number(age[2]);
    s = s.replace(age[0], ' ');
  }
  if (/rapid ventricular response|\brvr\b/.test(s)) {
    q.measurements.push({ field: 'heartRateBpm', op: '>', value: 100 });
    s = s.replace(/rapid ventricular response|\brvr\b/, ' ');
  }
  for (const [re, field] of FIELDS) {
    const m = new RegExp(`(?:${re.source})\\s*(?:of\\s*|is\\s*)?${COMPARISON}`).exec(s);
    if (!m) continue;
    q.measurements.push({ field, op: isOver(m[m.length - 2]) ? '>' : '<', value: Number(m[m.length - 1]) });
    s = s.replace(m[0], ' ');
  }
  for (const [re, codes] of STATEMENTS) {
    if (!re.test(s)) continue;
    q.statements.push(codes);
    s = s.replace(re, ' ');
  }
  q.unparsed = s.split(/[^a-z0-9.]+/).filter((w) => w && !['with', 'and', 'in', 'of', 'the', 'a', 'an', 'ms', 'bpm', 'years', 'ecg', 'ecgs', 'patients', 'patient'].includes(w));
  return q;
}
