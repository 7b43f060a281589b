/**
 * How strongly the activity before each QRS is time-locked to it, 0..1: the RMS of the
 * beat-averaged pre-QRS window over the mean RMS of the single windows (each detrended by the line
 * through its ends). A P wave repeats at a fixed distance from the QRS and survives averaging
 * (index near 1); fibrillatory waves and noise are not locked to the QRS and average out
 * (about 1/sqrt(beats)). Null with fewer than `minBeats` usable beats.
 *
 * @example atrialLockingIndex(lead.samples, 500, qrsOnsets) // 0.9 sinus, 0.3 atrial fibrillation
 */
export function atrialLockingIndex(x: ArrayLike<number>, fsHz: number, qrsOnsets: ArrayLike<number | null>, minBeats = 4): number | null {
  return atrialLocking(x, fsHz, qrsOnsets, minBeats)?.index ?? null;
}

/**
 * {@link atrialLockingIndex} and where the averaged pre-QRS activity peaks (samples before QRS
 * onset): where the P wave is, when the index says there is one.
 *
 * @example
 * const lock = atrialLocking(lead.samples, 500, beats.map((b) => b.qrs.onset));
 * if (lock && lock.index > 0.8) console.log('P peak about', lock.peakBeforeQrsSamples / 0.5, 'ms before QRS');
 */
export function atrialLocking(x: ArrayLike<number>, fsHz: number, qrsOnsets: ArrayLike<number | null>, minBeats = 4): { index: number; peakBeforeQrsSamples: number } | null {
  const from = Math.round(0.25 * fsHz), to = Math.round(0.03 * fsHz);
  const len = from - to + 1;
  const sum = new Float64Array(len);
  let count = 0, rmsSum = 0;
  for (let k = 0; k < qrsOnsets.length; k++) {
    const on = qrsOnsets[k];
    if (on === null || on - from < 0 || on - to >= x.length) continue;
    const a = x[on - from], b = x[on - to];
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    let ss = 0, bad = false;
    for (let j = 0; j < len; j++) {
      const v = x[on - from + j] - (a + ((b - a) * j) / (len - 1));
      if (Number.isNaN(v)) { bad = true; break; }
      ss += v * v;
    }
    if (bad) continue;
    for (let j = 0; j < len; j++) sum[j] += x[on - from + j] - (a + ((b - a) * j) / (len - 1));
    rmsSum += Math.sqrt(ss / len);
    count++;
  }
  if (count < minBeats || !(rmsSum > 0)) return null;
  let ms = 0, jMax = 0;
  for (let j = 0; j < len; j++) {
    ms += (sum[j] / count) ** 2;
    if (Math.abs(sum[j]) > Math.abs(sum[jMax])) jMax = j;
  }
  return { index: Math.sqrt(ms / len) / (rmsSum / count), peakBeforeQrsSamples: from - jMax };
}
