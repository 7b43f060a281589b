/**
 * The atrial verdict of a short record (under SHORT_RECORD_S, e.g. a 10 s 12-lead ECG), painted over
 * its rhythm tiles: the beat-window AF detector needs 12+ intervals per episode and 24 per window, so
 * on a short record it rarely speaks, and a rate-only base would call any regular rhythm "sinus".
 * Here the whole record is judged at once from record-level evidence (recordAtrialEvidence.ts):
 * - no consistent P waves and irregular RR: atrial fibrillation;
 * - flutter waves over a large share of the record: atrial flutter over all of it;
 * - no consistent P waves and regular RR: not sinus; left undetermined with the reason.
 * Paced beats are painted by {@link paintPacedRuns}.
 */
import type { AtrialEvidence } from './recordAtrialEvidence.js';
import type { PacingFinding } from './pacedBeats.js';
import { paintSegment, type Segment } from './segmentPainter.js';
import type { RhythmLabel } from './types.js';

/** Records shorter than this (s) are judged as a whole. */
export const SHORT_RECORD_S = 30;
/**
 * Best-lead P-window consistency below which P waves are taken as absent. Chosen on PTB-XL 1-350
 * folds 1-8 (recordAtrialEvidence with ectopic and premature beats left out): AF records read at
 * most 0.25, records labelled SR/SBRAD/STACH/SARRH at least 0.53; the threshold sits between them.
 */
export const P_ABSENT_BELOW = 0.4;
/**
 * RR irregularity (median normalised successive difference) at or above which a P-less rhythm is
 * AF rather than a regular P-less rhythm (flutter with fixed conduction, junctional, paced). PTB-XL
 * folds 1-8: AF records read 0.10-0.34; regular rhythms 0.00-0.04 (sinus arrhythmia up to 0.25,
 * but it has P waves).
 */
export const AF_MIN_IRREGULARITY = 0.06;
/** Flutter found over at least this share of a short record is taken for the whole record. */
const FLUTTER_SHARE = 0.4;

const SINUS = new Set<RhythmLabel>(['sinus_rhythm', 'sinus_bradycardia', 'sinus_tachycardia']);

/**
 * Repaints the rhythm tiles of a short record from its atrial evidence (see the file comment).
 * `flutter` are the flutter runs found on the record. Returns the new tiles and a word for `evidence`.
 *
 * @example
 * tiles = paintShortRecordAtrialVerdict(tiles, ev, beats, flutterRuns).tiles;
 */
export function paintShortRecordAtrialVerdict(tiles: Segment[], ev: AtrialEvidence, beats: Int32Array, flutter: ReadonlyArray<{ startSample: number; endSample: number; confidence: number; reason: string }>): { tiles: Segment[]; note: string } {
  if (beats.length < 2) return { tiles, note: 'record-level atrial evidence: too few beats' };
  const a = beats[0], b = beats[beats.length - 1];
  const pc = ev.pWaveConsistency, irr = ev.rrIrregularity;
  const pAbsent = pc !== null && pc < P_ABSENT_BELOW;
  const irregular = irr !== null && irr >= AF_MIN_IRREGULARITY;
  const words = `P-window consistency ${pc ?? 'n/a'}${ev.pWaveLead ? ` (best lead ${ev.pWaveLead})` : ''}, RR irregularity ${irr ?? 'n/a'}`;
  let flutterSamples = 0;
  for (const f of flutter) flutterSamples += Math.max(0, Math.min(b, f.endSample) - Math.max(a, f.startSample));
  const keep = (t: Segment): boolean => t.label === 'noise' || t.label === 'ventricular_flutter_fibrillation' || t.label === 'ventricular_tachycardia' || t.label === 'svta';
  const repaint = (label: RhythmLabel, confidence: number, reason: string): Segment[] => {
    let out = tiles;
    for (const t of tiles) {
      if (keep(t)) continue;
      const s = Math.max(a, t.startSample), e = Math.min(b, t.endSample);
      if (e > s) out = paintSegment(out, { label, startSample: s, endSample: e, confidence, reason });
    }
    return out;
  };
  if (pAbsent && irregular) {
    return { tiles: repaint('atrial_fibrillation', 0.8, `no consistent P waves and irregular RR over the record: ${words}`), note: `record-level atrial evidence (${words}): AF` };
  }
  if (flutter.length && flutterSamples >= FLUTTER_SHARE * (b - a)) {
    const best = flutter.reduce((x, y) => (y.confidence > x.confidence ? y : x));
    return { tiles: repaint('atrial_flutter', best.confidence, `${best.reason}, over ${Math.round((100 * flutterSamples) / (b - a))} % of the record`), note: `record-level atrial evidence (${words}): flutter waves` };
  }
  if (pAbsent) {
    let out = tiles;
    for (const t of tiles) {
      if (!SINUS.has(t.label)) continue;
      out = paintSegment(out, { ...t, label: 'undetermined', confidence: 0, reason: `${irr === null ? 'rhythm' : 'regular rhythm'} without consistent P waves (${words}): not sinus; junctional or ectopic rhythm, or flutter with fixed conduction` });
    }
    return { tiles: out, note: `record-level atrial evidence (${words}): no P waves` };
  }
  return { tiles, note: `record-level atrial evidence (${words}): P waves present` };
}

/**
 * Paints 'paced_rhythm' over the paced beats: runs of at least 3 paced beats (one unpaced beat inside
 * a run is bridged), or, on a short record found paced as a whole, every beat.
 *
 * @example
 * tiles = paintPacedRuns(tiles, pacedBeats(record, beats), beats, lengthSamples, true);
 */
export function paintPacedRuns(tiles: Segment[], pacing: PacingFinding, beats: Int32Array, lengthSamples: number, wholeRecord: boolean): Segment[] {
  if (!pacing.mode || beats.length < 2) return tiles;
  const reason = `${pacing.mode} pacing: ${pacing.reason}`;
  const paint = (first: number, last: number): void => {
    const end = last + 1 < beats.length ? beats[last + 1] : Math.max(beats[last] + 1, wholeRecord ? beats[last] : lengthSamples);
    const segs = tiles.filter((t) => t.label === 'noise' || t.label === 'ventricular_flutter_fibrillation');
    tiles = paintSegment(tiles, { label: 'paced_rhythm', startSample: beats[first], endSample: end, confidence: 0.9, reason });
    for (const s of segs) tiles = paintSegment(tiles, s);
  };
  if (wholeRecord) {
    paint(0, beats.length - 1);
    return tiles;
  }
  const p = pacing.beatPacing;
  let first = -1, lastPaced = -1;
  for (let i = 0; i <= beats.length; i++) {
    const on = i < beats.length && p[i] !== '';
    if (on) {
      if (first < 0) first = i;
      lastPaced = i;
    } else if (first >= 0 && (i >= beats.length || i - lastPaced > 1)) {
      if (lastPaced - first + 1 >= 3) paint(first, lastPaced);
      first = -1;
    }
  }
  return tiles;
}
