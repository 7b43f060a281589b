import { FEATURE_COUNT, LEADS_USED, MORPHOLOGY_FEATURE_NAMES, RR_FEATURE_NAMES } from './layout.js';

/**
 * Per-record robust standardisation of morphology features (beat classes round 5). A beat that is
 * "different" in one patient (wide QRS, low correlation with the dominant beat) may be ordinary in
 * another (bundle branch block, noisy lead); scoring each beat against the spread of its own record
 * gives the classifier that patient-relative view. Uses only the record's own beats, no labels.
 *
 * Definition (identical to `record_standardised` in training/train_feature_mlp.py): for each listed
 * feature, over all beats given (the whole record in training; at run time the beats passed to
 * classifyBeats, so a streaming caller standardises over its current batch):
 *   z = (x - median) / max(1.4826 * MAD, {@link RECORD_STD_MIN_SCALE}), clipped to ±{@link RECORD_STD_CLIP}.
 * Non-finite values give 0, and so does every beat when fewer than {@link RECORD_STD_MIN_BEATS} values
 * are finite (too few beats for a record-level reference: the features then carry no information).
 */

/** Morphology features (per lead) that are standardised per record, in order. */
export const RECORD_STD_MORPHOLOGY = ['corrQrs', 'corrWindow', 'diffRmsQrs', 'logPtpRatio', 'qrsWidthMs', 'logWidthRatio', 'logAreaRatio'] as const;
/** Fewer finite values than this in the record: the standardised feature is 0 for every beat. */
export const RECORD_STD_MIN_BEATS = 8;
/** Floor of the robust scale (1.4826 × MAD), so a feature that is constant over the record does not explode. */
export const RECORD_STD_MIN_SCALE = 1e-3;
/** Standardised values are clipped to ± this. */
export const RECORD_STD_CLIP = 8;

/** Names of the record-standardised features (`L<lead>.<morphology name>`), in the order of {@link recordStandardisedFeatures}. */
export const RECORD_STD_FEATURE_NAMES: readonly string[] = Array.from({ length: LEADS_USED }, (_, l) => RECORD_STD_MORPHOLOGY.map((m) => `L${l}.${m}`)).flat();

/** Median of a non-empty sorted array (mean of the two middle values for an even length). */
function medianOfSorted(v: Float64Array): number {
  const h = v.length >> 1;
  return v.length % 2 ? v[h] : (v[h - 1] + v[h]) / 2;
}

/**
 * Per-record robust z-scores (n × RECORD_STD_FEATURE_NAMES.length, row-major) of the beat features of
 * {@link beatClassInputs} (n × FEATURE_COUNT), over the n beats given.
 *
 * @example
 * const inputs = beatClassInputs(record, beats);
 * const z = recordStandardisedFeatures(inputs.features, inputs.count);
 */
export function recordStandardisedFeatures(features: Float32Array, n: number): Float32Array {
  const K = RECORD_STD_FEATURE_NAMES.length;
  const out = new Float32Array(n * K);
  const vals = new Float64Array(n);
  for (let k = 0; k < K; k++) {
    const lead = Math.floor(k / RECORD_STD_MORPHOLOGY.length);
    const col = RR_FEATURE_NAMES.length + lead * MORPHOLOGY_FEATURE_NAMES.length + MORPHOLOGY_FEATURE_NAMES.indexOf(RECORD_STD_MORPHOLOGY[k % RECORD_STD_MORPHOLOGY.length]);
    let m = 0;
    for (let i = 0; i < n; i++) {
      const x = features[i * FEATURE_COUNT + col];
      if (Number.isFinite(x)) vals[m++] = x;
    }
    if (m < RECORD_STD_MIN_BEATS) continue;
    const sorted = vals.slice(0, m).sort();
    const med = medianOfSorted(sorted);
    for (let i = 0; i < m; i++) sorted[i] = Math.abs(sorted[i] - med);
    const scale = Math.max(1.4826 * medianOfSorted(sorted.sort()), RECORD_STD_MIN_SCALE);
    for (let i = 0; i < n; i++) {
      const x = features[i * FEATURE_COUNT + col];
      const z = (x - med) / scale;
      out[i * K + k] = Number.isFinite(z) ? Math.max(-RECORD_STD_CLIP, Math.min(RECORD_STD_CLIP, z)) : 0;
    }
  }
  return out;
}
