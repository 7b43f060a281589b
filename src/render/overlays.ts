import { aamiClass, BEAT_CODES } from '../io/wfdb/annotationCodes.js';
import { normalizeLeadName } from '../record/leadNames.js';
import type { EcgRecord } from '../record/types.js';
import type { JsonValue } from '../analyze/toJsonValue.js';

/** A beat to mark on the tracing; `label` is its class (N, S, V, F, Q) when known. */
export interface BeatMark {
  sample: number;
  label: string | null;
}

export type WaveName = 'P' | 'QRS' | 'T';
export type WaveEdge = 'onset' | 'peak' | 'offset';

/** A wave boundary or peak to mark; `lead` null means a global (all-lead) boundary. */
export interface WaveMark {
  sample: number;
  wave: WaveName;
  edge: WaveEdge;
  lead: string | null;
}

/** A rhythm episode or event to show as a labelled band; `endSample` exclusive. */
export interface EpisodeMark {
  startSample: number;
  endSample: number;
  label: string;
}

/** A span of one lead (or of every lead when `lead` is null) the quality stage found unusable. */
export interface UnusableSpan {
  startSample: number;
  endSample: number;
  lead: string | null;
  reason: string;
}

/** Marks drawn over the tracing, and where they came from (shown in the footer). */
export interface Overlays {
  beats: BeatMark[];
  waves: WaveMark[];
  /** Rhythm episodes (drawn on strips, rhythm strips and Holter rows); may be absent. */
  episodes?: EpisodeMark[];
  /** Unusable signal (shaded); may be absent. */
  unusable?: UnusableSpan[];
  /** e.g. 'analysis' or 'reference annotations (atr)'. */
  source: string;
}

const WAVE_OF_PEAK: Record<string, WaveName> = { p: 'P', N: 'QRS', t: 'T' };

/**
 * Overlays from the annotations that came with the record: beats from a beat annotator ('atr',
 * 'qrs', ...) with their AAMI class, and wave boundaries from per-lead wave annotators such as
 * LUDB's ('i', 'ii', ... with `(` peak `)` triplets).
 *
 * @example const ov = overlaysFromAnnotations(await openRecord('samples/100.hea'));
 */
export function overlaysFromAnnotations(record: EcgRecord): Overlays {
  const beats: BeatMark[] = [];
  const waves: WaveMark[] = [];
  const episodes: EpisodeMark[] = [];
  const used: string[] = [];
  const leadNames = new Set(record.leads.map((l) => l.name));
  for (const set of record.annotations) {
    const lead = normalizeLeadName(set.annotator);
    const a = set.annotations;
    if (leadNames.has(lead) && a.some((x) => x.code === '(')) {
      used.push(set.annotator);
      for (let i = 0; i < a.length; i++) {
        const wave = WAVE_OF_PEAK[a[i].code];
        if (!wave) continue;
        waves.push({ sample: a[i].sample, wave, edge: 'peak', lead });
        if (a[i - 1]?.code === '(') waves.push({ sample: a[i - 1].sample, wave, edge: 'onset', lead });
        if (a[i + 1]?.code === ')') waves.push({ sample: a[i + 1].sample, wave, edge: 'offset', lead });
      }
    } else if (beats.length === 0 && a.some((x) => BEAT_CODES.has(x.code))) {
      used.push(set.annotator);
      for (const x of a) if (BEAT_CODES.has(x.code)) beats.push({ sample: x.sample, label: aamiClass(x.code) ?? x.code });
      // Rhythm changes: '+' annotations with aux '(AFIB', '(N', ... each run to the next change.
      const changes = a.filter((x) => x.code === '+' && x.aux?.startsWith('('));
      changes.forEach((x, i) => episodes.push({ startSample: x.sample, endSample: changes[i + 1]?.sample ?? record.length, label: x.aux!.slice(1).replace(/\0/g, '').trim() }));
    }
  }
  return { beats, waves, episodes, source: used.length ? `reference annotations (${used.length > 3 ? `${used.length} sets` : used.join(', ')})` : 'none' };
}

type Json = JsonValue;
const isObj = (v: Json | undefined): v is { [k: string]: Json } => !!v && typeof v === 'object' && !Array.isArray(v);
const numArray = (v: Json | undefined): number[] | null => (Array.isArray(v) && v.every((x) => typeof x === 'number') ? (v as number[]) : null);

function beatSamples(beats: Json | undefined): number[] {
  if (Array.isArray(beats)) return beats.flatMap((b) => (typeof b === 'number' ? [b] : isObj(b) && typeof b.sample === 'number' ? [b.sample] : []));
  if (!isObj(beats)) return [];
  return numArray(beats.samples) ?? numArray(beats.positions) ?? beatSamples(beats.beats);
}

function beatLabels(classes: Json | undefined): Array<string | null> {
  if (Array.isArray(classes)) {
    return classes.map((c) => (typeof c === 'string' ? c : isObj(c) ? ((c.label ?? c.class ?? c.aami ?? null) as string | null) : null));
  }
  if (!isObj(classes)) return [];
  for (const k of ['labels', 'classes', 'beats']) if (Array.isArray(classes[k])) return beatLabels(classes[k]);
  return [];
}

const EDGE_KEYS: Array<[RegExp, WaveEdge]> = [[/(onset|on)$/i, 'onset'], [/peak$/i, 'peak'], [/(offset|off|end)$/i, 'offset']];

function collectWaves(v: Json | undefined, lead: string | null, out: WaveMark[], depth: number): void {
  if (depth > 6 || v === null || v === undefined) return;
  if (Array.isArray(v)) {
    for (const x of v) collectWaves(x, lead, out, depth + 1);
    return;
  }
  if (!isObj(v)) return;
  const here = typeof v.lead === 'string' ? normalizeLeadName(v.lead) : lead;
  for (const [k, x] of Object.entries(v)) {
    const m = /^(p|qrs|t)(onset|on|peak|offset|off|end)(sample)?$/i.exec(k);
    if (m && typeof x === 'number') {
      const edge = EDGE_KEYS.find(([re]) => re.test(m[2]))![1];
      out.push({ sample: x, wave: m[1].toUpperCase() as WaveName, edge, lead: here });
    } else if (typeof x === 'object') {
      collectWaves(x, k.length <= 4 && /^(I|II|III|aVR|aVL|aVF|V[1-6])$/i.test(k) ? normalizeLeadName(k) : here, out, depth + 1);
    }
  }
}

const EDGES: WaveEdge[] = ['onset', 'peak', 'offset'];

/**
 * Wave marks from a delineation section shaped { leads: [{ lead, beats: [{ p, qrs, t }] }], global: [...] }
 * (src/waves): per-lead onsets/peaks/offsets and the global (all-lead) boundaries.
 */
function delineationWaves(w: Json | undefined, out: WaveMark[]): boolean {
  if (!isObj(w) || !Array.isArray(w.leads)) return false;
  for (const l of w.leads) {
    if (!isObj(l) || typeof l.lead !== 'string' || !Array.isArray(l.beats)) continue;
    const lead = normalizeLeadName(l.lead);
    for (const b of l.beats) {
      if (!isObj(b)) continue;
      for (const [key, wave] of [['p', 'P'], ['qrs', 'QRS'], ['t', 'T']] as const) {
        const pts = b[key];
        if (!isObj(pts)) continue;
        for (const edge of EDGES) {
          const v = pts[edge] ?? (edge === 'peak' && key === 'qrs' ? pts.rPeak : undefined);
          if (typeof v === 'number') out.push({ sample: v, wave, edge, lead });
        }
      }
    }
  }
  return true;
}

/** Unusable spans from a quality section: per-lead `leads[].segments` with `usable: false`. */
function unusableSpans(q: Json | undefined): UnusableSpan[] {
  if (!isObj(q) || !Array.isArray(q.leads)) return [];
  const out: UnusableSpan[] = [];
  for (const l of q.leads) {
    if (!isObj(l) || typeof l.lead !== 'string' || !Array.isArray(l.segments)) continue;
    for (const seg of l.segments) {
      if (!isObj(seg) || seg.usable !== false || typeof seg.startSample !== 'number' || typeof seg.endSample !== 'number') continue;
      const reasons = Array.isArray(seg.reasons) ? seg.reasons.filter((r): r is string => typeof r === 'string') : [];
      out.push({ startSample: seg.startSample, endSample: seg.endSample, lead: normalizeLeadName(l.lead), reason: reasons.join('; ') || 'unusable' });
    }
  }
  return out;
}

function rhythmEpisodes(r: Json | undefined): EpisodeMark[] {
  if (!isObj(r) || !Array.isArray(r.episodes)) return [];
  return r.episodes.flatMap((e) =>
    isObj(e) && typeof e.label === 'string' && typeof e.startSample === 'number' && typeof e.endSample === 'number'
      ? [{ startSample: e.startSample, endSample: e.endSample, label: e.label.replace(/_/g, ' ') }]
      : [],
  );
}

/**
 * The rhythm bands from the interpretation's reconciled statement (one band over the record, or one
 * per episode of a long record), or null when the analysis has no interpretation section.
 */
function reconciledRhythmBands(i: Json | undefined): EpisodeMark[] | null {
  if (!isObj(i) || !Array.isArray(i.statements)) return null;
  const band = (s: Json): EpisodeMark[] => (isObj(s) && typeof s.text === 'string' && typeof s.startSample === 'number' && typeof s.endSample === 'number' ? [{ startSample: s.startSample, endSample: s.endSample, label: s.text }] : []);
  if (Array.isArray(i.rhythmEpisodes) && i.rhythmEpisodes.length) return i.rhythmEpisodes.flatMap(band);
  return i.rhythm ? band(i.rhythm) : [];
}

/**
 * Overlays from an Analysis: beats from `results.beats`, their classes from `results.beatClasses`
 * (aligned by index), wave marks from `results.waves` (the src/waves delineation, or fields named
 * like `qrsOnset`, `tOffset` with a `lead` where given), rhythm bands from `results.interpretation`'s reconciled rhythm (else the episodes of `results.rhythm`),
 * unusable signal from `results.quality`.
 * Sections that are null give no marks.
 *
 * @example const ov = overlaysFromAnalysis(await analyze(record));
 */
export function overlaysFromAnalysis(analysis: { results: Record<string, JsonValue> }): Overlays {
  const samples = beatSamples(analysis.results.beats ?? null);
  const labels = beatLabels(analysis.results.beatClasses ?? null);
  const waves: WaveMark[] = [];
  if (!delineationWaves(analysis.results.waves ?? null, waves)) collectWaves(analysis.results.waves ?? null, null, waves, 0);
  // One rhythm statement on the page: the interpretation's reconciled one when it ran.
  const episodes = reconciledRhythmBands(analysis.results.interpretation ?? undefined) ?? rhythmEpisodes(analysis.results.rhythm ?? null);
  return {
    beats: samples.map((sample, i) => ({ sample, label: labels.length === samples.length ? labels[i] : null })),
    waves,
    episodes,
    unusable: unusableSpans(analysis.results.quality ?? null),
    source: samples.length || waves.length ? 'analysis' : 'none',
  };
}
