/**
 * VT is tested before a span is called noise: the quality stage's indices rest on QRS likeness and
 * a clean baseline, which a fast run of wide, alike complexes fails much as artefact does, and the
 * most dangerous rhythms must never be filed as artefact. (VF/VFL, which has no QRS at all, is found
 * on the signal spectrum and painted over noise in analyzeRhythm.)
 */
import { runsOfClass } from './ectopicRuns.js';

/** A V run under noise is VT when its complexes correlate with their neighbours at least this much (noise spikes do not). */
const MIN_RUN_QRS_LIKENESS = 0.8;
const VT_MIN_BPM = 100;
/**
 * ... and V beats make at least this share of the span's beats: VT fills the span it makes
 * unreadable, while artefact that the classifier partly calls V leaves N beats between (MIT-BIH 105,
 * 1140-1360 s, which holds no VT, has alike "V" triplets in a mostly N noisy span).
 */
const MIN_V_SHARE = 0.6;

/**
 * Splits unreadable spans into those that stay noise and those holding a VT run: at least 3
 * consecutive V beats faster than 100 bpm whose median QRS likeness (qrsConsistencyByBeat) is at
 * least 0.8, in a span whose beats are mostly (60 %) V. Without classes or QRS likeness every span stays noise.
 *
 * @example
 * const { noise, ventricular } = ventricularRunsUnderNoise(spans, beats, classes, qc, 360);
 */
export function ventricularRunsUnderNoise<S extends { startSample: number; endSample: number }>(spans: S[], beats: Int32Array, classes: ArrayLike<string> | undefined, qrsLikeness: Float64Array | null, fsHz: number): { noise: S[]; ventricular: S[] } {
  if (!classes || !qrsLikeness || spans.length === 0) return { noise: spans, ventricular: [] };
  const runs = runsOfClass(classes, 'V', 3).filter((r) => {
    const bpm = (60 * fsHz * (r.last - r.first)) / (beats[r.last] - beats[r.first]);
    const q = Array.from(qrsLikeness.subarray(r.first, r.last + 1)).filter((v) => v === v).sort((a, b) => a - b);
    return bpm > VT_MIN_BPM && q.length > 0 && q[q.length >> 1] >= MIN_RUN_QRS_LIKENESS;
  });
  const noise: S[] = [], ventricular: S[] = [];
  for (const sp of spans) {
    let inSpan = 0, v = 0;
    for (let i = 0; i < beats.length; i++) {
      if (beats[i] < sp.startSample || beats[i] >= sp.endSample) continue;
      inSpan++;
      if (classes[i] === 'V') v++;
    }
    const holdsVt = v >= MIN_V_SHARE * inSpan && runs.some((r) => beats[r.first] < sp.endSample && beats[r.last] >= sp.startSample);
    (holdsVt ? ventricular : noise).push(sp);
  }
  return { noise, ventricular };
}
