import { MAX_UNUSABLE_TIME_SHARE } from './hasUsableSignal.js';
import { SinusError } from '../errors.js';
import type { EcgRecord, Lead } from '../record/types.js';
import { analysisWindowStarts } from './analysisWindows.js';
import { analyzeLead, type LeadAnalysis } from './leadQuality.js';
import { dominantMainsHz } from './mainsFrequency.js';
import { leadWithGapsHeld, trimmedMean } from './signalPreparation.js';
import type { QualityOptions, QualityReport, QualitySegment, QualityVerdict } from './types.js';
import { round3 } from './windowFindings.js';

/**
 * A record of 3 or more leads with at least this share of them unusable is unusable as a record of
 * that lead set (its verdict); hasUsableSignal still lets the remaining leads carry the rhythm.
 */
const MIN_UNUSABLE_LEAD_SHARE = 0.5;

/** Means of consecutive blocks of `factor` samples (the first `nOut` blocks); `x` itself when factor is 1. */
function blockMeans(x: Float32Array, factor: number, nOut: number): Float32Array {
  if (factor === 1) return x;
  const out = new Float32Array(nOut);
  for (let k = 0, i = 0; k < nOut; k++) {
    let s = 0;
    for (let j = 0; j < factor; j++) s += x[i++];
    out[k] = s / factor;
  }
  return out;
}

/** Maps the sample positions of an analysis at fs / factor back to the record's rate. */
function scalePositions(a: LeadAnalysis, factor: number, n: number): void {
  const q = a.quality;
  const up = (v: number) => Math.min(n, v * factor);
  for (const f of q.findings) {
    f.startSample = up(f.startSample);
    f.endSample = up(f.endSample);
  }
  for (const s of q.segments) {
    s.startSample = up(s.startSample);
    s.endSample = up(s.endSample);
  }
  if (q.segments.length) q.segments[q.segments.length - 1].endSample = n;
  for (const f of q.findings) if (f.endSample >= Math.floor(n / factor) * factor) f.endSample = n;
  q.ownBeats = q.ownBeats.map((b) => Math.min(n - 1, b * factor + (factor >> 1)));
}

/** ADC step of a lead in mV, from its gain and units; 1 uV when unknown. */
function lsbMvOf(lead: Lead): number {
  const g = lead.info?.gain;
  if (!g || !Number.isFinite(g) || g <= 0) return 0.001;
  const perUnit = 1 / g;
  const u = (lead.info.units ?? '').toLowerCase();
  const mv = u.startsWith('u') || u.startsWith('µ') ? perUnit / 1000 : u === 'v' ? perUnit * 1000 : perUnit;
  return Math.min(0.05, Math.max(1e-5, mv));
}

function asSortedInt32(r: ArrayLike<number> | { samples: ArrayLike<number> }, n: number): Int32Array {
  const v: ArrayLike<number> = 'samples' in r && typeof r.samples === 'object' ? r.samples : (r as ArrayLike<number>);
  const out = Int32Array.from(v).filter((i) => Number.isInteger(i) && i >= 0 && i < n);
  out.sort();
  return out;
}

/**
 * Assesses the signal quality of a record, lead by lead and second by second: findings (flat line,
 * clipping, baseline wander, powerline, muscle noise, motion artefact, steps) with severities and
 * spans; classical indices (bSQI, kSQI, pSQI, basSQI, template correlation, NSTDB-style SNR); a
 * verdict, score and reasons per lead and for the record; and the usable/unusable segments that
 * later stages can skip (see {@link unusableSegments}).
 *
 * Throws {@link SinusError} BAD_ARGUMENT for a record without leads or with an invalid sampling rate,
 * NOT_ENOUGH_DATA for less than one second of signal. Noise, flat lines and NaN give a verdict with
 * reasons, never an exception.
 *
 * @example
 * const report = assessQuality(record, { primaryDetector: detectBeatsInSignal });
 * console.log(report.verdict, report.leads.map((l) => `${l.lead} ${l.verdict} ${l.indices.snrDb} dB`));
 */
export function assessQuality(record: EcgRecord, options: QualityOptions = {}): QualityReport {
  const fsHz = record.fs;
  if (!Number.isFinite(fsHz) || fsHz <= 0) throw new SinusError('BAD_ARGUMENT', `invalid sampling rate ${fsHz}`);
  if (!record.leads || record.leads.length === 0) throw new SinusError('BAD_ARGUMENT', 'the record has no leads');
  const n = record.length;
  if (!Number.isFinite(n) || n < fsHz) throw new SinusError('NOT_ENOUGH_DATA', `quality needs at least 1 s of signal, got ${n} samples at ${fsHz} Hz`);
  let leads = record.leads;
  if (options.leads) {
    const want = new Set(options.leads);
    leads = leads.filter((l) => want.has(l.name));
    if (leads.length === 0) throw new SinusError('BAD_ARGUMENT', `none of the leads ${options.leads.join(', ')} is in the record`);
  } else if (leads.some((l) => !l.derived)) leads = leads.filter((l) => !l.derived);
  const windowS = options.windowS ?? 1;
  if (!(windowS > 0) || windowS * fsHz < 8) throw new SinusError('BAD_ARGUMENT', `invalid analysis window ${windowS} s`);
  // Quality needs nothing above ~100 Hz: analyse at 250-500 Hz (block means), map positions back.
  const factor = fsHz >= 500 ? Math.floor(fsHz / 250) : 1;
  const fsA = fsHz / factor;
  const nA = Math.floor(n / factor);
  const windowSamples = Math.round(windowS * fsA);

  const prepared = leads.map((l) => {
    if (l.samples.length < n) throw new SinusError('BAD_SIGNAL', `lead ${l.name} holds ${l.samples.length} samples, the record says ${n}`);
    const held = leadWithGapsHeld(l.samples.length === n ? l.samples : l.samples.subarray(0, n));
    return { lead: l, full: held.x, x: blockMeans(held.x, factor, nA), missingCount: held.missingCount };
  });
  const mainsHz = options.mainsHz ?? dominantMainsHz(prepared.map((p) => p.x), fsA);

  const analyses: LeadAnalysis[] = prepared.map((p) => {
    let primaryBeats: Int32Array | null = null;
    let primaryNote: string | undefined;
    if (!options.primaryDetector && options.primaryBeats) {
      const beats = asSortedInt32(options.primaryBeats, n);
      primaryBeats = factor === 1 ? beats : beats.map((b) => Math.min(nA - 1, Math.round(b / factor)));
    }
    if (options.primaryDetector) {
      try {
        const beats = asSortedInt32(options.primaryDetector(p.full, fsHz), n);
        primaryBeats = factor === 1 ? beats : beats.map((b) => Math.min(nA - 1, Math.round(b / factor)));
      } catch (e) {
        primaryNote = `primary detector failed: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    const a = analyzeLead({ name: p.lead.name, x: p.x, lsbMv: lsbMvOf(p.lead), missingCount: p.missingCount, primaryBeats }, fsA, windowSamples, mainsHz);
    if (factor > 1) scalePositions(a, factor, n);
    if (primaryNote) a.quality.indexNotes.bSqi = primaryNote;
    if (p.missingCount > 0) a.quality.reasons.push(`${p.missingCount} missing samples (held as flat line)`);
    return a;
  });

  // Record segments: a window is unusable only when no lead is usable there.
  const starts = analysisWindowStarts(nA, windowSamples).map((v) => v * factor);
  starts[starts.length - 1] = n;
  const nw = starts.length - 1;
  const segments: QualitySegment[] = [];
  let unusableSamples = 0;
  for (let k = 0; k < nw; k++) {
    const usable = analyses.some((a) => !a.unusableWindows[k]);
    const reasons = usable ? [] : [...new Set(analyses.flatMap((a) => a.windowReasons[k].map((r) => r.split(' (SNR')[0])))];
    if (!usable) unusableSamples += starts[k + 1] - starts[k];
    const last = segments[segments.length - 1];
    if (last && last.usable === usable) {
      last.endSample = starts[k + 1];
      for (const r of reasons) if (!last.reasons.includes(r)) last.reasons.push(r);
    } else segments.push({ startSample: starts[k], endSample: starts[k + 1], usable, reasons });
  }

  const leadQualities = analyses.map((a) => a.quality);
  const unusableLeads = leadQualities.filter((l) => l.verdict === 'unusable');
  const unusableShare = unusableSamples / n;
  const reasons: string[] = [];
  let verdict: QualityVerdict;
  if (unusableLeads.length === leadQualities.length) {
    verdict = 'unusable';
    reasons.push(leadQualities.length === 1 ? `lead ${leadQualities[0].lead}: ${leadQualities[0].reasons.join('; ')}` : 'every lead is unusable');
  } else if (unusableShare > MAX_UNUSABLE_TIME_SHARE) {
    verdict = 'unusable';
    reasons.push(`${Math.round(unusableShare * 100)}% of the record has no usable lead`);
  } else if (leadQualities.length >= 3 && unusableLeads.length >= MIN_UNUSABLE_LEAD_SHARE * leadQualities.length) {
    // A multi-lead record missing half its leads (e.g. six flat chest leads) is not an acceptable
    // record of that lead set, though the rest may still carry the rhythm (see hasUsableSignal).
    verdict = 'unusable';
    reasons.push(`${unusableLeads.length} of ${leadQualities.length} leads are unusable (${unusableLeads.map((l) => `${l.lead}: ${l.reasons[0] ?? 'unusable'}`).join('; ')})`);
  } else {
    verdict = leadQualities.every((l) => l.verdict === 'excellent') ? 'excellent' : 'acceptable';
    if (unusableLeads.length) reasons.push(`unusable lead(s): ${unusableLeads.map((l) => l.lead).join(', ')}`);
    if (unusableShare > 0) reasons.push(`${Math.round(unusableShare * 100)}% of the record has no usable lead`);
    // A lead's own unusable stretches are named here too, so the record's summary never says less
    // than its leads do (PTB-XL 1: aVF partly unusable while every span has another usable lead).
    const partly = leadQualities.filter((l) => l.verdict !== 'unusable' && l.indices.unusableFraction > 0);
    if (partly.length) reasons.push(`partly unusable lead(s): ${partly.map((l) => `${l.lead} ${Math.round(l.indices.unusableFraction * 100)}%`).join(', ')} (another lead is usable there)`);
    const fair = leadQualities.filter((l) => l.verdict === 'acceptable');
    if (fair.length) reasons.push(`acceptable but not excellent: ${fair.map((l) => l.lead).join(', ')}`);
  }
  const score = trimmedMean(leadQualities.map((l) => l.score), 0) ?? 0;
  return { fsHz, length: n, verdict, score: round3(score), reasons, leads: leadQualities, segments, mainsHz };
}
