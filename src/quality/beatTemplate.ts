import { scratchFloat32 } from './scratchBuffers.js';
/**
 * Median-beat templates and the part of a lead they do not explain. The residual is this stage's
 * noise estimate: what remains after each detected beat is replaced by a gain- and lag-fitted copy
 * of the median beat. Besides the dominant template, up to three ectopic ones are learnt from the
 * beats unlike it (bigeminy, multiform PVCs), so a beat that repeats a morphology seen in the lead
 * is explained, not counted as noise.
 */

export interface BeatTemplateFit {
  /** Dominant median beat, isoelectric start at 0 mV; index `preSamples` is the fiducial. */
  template: Float32Array;
  /** Second morphology (median of beats unlike the first), or null when there is none. */
  secondTemplate: Float32Array | null;
  preSamples: number;
  postSamples: number;
  /** Peak-to-peak amplitude of the dominant template within +-50 ms of the fiducial, in mV. */
  qrsPeakToPeakMv: number;
  /** Lead minus the fitted templates at every beat, in mV (same length as the lead; a reused work array). */
  residual: Float32Array;
  /** Mean Pearson correlation of each beat with the dominant template. */
  meanCorrelation: number;
  /** Ectopic templates learnt in the lead besides the dominant one (the first is `secondTemplate`). */
  extraTemplates: Float32Array[];
  /** Per residual beat: 1 when an ectopic (non-dominant) template explained it best. */
  ectopicBeats: Uint8Array;
  /**
   * Per residual beat: correlation over QRS and early ST-T with the template subtracted there
   * (-1 where none was: a detection the templates do not explain).
   */
  beatShapeCorrelation: Float32Array;
}

const MAX_TEMPLATE_BEATS = 80;
/** Ectopic templates at most besides the dominant one (multiform PVCs rarely show more). */
const MAX_EXTRA_TEMPLATES = 3;
/** A morphology must cover this share of the sampled beats to become a template (noise rarely repeats). */
const MIN_CLUSTER_SHARE = 0.02;
/** Unlike beats clustered at most (sampled evenly), which bounds the quadratic clustering. */
const MAX_CLUSTER_POOL = 150;
/** Correlation over QRS and early ST-T above which two beats share a morphology. */
const SAME_SHAPE_R = 0.9;
/** Share of detections resembling the dominant beat (r >= READABLE_R) needed to learn ectopic shapes. */
const MIN_READABLE_SHARE = 0.4;
const READABLE_R = 0.8;
/** Correlation an ectopic template must reach on a beat to be subtracted there. */
const ECTOPIC_FIT_R = 0.8;

function median(v: Float32Array): number {
  v.sort();
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

function correlation(x: Float32Array, from: number, t: Float32Array): number {
  let sx = 0;
  let st = 0;
  const n = t.length;
  for (let j = 0; j < n; j++) {
    sx += x[from + j];
    st += t[j];
  }
  const mx = sx / n;
  const mt = st / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let j = 0; j < n; j++) {
    const a = x[from + j] - mx;
    const b = t[j] - mt;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}

function medianTemplate(x: Float32Array, starts: number[], len: number, isoLen: number): Float32Array {
  const nb = starts.length;
  const col = new Float32Array(nb);
  const iso = new Float32Array(nb);
  for (let k = 0; k < nb; k++) {
    let s = 0;
    for (let j = 0; j < isoLen; j++) s += x[starts[k] + j];
    iso[k] = s / isoLen;
  }
  const t = new Float32Array(len);
  for (let j = 0; j < len; j++) {
    for (let k = 0; k < nb; k++) col[k] = x[starts[k] + j] - iso[k];
    t[j] = median(col);
  }
  return t;
}

/**
 * Fits median-beat templates on `templateBeats` and subtracts them at `residualBeats`. Returns null
 * with fewer than 3 usable template beats.
 *
 * @example
 * const fit = fitBeatTemplate(x, 360, agreedBeats, primaryBeats);
 * if (fit) console.log(fit.qrsPeakToPeakMv);
 */
export function fitBeatTemplate(
  x: Float32Array,
  fsHz: number,
  templateBeats: ArrayLike<number>,
  residualBeats: ArrayLike<number>,
): BeatTemplateFit | null {
  const n = x.length;
  if (templateBeats.length < 3) return null;
  // Window: 250 ms before to 450 ms after the fiducial, shortened for fast rates.
  const rr: number[] = [];
  for (let k = 1; k < templateBeats.length; k++) rr.push(templateBeats[k] - templateBeats[k - 1]);
  rr.sort((a, b) => a - b);
  const medRr = rr[rr.length >> 1];
  const pre = Math.max(2, Math.round(Math.min(0.25 * fsHz, 0.35 * medRr)));
  const post = Math.max(2, Math.round(Math.min(0.45 * fsHz, 0.6 * medRr)));
  const len = pre + post;
  const isoLen = Math.max(1, Math.round(0.04 * fsHz));
  const lag = Math.max(1, Math.round(0.006 * fsHz));
  const core = Math.max(2, Math.round(0.05 * fsHz));

  const candidates: number[] = [];
  for (let k = 0; k < templateBeats.length; k++) {
    const s = templateBeats[k] - pre;
    if (s - lag >= 0 && s + len + lag <= n) candidates.push(s);
  }
  if (candidates.length < 3) return null;
  const step = Math.max(1, candidates.length / MAX_TEMPLATE_BEATS);
  const starts: number[] = [];
  for (let f = 0; f < candidates.length && starts.length < MAX_TEMPLATE_BEATS; f += step) starts.push(candidates[Math.floor(f)]);
  let template = medianTemplate(x, starts, len, isoLen);
  // Likeness is judged on the QRS core only: baseline drift over the whole window is not a shape.
  const wideCore = Math.min(pre, post - 1, 2 * core);
  const coreCorrelation = (s: number, t: Float32Array) => correlation(x, s + pre - wideCore, t.subarray(pre - wideCore, pre + wideCore + 1));
  // In heavy noise many detections are false; rebuild the dominant template from the beats that
  // resemble the first estimate when they are the majority.
  const like = starts.filter((s) => coreCorrelation(s, template) >= 0.5);
  if (like.length >= 3 && like.length >= 0.5 * starts.length && like.length < starts.length) template = medianTemplate(x, like, len, isoLen);

  // Beats unlike every template so far form further templates (ectopic morphologies: bigeminy,
  // multiform PVCs), one cluster at a time around the unlike beat with the most look-alikes.
  // Likeness here spans QRS and early ST-T (a PVC can share the QRS polarity of the normal beat
  // and still differ in width and repolarisation), and every beat is scanned, not the 80 sampled
  // ones: a 5% morphology would be 4 beats of a sample.
  const shapeLo = pre - wideCore;
  const shapeHi = Math.min(len, pre + Math.round(0.3 * fsHz));
  const shapeCorrelation = (s: number, t: Float32Array) => correlation(x, s + shapeLo, t.subarray(shapeLo, shapeHi));
  const extra: Float32Array[] = [];
  const unlikeAll = candidates.filter((s) => shapeCorrelation(s, template) < SAME_SHAPE_R);
  const poolStep = Math.max(1, unlikeAll.length / MAX_CLUSTER_POOL);
  let unlike: number[] = [];
  for (let f = 0; f < unlikeAll.length && unlike.length < MAX_CLUSTER_POOL; f += poolStep) unlike.push(unlikeAll[Math.floor(f)]);
  // Beats a pool member stands for among all candidates.
  const weight = unlikeAll.length / Math.max(1, unlike.length);
  const minCluster = Math.max(3, MIN_CLUSTER_SHARE * candidates.length);
  // Ectopic shapes are learnt only where the dominant beat is readable: when most detections do
  // not even resemble it, the lead is noise-dominated and a repeating 'morphology' is as likely a
  // repeating artefact (electrode motion makes beat-like bumps).
  let dominantLike = 0;
  for (const s of candidates) if (shapeCorrelation(s, template) >= READABLE_R) dominantLike++;
  const readable = dominantLike >= MIN_READABLE_SHARE * candidates.length;
  while (readable && extra.length < MAX_EXTRA_TEMPLATES && unlike.length * weight >= minCluster) {
    let bestCluster: number[] = [];
    for (const seed of unlike) {
      const t = x.subarray(seed, seed + len);
      const cluster = unlike.filter((s) => shapeCorrelation(s, t) >= SAME_SHAPE_R);
      if (cluster.length > bestCluster.length) bestCluster = cluster;
    }
    if (bestCluster.length < 3 || bestCluster.length * weight < minCluster) break;
    const t = medianTemplate(x, bestCluster.length > MAX_TEMPLATE_BEATS ? bestCluster.slice(0, MAX_TEMPLATE_BEATS) : bestCluster, len, isoLen);
    extra.push(t);
    unlike = unlike.filter((s) => shapeCorrelation(s, t) < SAME_SHAPE_R);
  }
  const secondTemplate = extra.length ? extra[0] : null;

  // Signal amplitude as sigamp measures it: peak-to-peak within +-50 ms of the R wave. A fused or
  // slope-based fiducial can sit up to a few tens of ms from this lead's R, so centre the window on
  // the template's largest deflection near the fiducial.
  let centre = pre;
  let big = -1;
  const reach = Math.round(1.5 * core);
  for (let j = Math.max(0, pre - reach); j <= Math.min(len - 1, pre + reach); j++) {
    const a = Math.abs(template[j] - template[0]);
    if (a > big) {
      big = a;
      centre = j;
    }
  }
  let qMax = -Infinity;
  let qMin = Infinity;
  for (let j = Math.max(0, centre - core); j <= Math.min(len - 1, centre + core); j++) {
    if (template[j] > qMax) qMax = template[j];
    if (template[j] < qMin) qMin = template[j];
  }

  const templates = [template, ...extra];
  // Centred core statistics of each template: the lag/template choice must not depend on baseline.
  const m = 2 * core + 1;
  const templateCoreSum = templates.map((t) => {
    let e = 0;
    for (let j = pre - core; j <= pre + core; j++) e += t[j];
    return e;
  });
  const templateCoreEnergy = templates.map((t, ti) => {
    let e = 0;
    for (let j = pre - core; j <= pre + core; j++) e += t[j] * t[j];
    return e - (templateCoreSum[ti] * templateCoreSum[ti]) / m;
  });
  const residual = scratchFloat32('template.residual', n);
  residual.set(x);
  let corrSum = 0;
  let corrCount = 0;
  const nr = residualBeats.length;
  const ectopicBeats = new Uint8Array(nr);
  const beatShapeR = new Float32Array(nr).fill(-1);
  for (let k = 0; k < nr; k++) {
    const b = residualBeats[k];
    let lo = Math.max(0, b - pre);
    let hi = Math.min(n, b + post);
    if (k > 0) lo = Math.max(lo, (residualBeats[k - 1] + b + 1) >> 1);
    if (k < nr - 1) hi = Math.min(hi, (b + residualBeats[k + 1] + 1) >> 1);
    if (hi - lo < 2) continue;
    // Pick template and lag by the core correlation, then a least-squares gain.
    let bestT = template;
    let bestTi = 0;
    let bestLag = 0;
    let bestShape = -Infinity;
    for (let ti = 0; ti < templates.length; ti++) {
      const t = templates[ti];
      const tt = templateCoreEnergy[ti];
      const ts = templateCoreSum[ti];
      let lagScore = -Infinity;
      let tLag = 0;
      for (let d = -lag; d <= lag; d++) {
        let s = 0;
        let sx = 0;
        for (let j = pre - core; j <= pre + core; j++) {
          const i = b + d + j - pre;
          if (i >= 0 && i < n) {
            s += x[i] * t[j];
            sx += x[i];
          }
        }
        const score = tt > 0 ? (s - (sx * ts) / m) / Math.sqrt(tt) : -Infinity;
        if (score > lagScore) {
          lagScore = score;
          tLag = d;
        }
      }
      // The template is chosen on QRS and early ST-T, where ectopic and normal beats differ most.
      const so = b + tLag - pre + shapeLo;
      const shape = so >= 0 && so + shapeHi - shapeLo <= n ? correlation(x, so, t.subarray(shapeLo, shapeHi)) : lagScore > -Infinity ? -1 : -Infinity;
      // An ectopic template must fit as well as its own cluster did: in noise, a loose match to a
      // learnt artefact shape must not explain the artefact away.
      if (ti > 0 && shape < ECTOPIC_FIT_R) continue;
      if (shape > bestShape) {
        bestShape = shape;
        bestT = t;
        bestTi = ti;
        bestLag = tLag;
      }
    }
    const o = b + bestLag - pre; // sample index of template[0]
    let sx = 0;
    let st = 0;
    let cnt = 0;
    for (let j = pre - core; j <= pre + core; j++) {
      const i = o + j;
      if (i < 0 || i >= n) continue;
      sx += x[i];
      st += bestT[j];
      cnt++;
    }
    if (cnt === 0) continue;
    const mx = sx / cnt;
    const mt = st / cnt;
    let sxy = 0;
    let stt = 0;
    for (let j = pre - core; j <= pre + core; j++) {
      const i = o + j;
      if (i < 0 || i >= n) continue;
      sxy += (x[i] - mx) * (bestT[j] - mt);
      stt += (bestT[j] - mt) * (bestT[j] - mt);
    }
    const lsGain = stt > 0 ? sxy / stt : 0;
    // A 'beat' the template barely explains is a false detection: subtracting there adds noise.
    if (lsGain < 0.4) continue;
    if (bestTi > 0) ectopicBeats[k] = 1;
    beatShapeR[k] = bestShape;
    const gain = Math.min(2, lsGain);
    // No level is subtracted: the template starts isoelectric at 0 mV, so the residual keeps the
    // baseline and joins the raw samples between beat windows without steps.
    // P and ST-T waves vary in size apart from the QRS (respiration, rate): their own gain, fitted
    // on the window outside the QRS core with the mean removed, within 0.5-1.5x of the QRS gain.
    let wx = 0, wt = 0, wc = 0;
    for (let i = lo; i < hi; i++) {
      const j = i - o;
      if (j < 0 || j >= len || (j >= pre - core && j <= pre + core)) continue;
      wx += x[i];
      wt += bestT[j];
      wc++;
    }
    let wave = gain;
    if (wc > 4) {
      const mxw = wx / wc;
      const mtw = wt / wc;
      let sxt = 0, stt2 = 0;
      for (let i = lo; i < hi; i++) {
        const j = i - o;
        if (j < 0 || j >= len || (j >= pre - core && j <= pre + core)) continue;
        sxt += (x[i] - mxw) * (bestT[j] - mtw);
        stt2 += (bestT[j] - mtw) * (bestT[j] - mtw);
      }
      if (stt2 > 0) wave = Math.min(1.5 * gain, Math.max(0.5 * gain, sxt / stt2));
    }
    for (let i = lo; i < hi; i++) {
      const j = i - o;
      if (j >= 0 && j < len) residual[i] = x[i] - (j >= pre - core && j <= pre + core ? gain : wave) * bestT[j];
    }
    if (o >= 0 && o + len <= n) {
      corrSum += correlation(x, o, template);
      corrCount++;
    }
  }
  return {
    template,
    secondTemplate,
    preSamples: pre,
    postSamples: post,
    qrsPeakToPeakMv: qMax - qMin,
    residual,
    meanCorrelation: corrCount ? corrSum / corrCount : 0,
    extraTemplates: extra,
    ectopicBeats,
    beatShapeCorrelation: beatShapeR,
  };
}
