/**
 * The interpretation stage's input from the earlier stages' raw results (by stage name) and the
 * record's metadata, so the pipeline entry stays one line.
 */
import type { EcgRecord } from '../record/types.js';
import type { EcgMeasurements } from '../measure/measureEcg.js';
import type { RhythmAnalysis } from '../classify/rhythm/types.js';
import type { StripRhythm } from '../classify/strip/classifyStrip.js';
import { deviceStatementsFromMetadata, patientFromMetadata, type InterpretInput, type InterpretQuality } from './interpretInput.js';

/**
 * InterpretInput from `analysis` stage results as the pipeline hands them on (quality, beats,
 * beatClasses, waves, measurements, rhythm, stripRhythm), the patient and the device's statements
 * from the record's metadata.
 *
 * @example interpretEcg(interpretInputFromStages(record, earlier))
 */
export function interpretInputFromStages(record: Pick<EcgRecord, 'fs' | 'length' | 'metadata'>, earlier: Readonly<Record<string, unknown>>): InterpretInput {
  const beats = earlier.beats as { samples?: ArrayLike<number> } | undefined;
  const classes = earlier.beatClasses as { labels?: ArrayLike<string> } | undefined;
  const waves = earlier.waves as { pacingSpikes?: ArrayLike<number> } | undefined;
  return {
    fsHz: record.fs,
    lengthSamples: record.length,
    measurements: (earlier.measurements as EcgMeasurements | undefined) ?? null,
    rhythm: (earlier.rhythm as RhythmAnalysis | undefined) ?? null,
    stripRhythm: (earlier.stripRhythm as StripRhythm | undefined) ?? null,
    quality: (earlier.quality as InterpretQuality | undefined) ?? null,
    beatSamples: beats?.samples ?? null,
    beatClasses: classes?.labels ?? null,
    pacingSpikes: waves?.pacingSpikes ?? null,
    patient: patientFromMetadata(record.metadata),
    deviceStatements: deviceStatementsFromMetadata(record.metadata),
  };
}
