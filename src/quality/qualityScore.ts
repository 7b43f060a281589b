import type { QualityIndices } from './types.js';

/**
 * Weights of the logistic lead score. Fitted once by `npm run bench:quality -- --fit` on CinC 2017
 * records A00001-A02000 only ('~' too noisy = 0, every other class = 1); A02001-A03000 stay held back
 * for the figures in BENCHMARKS.md. Order: bias, then the features of {@link leadScoreFeatures}.
 */
export const LEAD_SCORE_WEIGHTS: readonly number[] = [-0.731, 2.431, -0.183, -0.44, -0.296, 1.002, -0.762, 0];

/** Names of the score features, in weight order (after the bias). */
export const LEAD_SCORE_FEATURES = ['snr/10', 'ln kurtosis', 'pSQI', 'basSQI', 'template r', 'unusable share', 'implausible rate'] as const;

/**
 * Feature vector of the lead score; unknown indices take the value of a bad lead, so a lead that
 * cannot be measured never scores as clean.
 */
export function leadScoreFeatures(ix: QualityIndices): number[] {
  const snr = ix.snrDb === null ? -10 : Math.max(-10, Math.min(40, ix.snrDb));
  const k = ix.kSqi === null ? 1 : Math.max(1, Math.min(100, ix.kSqi));
  const hr = ix.heartRateBpm;
  return [
    snr / 10,
    Math.log(k),
    ix.pSqi ?? 0,
    ix.basSqi ?? 0,
    ix.templateCorrelation ?? 0,
    ix.unusableFraction,
    hr === null || hr < 25 || hr > 250 ? 1 : 0,
  ];
}

/**
 * Lead quality score in [0,1]: a logistic function of {@link leadScoreFeatures}.
 *
 * @example leadScore(report.leads[0].indices) // 0.97
 */
export function leadScore(ix: QualityIndices, weights: readonly number[] = LEAD_SCORE_WEIGHTS): number {
  const f = leadScoreFeatures(ix);
  let z = weights[0];
  for (let i = 0; i < f.length; i++) z += weights[i + 1] * f[i];
  return 1 / (1 + Math.exp(-z));
}
