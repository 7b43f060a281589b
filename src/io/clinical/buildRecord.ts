import type { Lead } from '../../record/types.js';
import { normalizeLeadName } from '../../record/leadNames.js';

/** Representative (median) beats a device computed, kept beside the rhythm leads. */
export interface RepresentativeBeats {
  fsHz: number;
  /** Samples per lead. */
  length: number;
  leads: { name: string; samplesMv: Float32Array }[];
  /** Where the beats came from, e.g. 'aECG REPRESENTATIVE_BEAT', 'DICOM multiplex group 2'. */
  source: string;
}

/** The device's own reading, as `record.metadata.device`. */
export interface DeviceReading {
  /** Global measurements by the device's own names (units in the names where the format says them). */
  measurements: Record<string, number | string | null>;
  /** Interpretive statements, in the device's order. */
  statements: string[];
  /** Per-lead measurements when the format has them. */
  leadMeasurements?: Record<string, Record<string, number | null>>;
  manufacturer?: string;
  model?: string;
  software?: string;
}

/**
 * A lead from raw integer values: `mV = (raw - baseline) / gain` with `gain` in adu per mV, so
 * `units` is 'mV' for every voltage lead (the record model reads gain as adu per `units`; the
 * file's own step, e.g. 2500 nV, is then gain = 400 adu/mV, which writers keep exactly).
 *
 * @example leadFromRaw('V1', Int32Array.of(200), 200, 0, 'mV', 'scp').samples[0] // 1
 */
export function leadFromRaw(originalName: string, raw: Int32Array, gainPerMv: number, baseline: number, units: string, storageFormat: string, derived = false): Lead {
  const samples = new Float32Array(raw.length);
  for (let i = 0; i < raw.length; i++) samples[i] = (raw[i] - baseline) / gainPerMv;
  const lead: Lead = {
    name: normalizeLeadName(originalName),
    originalName,
    samples,
    raw,
    info: { gain: gainPerMv, baseline, units, storageFormat },
  };
  if (derived) lead.derived = true;
  return lead;
}

/**
 * A lead already in millivolts (no raw values kept).
 *
 * @example leadFromMv('II', Float32Array.of(0.5), 400, 'mV', 'hl7-aecg').samples[0] // 0.5
 */
export function leadFromMv(originalName: string, samples: Float32Array, gainPerMv: number, units: string, storageFormat: string): Lead {
  return { name: normalizeLeadName(originalName), originalName, samples, info: { gain: gainPerMv, baseline: 0, units, storageFormat } };
}

/**
 * Orders leads the conventional way (I, II, III, aVR, aVL, aVF, V1..V6), others after, stably.
 *
 * @example sortLeadsConventionally(leads).map((l) => l.name) // ['I', 'II', 'III', ...]
 */
export function sortLeadsConventionally(leads: Lead[]): Lead[] {
  const order = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'];
  const rank = (l: Lead) => { const r = order.indexOf(l.name); return r < 0 ? order.length : r; };
  return leads.map((l, i) => ({ l, i })).sort((a, b) => rank(a.l) - rank(b.l) || a.i - b.i).map((x) => x.l);
}

/** Upper bound on samples per lead we accept, so a corrupt length field cannot allocate gigabytes. */
export const MAX_SAMPLES_PER_LEAD = 50_000_000;
