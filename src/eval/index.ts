/** Public API of the eval stage. */
export {
  type BeatComparisonOptions, type BeatComparison, type ReferenceBeats, type BeatComparisonSummary,
  referenceBeats, compareBeats, summarizeBeatComparisons, formatBeatComparisonTable,
} from './compareBeats.js';
export { nstStressMixture, nstSignalPeakToPeak, nstNoiseRms, nstNoiseGain, trimmedMean5, type StressMixtureOptions } from './noiseStress.js';
export { bleu4, lcsLength, rougeL, textTokens } from './textSimilarity.js';
export { statementCodesInText, statementDictionary, type StatementDictionary } from './statementCodesInText.js';
