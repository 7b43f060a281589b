/**
 * Dumps the classifier inputs of MIT-BIH records (reference beat positions from .atr) into
 * training/cache/<name>.* for training/train_beat_classes.py. The inputs are built by the same code
 * the classifier runs (src/classify/features), so training and inference cannot drift apart.
 *
 *   npx tsx training/dumpBeatInputs.ts ds1          # the 22 DS1 records (the only training data)
 *
 * Files: <name>.features.f32 (n × FEATURE_COUNT), <name>.waves.f32 (n × 2 × 2 × 176),
 * <name>.context.f32 (n × SINUS_CONTEXT_FEATURE_NAMES), <name>.labels.u8 (0..4 = N,S,V,F,Q), <name>.records.i16 (MIT-BIH record number), <name>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeFileSource } from '../src/io/nodeFileSource.js';
import { readWfdbRecord } from '../src/io/wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../src/io/wfdb/readAnnotations.js';
import { beatClassInputs } from '../src/classify/features/beatClassInputs.js';
import { BEAT_CLASSES, BEAT_INPUT_VERSION, FEATURE_COUNT, LEADS_USED, MORPHOLOGY_FEATURE_NAMES, RR_FEATURE_NAMES, WAVE_CHANNELS, WINDOW_LENGTH } from '../src/classify/features/layout.js';
import { SINUS_CONTEXT_FEATURE_NAMES, SINUS_CONTEXT_VERSION, sinusContextFeatures } from '../src/classify/features/sinusContextFeatures.js';
import { referenceBeats } from '../src/classify/referenceBeats.js';
import { MITDB, ROOT } from '../test/dataPaths.js';

export const DS1 = [101, 106, 108, 109, 112, 114, 115, 116, 118, 119, 122, 124, 201, 203, 205, 207, 208, 209, 215, 220, 223, 230];

const which = process.argv[2] ?? 'ds1';
if (which !== 'ds1') throw new Error('only DS1 is dumped: DS2 is for the final report only');
const out = join(ROOT, 'training', 'cache');
mkdirSync(out, { recursive: true });
const feats: Float32Array[] = [];
const waves: Float32Array[] = [];
const contexts: Float32Array[] = [];
const labels: number[] = [];
const records: number[] = [];
const source = nodeFileSource(MITDB);
for (const r of DS1) {
  const rec = await readWfdbRecord(String(r), source);
  rec.annotations = await readWfdbAnnotationSets(String(r), ['atr'], source);
  const ref = referenceBeats(rec)!;
  const t0 = performance.now();
  const inp = beatClassInputs(rec, ref.samples);
  const ms = performance.now() - t0;
  feats.push(inp.features);
  waves.push(inp.waves);
  contexts.push(sinusContextFeatures(ref.samples, rec.fs, inp.waves));
  for (const c of ref.classes) { labels.push(BEAT_CLASSES.indexOf(c)); records.push(r); }
  const counts = BEAT_CLASSES.map((c) => ref.classes.filter((x) => x === c).length);
  console.log(`${r}: ${ref.samples.length} beats  N/S/V/F/Q ${counts.join('/')}  leads ${inp.leadIndices.map((i) => rec.leads[i].name).join('+')}  ${ms.toFixed(0)} ms`);
}
const cat = (parts: Float32Array[]) => {
  const total = parts.reduce((s, p) => s + p.length, 0);
  const all = new Float32Array(total);
  let o = 0;
  for (const p of parts) { all.set(p, o); o += p.length; }
  return all;
};
const buf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
writeFileSync(join(out, `${which}.features.f32`), buf(cat(feats)));
writeFileSync(join(out, `${which}.waves.f32`), buf(cat(waves)));
writeFileSync(join(out, `${which}.context.f32`), buf(cat(contexts)));
writeFileSync(join(out, `${which}.labels.u8`), buf(Uint8Array.from(labels)));
writeFileSync(join(out, `${which}.records.i16`), buf(Int16Array.from(records)));
writeFileSync(join(out, `${which}.json`), JSON.stringify({
  inputVersion: BEAT_INPUT_VERSION, contextVersion: SINUS_CONTEXT_VERSION, contextNames: SINUS_CONTEXT_FEATURE_NAMES, count: labels.length, featureCount: FEATURE_COUNT, leads: LEADS_USED, channels: WAVE_CHANNELS,
  windowLength: WINDOW_LENGTH, classes: BEAT_CLASSES, featureNames: [...RR_FEATURE_NAMES, ...Array.from({ length: LEADS_USED }, (_, l) => MORPHOLOGY_FEATURE_NAMES.map((m) => `L${l}.${m}`)).flat()],
}, null, 1));
console.log(`wrote ${labels.length} beats to ${out}`);
