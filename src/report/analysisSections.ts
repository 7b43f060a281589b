import type { Analysis } from '../analyze.js';
import type { AnalysisResults } from '../analyze/results.js';

/** The typed sections of an Analysis that the report and question answering read. */
export interface AnalysisSections {
  recordName: string;
  fsHz: number;
  durationS: number;
  leadNames: string[];
  measurements: AnalysisResults['measurements'];
  quality: AnalysisResults['quality'];
  rhythm: AnalysisResults['rhythm'];
  stripRhythm: AnalysisResults['stripRhythm'];
  interpretation: AnalysisResults['interpretation'];
  hrv: AnalysisResults['hrv'];
  beatClasses: AnalysisResults['beatClasses'];
  beats: AnalysisResults['beats'];
  /** The per-beat delineation (waves stage); read by ECG-QA-style per-beat features. */
  waves: AnalysisResults['waves'];
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
  const r = analysis.results;
  const missing: Record<string, string> = {};
  for (const st of analysis.stages) if (st.name in r && r[st.name as keyof AnalysisResults] == null) missing[st.name] = st.reason ?? st.status;
  const get = <K extends Exclude<keyof AnalysisResults, 'extra'>>(name: K): AnalysisResults[K] => {
    if (r[name] == null && !(name in missing)) missing[name] = 'not computed';
    return r[name] ?? null;
  };
  return {
    recordName: analysis.record.name,
    fsHz: analysis.record.fsHz,
    durationS: analysis.record.durationS,
    leadNames: analysis.record.leads.map((l) => l.name),
    measurements: get('measurements'),
    quality: get('quality'),
    rhythm: get('rhythm'),
    stripRhythm: get('stripRhythm'),
    interpretation: get('interpretation'),
    hrv: get('hrv'),
    beatClasses: get('beatClasses'),
    beats: get('beats'),
    waves: get('waves'),
    missing,
  };
}
