/**
 * Number of beats in `a` that have a partner in `b` within `toleranceSamples` (one-to-one, both
 * sorted increasingly), as in the EC57 beat-by-beat comparison.
 */
export function matchedBeatCount(a: ArrayLike<number>, b: ArrayLike<number>, toleranceSamples: number): number {
  let i = 0;
  let j = 0;
  let matched = 0;
  while (i < a.length && j < b.length) {
    const d = b[j] - a[i];
    if (Math.abs(d) <= toleranceSamples) {
      matched++;
      i++;
      j++;
    } else if (d < 0) j++;
    else i++;
  }
  return matched;
}

/**
 * bSQI (Li, Mark & Clifford 2008): beats both detectors found over beats either found, with a 150 ms
 * matching window. Returns null when neither detector found a beat (agreement is undefined).
 *
 * @example
 * beatAgreementSqi(primaryBeats, ownBeats, 360) // 0.98 on a clean record
 */
export function beatAgreementSqi(a: ArrayLike<number>, b: ArrayLike<number>, fsHz: number): number | null {
  if (a.length === 0 && b.length === 0) return null;
  const m = matchedBeatCount(a, b, Math.round(0.15 * fsHz));
  return m / (a.length + b.length - m);
}
