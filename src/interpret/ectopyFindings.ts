/** Ectopy statements (PVC, PAC, bigeminy, trigeminy, paroxysmal SVT) from beat classes and rhythm events. */
import type { FamilyResult, Finding } from './evidence.js';
import type { InterpretInput } from './interpretInput.js';
import { SOURCES } from './thresholds.js';

/**
 * PVC and PAC from the beat classes (with the beats), bigeminy and trigeminy from the rhythm
 * analysis' events, PSVT from its supraventricular runs inside another rhythm.
 *
 * @example ectopyFindings(input).findings.map((f) => f.code) // ['PVC']
 */
export function ectopyFindings(input: InterpretInput): FamilyResult {
  const findings: Finding[] = [];
  const undetermined: FamilyResult['undetermined'] = [];
  const classes = input.beatClasses;
  if (!classes || classes.length === 0) {
    undetermined.push({ code: 'PVC', reason: 'no beat classes (the beat classifier did not run or found no beats)' }, { code: 'PAC', reason: 'no beat classes' });
  } else {
    for (const [cls, code, what] of [['V', 'PVC', 'ventricular'], ['S', 'PAC', 'supraventricular premature']] as const) {
      const idx: number[] = [];
      for (let i = 0; i < classes.length; i++) if (classes[i] === cls) idx.push(i);
      if (idx.length === 0) continue;
      findings.push({ code, criterion: SOURCES.aha2009rhythm, evidence: [{ kind: 'beats', name: 'beatClasses', lead: null, value: idx.length, unit: 'beats', threshold: 1, comparison: '>=', supports: true, text: `${idx.length} of ${classes.length} beats classed ${cls} (${what})`, beatIndices: idx }] });
    }
  }
  for (const e of input.rhythm?.episodes ?? []) {
    const code = e.label === 'ventricular_bigeminy' ? 'BIGU' : e.label === 'ventricular_trigeminy' ? 'TRIGU' : e.label === 'svta' && (input.rhythm?.episodes.length ?? 0) > 1 ? 'PSVT' : null;
    if (!code || findings.some((f) => f.code === code)) continue;
    findings.push({ code, criterion: SOURCES.aha2009rhythm, evidence: [{ kind: 'episode', name: 'rhythm', lead: null, value: e.label, unit: null, threshold: null, comparison: null, supports: true, text: e.reason, startSample: e.startSample, endSample: e.endSample }] });
  }
  return { findings, undetermined };
}
