import type { Analysis } from '../analyze.js';

/**
 * A stored record's statements: the labels it was stored with, the interpretation's statement
 * codes (when that stage ran) and the rhythm labels of its episodes. Browser-safe.
 *
 * @example recordStatements(['NORM'], analysis) // ['NORM', 'sinus_rhythm']
 */
export function recordStatements(labels: string[], analysis: Pick<Analysis, 'results'> | null): string[] {
  const out = new Set(labels);
  const r = (analysis?.results ?? {}) as Record<string, unknown>;
  const interp = r.interpretation as { statements?: { code?: unknown }[] } | null | undefined;
  for (const s of interp?.statements ?? []) if (typeof s.code === 'string') out.add(s.code);
  const rhythm = r.rhythm as { episodes?: { label?: unknown }[] } | null | undefined;
  for (const e of rhythm?.episodes ?? []) if (typeof e.label === 'string' && e.label !== 'undetermined') out.add(e.label);
  return [...out];
}
