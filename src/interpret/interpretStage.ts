/**
 * The interpretation stage's input from the earlier stages' typed results and the record's metadata,
 * so the pipeline entry stays one line.
 */
import type { EcgRecord } from '../record/types.js';
import type { EcgMeasurements } from '../measure/measureEcg.js';
import type { MedianBeats } from '../waves/medianBeats.js';
import type { RhythmAnalysis } from '../classify/rhythm/types.js';
import type { StripRhythm } from '../classify/strip/classifyStrip.js';
import { deviceStatementsFromMetadata, patientFromMetadata, type InterpretInput, type InterpretQuality } from './interpretInput.js';

/** The earlier stages' results the interpretation reads (null where a stage gave nothing). */
export interface InterpretStageInputs {
  quality: InterpretQuality | null;
  beats: { samples: ArrayLike<number> } | null;
  beatClasses: { labels: ArrayLike<string> } | null;
  pacingSpikes: ArrayLike<number> | null;
  measurements: EcgMeasurements | null;
  /** The median beat the measurements were made on. */
  median: MedianBeats | null;
  rhythm: RhythmAnalysis | null;
  stripRhythm: StripRhythm | null;
}

/**
 * InterpretInput from the stage results as the pipeline hands them on, the patient and the device's
 * statements from the record's metadata.
 *
 * @example interpretEcg(interpretInputFromStages(record, { quality, beats, beatClasses, pacingSpikes, measurements, median, rhythm, stripRhythm }))
 */
export function interpretInputFromStages(record: Pick<EcgRecord, 'fs' | 'length' | 'metadata'>, s: InterpretStageInputs): InterpretInput {
  return {
    fsHz: record.fs,
    lengthSamples: record.length,
    measurements: s.measurements ? { ...s.measurements, median: s.median } : null,
    rhythm: s.rhythm,
    stripRhythm: s.stripRhythm,
    quality: s.quality,
    beatSamples: s.beats?.samples ?? null,
    beatClasses: s.beatClasses?.labels ?? null,
    pacingSpikes: s.pacingSpikes,
    patient: patientFromMetadata(record.metadata),
    deviceStatements: deviceStatementsFromMetadata(record.metadata),
  };
}
