import type { JsonValue } from './toJsonValue.js';

type Obj = { [k: string]: JsonValue };
const isObj = (v: JsonValue | undefined): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const num = (v: JsonValue | undefined, digits = 0) => (typeof v === 'number' ? v.toFixed(digits) : '—');

/** Stage-specific one-liners; anything unknown falls back to a generic description. */
const SUMMARIES: Record<string, (v: Obj) => string | null> = {
  quality: (v) => (typeof v.verdict === 'string' ? `${v.verdict}${typeof v.score === 'number' ? ` (score ${v.score.toFixed(2)})` : ''}${Array.isArray(v.reasons) && v.reasons.length ? `: ${v.reasons.slice(0, 2).join('; ')}` : ''}` : null),
  beats: (v) => (Array.isArray(v.samples) ? `${v.samples.length} beats${Array.isArray(v.leadsUsed) ? ` from ${v.leadsUsed.join('+')}` : ''}${typeof v.reason === 'string' && v.reason ? ` (${v.reason})` : ''}` : null),
  beatClasses: (v) => (isObj(v.counts) ? Object.entries(v.counts).map(([k, n]) => `${k} ${n}`).join(', ') + (typeof v.method === 'string' ? ` (${v.method})` : '') : null),
  waves: (v) => (Array.isArray(v.beatSamples) && Array.isArray(v.leads) ? `${v.beatSamples.length} beats delineated in ${v.leads.length} leads` : null),
  measurements: (v) =>
    'heartRateBpm' in v
      ? `HR ${num(v.heartRateBpm)} bpm, PR ${num(v.prMs)} ms, QRS ${num(v.qrsDurationMs ?? v.qrsMs)} ms, QT/QTc ${num(v.qtMs)}/${num(isObj(v.qtc) ? v.qtc.bazettMs : v.qtcMs)} ms, axes P ${num(v.pAxisDeg)} QRS ${num(v.qrsAxisDeg)} T ${num(v.tAxisDeg)}`
      : null,
  rhythm: (v) => {
    if (!Array.isArray(v.episodes)) return null;
    if (v.determinable === false) return `cannot be determined: ${v.reason}`;
    const seconds = new Map<string, number>();
    for (const e of v.episodes) if (isObj(e) && typeof e.label === 'string' && typeof e.startSample === 'number' && typeof e.endSample === 'number') seconds.set(e.label, (seconds.get(e.label) ?? 0) + e.endSample - e.startSample);
    const labels = [...seconds.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l.replace(/_/g, ' '));
    const h = isObj(v.holter) ? v.holter : {};
    const unreadable = typeof h.unreadableS === 'number' && h.unreadableS > 0 ? `, ${num(h.unreadableS)} s unreadable (${num(h.unreadablePct, 1)}%)` : '';
    return `${labels.slice(0, 3).join(', ') || 'no episodes'}; ${v.episodes.length} episodes, AF burden ${num(h.afBurdenPct, 1)}%, PVCs ${num(h.pvcCount)}${unreadable}`;
  },
  stripRhythm: (v) => (typeof v.label === 'string' ? `${v.label}${typeof v.method === 'string' ? ` (${v.method})` : ''}${typeof v.reason === 'string' ? `: ${v.reason}` : ''}` : null),
  interpretation: (v) => {
    if (!Array.isArray(v.statements)) return null;
    const texts = v.statements.flatMap((s) => (isObj(s) && typeof s.text === 'string' ? [s.text] : []));
    const summary = isObj(v.summary) && typeof v.summary.text === 'string' ? v.summary.text : '';
    return `${texts.join('; ') || 'no statements'}${summary ? ` | ${summary}` : ''}`;
  },
  hrv: (v) => (isObj(v.timeDomain) ? `${num(v.nnCount)} NN, SDNN ${num(v.timeDomain.sdnnMs, 1)} ms, RMSSD ${num(v.timeDomain.rmssdMs, 1)} ms` : null),
};

/**
 * A few words on what a stage's section holds, for text output (CLI, logs).
 *
 * @example sectionSummary('beats', analysis.results.beats) // '74 beats from MLII+V5'
 */
export function sectionSummary(stage: string, value: JsonValue): string {
  if (value === null) return 'none';
  if (Array.isArray(value)) return `${value.length} items`;
  if (typeof value !== 'object') return String(value);
  const specific = SUMMARIES[stage]?.(value);
  if (specific) return specific;
  const v = value as Obj;
  const parts: string[] = [];
  if (Array.isArray(v.samples)) parts.push(`${v.samples.length} beats`);
  for (const k of ['verdict', 'label']) if (typeof v[k] === 'string') parts.push(`${k} ${v[k]}`);
  return parts.length ? parts.join(', ') : `${Object.keys(v).length} fields`;
}

/**
 * The reconciled rhythm statement of an interpretation section in words (its text, and how a
 * disagreement between the rhythm analysis and the strip model was resolved), or null when the
 * section has none.
 *
 * @example reconciledRhythmLine(analysis.results.interpretation) // 'sinus bradycardia (strip model: other; ...)'
 */
export function reconciledRhythmLine(interpretation: JsonValue | undefined): string | null {
  if (!isObj(interpretation)) return null;
  const r = interpretation.rhythm;
  if (!isObj(r) || typeof r.text !== 'string') {
    const nd = Array.isArray(interpretation.notDetermined) ? interpretation.notDetermined.find((n) => isObj(n) && n.category === 'rhythm') : undefined;
    return isObj(nd) && typeof nd.reason === 'string' ? `cannot be determined: ${nd.reason}` : null;
  }
  const eps = Array.isArray(interpretation.rhythmEpisodes) && interpretation.rhythmEpisodes.length ? `; ${interpretation.rhythmEpisodes.length} episodes` : '';
  return `${r.text}${eps}${typeof r.resolution === 'string' ? ` (${r.resolution})` : ''}`;
}
