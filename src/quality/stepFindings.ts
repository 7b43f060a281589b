import type { QualityFinding, QualitySeverity } from './types.js';
import { scratchFloat64 } from './scratchBuffers.js';
import { round3 } from './windowFindings.js';

/**
 * Abrupt baseline steps (amplifier reset, electrode pop): points where the mean level over the next
 * 250 ms differs from the previous 250 ms by at least `thresholdMv`, the change happens within
 * 50 ms, and the new level persists (a QRS complex returns to baseline, a step does not). `value` is
 * the step height in mV; severity mild < 1 mV, moderate < 2 mV, severe from 2 mV.
 *
 * @example
 * stepFindings(x, 360, 'MLII', 1.0)
 */
export function stepFindings(x: Float32Array, fsHz: number, lead: string, thresholdMv: number): QualityFinding[] {
  const n = x.length;
  const w = Math.max(2, Math.round(0.25 * fsHz));
  const fast = Math.max(1, Math.round(0.05 * fsHz));
  if (n < 4 * w) return [];
  const cum = scratchFloat64('step.cum', n + 1);
  cum[0] = 0;
  for (let i = 0; i < n; i++) cum[i + 1] = cum[i] + x[i];
  const mean = (a: number, b: number) => (cum[b] - cum[a]) / (b - a);
  const out: QualityFinding[] = [];
  let i = w;
  while (i < n - w) {
    const d = mean(i, i + w) - mean(i - w, i);
    if (Math.abs(d) < thresholdMv) {
      i++;
      continue;
    }
    // Best step point within the next 250 ms.
    let best = i;
    let bestD = Math.abs(d);
    for (let j = i + 1; j < Math.min(n - w, i + w); j++) {
      const dj = Math.abs(mean(j, j + w) - mean(j - w, j));
      if (dj > bestD) {
        bestD = dj;
        best = j;
      }
    }
    const sign = Math.sign(mean(best, best + w) - mean(best - w, best));
    const quick = sign * (mean(best, best + fast) - mean(best - fast, best));
    const persistsTo = Math.min(n, best + 3 * w);
    const persistsFrom = Math.max(0, best - 3 * w);
    const later = sign * (mean(best + w, persistsTo) - mean(persistsFrom, best - w));
    if (quick >= 0.5 * bestD && best + w < persistsTo && persistsFrom < best - w && later >= 0.6 * bestD) {
      const severity: QualitySeverity = bestD >= 2 ? 'severe' : bestD >= 1 ? 'moderate' : 'mild';
      out.push({ lead, kind: 'step', severity, startSample: Math.max(0, best - fast), endSample: Math.min(n, best + fast), value: round3(bestD), unit: 'mV' });
    }
    i = best + w;
  }
  return out;
}
