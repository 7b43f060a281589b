/** LVH voltage criteria (mV); null when a lead they need is missing. */
export interface VoltageCriteriaMv {
  /** Sokolow-Lyon: S in V1 + the larger R of V5, V6 (>= 3.5 mV suggests LVH). */
  sokolowLyonMv: number | null;
  /** Cornell: R in aVL + S in V3 (> 2.8 mV men, > 2.0 mV women suggests LVH). */
  cornellMv: number | null;
}

type Amp = { rMv: number | null; sMv: number | null } | undefined;

/**
 * Sokolow-Lyon and Cornell voltages from per-lead R and S amplitudes (S is negative, its depth is
 * used). A missing R or S within a present lead counts as 0 mV (the wave is absent, not unknown).
 *
 * @example voltageCriteriaMv({ V1: { rMv: 0.2, sMv: -1.5 }, V5: { rMv: 2.2, sMv: null } })
 */
export function voltageCriteriaMv(byLead: Record<string, Amp>): VoltageCriteriaMv {
  const r = (l: string) => (byLead[l] ? Math.max(0, byLead[l]!.rMv ?? 0) : null);
  const s = (l: string) => (byLead[l] ? Math.max(0, -(byLead[l]!.sMv ?? 0)) : null);
  const sV1 = s('V1'), rV5 = r('V5'), rV6 = r('V6'), rAvl = r('aVL'), sV3 = s('V3');
  const rLat = rV5 === null ? rV6 : rV6 === null ? rV5 : Math.max(rV5, rV6);
  return {
    sokolowLyonMv: sV1 === null || rLat === null ? null : sV1 + rLat,
    cornellMv: rAvl === null || sV3 === null ? null : rAvl + sV3,
  };
}
