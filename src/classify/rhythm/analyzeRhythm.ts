/**
 * Rhythm analysis of a record: episodes (sinus rhythm / bradycardia / tachycardia, AF, SVTA, VT,
 * VF/VFL, and overlaid events: pauses, ventricular bigeminy and trigeminy) and Holter counts.
 */
import { SinusError } from '../../errors.js';
import { afRunsFromRr } from './afEpisodes.js';
import { runsOfClass, ventricularGeminyRuns } from './ectopicRuns.js';
import { flutterRuns, type FlutterRun } from './flutterEpisodes.js';
import { holterSummary } from './holterSummary.js';
import { median } from './median.js';
import { pWaveConsistencyByBeat } from './pWaveConsistency.js';
import { qrsConsistencyByBeat } from './qrsConsistency.js';
import { prematureBeats, rrSeriesFromBeats, VENTRICULAR } from './rrIntervals.js';
import { mergeSameLabel, paintSegment, type Segment } from './segmentPainter.js';
import type { AtrialEvidence, PacingFinding, RhythmAnalysis, RhythmEpisode, RhythmInput, RhythmLabel } from './types.js';
import { pacedBeats } from './pacedBeats.js';
import { recordAtrialEvidence } from './recordAtrialEvidence.js';
import { paintPacedRuns, paintShortRecordAtrialVerdict, SHORT_RECORD_S } from './shortRecordAtrialVerdict.js';
import { beatsInUnreadable, mergedUnreadableSpans } from './unreadableSpans.js';
import { vfRuns, vfWindows } from './vfEpisodes.js';
import { ventricularRunsUnderNoise } from './ventricularRunsUnderNoise.js';

/** Shortest record (s) whose rhythm is judged. */
export const MIN_RHYTHM_S = 5;
/**
 * Shortest unusable span (s) made a 'noise' episode: as long as the shortest stretch whose rhythm
 * is judged, since a shorter gap hides no rhythm. It matters because the quality stage judges 1-s
 * windows and often calls a window holding one wide ectopic beat unusable: on the 44 non-paced
 * MIT-BIH records, taking every span cut VT episode Se from 62% to 17% (1-s spans on the PVCs of
 * 106, 203, 213, 214, 228); see BENCHMARKS.md, classify, "with quality spans".
 */
export const MIN_UNREADABLE_S = MIN_RHYTHM_S;
/**
 * Median QRS correlation with neighbours below which a stretch of 8+ beats is left undetermined;
 * multiform ectopy in AF reaches ~0.5, so the bar inside a record is lower than the 0.5 below
 * which a whole record is refused.
 */
const NOISY_QRS_CONSISTENCY = 0.35;
/** Without beat classes, beats whose QRS correlates less than this with their neighbours' are treated as ectopic for AF. */
const ECTOPIC_QRS_CONSISTENCY = 0.7;
/** Reason of the stretches no beat-based label reached. */
const NO_BEATS_HERE = 'no beats here';
/** RR intervals longer than this are pauses (the usual Holter criterion). */
export const PAUSE_S = 2;
const BRADY_BPM = 60;
const TACHY_BPM = 100;
/** Rate hysteresis, so a rate hovering at 100 bpm does not flicker between labels. */
const RATE_HYSTERESIS_BPM = 3;

/**
 * Analyses the rhythm of a record from its beats (and, when given, beat classes and one lead).
 * Without beat classes, VT, SVTA, bigeminy and trigeminy cannot be told and are not reported
 * (`evidence` says what was used). Spans given in `unusableSpans` (merged, at least
 * {@link MIN_UNREADABLE_S}) become 'noise' episodes: no rhythm or event is claimed there and their
 * beats count toward no run, ectopic count or rate; only VF/VFL, found on the signal, is kept there. Throws {@link SinusError} BAD_ARGUMENT for a bad `fsHz` or
 * beats that are not ascending; returns `determinable: false` with a reason when there is too
 * little to go on (fewer than 3 beats and no usable signal).
 *
 * @example
 * const rhythm = analyzeRhythm({ fsHz: 360, beatSamples: beats, beatClasses: classes, signal: lead, unusableSpans: unusableSegments(quality) });
 * for (const e of rhythm.episodes) console.log(e.label, e.startSample / 360, e.endSample / 360);
 */
export function analyzeRhythm(input: RhythmInput): RhythmAnalysis {
  const fs = input.fsHz;
  if (!(fs > 0) || !Number.isFinite(fs)) throw new SinusError('BAD_ARGUMENT', `fsHz must be a positive number, got ${fs}`);
  const beats = Int32Array.from(input.beatSamples);
  for (let i = 1; i < beats.length; i++) {
    if (!(beats[i] > beats[i - 1])) throw new SinusError('BAD_ARGUMENT', `beatSamples must be strictly ascending (index ${i})`);
  }
  const classes = input.beatClasses;
  if (classes && classes.length !== beats.length) {
    throw new SinusError('BAD_ARGUMENT', `beatClasses has ${classes.length} entries for ${beats.length} beats`);
  }
  const signal = input.signal ?? (input.record ? rhythmLead(input.record)?.samples : undefined);
  const length = input.lengthSamples ?? signal?.length ?? (beats.length ? beats[beats.length - 1] + Math.round(fs) : 0);
  if (beats.length && (beats[0] < 0 || (length > 0 && beats[beats.length - 1] >= length))) {
    throw new SinusError('BAD_ARGUMENT', `beatSamples must lie in [0, ${length}) (got ${beats[0]}..${beats[beats.length - 1]})`);
  }
  const evidence: string[] = ['beat times'];
  if (classes) evidence.push('beat classes');

  // Unreadable signal: its beats become 'Q' (unclassifiable) for every count and run below, which
  // keeps them out of VT/SVTA runs, couplets, bigeminy, PVC/PAC counts and the AF RR evidence.
  const signalUsable = !!signal && signal.length >= 4 * fs && hasFiniteVariation(signal);
  // QRS likeness to the neighbouring beats: refuses noise below, and, without beat classes, marks
  // beats unlike the dominant QRS (mostly ventricular ectopics) so that AF evidence skips them.
  const qc = signal && signalUsable && beats.length >= 3 ? qrsConsistencyByBeat(signal, fs, beats) : null;
  // Spans shorter than MIN_UNREADABLE_S stay readable: a lone quality window is tripped by one wide
  // ectopic beat as easily as by artefact.
  const given = mergedUnreadableSpans(input.unusableSpans, length);
  const longSpans = given.filter((sp) => sp.endSample - sp.startSample >= MIN_UNREADABLE_S * fs);
  if (given.length > longSpans.length) evidence.push(`${given.length - longSpans.length} of ${given.length} unusable spans shorter than ${MIN_UNREADABLE_S} s kept readable`);
  const { noise: noiseSpans, ventricular: vtUnderNoise } = ventricularRunsUnderNoise(longSpans, beats, classes, qc, fs);
  if (vtUnderNoise.length) evidence.push(`${vtUnderNoise.length} unusable span(s) holding a run of alike V beats above 100 bpm read as rhythm, not noise`);
  const unreadableBeats = beatsInUnreadable(beats, noiseSpans);
  // An interval touching or crossing unreadable signal (beats there may be missed, or removed
  // upstream) is no RR interval: no rate, pause or AF evidence from it.
  const unreadableRr = new Uint8Array(Math.max(0, beats.length - 1));
  for (let i = 0, k = 0; i + 1 < beats.length; i++) {
    while (k < noiseSpans.length && noiseSpans[k].endSample <= beats[i]) k++;
    if (unreadableBeats[i] || unreadableBeats[i + 1] || (k < noiseSpans.length && noiseSpans[k].startSample < beats[i + 1])) unreadableRr[i] = 1;
  }
  const unreadable = { beats: unreadableBeats, rr: unreadableRr };
  let unreadableSamples = 0;
  for (const sp of noiseSpans) unreadableSamples += sp.endSample - sp.startSample;
  const masked = (c: ArrayLike<string>): string[] => Array.from({ length: beats.length }, (_, i) => (unreadableBeats[i] ? 'Q' : c[i]));
  const countedClasses = classes && noiseSpans.length ? masked(classes) : classes;
  if (noiseSpans.length) evidence.push(`signal quality (${(unreadableSamples / fs).toFixed(0)} s unreadable left out)`);
  const paintNoise = (t: Segment[]): Segment[] => noiseSpans.reduce((acc, sp) => paintSegment(acc, noiseSegment(sp)), t);

  // VF/VFL is looked for on the signal first: it does not need beats.
  let vf: Array<{ startSample: number; endSample: number; confidence: number }> = [];
  if (signal && signalUsable) {
    evidence.push('signal spectrum (VF/VFL, flutter waves)');
    vf = vfRuns(vfWindows(signal, fs));
  }

  const spanS = length / fs;
  const readableS = (length - unreadableSamples) / fs;
  if (noiseSpans.length && readableS < MIN_RHYTHM_S && spanS >= MIN_RHYTHM_S && vf.length === 0) {
    const episodes = mergeSameLabel(paintNoise([{ label: 'undetermined', startSample: 0, endSample: length, confidence: 0, reason: 'too little readable signal around it' }])).map((t) => toEpisode(t, beats, fs));
    return {
      fsHz: fs,
      episodes,
      holter: holterSummary(fs, length, beats, countedClasses, episodes, null, unreadable),
      determinable: false,
      reason: `only ${readableS.toFixed(1)} s of the ${spanS.toFixed(1)} s is readable signal; a rhythm needs at least ${MIN_RHYTHM_S} s`,
      evidence,
    };
  }
  if (spanS < MIN_RHYTHM_S && vf.length === 0) {
    return {
      fsHz: fs,
      episodes: length > 0 ? [{ label: 'undetermined', startSample: 0, endSample: length, confidence: 0, beatCount: beats.length, meanRateBpm: null, reason: `${spanS.toFixed(1)} s is too short to establish a rhythm` }] : [],
      holter: holterSummary(fs, length, beats, countedClasses, [], null, unreadable),
      determinable: false,
      reason: `record is ${spanS.toFixed(1)} s long; a rhythm needs at least ${MIN_RHYTHM_S} s`,
      evidence,
    };
  }
  if (beats.length < 3 && vf.length === 0) {
    return {
      fsHz: fs,
      episodes: length > 0 ? [{ label: 'undetermined', startSample: 0, endSample: length, confidence: 0, beatCount: beats.length, meanRateBpm: null, reason: `only ${beats.length} beat(s) and no VF/VFL on the signal` }] : [],
      holter: holterSummary(fs, length, beats, countedClasses, [], null, unreadable),
      determinable: false,
      reason: beats.length === 0 ? 'no beats detected: cannot determine the rhythm' : `only ${beats.length} beat(s): cannot determine the rhythm`,
      evidence,
    };
  }


  let timingClasses: ArrayLike<string> | undefined = countedClasses;
  if (!classes && qc) {
    timingClasses = masked(Array.from(qc, (c) => (c < ECTOPIC_QRS_CONSISTENCY ? 'V' : 'N')));
    evidence.push('QRS likeness (beats unlike the dominant QRS skipped for AF)');
  } else if (!classes && noiseSpans.length) timingClasses = masked(Array.from(beats, () => 'N'));
  const rr = rrSeriesFromBeats(beats, fs, timingClasses);
  for (let i = 0; i < unreadableRr.length; i++) if (unreadableRr[i]) rr.ectopic[i] = VENTRICULAR;
  let tiles: Segment[] = [];
  if (length > 0) tiles.push({ label: 'undetermined', startSample: 0, endSample: length, confidence: 0, reason: NO_BEATS_HERE });

  // 1. Base: sinus rhythm by rate (smoothed over 9 beats, with hysteresis).
  if (rr.rrS.length > 0) {
    const rate = smoothedRateBpm(rr.rrS, rr.ectopic, 9);
    let state: RhythmLabel = 'sinus_rhythm';
    let runStart = 0;
    const flush = (endRr: number): void => {
      if (endRr < runStart) return;
      tiles = paintSegment(tiles, {
        label: state, startSample: beats[runStart], endSample: beats[endRr + 1], confidence: 0.7,
        reason: state === 'sinus_rhythm' ? `regular rhythm at ${BRADY_BPM}-${TACHY_BPM} bpm` : state === 'sinus_bradycardia' ? `regular rhythm below ${BRADY_BPM} bpm` : `regular rhythm above ${TACHY_BPM} bpm`,
      });
    };
    for (let i = 0; i < rate.length; i++) {
      const r = rate[i];
      let next: RhythmLabel = state;
      if (state === 'sinus_rhythm') {
        if (r < BRADY_BPM - RATE_HYSTERESIS_BPM) next = 'sinus_bradycardia';
        else if (r > TACHY_BPM + RATE_HYSTERESIS_BPM) next = 'sinus_tachycardia';
      } else if (state === 'sinus_bradycardia' && r > BRADY_BPM + RATE_HYSTERESIS_BPM) next = r > TACHY_BPM ? 'sinus_tachycardia' : 'sinus_rhythm';
      else if (state === 'sinus_tachycardia' && r < TACHY_BPM - RATE_HYSTERESIS_BPM) next = r < BRADY_BPM ? 'sinus_bradycardia' : 'sinus_rhythm';
      if (next !== state) {
        flush(i - 1);
        state = next;
        runStart = i;
      }
    }
    flush(rate.length - 1);
  }

  // 2. SVTA: runs of >= 3 S beats faster than 100 bpm.
  if (classes) {
    for (const run of runsOfClass(countedClasses!, 'S', 3)) {
      const bpm = runRateBpm(beats, run.first, run.last, fs);
      if (bpm !== null && bpm > TACHY_BPM) {
        tiles = paintSegment(tiles, { label: 'svta', startSample: beats[run.first], endSample: endOfBeat(beats, run.last, length), confidence: 0.8, reason: `${run.last - run.first + 1} consecutive S beats at ${bpm.toFixed(0)} bpm` });
      }
    }
  }

  // 3. AF and flutter from RR irregularity (flutter needs the signal's atrial spectrum).
  let pWave: Float64Array | undefined;
  if (signal && signalUsable) {
    // P waves are judged on N beats that are not premature: PACs and SVTA runs bring their own,
    // varying P waves, so counting them would make a sinus stretch with S-beat runs look P-less
    // (220); prematurity catches the S beats a classifier missed, or all of them when there are no
    // classes. Where too few beats are left (a classifier may call AF beats S), N and S beats are
    // judged together.
    const premature = prematureBeats(beats);
    // Windows of 16 usable beats: leaving beats out must not raise the consistency of AF (it reads
    // about 1/m for m unrelated segments).
    pWave = pWaveConsistencyByBeat(signal, fs, beats, 16, timingClasses ? (k) => timingClasses[k] === 'N' && !premature[k] : (k) => !premature[k], { windowOfUsableBeats: true });
    if (timingClasses && pWave.some((v) => v !== v)) {
      const withS = pWaveConsistencyByBeat(signal, fs, beats, 16, (k) => timingClasses[k] === 'N' || timingClasses[k] === 'S', { windowOfUsableBeats: true });
      for (let i = 0; i < pWave.length; i++) if (pWave[i] !== pWave[i]) pWave[i] = withS[i];
    }
    evidence.push('P-wave consistency');
  }
  // Flutter first, AF over it: where the RR is irregularly irregular without P waves, AF is named
  // even if the atrial spectrum looks organised (coarse AF, or flutter with a variable block, which
  // MIT-BIH 222 alternates with AF every few seconds); flutter is named where AF is not.
  let flutter: FlutterRun[] = [];
  if (signal && signalUsable) {
    // Beat kinds for the templates come from the given classes only: QRS likeness is lowered by the
    // flutter waves themselves, and templates that leave those beats out cancel the rest worse
    // (PTB-XL 17, 2:1 flutter: organisation 0.64 without, 0.38 with). Without classes, QRS likeness
    // (with a lower bar than for AF) still marks the ectopy-laden windows that are not judged.
    const ectopy = classes ? countedClasses : qc ? masked(Array.from(qc, (c) => (c < 0.5 ? 'V' : 'N'))) : undefined;
    flutter = flutterRuns(signal, fs, beats, countedClasses, ectopy);
    for (const fl of flutter) {
      tiles = paintSegment(tiles, { label: 'atrial_flutter', startSample: fl.startSample, endSample: fl.endSample, confidence: fl.confidence, reason: fl.reason });
    }
  }
  const af = afRunsFromRr(rr, { pWaveConsistency: pWave });
  for (const run of af.runs) {
    const a = beats[run.firstRr], b = beats[run.lastRr + 1];
    // Organised atrial waves under AF are reported, not hidden: a reader may call them flutter.
    let organisedSamples = 0;
    for (const fl of flutter) organisedSamples += Math.max(0, Math.min(b, fl.endSample) - Math.max(a, fl.startSample));
    tiles = paintSegment(tiles, {
      label: 'atrial_fibrillation', startSample: a, endSample: b, confidence: run.confidence,
      reason: `irregularly irregular RR over ${run.lastRr - run.firstRr + 1} intervals (irregularity ${run.meanIrregularity.toFixed(3)})`
        + (organisedSamples > 0 ? `; organised, flutter-like atrial waves over ${(organisedSamples / fs).toFixed(0)} s of it` : ''),
    });
  }

  // AF a second opinion disagreed with: flutter where flutter waves were found under it, else
  // undetermined (the RR is irregular and P waves absent, so no sinus label either).
  for (const veto of input.afVetoSpans ?? []) {
    const under = tiles.filter((t) => t.label === 'atrial_fibrillation' && t.startSample < veto.endSample && t.endSample > veto.startSample);
    for (const t of under) {
      const a = Math.max(t.startSample, veto.startSample), b = Math.min(t.endSample, veto.endSample);
      tiles = paintSegment(tiles, { label: 'undetermined', startSample: a, endSample: b, confidence: 0, reason: veto.reason });
      for (const fl of flutter) {
        const fa = Math.max(a, fl.startSample), fb = Math.min(b, fl.endSample);
        if (fb > fa) tiles = paintSegment(tiles, { label: 'atrial_flutter', startSample: fa, endSample: fb, confidence: fl.confidence, reason: `${fl.reason}; ${veto.reason}` });
      }
    }
  }
  if (input.afVetoSpans?.length) evidence.push(`second opinion on AF (${input.afVetoSpans.length} span(s) not named AF)`);

  // 3b. A short record is judged from the atria as a whole (the windowed AF detector above needs more
  // beats than it has), and beats that follow pacemaker stimuli are a paced rhythm, not sinus or AF.
  const short = spanS < SHORT_RECORD_S;
  const pacing: PacingFinding | undefined = input.record ? pacedBeats(input.record, beats) : undefined;
  let atrialEvidence: AtrialEvidence | undefined;
  if (short && signal && signalUsable && !pacing?.mode) {
    const verdict = shortRecordVerdict(tiles, input, signal, beats, timingClasses, flutter);
    tiles = verdict.tiles;
    atrialEvidence = verdict.evidence;
    evidence.push(verdict.note);
  }
  if (!short && pWave) {
    // No sinus without P waves on long records either: a sinus-labelled stretch of NO_P_MIN_BEATS+
    // beats whose P windows share nothing (paced without visible stimuli, junctional, flutter with
    // fixed conduction) is left undetermined.
    tiles = withoutPlessSinus(tiles, pWave, beats);
  }
  if (pacing) {
    tiles = paintPacedRuns(tiles, pacing, beats, length, short);
    evidence.push(`pacing stimuli: ${pacing.reason}`);
  }

  // Beats that do not resemble their neighbours are noise, not a rhythm: refuse to label there.
  if (qc) {
    const smooth = smoothedMedian(qc, 9);
    let start = -1;
    let noisyBeats = 0;
    for (let i = 0; i <= rr.rrS.length; i++) {
      const bad = i < rr.rrS.length && smooth[i] < NOISY_QRS_CONSISTENCY;
      if (i < rr.rrS.length && !(smooth[i] >= 0.5)) noisyBeats++;
      if (bad && start < 0) start = i;
      if (!bad && start >= 0) {
        if (i - start >= 8) tiles = paintSegment(tiles, { label: 'undetermined', startSample: beats[start], endSample: beats[i], confidence: 0, reason: 'detected beats do not resemble each other (noise or artefact)' });
        start = -1;
      }
    }
    // Beats that follow pacemaker stimuli are paced beats, not noise, however unlike their stimulus
    // artefacts make them.
    if (noisyBeats > 0.8 * rr.rrS.length && vf.length === 0 && !pacing?.mode) {
      const episodes = mergeSameLabel(paintNoise(tiles)).filter((t) => t.label === 'undetermined' || t.label === 'noise').map((t) => toEpisode(t, beats, fs));
      return {
        fsHz: fs,
        episodes,
        holter: holterSummary(fs, length, beats, countedClasses, episodes, null, unreadable),
        determinable: false,
        reason: 'the detected beats do not resemble each other: the signal looks like noise, cannot determine the rhythm',
        evidence,
        ...(pacing ? { pacing } : {}),
      };
    }
  }

  // 4. VT: runs of >= 3 V beats faster than 100 bpm.
  if (classes) {
    for (const run of runsOfClass(countedClasses!, 'V', 3)) {
      const bpm = runRateBpm(beats, run.first, run.last, fs);
      if (bpm !== null && bpm > TACHY_BPM) {
        tiles = paintSegment(tiles, { label: 'ventricular_tachycardia', startSample: beats[run.first], endSample: endOfBeat(beats, run.last, length), confidence: 0.85, reason: `${run.last - run.first + 1} consecutive V beats at ${bpm.toFixed(0)} bpm` });
      }
    }
  }

  // 5. Unreadable signal: whatever the beats there suggested (VT from noise spikes, AF from missed
  // and extra beats) is not claimed.
  tiles = paintNoise(tiles);
  // A sinus stretch squeezed between unreadable spans, shorter than a rhythm can be judged on, is
  // left undetermined rather than named from a handful of beats.
  if (noiseSpans.length) {
    tiles = mergeSameLabel(tiles);
    const sinus = new Set<RhythmLabel>(['sinus_rhythm', 'sinus_bradycardia', 'sinus_tachycardia']);
    for (let k = 0; k < tiles.length; k++) {
      const t = tiles[k];
      const before = k === 0 || tiles[k - 1].label === 'noise', after = k === tiles.length - 1 || tiles[k + 1].label === 'noise';
      if (sinus.has(t.label) && before && after && t.endSample - t.startSample < MIN_RHYTHM_S * fs) {
        tiles[k] = { ...t, label: 'undetermined', confidence: 0, reason: `${((t.endSample - t.startSample) / fs).toFixed(1)} s of readable signal between unreadable spans: too short to name a rhythm` };
      }
    }
  }

  // 6. VF/VFL from the signal, over unreadable signal too: the quality verdict rests on QRS-based
  // indices, which VF (no QRS) fails just as noise does, so it cannot tell them apart; the
  // spectral VF detector can, and a missed VF costs more than a false alarm.
  for (const v of vf) {
    tiles = paintSegment(tiles, { label: 'ventricular_flutter_fibrillation', startSample: v.startSample, endSample: Math.min(v.endSample, length || v.endSample), confidence: v.confidence, reason: 'continuous 2.5-8 Hz oscillation without sharp QRS complexes' });
  }

  const episodes: RhythmEpisode[] = withEdgesJoined(mergeSameLabel(tiles), beats, fs).map((t) => toEpisode(t, beats, fs));
  const inNoise = (a: number, b: number): boolean => noiseSpans.some((sp) => sp.startSample < b && sp.endSample > a);

  // Events overlaid on the rhythm.
  const pauses: RhythmEpisode[] = [];
  for (let i = 0; i < rr.rrS.length; i++) {
    if (rr.rrS[i] <= PAUSE_S) continue;
    const a = beats[i], b = beats[i + 1];
    if (vf.some((v) => v.startSample < b && v.endSample > a)) continue; // the gap is VF, not a pause
    if (inNoise(a, b + 1)) continue; // beats missed in noise are not a pause
    pauses.push({ label: 'pause', startSample: a, endSample: b, confidence: 0.9, beatCount: 0, meanRateBpm: null, reason: `RR ${rr.rrS[i].toFixed(2)} s > ${PAUSE_S} s` });
  }
  const events: RhythmEpisode[] = [...pauses];
  if (classes) {
    for (const [period, label] of [[2, 'ventricular_bigeminy'], [3, 'ventricular_trigeminy']] as const) {
      for (const run of ventricularGeminyRuns(countedClasses!, period, 3)) {
        events.push(toEpisode({ label, startSample: beats[run.first], endSample: endOfBeat(beats, run.last, length), confidence: 0.85, reason: `${Math.round((run.last - run.first + 1) / period)} consecutive ${period === 2 ? 'N-V' : 'N-N-V'} cycles` }, beats, fs));
      }
    }
  }
  const all = [...episodes, ...events].sort((a, b) => a.startSample - b.startSample || a.endSample - b.endSample);
  return {
    fsHz: fs, episodes: all, holter: holterSummary(fs, length, beats, countedClasses, all, rr, unreadable), determinable: true, reason: null, evidence,
    ...(pacing ? { pacing } : {}), ...(atrialEvidence ? { atrialEvidence } : {}),
  };
}

/**
 * The record-level atrial verdict of a short record (shortRecordAtrialVerdict.ts), its evidence read
 * on every recorded lead of `input.record` (else on `signal`), from N beats that are not premature
 * (all but V beats where fewer than 6 such beats are left).
 */
function shortRecordVerdict(tiles: Segment[], input: RhythmInput, signal: Float32Array, beats: Int32Array, classes: ArrayLike<string> | undefined, flutter: FlutterRun[]) {
  const leads = input.record ? input.record.leads.filter((l) => !l.derived) : [];
  const read = leads.length ? leads : [{ name: 'rhythm lead', samples: signal }];
  const premature = prematureBeats(beats);
  const normal = (k: number): boolean => !classes || classes[k] === 'N';
  let ev = recordAtrialEvidence(read, input.fsHz, beats, (k) => normal(k) && !premature[k], normal);
  // A classifier may call many AF beats S (irregular, "premature"): judge N and S beats together
  // where too few N beats are left for either figure.
  if (ev.pWaveConsistency === null || ev.rrIrregularity === null) {
    const notVentricular = (k: number): boolean => !classes || (classes[k] !== 'V' && classes[k] !== 'F' && classes[k] !== 'Q');
    const wide = recordAtrialEvidence(read, input.fsHz, beats, notVentricular, notVentricular);
    ev = ev.pWaveConsistency === null ? { ...wide, rrIrregularity: ev.rrIrregularity ?? wide.rrIrregularity, rrPairs: ev.rrIrregularity === null ? wide.rrPairs : ev.rrPairs } : { ...ev, rrIrregularity: wide.rrIrregularity, rrPairs: wide.rrPairs };
  }
  const v = paintShortRecordAtrialVerdict(tiles, ev, beats, flutter);
  return { tiles: v.tiles, evidence: ev, note: v.note };
}

/** P-window consistency (16-beat windows) below which a beat's P waves are taken as absent (AF reads ~0.1). */
const NO_P_CONSISTENCY = 0.2;
/** Shortest run of such beats that unnames a sinus stretch. */
const NO_P_MIN_BEATS = 20;

/** Sinus tiles over runs of NO_P_MIN_BEATS+ beats with P-window consistency below NO_P_CONSISTENCY become undetermined. */
function withoutPlessSinus(tiles: Segment[], pWave: Float64Array, beats: Int32Array): Segment[] {
  const sinus = new Set<RhythmLabel>(['sinus_rhythm', 'sinus_bradycardia', 'sinus_tachycardia']);
  let out = tiles;
  let start = -1;
  for (let i = 0; i <= beats.length; i++) {
    const noP = i < beats.length && pWave[i] < NO_P_CONSISTENCY;
    if (noP && start < 0) start = i;
    if (!noP && start >= 0) {
      if (i - start >= NO_P_MIN_BEATS) {
        const a = beats[start], b = beats[i - 1];
        for (const t of tiles) {
          if (!sinus.has(t.label)) continue;
          const s = Math.max(a, t.startSample), e = Math.min(b, t.endSample);
          if (e > s) out = paintSegment(out, { ...t, startSample: s, endSample: e, label: 'undetermined', confidence: 0, reason: `regular rhythm without consistent P waves over ${i - start} beats (P-window consistency < ${NO_P_CONSISTENCY}): not sinus; paced, junctional or ectopic rhythm, or flutter with fixed conduction` });
        }
      }
      start = -1;
    }
  }
  return out;
}

/**
 * The first and last rhythm stretched to the record's edges: before the first and after the last
 * detected beat there is no interval to judge, but a gap shorter than 1.5 median RR (at most
 * PAUSE_S) holds no missed beat either, and a sub-beat 'undetermined' edge episode says nothing.
 */
function withEdgesJoined(tiles: Segment[], beats: Int32Array, fs: number): Segment[] {
  if (tiles.length < 2 || beats.length < 3) return tiles;
  const rr = Float64Array.from({ length: beats.length - 1 }, (_, i) => beats[i + 1] - beats[i]);
  const limit = Math.min(1.5 * median(rr, rr.length), PAUSE_S * fs);
  const out = tiles.slice();
  const isEdgeGap = (t: Segment): boolean => t.label === 'undetermined' && t.reason === NO_BEATS_HERE && t.endSample - t.startSample <= limit;
  if (isEdgeGap(out[0]) && out[1].label !== 'noise') out.splice(0, 2, { ...out[1], startSample: out[0].startSample });
  const n = out.length;
  if (n >= 2 && isEdgeGap(out[n - 1]) && out[n - 2].label !== 'noise') out.splice(n - 2, 2, { ...out[n - 2], endSample: out[n - 1].endSample });
  return out;
}

/** The 'noise' tile of an unreadable span. Confidence 1: the label restates the quality stage's verdict. */
function noiseSegment(sp: { startSample: number; endSample: number; reason: string }): Segment {
  return { label: 'noise', startSample: sp.startSample, endSample: sp.endSample, confidence: 1, reason: `unreadable signal${sp.reason ? ` (${sp.reason})` : ''}: no rhythm is claimed here` };
}

/**
 * The lead where P waves are best seen: II (or MLII), else the first recorded lead.
 *
 * @example rhythmLead(record)?.samples; // the signal analyzeRhythm reads when none is given
 */
export function rhythmLead(record: NonNullable<RhythmInput['record']>) {
  const recorded = record.leads.filter((l) => !l.derived);
  return recorded.find((l) => l.name === 'II') ?? recorded.find((l) => l.name === 'MLII') ?? recorded[0] ?? record.leads[0];
}

function toEpisode(t: Segment, beats: Int32Array, fs: number): RhythmEpisode {
  const i0 = lowerBound(beats, t.startSample);
  const i1 = lowerBound(beats, t.endSample);
  const count = i1 - i0;
  // Beats found in unreadable signal give no rate worth quoting.
  const meanRateBpm = count >= 2 && t.label !== 'noise' ? (60 * fs * (count - 1)) / (beats[i1 - 1] - beats[i0]) : null;
  return { label: t.label, startSample: t.startSample, endSample: t.endSample, confidence: round3(t.confidence), beatCount: count, meanRateBpm: meanRateBpm === null ? null : Math.round(meanRateBpm * 10) / 10, reason: t.reason };
}

/** Mean rate of beats first..last; null for a single beat. */
function runRateBpm(beats: Int32Array, first: number, last: number, fs: number): number | null {
  return last > first ? (60 * fs * (last - first)) / (beats[last] - beats[first]) : null;
}

/** A run of beats ends where the next beat starts (or the record ends). */
function endOfBeat(beats: Int32Array, last: number, length: number): number {
  return last + 1 < beats.length ? beats[last + 1] : Math.max(beats[last] + 1, length);
}

/** Rate per interval, the median of `w` non-ectopic intervals around it (falls back to all). */
function smoothedRateBpm(rrS: Float64Array, ectopic: Uint8Array, w: number): Float64Array {
  const n = rrS.length;
  const out = new Float64Array(n);
  const buf = new Float64Array(w);
  const half = w >> 1;
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - half), hi = Math.min(n, i + half + 1);
    let m = 0;
    for (let j = lo; j < hi; j++) if (!ectopic[j]) buf[m++] = rrS[j];
    if (m === 0) for (let j = lo; j < hi; j++) buf[m++] = rrS[j];
    out[i] = 60 / median(buf, m);
  }
  return out;
}

/** Centred running median over `w` values, skipping NaN (NaN where none). */
function smoothedMedian(x: Float64Array, w: number): Float64Array {
  const n = x.length;
  const out = new Float64Array(n).fill(NaN);
  const buf = new Float64Array(w);
  const half = w >> 1;
  for (let i = 0; i < n; i++) {
    let m = 0;
    for (let j = Math.max(0, i - half); j < Math.min(n, i + half + 1); j++) if (x[j] === x[j]) buf[m++] = x[j];
    if (m === 0) continue;
    out[i] = median(buf, m);
  }
  return out;
}

function hasFiniteVariation(x: Float32Array): boolean {
  let lo = Infinity, hi = -Infinity, finite = 0;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v === v) { finite++; if (v < lo) lo = v; if (v > hi) hi = v; }
  }
  return finite > x.length / 2 && hi - lo > 0.02;
}

function lowerBound(a: Int32Array, v: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) { const m = (lo + hi) >> 1; if (a[m] < v) lo = m + 1; else hi = m; }
  return lo;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

