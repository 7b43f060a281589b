import { analysisWindowStarts, centredRmsOutside, goertzelAmplitude } from './analysisWindows.js';
import { beatAgreementSqi } from './beatAgreement.js';
import { fitBeatTemplatesByBlock } from './fitBeatTemplatesByBlock.js';
import { applyBiquads, highPassBiquad, notchBiquad } from './biquad.js';
import { curveLengthBeats } from './curveLengthBeats.js';
import { clippingFindings, flatLineFindings } from './flatLineRuns.js';
import { leadScore } from './qualityScore.js';
import { nstdbSnrDb, trimmedMean } from './signalPreparation.js';
import { centredMovingAverage } from './smoothing.js';
import { bandPowerSqis, kurtosisSqi } from './spectralIndices.js';
import { stepFindings } from './stepFindings.js';
import type { LeadQuality, QualityFinding, QualityIndices, QualitySegment, QualityVerdict } from './types.js';
import { scratchFloat32, scratchUint8 } from './scratchBuffers.js';
import { findingsFromWindowLevels, levelAbove, levelBelow, round3 } from './windowFindings.js';

/** Windows whose NSTDB-style SNR is below this are unusable (QRS detection breaks down there). */
export const UNUSABLE_SNR_DB = 0;
/** Component SNR thresholds (dB) for mild / moderate / severe muscle and motion findings. */
const COMPONENT_SNR_DB = [18, 12, 6] as const;
/** Baseline excursion within one window (mV) for mild / moderate / severe baseline wander. */
const BASELINE_EXCURSION_MV = [0.15, 0.5, 1.0] as const;
/**
 * High-band RMS that is mild muscle noise whatever the QRS size: twice what IEC 60601-2-25 lets an
 * electrocardiograph add itself (30 uV peak-to-valley, about 5 uV RMS).
 */
const MUSCLE_MILD_MV = 0.01;
/** Mains amplitude (mV peak) for mild / moderate / severe powerline interference. */
const POWERLINE_MV = [0.02, 0.05, 0.15] as const;

export interface LeadInput {
  name: string;
  /** Gap-filled samples in mV. */
  x: Float32Array;
  /** ADC step in mV (0.001 when unknown). */
  lsbMv: number;
  missingCount: number;
  primaryBeats: Int32Array | null;
}

export interface LeadAnalysis {
  quality: LeadQuality;
  /** Per analysis window: 1 when unusable. */
  unusableWindows: Uint8Array;
  /** Per analysis window: the reasons, when unusable. */
  windowReasons: string[][];
}

/** Per window: [amplitude at `f`, mean amplitude at f +- 3 Hz] (mV peak), interleaved. */
function mainsExcess(x: Float32Array, starts: Int32Array, f: number, fsHz: number): Float64Array {
  const nw = starts.length - 1;
  const out = new Float64Array(nw * 2);
  for (let k = 0; k < nw; k++) {
    const a = goertzelAmplitude(x, starts[k], starts[k + 1], f, fsHz);
    const ref = 0.5 * (goertzelAmplitude(x, starts[k], starts[k + 1], f - 3, fsHz) + goertzelAmplitude(x, starts[k], starts[k + 1], f + 3, fsHz));
    out[2 * k] = a;
    out[2 * k + 1] = ref;
  }
  return out;
}

/**
 * Everything the quality stage measures on one lead: findings, indices, usable windows, score and
 * verdict. `mainsHz` null skips the powerline check (rate too low to see the mains).
 */
export function analyzeLead(input: LeadInput, fsHz: number, windowSamples: number, mainsHz: 50 | 60 | null): LeadAnalysis {
  const { name, x, lsbMv } = input;
  const n = x.length;
  const starts = analysisWindowStarts(n, windowSamples);
  const nw = starts.length - 1;
  const notes: LeadQuality['indexNotes'] = {};
  const findings: QualityFinding[] = [];

  // Lead-off and clipping come from the raw samples.
  const flat = flatLineFindings(x, fsHz, name, Math.max(2 * lsbMv, 0.01));
  const clip = clippingFindings(x, fsHz, name, lsbMv, starts);
  findings.push(...flat, ...clip);
  const flatShare = new Float64Array(nw);
  for (const f of flat) {
    for (let k = 0; k < nw; k++) {
      const ov = Math.min(f.endSample, starts[k + 1]) - Math.max(f.startSample, starts[k]);
      if (ov > 0) flatShare[k] += ov / (starts[k + 1] - starts[k]);
    }
  }
  const severeClip = new Uint8Array(nw);
  for (const c of clip) {
    if (c.severity !== 'severe') continue;
    for (let k = 0; k < nw; k++) if (starts[k] < c.endSample && starts[k + 1] > c.startSample) severeClip[k] = 1;
  }

  // Beats: the own detector, and the primary one when given.
  const own = curveLengthBeats(x, fsHz);
  const primary = input.primaryBeats;
  const bSqi = primary ? beatAgreementSqi(primary, own, fsHz) : null;
  if (!primary) notes.bSqi = 'no primary beat detector was supplied';
  else if (bSqi === null) notes.bSqi = 'neither detector found a beat';
  let residualBeats: ArrayLike<number> = own;
  let fit: ReturnType<typeof fitBeatTemplatesByBlock>;
  if (primary) {
    const tol = Math.round(0.15 * fsHz);
    const agreed: number[] = [];
    let j = 0;
    for (let i = 0; i < primary.length; i++) {
      while (j < own.length && own[j] < primary[i] - tol) j++;
      if (j < own.length && Math.abs(own[j] - primary[i]) <= tol) agreed.push(primary[i]);
    }
    fit = null;
    if (agreed.length >= 3) {
      // Template from beats both detectors found; noise measured around every primary beat.
      residualBeats = primary;
      fit = fitBeatTemplatesByBlock(x, fsHz, agreed, primary);
    }
    if (!fit) {
      // The detectors disagree: keep whichever beat set repeats in shape better. The residual is a
      // reused work array, so the own fit is redone when it wins.
      const rOwn = fitBeatTemplatesByBlock(x, fsHz, own, own)?.meanCorrelation ?? -Infinity;
      const byPrimary = fitBeatTemplatesByBlock(x, fsHz, primary, primary);
      const usePrimary = byPrimary !== null && byPrimary.meanCorrelation >= rOwn;
      fit = usePrimary ? byPrimary : rOwn > -Infinity ? fitBeatTemplatesByBlock(x, fsHz, own, own) : null;
      residualBeats = usePrimary ? primary : own;
      if (fit) notes.templateCorrelation = `the detectors disagree; the template uses the ${usePrimary ? 'primary' : 'own'} detector's beats, which repeat better`;
    }
  } else fit = fitBeatTemplatesByBlock(x, fsHz, own, own);
  if (!fit) {
    const why = n < 2 * fsHz ? 'record too short for a beat template' : 'fewer than 3 repeating QRS complexes found';
    notes.snrDb = why;
    notes.templateCorrelation = why;
    notes.qrsAmplitudeMv = why;
    notes.noiseRmsMv = why;
  }
  const sPp = fit ? fit.qrsPeakToPeakMv : null;
  // Component severities need a signal scale; 1 mV is a typical QRS when none was measured.
  const sRef = sPp ?? 1;

  // Baseline (triangular 1.2 s smoothing) and the baseline-free lead.
  const scratch = scratchFloat32('lead.scratch', n);
  const baseline = centredMovingAverage(centredMovingAverage(x, Math.round(0.6 * fsHz), scratch), Math.round(0.6 * fsHz), scratchFloat32('lead.baseline', n));
  const baselineFree = scratchFloat32('lead.baselineFree', n);
  for (let i = 0; i < n; i++) baselineFree[i] = x[i] - baseline[i];

  // High band (muscle) with mains notched, outside QRS complexes.
  let hf: Float32Array | null = null;
  if (fsHz >= 80) {
    const cut = Math.min(30, 0.3 * fsHz);
    const sections = [highPassBiquad(cut, fsHz), highPassBiquad(cut, fsHz)];
    if (fsHz > 2.4 * 50) sections.push(notchBiquad(50, fsHz, 5));
    if (fsHz > 2.4 * 60) sections.push(notchBiquad(60, fsHz, 5));
    hf = applyBiquads(x, sections, scratchFloat32('lead.hf', n));
  } else notes.muscleNoiseMv = `sampling rate ${fsHz} Hz is too low for the muscle-noise band`;
  const qrsMask = scratchUint8('lead.qrsMask', n).fill(0);
  const halfQrs = Math.round(0.06 * fsHz);
  // A beat an ectopic template explained is wide (ventricular): its QRS and the steep start of its
  // ST-T reach well past +-60 ms, and a small misfit there is shape, not noise. Motion is measured
  // outside these ectopic complexes only (an ectopic template is used only where it fits with
  // r >= 0.9): masking every detection would hide motion artefact the detector took for beats.
  const wideBefore = Math.round(0.1 * fsHz);
  const wideAfter = Math.round(0.16 * fsHz);
  const explained = fit && fit.ectopicBeats.length === residualBeats.length ? fit : null;
  const motionMask = scratchUint8('lead.motionMask', n).fill(0);
  for (let k = 0; k < residualBeats.length; k++) {
    const b = residualBeats[k];
    const wide = explained !== null && explained.ectopicBeats[k] === 1;
    const lo = Math.max(0, b - (wide ? wideBefore : halfQrs));
    const hi = Math.min(n, b + (wide ? wideAfter : halfQrs));
    qrsMask.fill(1, lo, hi);
    if (wide) motionMask.fill(1, lo, hi);
  }

  // Motion: residual in ~0.7-10 Hz (difference of 40 ms and 600 ms moving averages).
  const residual = fit ? fit.residual : baselineFree;
  const motion = centredMovingAverage(residual, Math.round(0.04 * fsHz), scratchFloat32('lead.motion', n));
  const slow = centredMovingAverage(residual, Math.round(0.6 * fsHz), scratch);
  for (let i = 0; i < n; i++) motion[i] -= slow[i];

  const mains = mainsHz !== null && fsHz > 2.4 * mainsHz ? mainsExcess(x, starts, mainsHz, fsHz) : null;
  if (!mains) notes.powerlineMv = mainsHz === null ? `sampling rate ${fsHz} Hz is too low to see the mains frequency` : `sampling rate ${fsHz} Hz is too low to see ${mainsHz} Hz mains`;

  const resRms = new Float64Array(nw);
  const lvBase = new Uint8Array(nw), valBase = new Float64Array(nw);
  const lvMus = new Uint8Array(nw), valMus = new Float64Array(nw);
  const lvMot = new Uint8Array(nw), valMot = new Float64Array(nw);
  const lvPl = new Uint8Array(nw), valPl = new Float64Array(nw);
  const unusable = new Uint8Array(nw);
  const windowReasons: string[][] = [];
  for (let k = 0; k < nw; k++) {
    const a = starts[k];
    const b = starts[k + 1];
    resRms[k] = centredRmsOutside(residual, qrsMask, a, b);
    const reasons: string[] = [];
    const isFlat = flatShare[k] >= 0.5;
    if (!isFlat) {
      let bmin = Infinity;
      let bmax = -Infinity;
      for (let i = a; i < b; i++) {
        if (baseline[i] < bmin) bmin = baseline[i];
        if (baseline[i] > bmax) bmax = baseline[i];
      }
      valBase[k] = bmax - bmin;
      lvBase[k] = levelAbove(valBase[k], BASELINE_EXCURSION_MV);
      if (hf) {
        let ss = 0;
        let c = 0;
        for (let i = a; i < b; i++) {
          if (qrsMask[i]) continue;
          ss += hf[i] * hf[i];
          c++;
        }
        valMus[k] = c > 0 ? Math.sqrt(ss / c) : 0;
        lvMus[k] = Math.max(levelBelow(nstdbSnrDb(sRef, valMus[k]), COMPONENT_SNR_DB), valMus[k] >= MUSCLE_MILD_MV ? 1 : 0);
      }
      // Outside QRS complexes, like the noise RMS: a QRS the template misses by a few ms is not motion.
      valMot[k] = centredRmsOutside(motion, motionMask, a, b);
      lvMot[k] = levelBelow(nstdbSnrDb(sRef, valMot[k]), COMPONENT_SNR_DB);
      if (mains) {
        const amp = mains[2 * k];
        valPl[k] = amp;
        lvPl[k] = amp >= 3 * mains[2 * k + 1] ? levelAbove(amp, POWERLINE_MV) : 0;
      }
    }
    if (isFlat) reasons.push('flat line (lead off)');
    if (severeClip[k]) reasons.push('clipping');
    if (sPp === null) {
      if (!isFlat) reasons.push('no QRS complexes found');
    } else {
      const snr = nstdbSnrDb(sPp, resRms[k]);
      if (snr < UNUSABLE_SNR_DB && !isFlat) reasons.push(`noise (SNR ${snr.toFixed(1)} dB)`);
    }
    if (lvMus[k] === 3) reasons.push('severe muscle noise');
    if (lvMot[k] === 3) reasons.push('severe motion artefact');
    if (reasons.length) unusable[k] = 1;
    windowReasons.push(reasons);
  }
  findings.push(...findingsFromWindowLevels(name, 'baseline-wander', 'mV', starts, lvBase, valBase, (p, q) => p > q));
  if (hf) findings.push(...findingsFromWindowLevels(name, 'muscle-noise', 'mV', starts, lvMus, valMus, (p, q) => p > q));
  findings.push(...findingsFromWindowLevels(name, 'motion-artifact', 'mV', starts, lvMot, valMot, (p, q) => p > q));
  if (mains) findings.push(...findingsFromWindowLevels(name, 'powerline', 'mV', starts, lvPl, valPl, (p, q) => p > q));
  findings.push(...stepFindings(x, fsHz, name, Math.max(0.6, 0.8 * sRef)));
  findings.sort((p, q) => p.startSample - q.startSample || p.kind.localeCompare(q.kind));

  let unusableSamples = 0;
  for (let k = 0; k < nw; k++) if (unusable[k]) unusableSamples += starts[k + 1] - starts[k];
  const noiseRms = fit ? trimmedMean(resRms) : null;
  const bands = bandPowerSqis(x, baseline, fsHz, scratch);
  if (bands.note) {
    notes.pSqi = bands.note;
    notes.basSqi = bands.note;
  }
  const kSqi = kurtosisSqi(baselineFree);
  if (kSqi === null) notes.kSqi = 'the lead is constant';
  const durationMin = n / fsHz / 60;
  const indices: QualityIndices = {
    bSqi: bSqi === null ? null : round3(bSqi),
    kSqi: kSqi === null ? null : round3(kSqi),
    pSqi: bands.pSqi === null ? null : round3(bands.pSqi),
    basSqi: bands.basSqi === null ? null : round3(bands.basSqi),
    templateCorrelation: fit ? round3(fit.meanCorrelation) : null,
    snrDb: fit && noiseRms !== null ? round3(nstdbSnrDb(fit.qrsPeakToPeakMv, noiseRms)) : null,
    qrsAmplitudeMv: sPp === null ? null : round3(sPp),
    noiseRmsMv: noiseRms === null ? null : round3(noiseRms),
    muscleNoiseMv: hf ? round3(medianOf(valMus)) : null,
    powerlineMv: mains ? round3(medianOf(valPl)) : null,
    baselineExcursionMv: round3(medianOf(valBase)),
    heartRateBpm: durationMin > 0 && own.length >= 2 ? round3(((own.length - 1) / ((own[own.length - 1] - own[0]) / fsHz)) * 60) : null,
    unusableFraction: n > 0 ? round3(unusableSamples / n) : 1,
  };
  if (indices.heartRateBpm === null) notes.heartRateBpm = 'fewer than 2 beats found';

  const score = round3(leadScore(indices));
  const reasons: string[] = [];
  let verdict: QualityVerdict;
  const serious = findings.filter((f) => f.severity !== 'mild');
  // A lead flat over most of the record is named for what it is (lead off), first.
  let flatSamples = 0;
  for (const f of flat) flatSamples += f.endSample - f.startSample;
  if (n > 0 && flatSamples > 0.5 * n) reasons.push(`flat line (lead off) over ${Math.round((100 * flatSamples) / n)}% of the lead`);
  if (!fit) reasons.push(notes.snrDb!);
  if (indices.unusableFraction > 0.5) reasons.push(`${Math.round(indices.unusableFraction * 100)}% of the lead is unusable`);
  if (score < 0.2) reasons.push(`quality score ${score} is low`);
  if (fit && fit.meanCorrelation < 0.5) reasons.push('the detected beats do not repeat in shape (template correlation below 0.5)');
  if (reasons.length) verdict = 'unusable';
  else {
    const excellent =
      indices.snrDb !== null && indices.snrDb >= 18 && serious.length === 0 && indices.unusableFraction === 0 &&
      (indices.bSqi === null || indices.bSqi >= 0.9) && (indices.templateCorrelation ?? 0) >= 0.9;
    verdict = excellent ? 'excellent' : 'acceptable';
    if (!excellent) {
      if (indices.snrDb !== null && indices.snrDb < 18) reasons.push(`SNR ${indices.snrDb.toFixed(1)} dB`);
      const kinds = [...new Set(serious.map((f) => f.kind))];
      if (kinds.length) reasons.push(`moderate or severe ${kinds.join(', ')}`);
      if (indices.unusableFraction > 0) reasons.push(`${Math.round(indices.unusableFraction * 100)}% of the lead is unusable`);
      if (indices.bSqi !== null && indices.bSqi < 0.9) reasons.push(`beat detectors agree on ${Math.round(indices.bSqi * 100)}% of beats`);
      if ((indices.templateCorrelation ?? 0) < 0.9) reasons.push('beats vary in shape (template correlation below 0.9)');
    }
  }

  const segments: QualitySegment[] = [];
  for (let k = 0; k < nw; k++) {
    const usable = !unusable[k];
    const last = segments[segments.length - 1];
    if (last && last.usable === usable && (usable || sameReasons(last.reasons, windowReasons[k]))) {
      last.endSample = starts[k + 1];
      if (!usable) for (const r of windowReasons[k]) if (!last.reasons.includes(r)) last.reasons.push(r);
    } else segments.push({ startSample: starts[k], endSample: starts[k + 1], usable, reasons: usable ? [] : [...windowReasons[k]] });
  }

  return {
    quality: { lead: name, verdict, score, reasons, indices, indexNotes: notes, findings, segments, ownBeats: own },
    unusableWindows: unusable,
    windowReasons,
  };
}

/** Reason lists count as the same kind of trouble when their first words match (SNR figures differ). */
function sameReasons(a: string[], b: string[]): boolean {
  const key = (r: string) => r.split(' (')[0];
  return a.length > 0 && b.length > 0 && key(a[0]) === key(b[0]);
}

function medianOf(v: Float64Array): number {
  const s = Float64Array.from(v).sort();
  return s.length ? s[s.length >> 1] : 0;
}
