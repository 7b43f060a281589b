import type { EcgRecord } from '../../record/types.js';
import { LEADS_USED } from './layout.js';

const LIMB_PREFERENCE = ['MLII', 'II', 'ECG', 'I', 'aVF', 'III', 'MLI', 'MLIII', 'aVR', 'aVL'];
const SECOND_PREFERENCE = ['V1', 'V2', 'V5', 'V4', 'V3', 'V6', 'MLII', 'II', 'I', 'aVF', 'III', 'aVL', 'aVR'];

/**
 * Indices of the leads the beat classifiers use, in model order: a limb lead (II/MLII preferred),
 * then a second lead (V1 preferred, as in MIT-BIH). A one-lead record gives that lead twice, so the
 * models always see {@link LEADS_USED} leads. Recorded leads are preferred to derived ones.
 *
 * @example
 * chooseLeads(record); // [0, 1] for MIT-BIH 100 (MLII, V5); [1, 0] for 114 (V5, MLII)
 */
export function chooseLeads(record: Pick<EcgRecord, 'leads'>): number[] {
  const recorded = record.leads.map((l, i) => ({ l, i })).filter((x) => !x.l.derived);
  const pool = recorded.length > 0 ? recorded : record.leads.map((l, i) => ({ l, i }));
  const rank = (name: string, pref: string[]) => {
    const r = pref.indexOf(name);
    return r < 0 ? pref.length : r;
  };
  const first = [...pool].sort((a, b) => rank(a.l.name, LIMB_PREFERENCE) - rank(b.l.name, LIMB_PREFERENCE) || a.i - b.i)[0];
  const rest = pool.filter((x) => x.i !== first.i);
  const chosen = [first.i];
  if (rest.length > 0) {
    chosen.push([...rest].sort((a, b) => rank(a.l.name, SECOND_PREFERENCE) - rank(b.l.name, SECOND_PREFERENCE) || a.i - b.i)[0].i);
  }
  while (chosen.length < LEADS_USED) chosen.push(chosen[0]);
  return chosen.slice(0, LEADS_USED);
}
