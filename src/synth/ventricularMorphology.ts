import type { BeatMorphology } from './morphology.js';

/**
 * A left-ventricular ectopic beat: a broad QRS (~150 ms) whose vector points right, forward and down,
 * and a broad T discordant to it; no P. Parametric (set by hand to the textbook shape, not fitted: the
 * labelled PVCs at hand are 2-lead MIT-BIH beats, which do not give a 3-D dipole).
 */
export const VENTRICULAR_ECTOPIC: BeatMorphology = {
  name: 'ventricular-ectopic',
  source: 'parametric (textbook LV-origin PVC), not fitted',
  kernels: [
    { wave: 'QRS', centerMs: -40, widthMs: 18, amplitudeMv: [-0.35, 0.5, 0.45] },
    { wave: 'QRS', centerMs: 0, widthMs: 22, amplitudeMv: [-1.1, 1.2, 0.9] },
    { wave: 'QRS', centerMs: 45, widthMs: 20, amplitudeMv: [-0.4, 0.45, 0.35] },
    { wave: 'T', centerMs: 230, widthMs: 60, amplitudeMv: [0.3, -0.35, -0.25] },
  ],
  boundariesMs: { pOnset: null, pOffset: null, qrsOnset: -85, qrsOffset: 85, tOffset: 380 },
};
