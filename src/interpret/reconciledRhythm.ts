/**
 * One rhythm statement from two opinions: the rule-based rhythm analysis (episodes over the record)
 * and the strip model (one label for a short strip), with the median beat's P waves as the tie-breaker.
 * The opinions, and how a disagreement was resolved, travel with the statement.
 */
import type { RhythmEpisode, RhythmLabel } from '../classify/rhythm/types.js';
import { EVENT_LABELS } from '../classify/rhythm/types.js';
import { measured, note, type Undetermined } from './evidence.js';
import type { InterpretInput } from './interpretInput.js';
import { QRS_MS, RATE_BPM, SINUS_ARRHYTHMIA_RR_RANGE_MS, SOURCES } from './thresholds.js';
import type { RhythmOpinion, StatementEvidence } from './types.js';

/** A rhythm decision before it becomes a RhythmStatement. */
export interface RhythmDecision {
  code: string;
  startSample: number;
  endSample: number;
  opinions: RhythmOpinion[];
  resolution: string | null;
  evidence: StatementEvidence[];
  criterion: string;
}

const RULE_CODES: Partial<Record<RhythmLabel, string>> = {
  sinus_rhythm: 'SR', sinus_bradycardia: 'SBRAD', sinus_tachycardia: 'STACH', atrial_fibrillation: 'AFIB', atrial_flutter: 'AFLT',
  svta: 'SVTAC', ventricular_tachycardia: 'VTAC',
};
const SINUS = new Set(['SR', 'SBRAD', 'STACH']);

/**
 * Pacing: a beat is paced when a stimulus lies up to 300 ms before its fiducial (atrial or ventricular
 * stimulus); a record is paced when more than half its beats are. More stimuli than 1.5 per beat is
 * the detector firing on noise, not a pacemaker (chosen on LUDB's paced and unpaced records).
 */
const PACING = { stimulusBeforeBeatMs: 300, maxSpikesPerBeat: 1.5 };

/** Indices of the beats with a pacing stimulus in the 300 ms before them. */
function pacedBeats(beats: ArrayLike<number>, spikes: ArrayLike<number>, fsHz: number): number[] {
  const w = (PACING.stimulusBeforeBeatMs * fsHz) / 1000;
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < beats.length; i++) {
    while (j < spikes.length && spikes[j] < beats[i] - w) j++;
    if (j < spikes.length && spikes[j] <= beats[i]) out.push(i);
  }
  return out;
}

/** P below this (negative, mV) in both II and aVF reads as inverted (a small negative wiggle does not). */
const P_INVERTED_MV = 0.05;
/** Strip-model probability above which its label counts as an opinion against the rules. */
const STRIP_CONFIDENT = 0.5;

/** The sinus code for a rate: SBRAD below 60, STACH above 100, SR between. */
function sinusByRate(rateBpm: number | null): string {
  return rateBpm === null ? 'SR' : rateBpm < RATE_BPM.bradycardiaBelow ? 'SBRAD' : rateBpm > RATE_BPM.tachycardiaAbove ? 'STACH' : 'SR';
}

/** The rhythm label covering most of the readable time, with its share, or null when none is determinate. */
function dominantRuleLabel(episodes: readonly RhythmEpisode[]): { label: RhythmLabel; share: number; episodes: RhythmEpisode[] } | null {
  const seconds = new Map<RhythmLabel, number>();
  let readable = 0;
  for (const e of episodes) {
    if (EVENT_LABELS.has(e.label) || e.label === 'noise') continue;
    readable += e.endSample - e.startSample;
    if (e.label !== 'undetermined') seconds.set(e.label, (seconds.get(e.label) ?? 0) + e.endSample - e.startSample);
  }
  const best = [...seconds.entries()].sort((a, b) => b[1] - a[1])[0];
  if (!best || readable === 0) return null;
  return { label: best[0], share: best[1] / readable, episodes: episodes.filter((e) => e.label === best[0]) };
}

/**
 * Range (ms) of the RR intervals between consecutive normal beats, leaving out intervals over 1.5x
 * their median (a missed beat); null with fewer than 4 such intervals.
 */
export function normalRrRangeMs(beats: ArrayLike<number>, classes: ArrayLike<string> | null | undefined, fsHz: number): number | null {
  const rr: number[] = [];
  for (let i = 1; i < beats.length; i++) if (!classes || (classes[i] === 'N' && classes[i - 1] === 'N')) rr.push(((beats[i] - beats[i - 1]) * 1000) / fsHz);
  if (rr.length < 4) return null;
  const sorted = [...rr].sort((a, b) => a - b);
  const med = sorted[sorted.length >> 1];
  const kept = sorted.filter((x) => x <= 1.5 * med);
  return kept[kept.length - 1] - kept[0];
}

/** Coefficient of variation of all RR intervals; null with fewer than 4. */
function rrCv(beats: ArrayLike<number>): number | null {
  if (beats.length < 5) return null;
  const rr: number[] = [];
  for (let i = 1; i < beats.length; i++) rr.push(beats[i] - beats[i - 1]);
  const mean = rr.reduce((s, x) => s + x, 0) / rr.length;
  const sd = Math.sqrt(rr.reduce((s, x) => s + (x - mean) ** 2, 0) / rr.length);
  return sd / mean;
}

/**
 * The reconciled rhythm of the whole record, or null with the reason.
 *
 * @example reconciledRhythm(input).decision?.code // 'SBRAD'
 */
export function reconciledRhythm(input: InterpretInput): { decision: RhythmDecision | null; undetermined: Undetermined | null } {
  const m = input.measurements;
  const span = { startSample: 0, endSample: input.lengthSamples };
  const beats = input.beatSamples ?? [];
  const spikes = input.pacingSpikes?.length ?? 0;
  const opinions: RhythmOpinion[] = [];
  const evidence: StatementEvidence[] = [];
  const rate = m?.heartRateBpm ?? null;
  if (rate !== null) evidence.push({ kind: 'measurement', name: 'heartRateBpm', lead: null, value: rate, unit: 'bpm', threshold: null, comparison: null, supports: true, text: `heart rate ${rate.toFixed(0)} bpm (sinus limits ${RATE_BPM.bradycardiaBelow}-${RATE_BPM.tachycardiaAbove} bpm)` });
  const paced = pacedBeats(beats, input.pacingSpikes ?? [], input.fsHz);
  if (beats.length > 0 && paced.length > 0.5 * beats.length && spikes <= PACING.maxSpikesPerBeat * beats.length) {
    evidence.push({ kind: 'beats', name: 'pacingSpikes', lead: null, value: paced.length, unit: 'beats', threshold: 0.5 * beats.length, comparison: '>', supports: true, text: `${paced.length} of ${beats.length} beats follow a pacing stimulus within ${PACING.stimulusBeforeBeatMs} ms (${spikes} stimuli found)`, beatIndices: paced });
    return { decision: { code: 'PACE', ...span, opinions, resolution: null, evidence, criterion: SOURCES.aha2009rhythm }, undetermined: null };
  }
  const rules = input.rhythm && input.rhythm.determinable ? dominantRuleLabel(input.rhythm.episodes) : null;
  if (input.rhythm) opinions.push({ source: 'rhythm-rules', label: rules?.label ?? 'undetermined', score: rules ? rules.episodes.reduce((s, e) => s + e.confidence, 0) / rules.episodes.length : null });
  const strip = input.stripRhythm && input.stripRhythm.determinable ? input.stripRhythm : null;
  if (input.stripRhythm) opinions.push({ source: 'strip-model', label: input.stripRhythm.determinable ? input.stripRhythm.label : 'not determinable', score: strip ? strip.probabilities[strip.label] : null });
  const stripSays = (l: 'af' | 'normal' | 'other') => !!strip && strip.label === l && strip.probabilities[l] >= STRIP_CONFIDENT;
  const hasP = !!m && m.prMs !== null;
  const pAxis = m?.pAxisDeg ?? null;
  // Ectopic atrial: P inverted in the inferior leads (II and aVF), the sign of a low atrial focus.
  const pOf = (name: string) => m?.leads.find((l) => l.lead.toUpperCase() === name.toUpperCase())?.amplitudes.pMv ?? null;
  const pII = pOf('II'), pAvf = pOf('aVF');
  const pNormal = !(pII !== null && pAvf !== null && pII < -P_INVERTED_MV && pAvf < -P_INVERTED_MV);
  if (m) evidence.push(hasP ? note(`P waves in most beats, PR ${m.prMs!.toFixed(0)} ms${pAxis === null ? '' : `, P axis ${pAxis.toFixed(0)} deg`}`, true, 'prMs') : note(`no P waves: ${m.reasons.prMs ?? 'not measured'}`, false, 'prMs'));
  const ruleCode = rules && rules.share >= 0.5 ? RULE_CODES[rules.label] ?? null : null;
  if (rules && ruleCode) evidence.push({ kind: 'episode', name: 'rhythm', lead: null, value: rules.label, unit: '%', threshold: 50, comparison: '>=', supports: true, text: `rhythm analysis: ${rules.label.replace(/_/g, ' ')} over ${(100 * rules.share).toFixed(0)}% of the readable record`, startSample: rules.episodes[0].startSample, endSample: rules.episodes[rules.episodes.length - 1].endSample });
  const decide = (code: string, resolution: string | null): RhythmDecision => ({ code, ...span, opinions, resolution, evidence, criterion: SOURCES.sinus });
  let d: RhythmDecision | null = null;
  if (ruleCode && SINUS.has(ruleCode)) {
    // Sinus rhythm needs P waves: without them, the strip model's AF (its most likely label) wins.
    if (!hasP && strip && strip.label === 'af') d = decide('AFIB', `the median beat has no P waves and the strip model's most likely label is AF (p ${strip.probabilities.af.toFixed(2)}): atrial fibrillation over the rules' ${rules!.label.replace(/_/g, ' ')}`);
    else if (hasP && !pNormal) d = decide('EAR', `P waves inverted in II (${pII!.toFixed(2)} mV) and aVF (${pAvf!.toFixed(2)} mV): ectopic atrial rhythm, not sinus`);
    else if (!hasP) d = decide(ruleCode, `the median beat shows no P waves${strip ? ` and the strip model says '${strip.label}'` : ''}; the rhythm analysis' ${rules!.label.replace(/_/g, ' ')} is kept`);
    else d = decide(ruleCode, strip && strip.label !== 'normal' ? `the strip model says '${strip.label}'; the rhythm analysis' ${rules!.label.replace(/_/g, ' ')} is kept${hasP ? ' (P waves present)' : ''}: the strip model names no rhythm for 'other'` : null);
  } else if (ruleCode === 'AFIB') {
    d = stripSays('normal') && hasP && pNormal
      ? decide(sinusByRate(rate), `the rhythm analysis reads AF, but the strip model reads normal (p ${strip!.probabilities.normal.toFixed(2)}) and the median beat has P waves: sinus`)
      : decide('AFIB', strip && strip.label !== 'af' ? `the strip model says '${strip.label}'; AF from RR irregularity without P waves is kept` : null);
  } else if (ruleCode) {
    d = decide(ruleCode, null);
  } else {
    const why = rules ? `the rhythm analysis' dominant label (${rules.label.replace(/_/g, ' ')}) covers only ${(100 * rules.share).toFixed(0)}% of the record` : 'the rhythm analysis could not name a rhythm';
    const cv = rrCv(beats);
    const qrs = m?.qrsDurationMs ?? null;
    if (hasP && pNormal) d = decide(sinusByRate(rate), `${why}; the median beat has P waves with a sinus P axis${strip ? ` (strip model: ${strip.label})` : ''}: sinus by rate`);
    else if (hasP) d = decide('EAR', `${why}; P waves inverted in II and aVF: ectopic atrial rhythm`);
    else if (stripSays('af')) d = decide('AFIB', `${why}; no P waves and the strip model reads AF (p ${strip!.probabilities.af.toFixed(2)})`);
    else if (m && cv !== null && cv < 0.08 && qrs !== null && qrs < QRS_MS.completeBlockAtLeast && rate !== null && rate >= 40 && rate <= RATE_BPM.tachycardiaAbove) d = decide('JUNC', `${why}; regular (RR CV ${cv.toFixed(2)}) narrow QRS without P waves: junctional rhythm`);
    else return { decision: null, undetermined: { code: 'SR', reason: `${why}; ${hasP ? 'P waves' : 'no P waves'} and ${strip ? `the strip model says '${strip.label}'` : 'no strip label'}: the rhythm cannot be named` } };
  }
  // Sinus arrhythmia replaces sinus rhythm when the normal RR intervals vary widely.
  if (d.code === 'SR' && hasP) {
    const range = normalRrRangeMs(beats, input.beatClasses, input.fsHz);
    if (range !== null) {
      const e = measured('rrRangeMs', null, range, 'ms', '>', SINUS_ARRHYTHMIA_RR_RANGE_MS);
      if (e.supports) { d.code = 'SARRH'; d.criterion = SOURCES.sinusArrhythmia; }
      d.evidence = [...d.evidence, e];
    }
  }
  return { decision: d, undetermined: null };
}

/**
 * One rhythm decision per rhythm episode of a long record (over 60 s); empty for a strip.
 *
 * @example rhythmEpisodeDecisions(input).map((d) => d.code)
 */
export function rhythmEpisodeDecisions(input: InterpretInput): RhythmDecision[] {
  if (!input.rhythm || input.lengthSamples <= 60 * input.fsHz) return [];
  return input.rhythm.episodes.flatMap((e) => {
    const code = RULE_CODES[e.label];
    if (!code) return [];
    const ev: StatementEvidence = { kind: 'episode', name: 'rhythm', lead: null, value: e.label, unit: null, threshold: null, comparison: null, supports: true, text: e.reason, startSample: e.startSample, endSample: e.endSample };
    return [{ code, startSample: e.startSample, endSample: e.endSample, opinions: [{ source: 'rhythm-rules', label: e.label, score: e.confidence }], resolution: null, evidence: [ev], criterion: SOURCES.sinus } satisfies RhythmDecision];
  });
}
