/**
 * Features of a short single-lead strip (9-60 s) for the strip rhythm label: RR regularity, P-wave
 * presence, beat morphology (a 48-point normalised median beat), atrial activity and signal
 * quality. Computed identically at training (training/strip-rhythm) and at run time.
 */
import { butterworthFilter, regionCorrelation } from '../../dsp/index.js';
import { rrIrregularityByBeat } from '../rhythm/rrIrregularity.js';
import { rrSeriesFromBeats } from '../rhythm/rrIntervals.js';
import { qrsConsistencyByBeat } from '../rhythm/qrsConsistency.js';
import { pWaveConsistencyByBeat } from '../rhythm/pWaveConsistency.js';
import { powerSpectrumInto, spectrumWorkspace } from '../rhythm/powerSpectrum.js';

/** Points of the median-beat shape in the feature vector. */
export const TEMPLATE_POINTS = 48;
const TEMPLATE_FROM_S = 0.25;
const TEMPLATE_TO_S = 0.45;

/** Names of the scalar features, in vector order (the template points follow). */
export const STRIP_SCALAR_FEATURES = [
  'durationS', 'beatCount', 'rateBpm', 'rrMedianS', 'rrIqrRel', 'rrCv', 'rmssdRel', 'irregularityAll', 'irregularityLag1',
  'irregularityWindowMedian', 'irregularityWindowMax', 'turningPointRatio', 'cosEn', 'pnn50', 'rrMinRel', 'rrMaxRel', 'prematureShare', 'longShare',
  'rrEntropy', 'sd1Rel', 'sd2Rel', 'sd1OverSd2', 'pWaveConsistency', 'pWaveConsistencyMin', 'beatCorrMedian', 'beatCorrP10', 'qrsWidthS',
  'pRegionEnergyRel', 'tRegionEnergyRel', 'residualAtrialRel', 'residualEnergyRel', 'hfShare', 'lfShare', 'flatShare', 'kurtosis',
  'amplitudeP99Mv', 'rateMismatch', 'polarityFlipped', 'longestGapS', 'beatAmplitudeCv',
  'qrsConsistencyMedian', 'qrsConsistencyP10', 'unlikeQrsShare', 'irregularityDominantQrs', 'pWaveConsistencyDominantQrs',
  'rateMin8Bpm', 'rateMax8Bpm', 'irregularityLag2',
] as const;

/** Length of the feature vector. */
export const STRIP_FEATURE_COUNT = STRIP_SCALAR_FEATURES.length + TEMPLATE_POINTS;

/**
 * The feature vector of a strip (one lead, mV) given its beats. Unknown features (e.g. RR features
 * with fewer than 4 beats) are written as 0 together with `beatCount` so the model sees why.
 *
 * @example
 * const f = stripFeatures(lead.samples, 300, detectBeats(rec).samples); // Float32Array(STRIP_FEATURE_COUNT)
 */
export function stripFeatures(signal: Float32Array, fsHz: number, beats: Int32Array): Float32Array {
  const out = new Float32Array(STRIP_FEATURE_COUNT);
  const set = (name: (typeof STRIP_SCALAR_FEATURES)[number], v: number): void => {
    out[STRIP_SCALAR_FEATURES.indexOf(name)] = Number.isFinite(v) ? v : 0;
  };
  const n = signal.length;
  const x = new Float32Array(n);
  let flat = 0;
  for (let i = 0; i < n; i++) {
    const v = signal[i];
    x[i] = v === v ? v : 0;
    if (i > 0 && x[i] === x[i - 1]) flat++;
  }
  const clean = butterworthFilter(x, fsHz, 'bandpass', 2, [0.5, Math.min(40, 0.45 * fsHz)]);
  set('durationS', n / fsHz);
  set('beatCount', beats.length);
  set('flatShare', n > 1 ? flat / (n - 1) : 1);

  // Signal quality: spectral shares, kurtosis, amplitude.
  const segLen = Math.min(n, Math.round(4 * fsHz));
  if (segLen >= 64) {
    const ws = spectrumWorkspace(segLen);
    const acc = new Float64Array(ws.n / 2 + 1);
    for (let s = 0; s + segLen <= n; s += segLen) {
      const p = powerSpectrumInto(x, s, ws);
      for (let k = 0; k < acc.length; k++) acc[k] += p[k];
    }
    const bin = fsHz / ws.n;
    let total = 0, hf = 0, lf = 0;
    for (let k = 1; k < acc.length; k++) {
      const f = k * bin;
      total += acc[k];
      if (f > 40) hf += acc[k];
      if (f < 0.7) lf += acc[k];
    }
    set('hfShare', total > 0 ? hf / total : 0);
    set('lfShare', total > 0 ? lf / total : 0);
  }
  let m1 = 0;
  for (let i = 0; i < n; i++) m1 += clean[i];
  m1 /= Math.max(1, n);
  let m2 = 0, m4 = 0;
  for (let i = 0; i < n; i++) { const d = clean[i] - m1; m2 += d * d; m4 += d * d * d * d; }
  m2 /= Math.max(1, n); m4 /= Math.max(1, n);
  set('kurtosis', m2 > 0 ? Math.log(m4 / (m2 * m2)) : 0);
  const absSorted = Float32Array.from(clean, (v) => Math.abs(v)).sort();
  const p99 = absSorted[Math.floor(0.99 * (n - 1))] ?? 0;
  set('amplitudeP99Mv', p99);

  const nb = beats.length;
  if (nb < 2) return out;
  // RR features.
  const rr = new Float64Array(nb - 1);
  for (let i = 0; i + 1 < nb; i++) rr[i] = (beats[i + 1] - beats[i]) / fsHz;
  const sorted = Float64Array.from(rr).sort();
  const q = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];
  const med = q(0.5);
  let mean = 0;
  for (const v of rr) mean += v;
  mean /= rr.length;
  let sd = 0, ssd = 0, nn50 = 0;
  for (let i = 0; i < rr.length; i++) {
    sd += (rr[i] - mean) ** 2;
    if (i > 0) { const d = rr[i] - rr[i - 1]; ssd += d * d; if (Math.abs(d) > 0.05) nn50++; }
  }
  sd = Math.sqrt(sd / rr.length);
  const rmssd = rr.length > 1 ? Math.sqrt(ssd / (rr.length - 1)) : 0;
  set('rateBpm', 60 / mean);
  set('rrMedianS', med);
  set('rrIqrRel', (q(0.75) - q(0.25)) / med);
  set('rrCv', sd / mean);
  set('rmssdRel', rmssd / mean);
  set('pnn50', rr.length > 1 ? nn50 / (rr.length - 1) : 0);
  set('rrMinRel', sorted[0] / med);
  set('rrMaxRel', sorted[sorted.length - 1] / med);
  let premature = 0, long = 0;
  for (const v of rr) { if (v < 0.85 * med) premature++; if (v > 1.15 * med) long++; }
  set('prematureShare', premature / rr.length);
  set('longShare', long / rr.length);
  let longestGap = Math.max(beats[0], n - beats[nb - 1]) / fsHz;
  for (const v of rr) if (v > longestGap) longestGap = v;
  set('longestGapS', longestGap);
  if (rr.length >= 4) {
    const series = { rrS: rr, ectopic: new Uint8Array(rr.length) };
    const whole = rrIrregularityByBeat(series, rr.length);
    set('irregularityAll', whole.irregularity[0]);
    set('turningPointRatio', whole.turningPointRatio[0]);
    const d1 = new Float64Array(rr.length - 1);
    for (let i = 0; i + 1 < rr.length; i++) d1[i] = Math.abs(rr[i + 1] - rr[i]) / (0.5 * (rr[i + 1] + rr[i]));
    d1.sort();
    set('irregularityLag1', d1[d1.length >> 1]);
    const win = rrIrregularityByBeat(series, Math.min(16, rr.length)).irregularity;
    const w = Array.from(win).filter((v) => v === v).sort((a, b) => a - b);
    if (w.length) { set('irregularityWindowMedian', w[w.length >> 1]); set('irregularityWindowMax', w[w.length - 1]); }
    set('cosEn', coefficientOfSampleEntropy(rr));
    set('rrEntropy', histogramEntropy(rr, med));
    let s1 = 0, s2 = 0;
    for (let i = 0; i + 1 < rr.length; i++) {
      const a = (rr[i + 1] - rr[i]) / Math.SQRT2, b = (rr[i + 1] + rr[i] - 2 * mean) / Math.SQRT2;
      s1 += a * a; s2 += b * b;
    }
    const sd1 = Math.sqrt(s1 / (rr.length - 1)), sd2 = Math.sqrt(s2 / (rr.length - 1));
    set('sd1Rel', sd1 / mean);
    set('sd2Rel', sd2 / mean);
    set('sd1OverSd2', sd2 > 0 ? sd1 / sd2 : 0);
  }
  // Beats unlike the dominant QRS (ectopics, artefacts): their share, and RR irregularity and
  // P-wave consistency without them (as the Holter AF detector does).
  const qc = qrsConsistencyByBeat(clean, fsHz, beats);
  const qcs = Array.from(qc).filter((v) => v === v).sort((p, r) => p - r);
  if (qcs.length) {
    set('qrsConsistencyMedian', qcs[qcs.length >> 1]);
    set('qrsConsistencyP10', qcs[Math.floor(0.1 * (qcs.length - 1))]);
    set('unlikeQrsShare', qcs.filter((v) => v < 0.7).length / qcs.length);
  }
  const timing = Array.from(qc, (c) => (c < 0.7 ? 'V' : 'N'));
  if (rr.length >= 4) {
    const dom = rrIrregularityByBeat(rrSeriesFromBeats(beats, fsHz, timing), rr.length).irregularity[0];
    set('irregularityDominantQrs', dom === dom ? dom : out[STRIP_SCALAR_FEATURES.indexOf('irregularityAll')]);
    const d2 = new Float64Array(Math.max(0, rr.length - 2));
    for (let i = 0; i + 2 < rr.length; i++) d2[i] = Math.abs(rr[i + 2] - rr[i]) / (0.5 * (rr[i + 2] + rr[i]));
    if (d2.length) { d2.sort(); set('irregularityLag2', d2[d2.length >> 1]); }
  }
  const pcd = Array.from(pWaveConsistencyByBeat(clean, fsHz, beats, Math.max(6, nb), (k) => timing[k] === 'N')).filter((v) => v === v);
  if (pcd.length) set('pWaveConsistencyDominantQrs', pcd[pcd.length >> 1]);
  {
    const w = Math.min(8, rr.length);
    let sum = 0;
    for (let i = 0; i < w; i++) sum += rr[i];
    let lo = sum, hi = sum;
    for (let i = w; i < rr.length; i++) { sum += rr[i] - rr[i - w]; if (sum < lo) lo = sum; if (sum > hi) hi = sum; }
    set('rateMax8Bpm', (60 * w) / lo);
    set('rateMin8Bpm', (60 * w) / hi);
  }
  // Rate cross-check: the dominant autocorrelation period of the QRS energy vs. the beat rate,
  // a detector that misses or doubles beats shows here.
  set('rateMismatch', rateMismatch(clean, fsHz, 60 / mean));

  // Morphology: median beat, polarity, correlation of beats with it.
  const a = Math.round(TEMPLATE_FROM_S * fsHz), b = Math.round(TEMPLATE_TO_S * fsHz);
  const len = a + b;
  const usable: number[] = [];
  for (let k = 0; k < nb; k++) if (beats[k] - a >= 0 && beats[k] + b <= n) usable.push(k);
  if (usable.length < 2) return out;
  const tmpl = new Float32Array(len);
  const col = new Float32Array(usable.length);
  for (let i = 0; i < len; i++) {
    for (let j = 0; j < usable.length; j++) col[j] = clean[beats[usable[j]] - a + i];
    col.sort();
    tmpl[i] = col[col.length >> 1];
  }
  // Polarity: the QRS (+-60 ms) extreme decides; the device may be held either way round.
  const qa = a - Math.round(0.06 * fsHz), qb = a + Math.round(0.06 * fsHz);
  let mx = -Infinity, mn = Infinity;
  for (let i = qa; i <= qb; i++) { if (tmpl[i] > mx) mx = tmpl[i]; if (tmpl[i] < mn) mn = tmpl[i]; }
  const flip = -mn > mx ? -1 : 1;
  set('polarityFlipped', flip < 0 ? 1 : 0);
  const qrsAmp = Math.max(1e-3, mx - mn);
  const corrs: number[] = [];
  const amps: number[] = [];
  for (const k of usable) {
    corrs.push(regionCorrelation(clean, beats[k] - a, tmpl, 0, 0, len) || 0);
    let bmx = -Infinity, bmn = Infinity;
    for (let i = qa; i <= qb; i++) { const v = clean[beats[k] - a + i]; if (v > bmx) bmx = v; if (v < bmn) bmn = v; }
    amps.push(bmx - bmn);
  }
  corrs.sort((p, r) => p - r);
  set('beatCorrMedian', corrs[corrs.length >> 1]);
  set('beatCorrP10', corrs[Math.floor(0.1 * (corrs.length - 1))]);
  let am = 0, as = 0;
  for (const v of amps) am += v;
  am /= amps.length;
  for (const v of amps) as += (v - am) ** 2;
  set('beatAmplitudeCv', am > 0 ? Math.sqrt(as / amps.length) / am : 0);
  // QRS width: span around the fiducial where the slope exceeds 15% of its maximum.
  let maxSlope = 0;
  for (let i = qa; i < qb; i++) maxSlope = Math.max(maxSlope, Math.abs(tmpl[i + 1] - tmpl[i]));
  let lo = a, hi = a;
  const lim = Math.round(0.1 * fsHz);
  while (lo > a - lim && Math.abs(tmpl[lo] - tmpl[lo - 1]) > 0.15 * maxSlope) lo--;
  while (hi < a + lim && Math.abs(tmpl[hi + 1] - tmpl[hi]) > 0.15 * maxSlope) hi++;
  set('qrsWidthS', (hi - lo) / fsHz);
  const regionEnergy = (from: number, to: number): number => {
    let e = 0;
    for (let i = Math.max(0, from); i < Math.min(len, to); i++) e += tmpl[i] * tmpl[i];
    return Math.sqrt(e / Math.max(1, to - from)) / qrsAmp;
  };
  set('pRegionEnergyRel', regionEnergy(a - Math.round(0.25 * fsHz), a - Math.round(0.08 * fsHz)));
  set('tRegionEnergyRel', regionEnergy(a + Math.round(0.15 * fsHz), a + Math.round(0.45 * fsHz)));
  const pc = pWaveConsistencyByBeat(clean, fsHz, beats, Math.max(6, nb));
  const pcs = Array.from(pc).filter((v) => v === v);
  if (pcs.length) { set('pWaveConsistency', pcs[pcs.length >> 1]); }
  const pcw = Array.from(pWaveConsistencyByBeat(clean, fsHz, beats, 10)).filter((v) => v === v).sort((p, r) => p - r);
  if (pcw.length) set('pWaveConsistencyMin', pcw[0]);
  // Atrial activity: what is left between beats after subtracting the median beat, in 4-9 Hz.
  const residual = Float32Array.from(clean);
  for (const k of usable) for (let i = 0; i < len; i++) residual[beats[k] - a + i] -= tmpl[i];
  const atrial = butterworthFilter(residual, fsHz, 'bandpass', 2, [4, 9]);
  let ea = 0, er = 0;
  for (let i = 0; i < n; i++) { ea += atrial[i] * atrial[i]; er += residual[i] * residual[i]; }
  set('residualAtrialRel', Math.sqrt(ea / n) / qrsAmp);
  set('residualEnergyRel', Math.sqrt(er / n) / qrsAmp);
  // The median beat itself, resampled to TEMPLATE_POINTS and scaled by its QRS amplitude.
  const base = STRIP_SCALAR_FEATURES.length;
  for (let p = 0; p < TEMPLATE_POINTS; p++) {
    const t = (p * (len - 1)) / (TEMPLATE_POINTS - 1);
    const i0 = Math.floor(t), fr = t - i0;
    const v = i0 + 1 < len ? tmpl[i0] * (1 - fr) + tmpl[i0 + 1] * fr : tmpl[i0];
    out[base + p] = (flip * v) / qrsAmp;
  }
  return out;
}


/** Coefficient of sample entropy (Lake & Moorman 2011), m = 1, r = 30 ms; 0 when undefined. */
function coefficientOfSampleEntropy(rr: Float64Array): number {
  const r = 0.03;
  const n = rr.length;
  let a = 0, b = 0;
  for (let i = 0; i + 1 < n; i++) {
    for (let j = i + 1; j + 1 < n; j++) {
      if (Math.abs(rr[i] - rr[j]) <= r) {
        b++;
        if (Math.abs(rr[i + 1] - rr[j + 1]) <= r) a++;
      }
    }
  }
  if (a === 0 || b === 0) return Math.log(2 * r) - Math.log(rr.reduce((s, v) => s + v, 0) / n) + Math.log(Math.max(1, b));
  let mean = 0;
  for (const v of rr) mean += v;
  mean /= n;
  return -Math.log(a / b) + Math.log(2 * r) - Math.log(mean);
}

/** Shannon entropy (bits) of the RR histogram over 0.5-1.5 x median in 16 bins. */
function histogramEntropy(rr: Float64Array, med: number): number {
  const h = new Float64Array(16);
  for (const v of rr) {
    const k = Math.floor(((v / med - 0.5) / 1) * 16);
    h[Math.max(0, Math.min(15, k))]++;
  }
  let e = 0;
  for (const c of h) if (c > 0) { const p = c / rr.length; e -= p * Math.log2(p); }
  return e;
}

/** log(beat rate / autocorrelation rate) of the QRS-band energy; 0 when no clear period. */
function rateMismatch(clean: Float32Array, fsHz: number, beatRateBpm: number): number {
  // Energy envelope at 50 Hz.
  const step = Math.max(1, Math.round(fsHz / 50));
  const m = Math.floor(clean.length / step);
  if (m < 100) return 0;
  const env = new Float64Array(m);
  for (let i = 1; i < m * step; i++) { const d = clean[i] - clean[i - 1]; env[Math.floor(i / step)] += d * d; }
  let mean = 0;
  for (const v of env) mean += v;
  mean /= m;
  for (let i = 0; i < m; i++) env[i] -= mean;
  const fsEnv = fsHz / step;
  const minLag = Math.round(0.25 * fsEnv), maxLag = Math.min(m - 1, Math.round(2 * fsEnv));
  let best = -Infinity, bestLag = 0;
  for (let lag = minLag; lag <= maxLag; lag++) {
    let s = 0;
    for (let i = 0; i + lag < m; i++) s += env[i] * env[i + lag];
    s /= m - lag;
    if (s > best) { best = s; bestLag = lag; }
  }
  if (!(best > 0) || bestLag === 0) return 0;
  return Math.log(beatRateBpm / ((60 * fsEnv) / bestLag));
}
