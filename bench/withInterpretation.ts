/** Adds the interpretation section to a cached analysis made before the stage existed (bench only). */
import type { Analysis } from '../src/analyze.js';
import type { JsonValue } from '../src/analyze/toJsonValue.js';
import { interpretEcg } from '../src/interpret/interpretEcg.js';
import { interpretInputFromStages } from '../src/interpret/interpretStage.js';

/** The analysis with `results.interpretation`, computed from its own sections when the cache predates the stage. */
export function withInterpretation(a: Analysis): Analysis {
  if (a.results.interpretation != null) return a;
  const interpretation = interpretEcg(interpretInputFromStages({ fs: a.record.fsHz, length: a.record.samples, metadata: {} }, a.results as Record<string, unknown>));
  return { ...a, results: { ...a.results, interpretation: JSON.parse(JSON.stringify(interpretation)) as JsonValue } };
}
