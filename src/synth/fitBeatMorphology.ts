import { solveLinearSystem } from '../dsp/solveLinearSystem.js';
import { korsVcg } from '../reconstruct/korsVcg.js';
import type { EcgRecord } from '../record/types.js';
import type { GlobalBeatBoundaries } from '../waves/types.js';
import type { MedianBeats } from '../waves/medianBeats.js';
import { RATE_EXPONENT, type BeatMorphology, type KernelWave, type WaveKernel } from './morphology.js';

/** Gaussian kernels per wave in the fit: enough to follow a notched wide QRS or a biphasic T. */
const KERNELS: Readonly<Record<KernelWave, number>> = { P: 3, QRS: 8, T: 5 };

/**
 * Fits ECGSYN-style Gaussian kernels to a 12-lead median beat: the beat is turned into X, Y, Z by the
 * Kors regression, kernels are laid evenly over each wave between sinus's global boundaries (P: 3, QRS:
 * 8, ST-T: 5; SD half the spacing), and their X/Y/Z amplitudes are the least-squares fit over the beat (40 ms before the first
 * wave to 60 ms after the T, relative to the PR-segment level). Times are normalised to RR = 1 s with the
 * model's rate exponents. Null when a boundary is missing or the beat lacks a lead the Kors VCG needs.
 *
 * @example
 * const { medianBeat, measurements } = measureWithMedianBeat(record, beats);
 * const shape = fitBeatMorphology(medianBeat.median, measurements.medianDelineation!.global[0], 'PTB-XL 12');
 */
export function fitBeatMorphology(median: MedianBeats, g: GlobalBeatBoundaries, source: string): BeatMorphology | null {
  if (g.qrsOnset === null || g.qrsOffset === null || g.tOffset === null || median.leads.length === 0 || median.medianRrSamples === null) return null;
  const fs = median.fsHz, n = median.leads[0].samples.length;
  const rec: EcgRecord = { name: 'median', fs, length: n, annotations: [], metadata: {}, leads: median.leads.map((l) => ({ name: l.lead, originalName: l.lead, samples: l.samples, info: { gain: 1000, baseline: 0, units: 'mV' } })) };
  let vcg;
  try { vcg = korsVcg(rec); } catch { return null; }
  const hasP = g.pOnset !== null && g.pOffset !== null && g.pOffset > g.pOnset;
  const start = Math.max(0, (hasP ? g.pOnset! : g.qrsOnset) - Math.round(0.04 * fs));
  const end = Math.min(n, g.tOffset + Math.round(0.06 * fs));
  // PR-segment level: the mean over the 10 ms before QRS onset.
  const lvl = (s: Float32Array) => { const a = Math.max(0, g.qrsOnset! - Math.round(0.01 * fs)); let t = 0; for (let i = a; i <= g.qrsOnset!; i++) t += s[i]; return t / (g.qrsOnset! - a + 1); };
  const spans: Array<[KernelWave, number, number]> = [['QRS', g.qrsOnset, g.qrsOffset], ['T', g.qrsOffset, g.tOffset]];
  if (hasP) spans.unshift(['P', g.pOnset!, g.pOffset!]);
  const basis: { wave: KernelWave; center: number; width: number }[] = [];
  for (const [wave, on, off] of spans) {
    const k = KERNELS[wave], step = (off - on) / k;
    for (let j = 0; j < k; j++) basis.push({ wave, center: on + (j + 0.5) * step, width: Math.max(1, 0.5 * step) });
  }
  const col = (b: { center: number; width: number }, i: number) => Math.exp(-((i - b.center) ** 2) / (2 * b.width * b.width));
  const ata = basis.map((bi) => basis.map((bj) => { let s = 0; for (let i = start; i < end; i++) s += col(bi, i) * col(bj, i); return s; }));
  const ridge = 1e-3 * ata.reduce((s, r, i) => s + r[i], 0) / basis.length;
  ata.forEach((r, i) => (r[i] += ridge));
  const amps = [vcg.x, vcg.y, vcg.z].map((s) => {
    const base = lvl(s);
    const atb = basis.map((b) => { let t = 0; for (let i = start; i < end; i++) t += col(b, i) * (s[i] - base); return t; });
    return solveLinearSystem(ata, atb);
  });
  if (amps.some((a) => a === null)) return null;
  const rrS = median.medianRrSamples / fs;
  const ms = (i: number) => ((i - median.fiducialIndex) / fs) * 1000;
  const qrsOffMs = ms(g.qrsOffset);
  const toUnitRr = (wave: KernelWave, tMs: number) => {
    const f = Math.pow(rrS, RATE_EXPONENT[wave]);
    return wave === 'T' ? qrsOffMs + (tMs - qrsOffMs) / f : tMs / f;
  };
  const kernels: WaveKernel[] = basis.map((b, j) => ({
    wave: b.wave,
    centerMs: toUnitRr(b.wave, ms(b.center)),
    widthMs: ((b.width / fs) * 1000) / Math.pow(rrS, RATE_EXPONENT[b.wave]),
    amplitudeMv: [amps[0]![j], amps[1]![j], amps[2]![j]],
  }));
  return {
    name: source,
    kernels,
    boundariesMs: {
      pOnset: hasP ? toUnitRr('P', ms(g.pOnset!)) : null,
      pOffset: hasP ? toUnitRr('P', ms(g.pOffset!)) : null,
      qrsOnset: ms(g.qrsOnset),
      qrsOffset: qrsOffMs,
      tOffset: toUnitRr('T', ms(g.tOffset)),
    },
    source,
  };
}
