/**
 * The measurement embedding (`features-v1`): a fixed-length vector built from sinus's own results
 * (measurements, beat-class mix, rhythm, strip-rhythm opinion and, where the interpretation stage
 * ran, its statements), each field centred on a typical adult value and divided by a physiological
 * scale, so one unit is "one clinically sized difference" and Euclidean distance compares records.
 * Unknown values sit at the centre (0): they add no distance. Field by field in
 * docs/similar-embedding.md. Browser-safe.
 */
import type { Analysis } from '../analyze.js';

/** The embedding kind stored beside records; bump the suffix when the layout changes. */
export const FEATURE_EMBEDDING_KIND = 'features-v1';

/** The twelve leads in the order their per-lead fields appear. */
export const EMBEDDING_LEADS = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const;

/** Global fields: [path in measurements, centre, scale]. Scales ~ one normal-range half-width. */
const GLOBAL_FIELDS: [string, number, number][] = [
  ['heartRateBpm', 70, 15],
  ['prMs', 160, 30],
  ['pDurationMs', 100, 25],
  ['qrsDurationMs', 95, 20],
  ['qtMs', 390, 40],
  ['qtc.fridericiaMs', 415, 30],
  ['voltage.sokolowLyonMv', 2.2, 1],
  ['voltage.cornellMv', 1.4, 0.8],
];

/** Per-lead fields: [path in a lead's measurements, centre, scale]. */
const LEAD_FIELDS: [string, number, number][] = [
  ['amplitudes.pMv', 0.08, 0.1],
  ['amplitudes.qMv', 0, 0.15],
  ['amplitudes.rMv', 0.6, 0.5],
  ['amplitudes.sMv', -0.4, 0.5],
  ['amplitudes.tMv', 0.15, 0.2],
  ['amplitudes.stJMv', 0, 0.08],
  ['qrsDurationMs', 90, 20],
];

const AXES = ['pAxisDeg', 'qrsAxisDeg', 'tAxisDeg'];
const BEAT_CLASSES = ['N', 'S', 'V', 'F', 'Q'];
const STRIP_LABELS = ['normal', 'af', 'other', 'noisy'];
/** Statement codes are hashed into this many slots (the statement catalogue may grow). */
export const STATEMENT_SLOTS = 16;

/** Length of a `features-v1` vector. */
export const FEATURE_VECTOR_LENGTH = GLOBAL_FIELDS.length + AXES.length * 2 + EMBEDDING_LEADS.length * LEAD_FIELDS.length + BEAT_CLASSES.length + STRIP_LABELS.length + 3 + STATEMENT_SLOTS;

type Json = Record<string, unknown>;
const at = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Json)[k] : undefined), o);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** Scaled and clipped to +-5 so one wild measurement cannot dominate the distance. */
const scaled = (v: unknown, centre: number, scale: number) => (finite(v) ? Math.max(-5, Math.min(5, (v - centre) / scale)) : 0);

/** FNV-1a hash of a statement code to a slot. */
function statementSlot(code: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < code.length; i++) h = Math.imul(h ^ code.charCodeAt(i), 0x01000193) >>> 0;
  return h % STATEMENT_SLOTS;
}

/**
 * The `features-v1` vector of an analysis (length {@link FEATURE_VECTOR_LENGTH}); sections that
 * did not run contribute zeros.
 *
 * @example
 * const v = featureVector(await analyze(record));
 * v.length === FEATURE_VECTOR_LENGTH; // true
 */
export function featureVector(analysis: Pick<Analysis, 'results'>): Float32Array {
  const out = new Float32Array(FEATURE_VECTOR_LENGTH);
  let i = 0;
  const r = analysis.results as unknown as Json;
  const m = r.measurements as Json | null | undefined;
  for (const [path, c, s] of GLOBAL_FIELDS) out[i++] = scaled(at(m, path), c, s);
  for (const axis of AXES) {
    const deg = at(m, axis);
    // An axis is an angle: its unit vector, so -179 and 179 degrees are neighbours.
    out[i++] = finite(deg) ? Math.cos((deg * Math.PI) / 180) : 0;
    out[i++] = finite(deg) ? Math.sin((deg * Math.PI) / 180) : 0;
  }
  const leads = (at(m, 'leads') as Json[] | undefined) ?? [];
  for (const name of EMBEDDING_LEADS) {
    const lead = leads.find((l) => l.lead === name);
    for (const [path, c, s] of LEAD_FIELDS) out[i++] = scaled(at(lead, path), c, s);
  }
  const counts = at(r.beatClasses, 'counts') as Record<string, number> | undefined;
  const total = counts ? BEAT_CLASSES.reduce((t, k) => t + (counts[k] ?? 0), 0) : 0;
  // Fractions scaled x3: a record of all ectopic beats is ~3 units from a normal one.
  for (const k of BEAT_CLASSES) out[i++] = total > 0 ? (3 * (counts![k] ?? 0)) / total : 0;
  const probs = at(r.stripRhythm, 'probabilities') as Record<string, number> | undefined;
  for (const k of STRIP_LABELS) out[i++] = finite(probs?.[k]) ? 2 * probs![k] : 0;
  const holter = at(r.rhythm, 'holter') as Json | undefined;
  out[i++] = scaled(holter?.afBurdenPct, 0, 33);
  out[i++] = scaled(holter?.atrialFlutterBurdenPct, 0, 33);
  out[i++] = finite(holter?.beatCount) && (holter!.beatCount as number) > 0 ? scaled(((holter!.pvcCount as number) ?? 0) / (holter!.beatCount as number), 0, 0.1) : 0;
  const statements = (at(r.interpretation, 'statements') as { code?: unknown; certainty?: unknown }[] | undefined) ?? [];
  for (const st of statements) {
    if (typeof st.code !== 'string') continue;
    out[i + statementSlot(st.code)] += finite(st.certainty) ? st.certainty : 1;
  }
  return out;
}
