/**
 * Baseline vectors for the retrieval benchmark: random vectors, the raw signal downsampled to 10 Hz
 * (12 leads x 100 values, each lead's median removed), and a randomly initialised convolutional
 * encoder (12 leads at 50 Hz -> 64 filters of 0.2 s, ReLU -> mean and max over time = 128 values).
 */
import type { EcgRecord } from '../src/record/types.js';
import { EMBEDDING_LEADS } from '../src/similar/featureVector.js';
import { mulberry32 } from '../src/dsp/seededRandom.js';

/** A small seeded PRNG (mulberry32), uniform in [0, 1). */
export const seededRandom = mulberry32;


/** Standard normal from a uniform source (Box-Muller). */
export function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}

/** The twelve standard leads averaged into bins of `binS` seconds over the first `seconds`, median removed. */
function binnedLeads(record: EcgRecord, binHz: number, seconds = 10): Float32Array[] {
  const bins = Math.round(seconds * binHz);
  const per = record.fs / binHz;
  return EMBEDDING_LEADS.map((name) => {
    const lead = record.leads.find((l) => l.name === name);
    const out = new Float32Array(bins);
    if (!lead) return out;
    for (let b = 0; b < bins; b++) {
      let s = 0, c = 0;
      for (let i = Math.floor(b * per); i < Math.floor((b + 1) * per) && i < lead.samples.length; i++) if (Number.isFinite(lead.samples[i])) { s += lead.samples[i]; c++; }
      out[b] = c ? s / c : 0;
    }
    const med = [...out].sort((x, y) => x - y)[bins >> 1];
    for (let b = 0; b < bins; b++) out[b] -= med;
    return out;
  });
}

/** Downsampled raw signal: 12 x 100 values (10 Hz over 10 s). */
export function rawSignalVector(record: EcgRecord): Float32Array {
  const leads = binnedLeads(record, 10);
  const out = new Float32Array(12 * 100);
  leads.forEach((l, i) => out.set(l, i * 100));
  return out;
}

/** A randomly initialised 1-D CNN layer with mean and max pooling (weights from a fixed seed). */
export function randomEncoder(seed = 7, filters = 64, kernel = 10): (record: EcgRecord) => Float32Array {
  const rand = seededRandom(seed);
  const fanIn = 12 * kernel;
  const w = Float32Array.from({ length: filters * fanIn }, () => gaussian(rand) * Math.sqrt(2 / fanIn));
  return (record) => {
    const x = binnedLeads(record, 50);
    const t = x[0].length - kernel + 1;
    const out = new Float32Array(filters * 2);
    for (let f = 0; f < filters; f++) {
      let sum = 0, max = 0;
      for (let s = 0; s < t; s++) {
        let a = 0;
        for (let c = 0; c < 12; c++) for (let k = 0; k < kernel; k++) a += w[f * fanIn + c * kernel + k] * x[c][s + k];
        const r = a > 0 ? a : 0;
        sum += r;
        if (r > max) max = r;
      }
      out[f] = sum / t;
      out[filters + f] = max;
    }
    return out;
  };
}
