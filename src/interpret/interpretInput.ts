/**
 * What interpretEcg reads: the typed outputs of earlier stages (measurements, rhythm, strip label,
 * quality, beats and their classes, pacing stimuli) and the patient's age and sex where a criterion
 * needs them. Every part but the sampling rate may be missing; a statement that needs a missing part
 * is listed in `notDetermined` with the reason.
 */
import type { EcgMeasurements } from '../measure/measureEcg.js';
import type { RhythmAnalysis } from '../classify/rhythm/types.js';
import type { StripRhythm } from '../classify/strip/classifyStrip.js';

/** The patient data criteria use (Cornell, QTc and ST limits differ by sex; LVH voltage by age). */
export interface PatientData {
  ageYears: number | null;
  sex: 'male' | 'female' | null;
}

/** The part of the quality report interpretEcg reads. */
export interface InterpretQuality {
  verdict: string;
  reasons: string[];
  leads: ReadonlyArray<{ lead: string; verdict: string }>;
}

/** Input of {@link interpretEcg}. */
export interface InterpretInput {
  fsHz: number;
  /** Record length in samples (the span of the record's rhythm statement). */
  lengthSamples: number;
  measurements: EcgMeasurements | null;
  rhythm?: RhythmAnalysis | null;
  stripRhythm?: StripRhythm | null;
  quality?: InterpretQuality | null;
  /** QRS positions (sample indices, ascending) of the beats stage. */
  beatSamples?: ArrayLike<number> | null;
  /** AAMI class per beat ('N', 'S', 'V', 'F', 'Q'), same length as `beatSamples`. */
  beatClasses?: ArrayLike<string> | null;
  /** Pacing stimuli found by the delineation (sample indices); absent when not looked for. */
  pacingSpikes?: ArrayLike<number> | null;
  patient?: PatientData | null;
  /** The recording device's own statements (GE MUSE, Philips, SCP-ECG, HL7 aECG), when the file carries them. */
  deviceStatements?: readonly string[] | null;
}

const num = (v: unknown): number | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v)) return Number(v);
  if (v && typeof v === 'object' && 'value' in v) {
    const unit = (v as { unit?: unknown }).unit;
    return unit === undefined || unit === 'years' || unit === 'unspecified' ? num((v as { value: unknown }).value) : null;
  }
  return null;
};
const sexOf = (v: unknown): PatientData['sex'] => {
  const s = typeof v === 'string' ? v.trim().toLowerCase() : typeof v === 'number' ? String(v) : '';
  return /^(m|male|man|1)$/.test(s) ? 'male' : /^(f|female|w|woman|2)$/.test(s) ? 'female' : null;
};

/**
 * Age (years) and sex from a record's metadata: WFDB header comments (`<age>: 51`, `<sex>: F`, as
 * LUDB and PTB-XL+ write them) or a clinical reader's `metadata.patient` (age, PatientAge, sex, Gender).
 * Unknown values are null.
 *
 * @example patientFromMetadata({ comments: ['<age>: 51', '<sex>: F'] }) // { ageYears: 51, sex: 'female' }
 */
export function patientFromMetadata(metadata: Record<string, unknown> | null | undefined): PatientData {
  const out: PatientData = { ageYears: null, sex: null };
  if (!metadata) return out;
  const comments = Array.isArray(metadata.comments) ? metadata.comments.filter((c): c is string => typeof c === 'string') : [];
  for (const c of comments) {
    const m = /<?\b(age|sex)\b>?\s*:\s*(\S+)/i.exec(c);
    if (!m) continue;
    if (m[1].toLowerCase() === 'age') out.ageYears ??= num(m[2]);
    else out.sex ??= sexOf(m[2]);
  }
  const p = metadata.patient;
  if (p && typeof p === 'object') {
    for (const [k, v] of Object.entries(p as Record<string, unknown>)) {
      if (/^(patient)?age$/i.test(k)) out.ageYears ??= num(v);
      else if (/^(sex|gender|patientsex)$/i.test(k)) out.sex ??= sexOf(v);
    }
  }
  if (out.ageYears !== null && !(out.ageYears >= 0 && out.ageYears < 130)) out.ageYears = null;
  return out;
}

/**
 * The device's statements from a record's metadata (`metadata.device.statements`, as the clinical
 * readers keep them), or null when the file carries none.
 *
 * @example deviceStatementsFromMetadata(record.metadata) // ['Sinus rhythm', 'Normal ECG'] or null
 */
export function deviceStatementsFromMetadata(metadata: Record<string, unknown> | null | undefined): string[] | null {
  const d = metadata?.device as { statements?: unknown } | undefined;
  const s = Array.isArray(d?.statements) ? d!.statements.filter((x): x is string => typeof x === 'string' && x.trim().length > 0) : [];
  return s.length ? s : null;
}
