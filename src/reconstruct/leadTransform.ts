import { SinusError } from '../errors.js';
import { withDerivedLimbLeads } from '../record/deriveLeads.js';
import type { EcgRecord, Lead } from '../record/types.js';

/**
 * A linear map from a few recorded leads to others: `output[k](t) = sum_j weights[k][j] * input[j](t)`.
 * Weights are unitless (mV per mV). No intercept: the leads are taken as baseline-free, as a lead
 * transform on electrode potentials is.
 */
export interface LeadTransform {
  /** Lead names read, in the column order of `weights`. */
  inputs: string[];
  /** Lead names written, in the row order of `weights`. */
  outputs: string[];
  /** outputs.length rows of inputs.length weights. */
  weights: number[][];
  /** Where the weights come from, e.g. 'generic: PTB-XL strat_fold 1-8, 500 Hz, 280 records'. */
  source: string;
}

/**
 * The record with the transform's output leads added (marked `derived`, their description naming the
 * inputs), then the limb leads III, aVR, aVL, aVF derived exactly from I and II where missing. Leads the
 * record already has are never replaced. Throws SinusError BAD_ARGUMENT when an input lead is missing.
 *
 * @example
 * const full = applyLeadTransform(record, transform); // I, II, V2 -> + V1, V3-V6, then III, aVR, aVL, aVF
 */
export function applyLeadTransform(record: EcgRecord, transform: LeadTransform): EcgRecord {
  const byName = new Map(record.leads.map((l) => [l.name, l]));
  const inputs = transform.inputs.map((name) => {
    const lead = byName.get(name);
    if (!lead) throw new SinusError('BAD_ARGUMENT', `lead ${name} is needed to reconstruct ${transform.outputs.join(', ')} but the record has only ${record.leads.map((l) => l.name).join(', ')}`);
    return lead;
  });
  const added: Lead[] = [];
  transform.outputs.forEach((name, k) => {
    if (byName.has(name)) return;
    const w = transform.weights[k];
    const samples = new Float32Array(record.length);
    for (let i = 0; i < record.length; i++) {
      let s = 0;
      for (let j = 0; j < inputs.length; j++) s += w[j] * inputs[j].samples[i];
      samples[i] = s;
    }
    added.push({
      name,
      originalName: name,
      samples,
      derived: true,
      info: { gain: inputs[0].info.gain, baseline: 0, units: 'mV', description: `reconstructed from ${transform.inputs.join(', ')} (${transform.source})` },
    });
  });
  return withDerivedLimbLeads({ ...record, leads: [...record.leads, ...added] });
}
