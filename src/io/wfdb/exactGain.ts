import { SinusError } from '../../errors.js';
import type { Lead } from '../../record/types.js';
import { formatRange } from './encodeSignals.js';

/** How well a lead's samples are stored at one gain (adu/mV) in one format. */
export interface GainFit {
  gain: number;
  /** True when every sample reads back as the same Float32 value (to Float32's own rounding). */
  exact: boolean;
  /** Largest |read back - sample| in mV; Infinity when a value does not fit the format's range. */
  maxErrorMv: number;
}

/** Gains tried, besides multiples of the lead's own: 1, 2, 2.5, 4, 5, 8 x 10^k adu/mV. */
const NICE_GAINS = [0, 1, 2, 3, 4, 5, 6, 7].flatMap((k) => [1, 2, 2.5, 4, 5, 8].map((m) => m * 10 ** k));
const MULTIPLES = [1, 2, 4, 5, 8, 10, 16, 20, 25, 50, 100, 1000];

/**
 * How `samples` (mV) store at `gain` adu/mV in WFDB `format`: the reader computes
 * `Math.fround(raw / gain)`, so a sample is exact when that gives it back (two Float32 ulps of slack
 * for a gain that is itself rounded, e.g. an EDF's).
 *
 * @example
 * gainFit(Float32Array.of(0.005, -1.2), 1000, 16).exact; // true
 * gainFit(Float32Array.of(0.005, -1.2), 1, 16).maxErrorMv; // 0.2
 */
export function gainFit(samples: Float32Array, gain: number, format: number, stopAtFirstMiss = false): GainFit {
  const [lo, hi] = formatRange(format);
  let maxErr = 0;
  let exact = true;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i];
    if (Number.isNaN(s)) continue;
    const v = Math.round(s * gain);
    if (!(v > lo && v <= hi)) return { gain, exact: false, maxErrorMv: Infinity };
    const back = Math.fround(v / gain);
    const err = Math.abs(back - s);
    if (err > maxErr) maxErr = err;
    if (err > 2 * 2 ** -24 * Math.max(Math.abs(s), Math.abs(back))) {
      exact = false;
      if (stopAtFirstMiss) return { gain, exact, maxErrorMv: err };
    }
  }
  return { gain, exact, maxErrorMv: maxErr };
}

/**
 * The gain a lead's samples were quantised at, from the smallest step between distinct values
 * (a CSV of 1716 adu/mV data holds multiples of 1/1716 mV); null when there are too few values.
 *
 * @example
 * quantumGain(Float32Array.from([0, 1, 2, 5], (k) => k / 1716)); // ~1716
 */
export function quantumGain(samples: Float32Array): number | null {
  const n = Math.min(samples.length, 50_000);
  const values = Float64Array.from(samples.subarray(0, n)).filter(Number.isFinite).sort();
  let step = Infinity;
  for (let i = 1; i < values.length; i++) {
    const d = values[i] - values[i - 1];
    // Differences below Float32 resolution are the same code printed twice, not a step.
    if (d > 4 * 2 ** -24 * Math.abs(values[i]) && d < step) step = d;
  }
  return Number.isFinite(step) && step > 0 ? 1 / step : null;
}

/**
 * The gain (adu/mV) to write a lead at in WFDB `format`: its own gain when that stores it exactly,
 * else the first candidate that does (multiples of its own gain, the data's own step {@link quantumGain},
 * then 1, 2, 2.5, 4, 5, 8 x 10^k);
 * when none does, the candidate with the smallest error, `exact: false` (the caller refuses or
 * reports the loss).
 *
 * @example
 * chooseWfdbGain(csvLead, 16); // { gain: 1000, exact: true, maxErrorMv: 0 } for samples with 3 decimals
 */
export function chooseWfdbGain(lead: Lead, format: number): GainFit {
  const own = lead.info.gain > 0 && Number.isFinite(lead.info.gain) ? lead.info.gain : null;
  const step = quantumGain(lead.samples);
  const candidates = [...(own ? MULTIPLES.map((m) => own * m) : []), ...(step ? [Math.round(step), step] : []), ...NICE_GAINS];
  for (const g of candidates) {
    const fit = gainFit(lead.samples, g, format, true);
    if (fit.exact) return fit;
  }
  let best: GainFit = { gain: candidates[0], exact: false, maxErrorMv: Infinity };
  for (const g of candidates) {
    const fit = gainFit(lead.samples, g, format);
    if (fit.maxErrorMv < best.maxErrorMv) best = fit;
  }
  return best;
}

/**
 * A lead that no gain stores exactly in the chosen WFDB format (a SinusError BAD_SIGNAL), with the
 * best gain and its error, so a caller can try a wider format or say how much would be lost.
 *
 * @example
 * try { writeWfdbRecord(rec, { format: 16 }); } catch (e) { if (e instanceof PrecisionLossError) console.log(e.maxErrorMv); }
 */
export class PrecisionLossError extends SinusError {
  constructor(readonly lead: string, readonly format: number, readonly gain: number, readonly maxErrorMv: number) {
    super('BAD_SIGNAL', `lead ${lead} cannot be stored exactly in WFDB format ${format}: at the best gain (${gain} adu/mV) samples would move by up to ${maxErrorMv.toPrecision(3)} mV; allow the precision loss explicitly (convert --allow-precision-loss) or choose a wider format`);
    this.name = 'SinusError';
  }
}
