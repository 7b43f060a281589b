/**
 * Training data for the learned boundary refinement (src/waves/refineBoundaries.ts): for LUDB
 * records, every lead-beat's QRS and P boundaries on the final delineation without the refinement,
 * their features (boundaryRefineFeatures, exactly as the refinement sees them) and the lead's
 * annotated mark nearest to ours within 150 ms inside the lead's annotated span (null if none).
 *
 *   npx tsx training/boundary-refine/dumpBoundaryFeatures.ts all > /tmp/bref/features.jsonl
 *
 * One JSON line per lead-beat and boundary: { id, lead, k, b, ours, ref, f: [...] } (samples at 500 Hz).
 */
import { annotatedWaves } from '../../src/waves/annotatedWaves.js';
import {
  BOUNDARY_REFINE_FEATURE_COUNT, boundaryRefineFeatures, refineBeatContext, refineScratch, type RefinedBoundary,
} from '../../src/waves/boundaryRefineFeatures.js';
import { DEFAULT_DELINEATION_OPTIONS } from '../../src/waves/options.js';
import { delineatedLudbRecords, ludbRecordIds } from '../../test/ludbRecords.js';

const o = { ...DEFAULT_DELINEATION_OPTIONS, boundaryRefinement: false };
const BOUNDARIES: RefinedBoundary[] = ['qrsOnset', 'qrsOffset', 'pOnset', 'pOffset'];
const f = new Float64Array(BOUNDARY_REFINE_FEATURE_COUNT);
const s = refineScratch();
const buf: number[] = [];
for await (const { id, rec, d, spikes, samples } of delineatedLudbRecords(ludbRecordIds(process.argv[2] ?? 'all'), o)) {
  const fs = rec.fs, win = 0.15 * fs;
  const refs = rec.leads.map((l) => {
    const set = rec.annotations.find((a) => a.annotator === l.name.toLowerCase());
    if (!set || !set.annotations.length) return null;
    const a = set.annotations, w = annotatedWaves(set);
    const pick = (kind: 'p' | 'qrs', key: 'onset' | 'offset') => w.filter((x) => x.kind === kind).map((x) => x[key]).filter((v): v is number => v !== null);
    return {
      span: [a[0].sample, a[a.length - 1].sample],
      qrsOnset: pick('qrs', 'onset'), qrsOffset: pick('qrs', 'offset'), pOnset: pick('p', 'onset'), pOffset: pick('p', 'offset'),
    };
  });
  const nb = d.beatSamples.length, bs = d.beatSamples;
  const lines: string[] = [];
  for (let k = 0; k < nb; k++) {
    const rrS = k + 1 < nb ? (bs[k + 1] - bs[k]) / fs : k > 0 ? (bs[k] - bs[k - 1]) / fs : nb >= 2 ? (bs[nb - 1] - bs[0]) / (nb - 1) / fs : 1;
    for (const b of BOUNDARIES) {
      const ctx = refineBeatContext(d.leads, k, b, buf);
      if (!ctx) continue;
      d.leads.forEach((l, li) => {
        const r = refs[li];
        const ours = ctx.positions[li];
        if (!r || l.reason || ours === null || ours < r.span[0] - win || ours > r.span[1] + win) return;
        if (!boundaryRefineFeatures(samples[li], fs, l, k, b, ctx, spikes.length > 0, rrS, s, f)) return;
        let ref: number | null = null;
        for (const v of r[b]) if (v >= r.span[0] && v <= r.span[1] && Math.abs(v - ours) <= win && (ref === null || Math.abs(v - ours) < Math.abs(ref - ours))) ref = v;
        lines.push(JSON.stringify({ id, lead: l.lead, k, b, ours, ref, f: Array.from(f, (v) => Math.round(v * 1e4) / 1e4) }));
      });
    }
  }
  process.stdout.write(lines.length ? lines.join('\n') + '\n' : '');
  process.stderr.write(`${id} `);
}
process.stderr.write('\n');
