import type { AnalysisResults, StageName } from './results.js';
import type { JsonValue } from './jsonOf.js';

const num = (v: number | null | undefined, digits = 0) => (typeof v === 'number' ? v.toFixed(digits) : '—');

type Summaries = { [K in StageName]: (v: NonNullable<AnalysisResults[K]>) => string };

/** One line per built-in section, read from its typed fields. */
const SUMMARIES: Summaries = {
  quality: (v) => `${v.verdict} (score ${v.score.toFixed(2)})${v.reasons.length ? `: ${v.reasons.slice(0, 2).join('; ')}` : ''}`,
  beats: (v) => `${v.samples.length} beats from ${v.leadsUsed.join('+')}${v.reason ? ` (${v.reason})` : ''}`,
  beatClasses: (v) => Object.entries(v.counts).map(([k, n]) => `${k} ${n}`).join(', ') + ` (${v.method})`,
  waves: (v) => `${v.beatSamples.length} beats delineated in ${v.leads.length} leads`,
  medianBeat: (v) => (v.median.reason ? `none: ${v.median.reason}` : `${v.median.beatCount} beats in ${v.median.leads.length} leads (${v.source === 'template' ? 'dominant-beat template' : 'selected beats'})`),
  measurements: (v) =>
    `HR ${num(v.heartRateBpm)} bpm, PR ${num(v.prMs)} ms, QRS ${num(v.qrsDurationMs)} ms, QT/QTc ${num(v.qtMs)}/${num(v.qtc.bazettMs)} ms, axes P ${num(v.pAxisDeg)} QRS ${num(v.qrsAxisDeg)} T ${num(v.tAxisDeg)}`,
  rhythm: (v) => {
    if (!v.determinable) return `cannot be determined: ${v.reason}`;
    const seconds = new Map<string, number>();
    for (const e of v.episodes) seconds.set(e.label, (seconds.get(e.label) ?? 0) + e.endSample - e.startSample);
    const labels = [...seconds.entries()].sort((a, b) => b[1] - a[1]).map(([l]) => l.replace(/_/g, ' '));
    const h = v.holter;
    const unreadable = h.unreadableS > 0 ? `, ${num(h.unreadableS)} s unreadable (${num(h.unreadablePct, 1)}%)` : '';
    return `${labels.slice(0, 3).join(', ') || 'no episodes'}; ${v.episodes.length} episodes, AF burden ${num(h.afBurdenPct, 1)}%, PVCs ${num(h.pvcCount)}${unreadable}`;
  },
  stripRhythm: (v) => `${v.label} (${v.method}): ${v.reason}`,
  hrv: (v) => `${v.nnCount} NN, SDNN ${num(v.timeDomain.sdnnMs, 1)} ms, RMSSD ${num(v.timeDomain.rmssdMs, 1)} ms${v.rhythmCaveat ? ` (${v.rhythmCaveat})` : ''}`,
  interpretation: (v) => `${v.statements.map((s) => s.text).join('; ') || 'no statements'} | ${v.summary.text}`,
};

/** A few words on a section of a stage the caller added: its size and a label or verdict it carries. */
function addedSectionSummary(value: JsonValue): string {
  if (value === null) return 'none';
  if (Array.isArray(value)) return `${value.length} items`;
  if (typeof value !== 'object') return String(value);
  const parts: string[] = [];
  for (const k of ['verdict', 'label']) if (typeof value[k] === 'string') parts.push(`${k} ${value[k]}`);
  return parts.length ? parts.join(', ') : `${Object.keys(value).length} fields`;
}

const isStageName = (name: string): name is StageName => name in SUMMARIES;

/**
 * A few words on what a stage's section holds, for text output (CLI, logs); 'none' when it is null.
 *
 * @example sectionSummary(analysis.results, 'beats') // '74 beats from MLII+V5'
 */
export function sectionSummary(results: AnalysisResults, stage: string): string {
  if (!isStageName(stage)) return addedSectionSummary(results.extra[stage] ?? null);
  return summaryOf(results, stage);
}

function summaryOf<K extends StageName>(results: AnalysisResults, stage: K): string {
  const v = results[stage];
  return v === null ? 'none' : SUMMARIES[stage](v as NonNullable<AnalysisResults[K]>);
}

/**
 * The reconciled rhythm statement of an interpretation section in words (its text, and how a
 * disagreement between the rhythm analysis and the strip model was resolved), or null when the
 * section has none.
 *
 * @example reconciledRhythmLine(analysis.results.interpretation) // 'sinus bradycardia (strip model: other; ...)'
 */
export function reconciledRhythmLine(interpretation: AnalysisResults['interpretation']): string | null {
  if (!interpretation) return null;
  const r = interpretation.rhythm;
  if (!r) {
    const nd = interpretation.notDetermined.find((n) => n.category === 'rhythm');
    return nd ? `cannot be determined: ${nd.reason}` : null;
  }
  const eps = interpretation.rhythmEpisodes.length ? `; ${interpretation.rhythmEpisodes.length} episodes` : '';
  return `${r.text}${eps}${r.resolution ? ` (${r.resolution})` : ''}`;
}
