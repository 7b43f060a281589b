import type { StageName } from './results.js';

/**
 * The built-in stages in run order, with one line on what each does (for `--help`, docs and the
 * schema). `analyze()` runs them as straight calls.
 *
 * @example BUILT_IN_STAGES.map((s) => s.name) // ['quality', 'beats', 'beatClasses', ...]
 */
export const BUILT_IN_STAGES: ReadonlyArray<{ name: StageName; description: string }> = [
  { name: 'quality', description: 'signal quality per lead and segment (src/quality assessQuality; option useRecordBeats: judged against the beats detected once on all leads)' },
  { name: 'beats', description: 'QRS detection with lead fusion (src/beats detectBeats); beats in signal the quality stage judged unusable are kept with a lower confidence, detections on calibration pulses or where every lead is flat are left out and counted (src/beats beatsWithConfidence)' },
  { name: 'beatClasses', description: 'AAMI beat classes N/S/V/F/Q with probabilities (src/classify classifyBeats; default the feature MLP with sinus-context features, browser-safe)' },
  { name: 'waves', description: 'P/QRS/T delineation of every beat in every lead, global boundaries (src/waves delineateBeatsWithTemplate)' },
  { name: 'medianBeat', description: 'the median beat per lead and its delineation: the delineation\'s beat template, or the median of the normal beats when beat classes are known (src/waves recordMedianBeat)' },
  { name: 'measurements', description: 'median-beat intervals, QTc, axes, amplitudes, ST, voltages (src/measure measureEcg, given the waves and the median beat)' },
  { name: 'rhythm', description: "rhythm episodes, events and Holter counts; signal the quality stage found unusable is a 'noise' episode; with the strip models given (options stripModel, stripWaveformModel), their second opinion on AF episodes (src/classify analyzeRhythm, analyzeRhythmWithStripOpinion)" },
  { name: 'stripRhythm', description: 'record-level rhythm label of a short strip: normal, AF, other, noisy; not determinable when the quality stage rejects the record (src/classify classifyStrip; default the rule baseline)' },
  { name: 'hrv', description: 'heart-rate variability from NN intervals, beats in unusable signal left out; rhythmCaveat says when the rhythm is not sinus (src/measure heartRateVariability, src/classify hrvRhythmCaveat)' },
  { name: 'interpretation', description: 'diagnostic statements with their evidence, one reconciled rhythm statement, the summary class and the device\'s statements beside them (src/interpret interpretEcg)' },
];
