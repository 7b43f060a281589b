import type { BeatTemplate } from './beatTemplate.js';
import { jointLag } from './jointLag.js';
import type { DelineationOptions } from './options.js';
import type { LeadBeatDelineation, LeadDelineation } from './types.js';

const ms = (v: number, fsHz: number) => Math.round((v * fsHz) / 1000);

type Wave = 'p' | 'qrs' | 't';
const FIELDS: Record<Wave, ('onset' | 'peak' | 'offset')[]> = { p: ['onset', 'peak', 'offset'], qrs: ['onset', 'offset'], t: ['onset', 'peak', 'offset'] };

/**
 * Median-beat-guided delineation. Every beat of the dominant shape (QRS correlating with the
 * template's at `templateMinCorrelation` or more) gets, per lead and wave, the template's points
 * at its own position: the aligned fiducial for QRS and P (the P-QRS relation is fixed in such a
 * rhythm; P only when `hasP`), a separate joint-lead T lag for T (the QT follows the preceding RR).
 * Per lead and wave, where most beats' own points agree with the template's (within
 * `templateAgree*Ms`), the template is trusted: a beat that agrees moves `templateBlend` of the way
 * to it (beat-to-beat noise averages out), a beat that strays or missed the wave takes the
 * template's wave (a stray slope, a small wave lost in noise). Where most beats disagree, the
 * template lead itself is suspect and the single-beat points stay. Beats of another shape
 * (ectopic, aberrant) and beats cut by the record edges keep their own delineation.
 *
 * @example trackTemplate(samples, 500, beats, leads, beatTemplate(record, beats, o)!, true, o);
 */
export function trackTemplate(
  samples: Float32Array[], fsHz: number, beats: Int32Array, leads: LeadDelineation[], t: BeatTemplate,
  hasP: boolean, o: DelineationOptions,
): void {
  const md = t.delineation;
  const F = t.median.fiducialIndex;
  const n = samples.length ? samples[0].length : 0;
  const nb = beats.length;
  // Window of the T in the template (earliest onset .. latest offset over leads).
  let tFrom = Infinity, tTo = -Infinity;
  for (const l of md.leads) {
    const b = l.beats[0];
    if (l.reason || b.t.onset === null || b.t.offset === null) continue;
    tFrom = Math.min(tFrom, b.t.onset); tTo = Math.max(tTo, b.t.offset);
  }
  const templates = t.median.leads.map((l) => l.samples);
  const tMaxLag = ms(o.templateMaxTLagMs, fsHz);
  const step = Math.max(1, Math.round(fsHz / 125));
  // Where the template's origin (index 0) lies in the record for each beat's QRS/P and T; NaN: not tracked.
  const qrsBase = new Float64Array(nb).fill(Number.NaN);
  const tBase = new Float64Array(nb).fill(Number.NaN);
  for (let k = 0; k < nb; k++) {
    if (!(t.qrsCorrelation[k] >= o.templateMinCorrelation)) continue;
    const base = t.alignedSamples[k] - F;
    qrsBase[k] = base;
    if (!(tTo > tFrom)) continue;
    // The T window must end before the next beat's QRS.
    const nextOn = k + 1 < nb ? t.alignedSamples[k + 1] - ms(60, fsHz) : n;
    const j = jointLag(samples, templates, F, t.alignedSamples[k], tFrom, tTo, Math.min(tMaxLag, Math.max(0, nextOn - (base + tTo))), step);
    if (j.r >= o.templateMinTCorrelation) tBase[k] = base + j.lagSamples;
  }
  const agreeTol: Record<Wave, number> = { p: ms(o.templateAgreePMs, fsHz), qrs: ms(o.templateAgreeQrsMs, fsHz), t: ms(o.templateAgreeTMs, fsHz) };
  leads.forEach((l, li) => {
    const tl = md.leads[li];
    if (l.reason || !tl || tl.reason) return;
    const tb = tl.beats[0];
    for (const wave of ['qrs', 'p', 't'] as Wave[]) {
      if (wave === 'p' && !hasP) continue;
      const tw = tb[wave];
      const fields = FIELDS[wave];
      if (fields.some((f) => (tw as unknown as Record<string, number | null>)[f] === null)) continue;
      const baseOf = wave === 't' ? tBase : qrsBase;
      // Does the lead's single-beat delineation mostly agree with the template?
      let both = 0, agree = 0;
      for (let k = 0; k < nb; k++) {
        const b = l.beats[k];
        if (Number.isNaN(baseOf[k]) || b.qrs.onset === null) continue;
        const own = b[wave] as unknown as Record<string, number | null>;
        if (own[fields[0]] === null) continue;
        both++;
        if (agrees(own, tw as unknown as Record<string, number | null>, fields, baseOf[k], agreeTol[wave])) agree++;
      }
      if (both === 0 || agree < o.templateTrustFraction * both) continue;
      for (let k = 0; k < nb; k++) {
        const b = l.beats[k];
        if (Number.isNaN(baseOf[k]) || b.qrs.onset === null) continue;
        const base = baseOf[k];
        const own = b[wave] as unknown as Record<string, number | null>;
        const tpl = tw as unknown as Record<string, number | null>;
        const first = tpl[fields[0]]! + base, last = tpl[fields[fields.length - 1]]! + base;
        if (first < 0 || last >= n) continue;
        if (own[fields[0]] !== null && agrees(own, tpl, fields, base, agreeTol[wave])) {
          for (const f of fields) own[f] = Math.round(own[f]! + o.templateBlend * (tpl[f]! + base - own[f]!));
        } else {
          // Missing T is only filled where the single beat found room for one (not at the record edge).
          if (wave === 't' && own.peak === null && b.tReason !== 'no T slopes') continue;
          for (const f of fields) own[f] = tpl[f]! + base;
          markFound(b, wave, tb);
        }
      }
    }
  });
}

function agrees(own: Record<string, number | null>, tpl: Record<string, number | null>, fields: string[], base: number, tol: number): boolean {
  for (const f of fields) { const v = own[f]; if (v === null || Math.abs(v - (tpl[f]! + base)) > tol) return false; }
  return true;
}

function markFound(b: LeadBeatDelineation, wave: Wave, tb: LeadBeatDelineation): void {
  if (wave === 'p') b.pReason = null;
  else if (wave === 't') { b.tReason = null; b.tPolarity = tb.tPolarity; }
  else {
    b.qrsReason = null;
    const q = tb.qrs, d = b.qrs.onset! - q.onset!;
    const sh = (v: number | null) => (v === null ? null : v + d);
    b.qrs.qPeak = sh(q.qPeak); b.qrs.rPeak = sh(q.rPeak); b.qrs.sPeak = sh(q.sPeak); b.qrs.rPrimePeak = sh(q.rPrimePeak);
  }
}
