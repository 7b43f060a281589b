import type { TLobeCandidate } from './tLobeCandidates.js';

/** Names of the features appended after T_LOBE_FEATURE_NAMES' own by appendTLobeAcrossBeatFeatures. */
export const T_LOBE_ACROSS_BEAT_FEATURE_NAMES = ['leadBeatsWithLobe', 'leadBeatsCurrentHere', 'leadMeanRelProminence'] as const;

/** How many beats on each side are compared: bounds the cost on long records (LUDB's 10 s hold <= ~25). */
export const T_LOBE_ACROSS_BEATS = 12;

/**
 * Appends the T_LOBE_ACROSS_BEAT_FEATURE_NAMES features to every candidate of every lead-beat
 * (`cands[beat][lead]`, first candidate = current peak, as tLobeCandidatesOfBeat gives them), from
 * the same lead's other beats (up to T_LOBE_ACROSS_BEATS on each side) at the same lag from the beat
 * fiducial: the fraction of them with a candidate lobe of the same sign within `nearSamples`, the
 * fraction whose current peak lies there, and the mean relative prominence of the most prominent
 * such lobe (0 where a beat has none). Why: LUDB's T-peak errors are steady per lead and record,
 * so a lobe that the lead's other beats show too (its median beat's shape) is better evidence
 * than one beat's wiggle.
 */
export function appendTLobeAcrossBeatFeatures(cands: (TLobeCandidate[] | null)[][], beats: Int32Array, nearSamples: number): void {
  const nBeatsAll = cands.length, nLeads = nBeatsAll ? cands[0].length : 0;
  for (let li = 0; li < nLeads; li++) {
    // This lead's candidates as lags from their beat's fiducial, so the loops below touch numbers only.
    const lags: number[][] = [], signs: number[][] = [], rels: number[][] = [];
    for (let m = 0; m < nBeatsAll; m++) {
      const o = cands[m][li];
      lags.push(o ? o.map((x) => x.peak - beats[m]) : []);
      signs.push(o ? o.map((x) => x.sign) : []);
      rels.push(o ? o.map((x) => x.features[1]) : []);
    }
    const extra: number[][] = [];
    for (let k = 0; k < nBeatsAll; k++) {
      const c = cands[k][li];
      extra.push([]);
      if (!c) continue;
      for (let ci = 0; ci < c.length; ci++) {
        let nBeats = 0, withLobe = 0, curHere = 0, promSum = 0;
        const lag = lags[k][ci], sign = signs[k][ci];
        const mFrom = Math.max(0, k - T_LOBE_ACROSS_BEATS), mTo = Math.min(nBeatsAll - 1, k + T_LOBE_ACROSS_BEATS);
        for (let m = mFrom; m <= mTo; m++) {
          const l = lags[m];
          if (m === k || l.length === 0) continue;
          nBeats++;
          let best = -1, bestProm = -Infinity;
          for (let i = 0; i < l.length; i++) {
            if (signs[m][i] === sign && Math.abs(l[i] - lag) <= nearSamples && rels[m][i] > bestProm) { best = i; bestProm = rels[m][i]; }
          }
          if (best >= 0) { withLobe++; promSum += bestProm; }
          if (Math.abs(l[0] - lag) <= nearSamples) curHere++;
        }
        // A lead with a single beat has no others: neutral values, its own prominence.
        extra[k].push(...(nBeats ? [withLobe / nBeats, curHere / nBeats, promSum / nBeats] : [0.5, 0.5, c[ci].features[1]]));
      }
    }
    for (let k = 0; k < nBeatsAll; k++) {
      const c = cands[k][li];
      if (c) c.forEach((cand, ci) => cand.features.push(extra[k][3 * ci], extra[k][3 * ci + 1], extra[k][3 * ci + 2]));
    }
  }
}
