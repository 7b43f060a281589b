import { fitBeatTemplate, type BeatTemplateFit } from './beatTemplate.js';

/**
 * Length of a template block, s. Over a Holter day the beat's shape changes (posture, rate, intermittent
 * bundle-branch block or pacing); one median beat for the whole day would call the hours that differ
 * from it noise. Two minutes hold 100-200 beats, enough for the 80-beat median and for an ectopic
 * shape at 2 % of them; a block straddling a change holds two shapes, which the ectopic templates
 * cover. (Six MIT-BIH patients joined end to end, templateBlocks.test.ts, which prints its own
 * figures: 120 s blocks left 20 s unusable, the six parts alone 16 s; with this constant set to 600
 * and 300 s, and with one whole-record fit, the same test left 86, 217 and 129 s.)
 */
export const TEMPLATE_BLOCK_S = 120;
/** Beats this close outside a block are subtracted with it, so a beat straddling the border is explained. */
const BLOCK_MARGIN_S = 2;

/**
 * {@link fitBeatTemplate} on a long lead, one fit per block of about {@link TEMPLATE_BLOCK_S}: each
 * block learns its own dominant and ectopic templates from its own beats. A lead shorter than 1.5
 * blocks gets one fit, exactly as `fitBeatTemplate`. Per-beat outputs (`ectopicBeats`,
 * `beatShapeCorrelation`) follow `residualBeats`; the residual is stitched from the blocks; the
 * amplitude and mean correlation are beat-weighted over blocks, and the templates are those of the
 * block with the most beats. A block with too few beats for a template keeps the raw lead as its
 * residual, which is what the single fit does for a lead without one.
 *
 * @example
 * const fit = fitBeatTemplatesByBlock(x, 250, agreedBeats, primaryBeats); // 24 h: 144 fits
 */
export function fitBeatTemplatesByBlock(
  x: Float32Array,
  fsHz: number,
  templateBeats: ArrayLike<number>,
  residualBeats: ArrayLike<number>,
  blockS = TEMPLATE_BLOCK_S,
): BeatTemplateFit | null {
  const n = x.length;
  const blockSamples = Math.round(blockS * fsHz);
  if (n <= 1.5 * blockSamples) return fitBeatTemplate(x, fsHz, templateBeats, residualBeats);
  const blocks = Math.round(n / blockSamples);
  const margin = Math.round(BLOCK_MARGIN_S * fsHz);
  const residual = Float32Array.from(x);
  const ectopicBeats = new Uint8Array(residualBeats.length);
  const beatShapeCorrelation = new Float32Array(residualBeats.length).fill(-1);
  const amplitudes: Array<{ mv: number; beats: number }> = [];
  let corrSum = 0;
  let corrBeats = 0;
  let largest: { fit: BeatTemplateFit; beats: number } | null = null;
  for (let k = 0; k < blocks; k++) {
    const a = Math.floor((k * n) / blocks);
    const b = Math.floor(((k + 1) * n) / blocks);
    const lo = Math.max(0, a - margin);
    const hi = Math.min(n, b + margin);
    const own = indicesIn(templateBeats, a, b).map((i) => templateBeats[i] - lo);
    const near = indicesIn(residualBeats, lo, hi);
    const fit = fitBeatTemplate(x.subarray(lo, hi), fsHz, own, near.map((i) => residualBeats[i] - lo));
    if (!fit) continue;
    residual.set(fit.residual.subarray(a - lo, b - lo), a);
    let owned = 0;
    near.forEach((i, j) => {
      const s = residualBeats[i];
      if (s < a || s >= b) return;
      ectopicBeats[i] = fit.ectopicBeats[j];
      beatShapeCorrelation[i] = fit.beatShapeCorrelation[j];
      owned++;
    });
    amplitudes.push({ mv: fit.qrsPeakToPeakMv, beats: owned });
    corrSum += fit.meanCorrelation * owned;
    corrBeats += owned;
    if (!largest || owned > largest.beats) largest = { fit, beats: owned };
  }
  if (!largest) return null;
  const { fit } = largest;
  return {
    template: fit.template,
    secondTemplate: fit.secondTemplate,
    preSamples: fit.preSamples,
    postSamples: fit.postSamples,
    qrsPeakToPeakMv: weightedMedian(amplitudes),
    residual,
    meanCorrelation: corrBeats > 0 ? corrSum / corrBeats : fit.meanCorrelation,
    extraTemplates: fit.extraTemplates,
    ectopicBeats,
    beatShapeCorrelation,
  };
}

/** Indices of the (sorted) beats in [from, to). */
function indicesIn(beats: ArrayLike<number>, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < beats.length; i++) if (beats[i] >= from && beats[i] < to) out.push(i);
  return out;
}

function weightedMedian(xs: Array<{ mv: number; beats: number }>): number {
  const s = [...xs].sort((p, q) => p.mv - q.mv);
  const total = s.reduce((t, p) => t + p.beats, 0);
  let acc = 0;
  for (const p of s) {
    acc += p.beats;
    if (acc >= total / 2) return p.mv;
  }
  return s[s.length - 1].mv;
}
