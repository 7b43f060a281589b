import { SinusError } from '../errors.js';
import { withDerivedLimbLeads } from '../record/deriveLeads.js';
import { normalizeLeadName } from '../record/leadNames.js';
import type { EcgRecord } from '../record/types.js';
import { LeadTransformFit } from './fitLeadTransform.js';
import { applyLeadTransform, type LeadTransform } from './leadTransform.js';
import { SHIPPED_LEAD_TRANSFORMS } from './shippedLeadTransforms.js';

/** The standard 12 leads in printing order. */
export const STANDARD_TWELVE_LEADS = ['I', 'II', 'III', 'aVR', 'aVL', 'aVF', 'V1', 'V2', 'V3', 'V4', 'V5', 'V6'] as const;
const PRECORDIAL = STANDARD_TWELVE_LEADS.slice(6) as readonly string[];

/** What to reconstruct from, and with which model. */
export interface ReconstructOptions {
  /**
   * The leads to keep as recorded (e.g. ['I', 'II', 'V2']); every other lead of the record is set aside
   * and estimated. Default: all the record's leads.
   */
  from?: string[];
  /**
   * A full 12-lead recording of the same person: a patient-specific transform is fitted on it and used
   * instead of the generic one (it may use any input leads).
   */
  reference?: EcgRecord;
}

/** A reconstructed 12-lead record and how it was made. */
export interface Reconstruction {
  /** The 12 standard leads in order: the inputs as recorded, the rest estimated (`derived: true`). */
  record: EcgRecord;
  /** Leads kept as recorded. */
  recordedLeads: string[];
  /** Precordial leads estimated by the transform. */
  estimatedLeads: string[];
  /** Limb leads computed exactly from I and II (Einthoven/Goldberger). */
  computedLeads: string[];
  /** The transform used (null when every precordial lead was recorded). */
  transform: LeadTransform | null;
  model: 'generic' | 'patient-specific' | 'none';
}

/**
 * The missing leads of a 12-lead ECG from a subset: the limb leads III, aVR, aVL, aVF follow exactly
 * from I and II (any two of I, II, III suffice); the missing precordial leads are estimated by a linear
 * transform, generic (least squares on PTB-XL, one recorded precordial lead as input, see
 * models/lead-reconstruction.md) or patient-specific (fitted on `options.reference`). Throws SinusError
 * BAD_ARGUMENT when the inputs do not allow it (no two limb leads; no precordial lead for the generic
 * model; a reference that lacks a needed lead).
 *
 * @example
 * const { record: full, estimatedLeads } = reconstructTwelveLeads(record, { from: ['I', 'II', 'V2'] });
 * console.log(estimatedLeads); // ['V1', 'V3', 'V4', 'V5', 'V6']
 */
export function reconstructTwelveLeads(record: EcgRecord, options: ReconstructOptions = {}): Reconstruction {
  const wanted = options.from?.map(normalizeLeadName);
  const available = new Set(record.leads.filter((l) => !l.derived).map((l) => l.name));
  for (const n of wanted ?? []) if (!available.has(n)) throw new SinusError('BAD_ARGUMENT', `lead ${n} is not in the record (it has ${[...available].join(', ')})`);
  const kept = record.leads.filter((l) => !l.derived && (wanted ? wanted.includes(l.name) : true));
  const limbs = withDerivedLimbLeads({ ...record, leads: kept });
  const has = new Set(limbs.leads.map((l) => l.name));
  if (!has.has('I') || !has.has('II')) throw new SinusError('BAD_ARGUMENT', `reconstruction needs two of the limb leads I, II, III; the inputs are ${kept.map((l) => l.name).join(', ') || 'none'}`);
  const recordedPrecordial = PRECORDIAL.filter((p) => has.has(p));
  const missing = PRECORDIAL.filter((p) => !has.has(p));
  let transform: LeadTransform | null = null;
  let model: Reconstruction['model'] = 'none';
  if (missing.length) {
    if (options.reference) {
      const inputs = ['I', 'II', ...recordedPrecordial];
      const fit = new LeadTransformFit(inputs, missing);
      if (!fit.add(withDerivedLimbLeads(options.reference))) throw new SinusError('BAD_ARGUMENT', `the reference record lacks one of ${[...inputs, ...missing].join(', ')}`);
      transform = fit.solve(`patient-specific: fitted on ${options.reference.name}`);
      model = 'patient-specific';
    } else {
      if (recordedPrecordial.length === 0) throw new SinusError('BAD_ARGUMENT', 'the generic reconstruction needs one recorded precordial lead (V1-V6) besides the limb leads; give a reference 12-lead record for a patient-specific one');
      // One precordial input: the shipped models take I, II and one V lead; further recorded V leads stay as recorded.
      transform = SHIPPED_LEAD_TRANSFORMS[recordedPrecordial[0]];
      model = 'generic';
    }
  }
  const full = transform ? applyLeadTransform(limbs, transform) : limbs;
  const byName = new Map(full.leads.map((l) => [l.name, l]));
  const leads = STANDARD_TWELVE_LEADS.map((n) => byName.get(n)!);
  return {
    record: { ...full, leads, name: `${record.name}-reconstructed` },
    recordedLeads: kept.map((l) => l.name),
    estimatedLeads: missing,
    computedLeads: ['I', 'II', 'III', 'aVR', 'aVL', 'aVF'].filter((n) => !kept.some((l) => l.name === n)),
    transform,
    model,
  };
}
