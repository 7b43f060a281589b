/**
 * Frontal-plane electrical axis (degrees, -180..180] from net deflections in leads I and aVF
 * (aVF derived from II and I as II - I/2 when absent). Null when the deflections are too small
 * to give a direction (both under `minMv`).
 *
 * @example frontalAxisDeg(1.0, 0) // 0
 */
export function frontalAxisDeg(netI: number | null, netAvf: number | null, minMv = 0.02): number | null {
  if (netI === null || netAvf === null) return null;
  if (Math.hypot(netI, netAvf) < minMv) return null;
  // aVF's unit vector is 90 deg; lead I's 0 deg. aVF has sqrt(3)/2 the gain of a bipolar lead on its axis.
  const deg = (Math.atan2(netAvf / (Math.sqrt(3) / 2), netI) * 180) / Math.PI;
  return Math.round(deg * 10) / 10;
}
