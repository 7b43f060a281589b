export { synthesizeEcg, type SynthOptions, type SynthNoise, type SyntheticEcg, type SynthBeatTruth } from './synthesizeEcg.js';
export { SYNTH_RHYTHMS, type SynthRhythm } from './beatSchedule.js';
export { MORPHOLOGY_PRESETS } from './morphologyPresets.js';
export { fitBeatMorphology } from './fitBeatMorphology.js';
export { DOWER_MATRIX, DOWER_LEADS, dowerTwelveLeads } from './dower.js';
export type { BeatMorphology, WaveKernel, MorphologyBoundariesMs } from './morphology.js';
