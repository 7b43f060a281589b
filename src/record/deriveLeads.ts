import type { EcgRecord, Lead } from './types.js';

function derivedLead(name: string, samples: Float32Array, from: Lead): Lead {
  return { name, originalName: name, samples, derived: true, info: { gain: from.info.gain, baseline: 0, units: 'mV' } };
}

function combine(n: number, f: (i: number) => number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}

/**
 * Adds the missing limb leads when two of I, II, III are present (Einthoven: III = II - I) and the
 * augmented leads (Goldberger: aVR = -(I+II)/2, aVL = I - II/2, aVF = II - I/2). Recorded leads
 * are never replaced; derived leads are marked `derived: true`. Returns a new record.
 */
export function withDerivedLimbLeads(record: EcgRecord): EcgRecord {
  const by = new Map(record.leads.map((l) => [l.name, l]));
  const leads = [...record.leads];
  const n = record.length;
  let I = by.get('I')?.samples;
  let II = by.get('II')?.samples;
  const III = by.get('III')?.samples;
  const ref = by.get('I') ?? by.get('II') ?? by.get('III');
  if (!ref) return record;
  const add = (name: string, s: Float32Array) => {
    const l = derivedLead(name, s, ref);
    leads.push(l);
    by.set(name, l);
  };
  if (!I && II && III) { const a = II, b = III; I = combine(n, (i) => a[i] - b[i]); add('I', I); }
  if (!II && I && III) { const a = I, b = III; II = combine(n, (i) => a[i] + b[i]); add('II', II); }
  if (!I || !II) return { ...record, leads };
  const a = I, b = II;
  if (!by.has('III')) add('III', combine(n, (i) => b[i] - a[i]));
  if (!by.has('aVR')) add('aVR', combine(n, (i) => -(a[i] + b[i]) / 2));
  if (!by.has('aVL')) add('aVL', combine(n, (i) => a[i] - b[i] / 2));
  if (!by.has('aVF')) add('aVF', combine(n, (i) => b[i] - a[i] / 2));
  return { ...record, leads };
}
