import type { JsonValue } from '../analyze/toJsonValue.js';

/** The measurements printed in the header of an ECG print; null = not measured. */
export interface KeyMeasurements {
  heartRateBpm: number | null;
  prMs: number | null;
  qrsMs: number | null;
  qtMs: number | null;
  qtcMs: number | null;
  pAxisDeg: number | null;
  qrsAxisDeg: number | null;
  tAxisDeg: number | null;
  rhythm: string | null;
  /** The interpretation's statements and summary as a cart prints them ('Sinus bradycardia. Left atrial enlargement. Borderline ECG'), or null without one. */
  statements: string | null;
  quality: string | null;
}

type Obj = { [k: string]: JsonValue };
const isObj = (v: JsonValue | undefined): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** First finite number under any of `keys`, looking in `o`, then `o.global`, `o.summary`, `o.intervals`, `o.axes`. */
function pick(o: JsonValue | undefined, keys: string[]): number | null {
  if (!isObj(o)) return null;
  for (const scope of [o, o.global, o.summary, o.intervals, o.axes, o.record]) {
    if (!isObj(scope)) continue;
    for (const k of keys) {
      const v = scope[k];
      if (typeof v === 'number' && Number.isFinite(v)) return v;
      if (isObj(v) && typeof v.value === 'number') return v.value;
    }
  }
  return null;
}

function pickText(o: JsonValue | undefined, keys: string[]): string | null {
  if (!isObj(o)) return null;
  for (const scope of [o, o.record, o.summary, o.global]) {
    if (!isObj(scope)) continue;
    for (const k of keys) {
      const v = scope[k];
      if (typeof v === 'string' && v) return v;
      if (isObj(v) && typeof v.label === 'string') return v.label;
    }
  }
  return null;
}

/** Heart rate from the median RR of detected beats, when the beats section has samples and a rate. */
function rateFromBeats(beats: JsonValue | undefined, fsHz: number): number | null {
  if (!isObj(beats)) return null;
  const s = beats.samples;
  const fs = typeof beats.fsHz === 'number' ? beats.fsHz : fsHz;
  if (!Array.isArray(s) || s.length < 3 || !(fs > 0)) return null;
  const rr: number[] = [];
  for (let i = 1; i < s.length; i++) if (typeof s[i] === 'number' && typeof s[i - 1] === 'number') rr.push(((s[i] as number) - (s[i - 1] as number)) / fs);
  rr.sort((a, b) => a - b);
  const med = rr[rr.length >> 1];
  return med > 0 ? 60 / med : null;
}

/** The rhythm that covers most of the record, from rhythm episodes ({ label, startSample, endSample }). */
function dominantRhythm(rhythm: JsonValue | undefined): string | null {
  if (!isObj(rhythm) || !Array.isArray(rhythm.episodes)) return null;
  const seconds = new Map<string, number>();
  for (const e of rhythm.episodes) {
    if (!isObj(e) || typeof e.label !== 'string' || typeof e.startSample !== 'number' || typeof e.endSample !== 'number') continue;
    if (['pause', 'ventricular_bigeminy', 'ventricular_trigeminy', 'undetermined', 'noise'].includes(e.label)) continue;
    seconds.set(e.label, (seconds.get(e.label) ?? 0) + e.endSample - e.startSample);
  }
  let best: string | null = null;
  for (const [label, n] of seconds) if (best === null || n > seconds.get(best)!) best = label;
  return best === null ? null : best.replace(/_/g, ' ') + (seconds.size > 1 ? ` (+${seconds.size - 1} other)` : '');
}

/** The reconciled rhythm statement's text, 'not determined' when the interpretation names none, null without an interpretation. */
function reconciledRhythmText(i: JsonValue | undefined): string | null {
  if (!isObj(i) || !Array.isArray(i.statements)) return null;
  return isObj(i.rhythm) && typeof i.rhythm.text === 'string' ? i.rhythm.text : 'not determined';
}

/** Statements and summary of the interpretation, sentence-cased and joined as a cart prints them. */
function statementsLine(i: JsonValue | undefined): string | null {
  if (!isObj(i) || !Array.isArray(i.statements)) return null;
  const cap = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
  const texts = i.statements.flatMap((s) => (isObj(s) && typeof s.text === 'string' && s.code !== 'NORM' ? [cap(s.text)] : []));
  const summary = isObj(i.summary) && typeof i.summary.text === 'string' ? i.summary.text : null;
  return [...texts, ...(summary ? [summary] : [])].join('. ');
}

/**
 * Gathers the header measurements from an Analysis's sections (`measurements`, `beats`, `rhythm`,
 * `quality`). Missing sections or fields give null, printed as a dash, never a guess.
 *
 * @example keyMeasurements(analysis).qrsMs // 92 or null
 */
export function keyMeasurements(analysis: { results: Record<string, JsonValue>; record: { fsHz: number } } | null): KeyMeasurements {
  const r = analysis?.results ?? {};
  const m = r.measurements;
  return {
    heartRateBpm: pick(m, ['heartRateBpm', 'hrBpm', 'ventricularRateBpm']) ?? rateFromBeats(r.beats, analysis?.record.fsHz ?? 0),
    prMs: pick(m, ['prMs', 'prIntervalMs']),
    qrsMs: pick(m, ['qrsMs', 'qrsDurationMs']),
    qtMs: pick(m, ['qtMs', 'qtIntervalMs']),
    qtcMs: pick(m, ['qtcMs', 'qtcBazettMs', 'qtcFridericiaMs']) ?? (isObj(m) ? pick(m.qtc, ['bazettMs', 'fridericiaMs']) : null),
    pAxisDeg: pick(m, ['pAxisDeg']),
    qrsAxisDeg: pick(m, ['qrsAxisDeg']),
    tAxisDeg: pick(m, ['tAxisDeg']),
    rhythm: reconciledRhythmText(r.interpretation) ?? pickText(r.rhythm, ['stripLabel', 'label', 'rhythm', 'summary']) ?? dominantRhythm(r.rhythm) ?? pickText(r.stripRhythm, ['label']),
    statements: statementsLine(r.interpretation),
    quality: pickText(r.quality, ['verdict', 'recordVerdict', 'overall']),
  };
}
