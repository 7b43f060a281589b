/**
 * Training data for the learned T-lobe choice (src/waves/chooseTLobes.ts): for LUDB records, every
 * lead-beat's T-lobe candidates (tLobeCandidatesOfBeat on the final delineation without the lobe
 * choice) with their features, and the lead's annotated T peak of that beat.
 *
 *   npx tsx training/t-lobe/dumpTLobeCandidates.ts odd > /tmp/tlobe-odd.jsonl
 *
 * One JSON line per lead-beat: { id, lead, k, ref, cands: [[peak, ...features], ...] } (samples at 500 Hz).
 */
import { annotatedWaves } from '../../src/waves/annotatedWaves.js';
import { tLobeCandidatesOfRecord } from '../../src/waves/chooseTLobes.js';
import { DEFAULT_DELINEATION_OPTIONS } from '../../src/waves/options.js';
import { delineatedLudbRecords, ludbRecordIds } from '../../test/ludbRecords.js';

const o = { ...DEFAULT_DELINEATION_OPTIONS, tLobeChoice: false };
for await (const { id, rec, d, samples } of delineatedLudbRecords(ludbRecordIds(process.argv[2] ?? 'odd'), o)) {
  const all = tLobeCandidatesOfRecord(samples, rec.fs, d.beatSamples, d.leads, o);
  const refs = rec.leads.map((l) => {
    const set = rec.annotations.find((a) => a.annotator === l.name.toLowerCase());
    if (!set || !set.annotations.length) return null;
    const a = set.annotations;
    return { span: [a[0].sample, a[a.length - 1].sample], t: annotatedWaves(set).filter((w) => w.kind === 't').map((w) => w.peak) };
  });
  const lines: string[] = [];
  for (let k = 0; k < d.beatSamples.length; k++) {
    all[k].forEach((c, li) => {
      const r = refs[li];
      const b = d.leads[li].beats[k];
      if (!c || !r || b.qrs.onset === null) return;
      const from = b.qrs.onset, to = k + 1 < d.beatSamples.length ? d.leads[li].beats[k + 1].qrs.onset ?? d.beatSamples[k + 1] : samples[li].length;
      if (from < r.span[0] || b.t.peak! > r.span[1]) return;
      const ref = r.t.find((p) => p > from && p < to) ?? null;
      lines.push(JSON.stringify({ id, lead: rec.leads[li].name, k, ref, cands: c.map((x) => [x.peak, ...x.features.map((v) => Math.round(v * 1e4) / 1e4)]) }));
    });
  }
  process.stdout.write(lines.length ? lines.join('\n') + '\n' : '');
  process.stderr.write(`${id} `);
}
process.stderr.write('\n');
