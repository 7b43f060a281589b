import { beatsWithConfidence, calibrationPulses } from '../beats/index.js';
import type { BeatDetection } from '../beats/types.js';
import { hasUsableSignal, unusableSegments } from '../quality/index.js';
import type { QualityReport } from '../quality/types.js';
import type { EcgRecord } from '../record/types.js';
import type { BeatsResult } from './results.js';

/** Longest record given a short-strip rhythm label (the strip classifier's own limit is 60 s). */
export const STRIP_MAX_S = 61;

/**
 * The detection with per-beat confidence: beats in signal the quality stage judged unusable are kept
 * with a lower confidence (src/beats beatsWithConfidence); withheld are only detections on calibration
 * pulses, where every lead is flat, and every beat of a strip (<= STRIP_MAX_S) without usable signal
 * (10 s of electrode motion otherwise gave a rate and a rhythm). The rhythm and HRV stages still leave
 * the beats of unusable spans >= MIN_UNREADABLE_S out of every count.
 *
 * @example
 * const beats = usableBeats(record, detectBeats(record), assessQuality(record)); // beats.confidence
 */
export function usableBeats(record: EcgRecord, detection: BeatDetection, quality: QualityReport | null): BeatsResult {
  const wholeStripUnusable = quality !== null && !hasUsableSignal(quality) && quality.length <= STRIP_MAX_S * quality.fsHz;
  // Flat (disconnected) signal only: the quality stage's clipping and motion findings are made per
  // 1-s window and also cover the beats around a calibration pulse.
  const dead = (quality?.leads ?? []).map((l) => l.findings.filter((f) => f.kind === 'flat-line' && f.severity !== 'mild'));
  return beatsWithConfidence(detection, {
    unusableSpans: quality ? unusableSegments(quality) : [],
    deadSpansByLead: dead.some((d) => d.length > 0) ? dead : [],
    pulses: calibrationPulses(record),
    wholeRecordUnusable: wholeStripUnusable ? { reason: quality!.reasons.join('; ') } : undefined,
  });
}
