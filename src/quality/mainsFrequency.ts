import { goertzelAmplitude } from './analysisWindows.js';

/**
 * Which mains frequency, 50 or 60 Hz, stands out more from its neighbours (f +- 3 Hz) over the
 * first 5 s of up to three of the given leads; 50 when neither does. Null when the sampling rate is too low to see
 * either (below 2.4 x 50 Hz).
 *
 * @example dominantMainsHz([lead.samples], 500) // 50
 */
export function dominantMainsHz(leads: Float32Array[], fsHz: number): 50 | 60 | null {
  if (fsHz <= 2.4 * 50) return null;
  const w = Math.round(fsHz);
  const excess = (x: Float32Array, f: number) => {
    let s = 0;
    for (let a = 0; a + w <= Math.min(x.length, 5 * w); a += w) {
      const amp = goertzelAmplitude(x, a, a + w, f, fsHz);
      const ref = 0.5 * (goertzelAmplitude(x, a, a + w, f - 3, fsHz) + goertzelAmplitude(x, a, a + w, f + 3, fsHz));
      s += Math.max(0, amp - ref);
    }
    return s;
  };
  let e50 = 0;
  let e60 = 0;
  for (const x of leads.slice(0, 3)) {
    e50 += excess(x, 50);
    if (fsHz > 2.4 * 60) e60 += excess(x, 60);
  }
  return e60 > e50 ? 60 : 50;
}
