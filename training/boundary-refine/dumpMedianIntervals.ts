/**
 * Dumps, per LUDB record, measureEcg's global intervals (ms) without the median-beat refinement,
 * with the fold models of the record's fold (out of fold, fold = id mod 5) and with the shipped
 * models, both with zero global shifts (so shifts can be fitted afterwards: PR moves by
 * qrsOn - pOn shift, QRS by qrsOff - qrsOn, QT by -qrsOn), and the reference intervals as
 * bench/waves.bench.ts forms them (median over beats of LUDB's global intervals). One JSON line each.
 *
 *   npx tsx training/boundary-refine/dumpMedianIntervals.ts [median|beat] > /tmp/medref/intervals.jsonl
 *
 * median (default): the median-beat models (models/median-boundary-refinement-folds.json, shipped
 * MEDIAN_BOUNDARY_REFINE_MODELS); beat: the per-beat models (models/boundary-refinement-folds.json,
 * BOUNDARY_REFINE_MODELS) applied to the median beat.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRecord } from '../../src/io/openRecord.js';
import { detectBeats } from '../../src/beats/index.js';
import { delineateBeatsWithTemplate } from '../../src/waves/delineateBeats.js';
import { recordMedianBeat } from '../../src/waves/recordMedianBeat.js';
import { measureEcg, type EcgMeasurements } from '../../src/measure/measureEcg.js';
import { annotatedGlobalWaves, annotatedWaves } from '../../src/waves/annotatedWaves.js';
import { BOUNDARY_REFINE_MODELS } from '../../src/waves/boundaryRefineModel.js';
import { MEDIAN_BOUNDARY_REFINE_MODELS } from '../../src/waves/medianBoundaryRefineModel.js';
import type { BoundaryRefineModels } from '../../src/waves/refineBoundaries.js';
import { LUDB } from '../../test/dataPaths.js';
import { median } from '../../bench/waveScoring.js';

const beatModels = process.argv[2] === 'beat';
const foldModels: BoundaryRefineModels[] = JSON.parse(readFileSync(beatModels ? 'models/boundary-refinement-folds.json' : 'models/median-boundary-refinement-folds.json', 'utf8')).models;
const shipped = beatModels ? BOUNDARY_REFINE_MODELS : MEDIAN_BOUNDARY_REFINE_MODELS;
const zero = { pOnset: 0, pOffset: 0, qrsOnset: 0, qrsOffset: 0 };
const iv = (m: EcgMeasurements) => ({ pr: m.prMs, qrs: m.qrsDurationMs, qt: m.qtMs });
for (let id = 1; id <= 200; id++) {
  const rec = await openRecord(join(LUDB, `${id}.hea`));
  const fs = rec.fs, toMs = (v: number) => (v * 1000) / fs;
  const beats = detectBeats(rec).samples;
  const w = delineateBeatsWithTemplate(rec, beats);
  const d = { delineation: w.delineation, medianBeat: recordMedianBeat(rec, beats, w), pacingSpikes: w.pacingSpikes };
  const refByLead = rec.leads.map((l) => rec.annotations.find((s) => s.annotator === l.name.toLowerCase()))
    .filter((s) => s && s.annotations.length).map((s) => annotatedWaves(s!));
  const g = refByLead.length ? annotatedGlobalWaves(refByLead, fs) : null;
  const med = (v: number[]) => (v.length ? median(v) : null);
  const ref = g ? {
    pr: med(g.beats.filter((b) => b.pOn !== null).map((b) => toMs(b.qrsOn - b.pOn!))),
    qrs: med(g.beats.filter((b) => b.qrsOff !== null).map((b) => toMs(b.qrsOff! - b.qrsOn))),
    qt: med(g.beats.filter((b) => b.tOff !== null).map((b) => toMs(b.tOff! - b.qrsOn))),
  } : null;
  const off = measureEcg(rec, beats, { ...d, medianRefinement: null });
  const oof = measureEcg(rec, beats, { ...d, medianRefinement: { models: foldModels[id % 5], globalShiftMs: zero } });
  const ins = measureEcg(rec, beats, { ...d, medianRefinement: { models: shipped, globalShiftMs: zero } });
  const leads = oof.medianDelineation?.leads.filter((l) => !l.reason).length ?? 0;
  console.log(JSON.stringify({ id, fold: id % 5, leads, ref, off: iv(off), oof: iv(oof), ins: iv(ins) }));
}
