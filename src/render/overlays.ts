import { aamiClass, BEAT_CODES } from '../io/wfdb/annotationCodes.js';
import { normalizeLeadName } from '../record/leadNames.js';
import type { EcgRecord } from '../record/types.js';
import type { AnalysisResults, InterpretationJson, QualityJson, WavesJson } from '../analyze/results.js';
import type { RhythmLabel } from '../classify/rhythm/types.js';

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
  /** What kind of rhythm it is (colours the band). */
  kind: EpisodeKind;
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
const EDGES: WaveEdge[] = ['onset', 'peak', 'offset'];

/**
 * The kind of a rhythm in a reference annotation file (MIT-BIH rhythm codes in '+' annotations'
 * aux text: '(N', '(AFIB', '(VT', ...); reference files carry free text, not sinus's labels.
 */
function referenceRhythmKind(code: string): EpisodeKind {
  const l = code.toLowerCase();
  if (/^noise$|^~$/.test(l)) return 'unreadable';
  if (/^n$|^sinus/.test(l)) return 'normal';
  if (/^(v|ivr|vfl|vt|b\b|t\b)|ventric/.test(l)) return 'ventricular';
  if (/afib|afl|atrial|svta|sbr|pause|brady|tachy|^ab|^nod|^pr/.test(l)) return 'atrial';
  return 'normal';
}

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
      changes.forEach((x, i) => {
        const label = x.aux!.slice(1).replace(/\0/g, '').trim();
        episodes.push({ startSample: x.sample, endSample: changes[i + 1]?.sample ?? record.length, label, kind: referenceRhythmKind(label) });
      });
    }
  }
  return { beats, waves, episodes, source: used.length ? `reference annotations (${used.length > 3 ? `${used.length} sets` : used.join(', ')})` : 'none' };
}

/** What kind of rhythm an episode band shows, which decides its colour. */
export type EpisodeKind = 'normal' | 'unreadable' | 'atrial' | 'ventricular';

/** The kind of each rhythm label the rhythm stage gives (exhaustive: a new label is a type error until placed here). */
const KIND_OF_RHYTHM: Record<RhythmLabel, EpisodeKind> = {
  sinus_rhythm: 'normal',
  sinus_bradycardia: 'normal',
  sinus_tachycardia: 'normal',
  atrial_fibrillation: 'atrial',
  atrial_flutter: 'atrial',
  svta: 'atrial',
  pause: 'atrial',
  ventricular_tachycardia: 'ventricular',
  ventricular_flutter_fibrillation: 'ventricular',
  paced_rhythm: 'ventricular',
  ventricular_bigeminy: 'ventricular',
  ventricular_trigeminy: 'ventricular',
  undetermined: 'normal',
  noise: 'unreadable',
};

/** Wave marks of a delineation: per-lead onsets/peaks/offsets (the R peak stands for a QRS without a peak). */
function delineationWaves(w: WavesJson): WaveMark[] {
  const out: WaveMark[] = [];
  for (const l of w.leads) {
    const lead = normalizeLeadName(l.lead);
    for (const b of l.beats) {
      const points: Array<[WaveName, Record<WaveEdge, number | null>]> = [['P', b.p], ['QRS', { onset: b.qrs.onset, peak: b.qrs.rPeak, offset: b.qrs.offset }], ['T', b.t]];
      for (const [wave, pts] of points) {
        for (const edge of EDGES) {
          const v = pts[edge];
          if (v !== null) out.push({ sample: v, wave, edge, lead });
        }
      }
    }
  }
  return out;
}

/** Unusable spans of each lead in a quality section. */
function unusableSpans(q: QualityJson): UnusableSpan[] {
  return q.leads.flatMap((l) => l.segments
    .filter((seg) => !seg.usable)
    .map((seg) => ({ startSample: seg.startSample, endSample: seg.endSample, lead: normalizeLeadName(l.lead), reason: seg.reasons.join('; ') || 'unusable' })));
}

/** What kind of rhythm a reconciled rhythm statement (SCP code) is, for its band's colour. */
function kindOfStatement(code: string): EpisodeKind {
  return ['AFIB', 'AFLT', 'SVTAC', 'PSVT', 'SVARR', 'BIGU', 'TRIGU'].includes(code) ? 'atrial' : ['PACE', 'VTAC', 'VFL'].includes(code) ? 'ventricular' : 'normal';
}

/**
 * The rhythm bands from the interpretation's reconciled statement (one band over the record, or one
 * per episode of a long record).
 */
function reconciledRhythmBands(i: InterpretationJson): EpisodeMark[] {
  const band = (s: NonNullable<InterpretationJson['rhythm']>): EpisodeMark => ({ startSample: s.startSample, endSample: s.endSample, label: s.text, kind: kindOfStatement(s.code) });
  if (i.rhythmEpisodes.length) return i.rhythmEpisodes.map(band);
  return i.rhythm ? [band(i.rhythm)] : [];
}

/**
 * Overlays from an Analysis: beats from `results.beats`, their classes from `results.beatClasses`
 * (aligned by index), wave marks from `results.waves`, rhythm bands from `results.interpretation`'s
 * reconciled rhythm (else the episodes of `results.rhythm`),
 * unusable signal from `results.quality`. Sections that are null give no marks.
 *
 * @example const ov = overlaysFromAnalysis(await analyze(record));
 */
export function overlaysFromAnalysis(analysis: { results: AnalysisResults }): Overlays {
  const r = analysis.results;
  const samples = r.beats?.samples ?? [];
  const labels = r.beatClasses?.labels ?? [];
  const waves = r.waves ? delineationWaves(r.waves) : [];
  // One rhythm statement on the page: the interpretation's reconciled one when it ran.
  const episodes = (r.interpretation ? reconciledRhythmBands(r.interpretation) : null) ?? (r.rhythm?.episodes ?? []).map((e) => ({ startSample: e.startSample, endSample: e.endSample, label: e.label.replace(/_/g, ' '), kind: KIND_OF_RHYTHM[e.label] }));
  return {
    beats: samples.map((sample, i) => ({ sample, label: labels.length === samples.length ? labels[i] : null })),
    waves,
    episodes,
    unusable: r.quality ? unusableSpans(r.quality) : [],
    source: samples.length || waves.length ? 'analysis' : 'none',
  };
}
