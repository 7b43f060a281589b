/**
 * The public Analysis types, pinned: a change to them fails `npm test` (test/typeChecks.test.ts)
 * until this file is changed with it, so it shows in review. Imports go through the package's
 * entry points, as a user's would.
 */
import type {
  Analysis, AnalysisResults, AnalysisStage, BeatsJson, EarlierResults, JsonOf, JsonValue, MeasurementsJson,
  MedianBeatJson, PipelineValues, QualityJson, RhythmJson, StageName, StageOptions, StageReport, WavesJson,
} from 'sinus-ecg';
import { analyze, renderSvg } from 'sinus-ecg';
import { openRecord } from 'sinus-ecg/node';
import { expectTrue, type Equal } from './expect.js';

// Each built-in section is its stage's JSON form or null; added stages go to `extra`.
expectTrue<Equal<keyof AnalysisResults, StageName | 'extra'>>();
expectTrue<Equal<StageName, 'quality' | 'beats' | 'beatClasses' | 'waves' | 'medianBeat' | 'measurements' | 'rhythm' | 'stripRhythm' | 'hrv' | 'interpretation'>>();
expectTrue<Equal<AnalysisResults['measurements'], MeasurementsJson | null>>();
expectTrue<Equal<AnalysisResults['interpretation'], JsonOf<PipelineValues['interpretation']> | null>>();
expectTrue<Equal<AnalysisResults['extra'], { [stage: string]: JsonValue }>>();

// JSON forms: integer typed arrays are number lists, float typed arrays may hold null (NaN), nothing is `unknown`.
expectTrue<Equal<BeatsJson['samples'], number[]>>();
expectTrue<Equal<PipelineValues['beats']['samples'], Int32Array>>();
expectTrue<Equal<NonNullable<AnalysisResults['beatClasses']>['probabilities'], Array<number | null>>>();
expectTrue<Equal<MedianBeatJson['median']['leads'][number]['samples'], Array<number | null>>>();
expectTrue<Equal<WavesJson['global'][number]['qrsOnset'], number | null>>();
expectTrue<Equal<MeasurementsJson['qrsDurationMs'], number | null>>();
expectTrue<Equal<MeasurementsJson['qtc']['bazettMs'], number | null>>();
expectTrue<Equal<QualityJson['verdict'], 'excellent' | 'acceptable' | 'unusable'>>();
expectTrue<Equal<RhythmJson['episodes'][number]['label'], PipelineValues['rhythm']['episodes'][number]['label']>>();
expectTrue<Equal<JsonOf<{ a: Float64Array; b?: Date; f: () => void }>, { a: Array<number | null>; b?: string; f: never }>>();

// The stage report and options.
expectTrue<Equal<StageReport['status'], 'ok' | 'unavailable' | 'skipped' | 'failed'>>();
expectTrue<Equal<EarlierResults['builtIn']['medianBeat'], PipelineValues['medianBeat'] | undefined>>();
const options: StageOptions = { beats: { leads: ['II'] }, beatClasses: { method: 'features' }, medianBeat: { fromNormalBeats: false } };
// @ts-expect-error an unknown beat-class method is a type error
const badOptions: StageOptions = { beatClasses: { method: 'svm' } };

// What a user writes compiles, and what would be a guess does not.
export async function userCode(): Promise<string> {
  const record = await openRecord('samples/1.hea');
  const peak: AnalysisStage<{ maxAbsMv: number }> = { name: 'peak', dependsOn: ['beats'], description: 'max |x|', run: (r) => ({ maxAbsMv: Math.max(...r.leads[0].samples) }) };
  const a: Analysis = await analyze(record, { stageOptions: options, stages: [peak] });
  const qrs: number | null | undefined = a.results.measurements?.qrsDurationMs;
  const labels: string[] | undefined = a.results.rhythm?.episodes.map((e) => e.label);
  // @ts-expect-error no guessing at field names: QRS duration is `qrsDurationMs`
  const guessed = a.results.measurements?.qrsMs;
  // @ts-expect-error sections of added stages are in `extra`, not beside the built-in ones
  const added = a.results.peak;
  void [qrs, labels, guessed, added, badOptions];
  return renderSvg(record, { analysis: a, layout: '3x4' });
}
