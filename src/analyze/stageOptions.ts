import type { DetectBeatsOptions } from '../beats/types.js';
import type { ClassifyBeatsOptions } from '../classify/classifyBeats.js';
import type { LoadedModel } from '../classify/onnx/modelRunner.js';
import type { ClassifyStripOptions } from '../classify/strip/classifyStrip.js';
import type { MedianBeatRefinement } from '../measure/measureEcg.js';
import type { QualityOptions } from '../quality/types.js';
import type { DelineationOptions } from '../waves/options.js';

/**
 * Options of the built-in stages, by stage name (`AnalyzeOptions.stageOptions`), each passed to the
 * stage's function; options of stages the caller added go under their own name.
 *
 * @example
 * const a = await analyze(record, { stageOptions: { beats: { leads: ['II', 'V5'] }, beatClasses: { method: 'features' } } });
 */
export interface StageOptions {
  /**
   * `useRecordBeats`: judge every lead against the beats detected once on all leads (instead of the
   * primary detector re-run on each lead); default false (see docs/notes/typed-pipeline.md).
   */
  quality?: Omit<QualityOptions, 'primaryBeats'> & { useRecordBeats?: boolean };
  beats?: DetectBeatsOptions;
  beatClasses?: Partial<ClassifyBeatsOptions>;
  waves?: Partial<DelineationOptions>;
  /** Whether the median beat is built from the normal beats when beat classes are known (default true; at least 3 needed). */
  medianBeat?: { fromNormalBeats?: boolean };
  measurements?: { medianRefinement?: MedianBeatRefinement | null };
  /** With the strip models given, their second opinion on AF episodes (analyzeRhythmWithStripOpinion). */
  rhythm?: { stripModel?: LoadedModel; stripWaveformModel?: LoadedModel };
  stripRhythm?: ClassifyStripOptions;
  [addedStage: string]: object | undefined;
}
