import type { QualityReport } from './types.js';

/** More than this share of the record without a usable lead leaves no usable signal. */
export const MAX_UNUSABLE_TIME_SHARE = 0.5;

/**
 * Whether a record holds signal a rhythm can be read from: at least one usable lead, and a usable
 * lead over at least half of the time. This is narrower than `verdict !== 'unusable'`: a 12-lead
 * record with its six chest leads flat is unusable as a 12-lead ECG, yet its limb leads still carry
 * the beats and the rhythm.
 *
 * @example if (!hasUsableSignal(report)) console.log('cannot determine:', report.reasons.join('; '));
 */
export function hasUsableSignal(report: QualityReport): boolean {
  if (report.leads.length > 0 && report.leads.every((l) => l.verdict === 'unusable')) return false;
  let unusable = 0;
  for (const s of report.segments) if (!s.usable) unusable += s.endSample - s.startSample;
  return !(report.length > 0 && unusable / report.length > MAX_UNUSABLE_TIME_SHARE);
}
