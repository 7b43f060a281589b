import * as beatsModule from '../beats/index.js';
import * as classifyModule from '../classify/index.js';
import * as measureModule from '../measure/index.js';
import * as qualityModule from '../quality/index.js';
import * as wavesModule from '../waves/index.js';
import type { EcgRecord } from '../record/types.js';
import { StageUnavailableError, type AnalysisStage, type EarlierResults, type StageContext } from './stage.js';

type AnyFn = (...args: unknown[]) => unknown;

/**
 * Finds a stage function among a module's exports by name. Stages are merged from parallel branches,
 * so the pipeline looks the function up at run time: a missing one makes the section `unavailable`
 * (with the reason) instead of breaking the build.
 */
function exported(module: object, name: string, folder: string): AnyFn {
  const fn = (module as Record<string, unknown>)[name];
  if (typeof fn !== 'function') throw new StageUnavailableError(`${folder} does not export ${name}() in this build`);
  return fn as AnyFn;
}

/** Models a stage result names in a `model`/`models` field ({ name, version?, sha256? }). */
function modelsNamedIn(result: unknown) {
  if (!result || typeof result !== 'object') return [];
  const r = result as { model?: unknown; models?: unknown };
  const list = Array.isArray(r.models) ? r.models : r.model ? [r.model] : [];
  return list
    .filter((m): m is { name: string; version?: string; sha256?: string } => !!m && typeof (m as { name?: unknown }).name === 'string')
    .map((m) => ({ name: m.name, version: m.version ?? null, sha256: m.sha256 ?? null }));
}

function stage(
  name: string,
  dependsOn: string[],
  description: string,
  run: (record: EcgRecord, earlier: EarlierResults, context: StageContext) => unknown,
): AnalysisStage {
  return { name, dependsOn, description, run, modelsUsed: modelsNamedIn };
}

/**
 * The default pipeline, in run order. Each entry calls one stage's public function; entries whose
 * function is not exported yet report `unavailable`. Replace or extend with `AnalyzeOptions.stages`.
 */
export function defaultStages(): AnalysisStage[] {
  return [
    stage('quality', [], 'signal quality per lead and segment (src/quality assessQuality)', (record) =>
      exported(qualityModule, 'assessQuality', 'src/quality')(record),
    ),
    stage('beats', [], 'QRS detection with lead fusion (src/beats detectBeats)', (record, _earlier, context) =>
      exported(beatsModule, 'detectBeats', 'src/beats')(record, context.options),
    ),
    stage('waves', ['beats'], 'P/QRS/T delineation of every beat (src/waves delineate)', (record, earlier) =>
      exported(wavesModule, 'delineate', 'src/waves')(record, earlier.beats),
    ),
    stage('measurements', ['beats', 'waves'], 'intervals, axes, amplitudes, QTc (src/measure measure)', (record, earlier) =>
      exported(measureModule, 'measure', 'src/measure')(record, earlier.waves, earlier.beats),
    ),
    stage('beatClasses', ['beats'], 'AAMI beat classes N/S/V/F/Q (src/classify classifyBeats)', (record, earlier) =>
      exported(classifyModule, 'classifyBeats', 'src/classify')(record, earlier.beats),
    ),
    stage('rhythm', ['beats', 'beatClasses'], 'rhythm episodes and strip label (src/classify analyzeRhythm)', (record, earlier) =>
      exported(classifyModule, 'analyzeRhythm', 'src/classify')(record, earlier.beats, earlier.beatClasses),
    ),
    stage('hrv', ['beats'], 'heart-rate variability from NN intervals (src/measure hrv)', (record, earlier) =>
      exported(measureModule, 'heartRateVariability', 'src/measure')(earlier.beats, earlier.beatClasses ?? null),
    ),
  ];
}
