/**
 * Training data for a median-beat boundary refinement: for every LUDB record, measureEcg's median
 * beat delineation (before any refinement), each lead's QRS and P boundaries, their features
 * (boundaryRefineFeatures, as refinedMedianDelineation computes them) and a reference in median-beat
 * samples: the boundary mapped into every beat the median was built from (the template's aligned
 * fiducials), the lead's LUDB mark nearest to it within 150 ms inside the annotated span, and the
 * median over those beats of mark - mapped (at least 3 beats; else null). Same line format as
 * dumpBoundaryFeatures.ts, so train_boundary_refine.py reads it: { id, lead, k: 0, b, ours, ref, f }.
 *
 *   npx tsx training/boundary-refine/dumpMedianBoundaryFeatures.ts > /tmp/medref/median-features.jsonl
 */
import { join } from 'node:path';
import { openRecord } from '../../src/io/openRecord.js';
import { detectBeats } from '../../src/beats/index.js';
import { delineateBeatsWithTemplate } from '../../src/waves/delineateBeats.js';
import { recordMedianBeat } from '../../src/waves/recordMedianBeat.js';
import { measureEcg } from '../../src/measure/measureEcg.js';
import { annotatedWaves } from '../../src/waves/annotatedWaves.js';
import { pacingSpikeSamples } from '../../src/waves/pacingSpikes.js';
import {
  BOUNDARY_REFINE_FEATURE_COUNT, boundaryRefineFeatures, refineBeatContext, refineScratch, type RefinedBoundary,
} from '../../src/waves/boundaryRefineFeatures.js';
import { DEFAULT_DELINEATION_OPTIONS } from '../../src/waves/options.js';
import { LUDB } from '../../test/dataPaths.js';

const BOUNDARIES: RefinedBoundary[] = ['qrsOnset', 'qrsOffset', 'pOnset', 'pOffset'];
const f = new Float64Array(BOUNDARY_REFINE_FEATURE_COUNT);
const s = refineScratch();
const buf: number[] = [];
const med = (v: number[]) => { const x = [...v].sort((a, b) => a - b); const n = x.length; return n % 2 ? x[n >> 1] : 0.5 * (x[(n >> 1) - 1] + x[n >> 1]); };
for (let id = 1; id <= 200; id++) {
  const rec = await openRecord(join(LUDB, `${id}.hea`));
  const beats = detectBeats(rec).samples;
  const w = delineateBeatsWithTemplate(rec, beats);
  const d = { delineation: w.delineation, medianBeat: recordMedianBeat(rec, beats, w), pacingSpikes: w.pacingSpikes };
  const m = measureEcg(rec, beats, { ...d, medianRefinement: null });
  const md = m.medianDelineation;
  if (!md || d.medianBeat.median.medianRrSamples === null) continue;
  const fs = rec.fs, win = 0.15 * fs, F = d.medianBeat.median.fiducialIndex;
  // Beats the median was built from, at the positions it was aligned on.
  const t = w.template;
  const sorted = Int32Array.from(beats).sort();
  const mapped: number[] = t
    ? Array.from(t.alignedSamples).filter((_, k) => t.qrsCorrelation[k] >= DEFAULT_DELINEATION_OPTIONS.templateMinCorrelation)
    : Array.from(sorted);
  const paced = pacingSpikeSamples(rec).length > 0, rrS = d.medianBeat.median.medianRrSamples / fs;
  const lines: string[] = [];
  for (const b of BOUNDARIES) {
    const ctx = refineBeatContext(md.leads, 0, b, buf);
    if (!ctx) continue;
    md.leads.forEach((l, li) => {
      const ours = ctx.positions[li];
      const set = rec.annotations.find((a) => a.annotator === rec.leads[li].name.toLowerCase());
      if (!set || !set.annotations.length || l.reason || ours === null) return;
      if (!boundaryRefineFeatures(d.medianBeat.median.leads[li].samples, fs, l, 0, b, ctx, paced, rrS, s, f)) return;
      const a = set.annotations, span = [a[0].sample, a[a.length - 1].sample];
      const w = annotatedWaves(set).filter((x) => x.kind === (b.startsWith('qrs') ? 'qrs' : 'p'));
      const marks = w.map((x) => (b.endsWith('Onset') ? x.onset : x.offset)).filter((v): v is number => v !== null && v >= span[0] && v <= span[1]);
      const diffs: number[] = [];
      for (const c of mapped) {
        const at = ours - F + c;
        let best: number | null = null;
        for (const v of marks) if (Math.abs(v - at) <= win && (best === null || Math.abs(v - at) < Math.abs(best - at))) best = v;
        if (best !== null) diffs.push(best - at);
      }
      const ref = diffs.length >= 3 ? ours + med(diffs) : null;
      lines.push(JSON.stringify({ id, lead: l.lead, k: 0, b, ours, ref, n: diffs.length, f: Array.from(f, (v) => Math.round(v * 1e4) / 1e4) }));
    });
  }
  process.stdout.write(lines.length ? lines.join('\n') + '\n' : '');
}
