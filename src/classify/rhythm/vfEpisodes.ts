/**
 * Ventricular flutter / fibrillation found on the signal alone, so it is found even when the beat
 * detector fails on it. VF/VFL is a continuous, nearly sinusoidal oscillation at 2.5-8 Hz
 * (150-480 /min): its spectrum is concentrated around one dominant frequency (Barro et al. 1989),
 * it has little power above 12 Hz (no sharp QRS), and the signal is away from baseline most of
 * the time (no isoelectric segments; cf. the threshold-crossing interval idea of Thakor 1990).
 */
import { powerSpectrumInto, spectrumWorkspace } from './powerSpectrum.js';

export interface VfWindow {
  startSample: number;
  endSample: number;
  dominantHz: number;
  /** Share of 0.5-30 Hz power within +-1 Hz of the dominant frequency. */
  concentration: number;
  /** Share of 0.5-30 Hz power above 12 Hz. */
  highFrequencyShare: number;
  /** Share of samples whose distance from the window median exceeds 20% of its 95th percentile. */
  activeShare: number;
  /** 0..1 evidence of VF/VFL. */
  score: number;
}

const WINDOW_S = 4;
const STEP_S = 1;

/**
 * VF/VFL evidence in 4 s windows stepped by 1 s.
 *
 * @example
 * const wins = vfWindows(record.leads[0].samples, record.fs);
 */
export function vfWindows(signal: Float32Array, fsHz: number): VfWindow[] {
  const len = Math.round(WINDOW_S * fsHz);
  const step = Math.round(STEP_S * fsHz);
  const out: VfWindow[] = [];
  if (signal.length < len || !(fsHz >= 50)) return out;
  const ws = spectrumWorkspace(len);
  const binHz = fsHz / ws.n;
  const dev = new Float64Array(len);
  const hiBin = Math.min(ws.n / 2, Math.floor(30 / binHz));
  for (let s = 0; s + len <= signal.length; s += step) {
    const p = powerSpectrumInto(signal, s, ws);
    let total = 0, high = 0, best = 0, bestK = 0;
    for (let k = Math.ceil(0.5 / binHz); k <= hiBin; k++) {
      total += p[k];
      const f = k * binHz;
      if (f > 12) high += p[k];
      if (f >= 1.5 && f <= 9 && p[k] > best) { best = p[k]; bestK = k; }
    }
    if (!(total > 0)) continue;
    const dominantHz = bestK * binHz;
    let around = 0;
    const w = Math.round(1 / binHz);
    for (let k = Math.max(0, bestK - w); k <= Math.min(hiBin, bestK + w); k++) around += p[k];
    const concentration = around / total;
    const highFrequencyShare = high / total;
    // Activity: how much of the window is away from baseline.
    for (let i = 0; i < len; i++) dev[i] = signal[s + i];
    const sorted = dev.slice().sort();
    const med = sorted[len >> 1];
    for (let i = 0; i < len; i++) dev[i] = Math.abs(dev[i] - med);
    dev.sort();
    const p95 = dev[Math.floor(0.95 * (len - 1))];
    let active = 0;
    if (p95 > 0) for (let i = 0; i < len; i++) if (Math.abs(signal[s + i] - med) > 0.2 * p95) active++;
    const activeShare = active / len;
    const inBand = dominantHz >= 2.5 && dominantHz <= 8 ? 1 : 0;
    const score = inBand * sigmoid((concentration - 0.45) / 0.06) * sigmoid((0.12 - highFrequencyShare) / 0.03) * sigmoid((activeShare - 0.6) / 0.05);
    out.push({ startSample: s, endSample: s + len, dominantHz, concentration, highFrequencyShare, activeShare, score });
  }
  return out;
}

/**
 * VF/VFL runs: at least `minWindows` consecutive windows scoring >= 0.5, as sample spans.
 *
 * @example
 * const runs = vfRuns(vfWindows(lead, 360)); // [{ startSample, endSample, confidence }]
 */
export function vfRuns(windows: VfWindow[], minWindows = 2): Array<{ startSample: number; endSample: number; confidence: number }> {
  const out: Array<{ startSample: number; endSample: number; confidence: number }> = [];
  let i = 0;
  while (i < windows.length) {
    if (windows[i].score < 0.5) { i++; continue; }
    let j = i;
    let s = windows[i].score;
    while (j + 1 < windows.length && windows[j + 1].score >= 0.5 && windows[j + 1].startSample <= windows[j].endSample) { j++; s += windows[j].score; }
    if (j - i + 1 >= minWindows) out.push({ startSample: windows[i].startSample, endSample: windows[j].endSample, confidence: s / (j - i + 1) });
    i = j + 1;
  }
  return out;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
