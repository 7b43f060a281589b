import type { Analysis } from '../analyze.js';
import type { EcgMeasurements } from '../measure/measureEcg.js';
import type { QualityReport } from '../quality/types.js';
import type { RhythmAnalysis } from '../classify/rhythm/types.js';
import type { StripRhythm } from '../classify/strip/classifyStrip.js';
import type { Interpretation } from '../interpret/types.js';

/** The measurement section as stored in an Analysis (JSON: the median beats are not carried). */
export type MeasurementsSection = Omit<EcgMeasurements, 'median' | 'medianDelineation'>;

/** HRV section as far as the report and answers read it. */
export interface HrvSection {
  nnCount: number;
  timeDomain: { meanNnMs: number | null; sdnnMs: number | null; rmssdMs: number | null; pnn50Pct: number | null; sdannMs: number | null };
  frequencyDomain: { lfMs2: number | null; hfMs2: number | null; lfHfRatio: number | null };
}

/** Beat classes section as far as the report reads it. */
export interface BeatClassesSection {
  samples: number[];
  labels: string[];
  /** Class names, in the order of each beat's probabilities. */
  classes?: string[];
  /** Per-beat class probabilities, flattened (classes.length per beat), when the classifier gives them. */
  probabilities?: number[];
}

/** The typed sections of an Analysis that the report and question answering read. */
export interface AnalysisSections {
  recordName: string;
  fsHz: number;
  durationS: number;
  leadNames: string[];
  measurements: MeasurementsSection | null;
  quality: QualityReport | null;
  rhythm: RhythmAnalysis | null;
  stripRhythm: StripRhythm | null;
  interpretation: Interpretation | null;
  hrv: HrvSection | null;
  beatClasses: BeatClassesSection | null;
  beats: { samples: number[] } | null;
  /** The per-beat delineation (waves stage), as stored; read by ECG-QA-style per-beat features. */
  waves: unknown;
  /** Why a section is null, by section name (from the analysis's stage reports). */
  missing: Record<string, string>;
}

/**
 * Reads the sections of an Analysis the report and the question answering use, typed as the
 * stages that wrote them; a section a stage did not give is null, with the stage's reason in `missing`.
 *
 * @example const s = analysisSections(await analyze(record)); s.measurements?.qrsDurationMs;
 */
export function analysisSections(analysis: Analysis): AnalysisSections {
  const r = analysis.results as unknown as Record<string, unknown>;
  const missing: Record<string, string> = {};
  for (const st of analysis.stages) if (r[st.name] == null) missing[st.name] = st.reason ?? st.status;
  const get = <T>(name: string): T | null => {
    const v = r[name];
    if (v == null) {
      if (!(name in missing)) missing[name] = 'not computed';
      return null;
    }
    return v as T;
  };
  return {
    recordName: analysis.record.name,
    fsHz: analysis.record.fsHz,
    durationS: analysis.record.durationS,
    leadNames: analysis.record.leads.map((l) => l.name),
    measurements: get<MeasurementsSection>('measurements'),
    quality: get<QualityReport>('quality'),
    rhythm: get<RhythmAnalysis>('rhythm'),
    stripRhythm: get<StripRhythm>('stripRhythm'),
    interpretation: get<Interpretation>('interpretation'),
    hrv: get<HrvSection>('hrv'),
    beatClasses: get<BeatClassesSection>('beatClasses'),
    beats: get<{ samples: number[] }>('beats'),
    waves: get<unknown>('waves'),
    missing,
  };
}
