/**
 * Which detected beats to keep, and how sure each one is. Beats in signal the quality stage judged
 * unusable are kept with a lower confidence (noise hides beats, it does not make the detector's
 * beats unreal: on MIT-BIH 105 and the NSTDB 0 dB records dropping them cost more true beats than
 * false ones); only beats where the signal carries no cardiac information are withheld:
 * - inside a calibration pulse or other rectangular deflection (calibrationPulses.ts), with a margin;
 * - where every assessed lead is flat (disconnected);
 * - every beat of a short strip the quality stage rejects as a whole (`wholeRecordUnusable`): 10 s of
 *   noise must not give a rate.
 */
import type { BeatDetection } from './types.js';
import type { CalibrationPulse } from './calibrationPulses.js';

/** Confidence of a beat in usable signal, and of one the quality stage found in unusable signal. */
export const USABLE_BEAT_CONFIDENCE = 1;
export const UNUSABLE_SIGNAL_BEAT_CONFIDENCE = 0.3;
/** Beats within this margin (ms) of a calibration pulse's edges are its edges, not beats. */
const PULSE_MARGIN_MS = 120;

/** A span [startSample, endSample) with an optional reason. */
export interface BeatSpan {
  startSample: number;
  endSample: number;
}

/** What {@link beatsWithConfidence} takes besides the detection. */
export interface BeatEvidence {
  /** Spans the quality stage judged unusable (no usable lead). */
  unusableSpans?: ReadonlyArray<BeatSpan>;
  /** Per assessed lead, the spans where it is flat (no cardiac information). */
  deadSpansByLead?: ReadonlyArray<ReadonlyArray<BeatSpan>>;
  /** Rectangular non-cardiac pulses (calibration). */
  pulses?: ReadonlyArray<CalibrationPulse>;
  /** The whole (short) record is judged unusable: no beat is kept. */
  wholeRecordUnusable?: { reason: string };
}

/** A detection with per-beat confidence and the beats withheld. */
export interface BeatsWithConfidence extends BeatDetection {
  /** Per kept beat, 0..1: USABLE_BEAT_CONFIDENCE in usable signal, UNUSABLE_SIGNAL_BEAT_CONFIDENCE in unusable signal. */
  confidence: number[];
  /** Beats withheld because the signal there carries no cardiac information (see the file comment). */
  beatsInUnusableSignal: number;
  /** Kept beats that lie in signal judged unusable (their confidence is lowered). */
  lowConfidenceBeats: number;
  /** Calibration pulses found (their edges are never beats). */
  calibrationPulses: CalibrationPulse[];
}

/**
 * Keeps every detected beat except those where the signal carries no cardiac information, and
 * gives each kept beat a confidence.
 *
 * @example
 * const beats = beatsWithConfidence(detectBeats(record), { unusableSpans, pulses: calibrationPulses(record) });
 * beats.confidence; // [1, 1, 0.3, ...]
 */
export function beatsWithConfidence(detection: BeatDetection, evidence: BeatEvidence): BeatsWithConfidence {
  const pulses = evidence.pulses ?? [];
  const n = detection.samples.length;
  if (evidence.wholeRecordUnusable) {
    const reason = n > 0 ? `all ${n} detected beats dropped: the record is judged unusable (${evidence.wholeRecordUnusable.reason})` : detection.reason;
    return { ...detection, samples: new Int32Array(0), reason, confidence: [], beatsInUnusableSignal: n, lowConfidenceBeats: 0, calibrationPulses: [...pulses] };
  }
  const margin = Math.round((PULSE_MARGIN_MS * detection.fsHz) / 1000);
  const inside = (spans: ReadonlyArray<BeatSpan>, s: number, pad = 0) => spans.some((sp) => s >= sp.startSample - pad && s < sp.endSample + pad);
  const dead = evidence.deadSpansByLead ?? [];
  const kept: number[] = [], confidence: number[] = [];
  let withheldPulse = 0, withheldDead = 0, low = 0;
  for (const s of detection.samples) {
    if (inside(pulses, s, margin)) { withheldPulse++; continue; }
    if (dead.length > 0 && dead.every((spans) => inside(spans, s))) { withheldDead++; continue; }
    const unusable = inside(evidence.unusableSpans ?? [], s);
    if (unusable) low++;
    kept.push(s);
    confidence.push(unusable ? UNUSABLE_SIGNAL_BEAT_CONFIDENCE : USABLE_BEAT_CONFIDENCE);
  }
  const withheld = withheldPulse + withheldDead;
  const notes: string[] = [];
  if (withheldPulse) notes.push(`${withheldPulse} detection(s) on calibration pulses left out`);
  if (withheldDead) notes.push(`${withheldDead} detection(s) where every lead is flat left out`);
  const reason = kept.length === 0 && withheld > 0 ? `all ${withheld} detected beats lie in signal without cardiac information (${notes.join('; ')})` : detection.reason ?? (notes.length ? notes.join('; ') : null);
  return { ...detection, samples: Int32Array.from(kept), reason, confidence, beatsInUnusableSignal: withheld, lowConfidenceBeats: low, calibrationPulses: [...pulses] };
}
