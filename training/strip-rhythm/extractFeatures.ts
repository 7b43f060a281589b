/**
 * Writes the strip features of every CinC 2017 record (A00001-A03000) to out/features.csv, with
 * the reference label and the split: A00001-A02100 train, A02101-A02400 validation (early stopping
 * and model choice), A02401-A03000 held back for the benchmark only.
 * With `--crops K`, K extra random sub-strips (9-30 s, seeded) of every train and validation
 * record are written too (splits 'train-crop' / 'validation-crop'): augmentation, never of the
 * held-back records. Where each crop lies (start and length in samples at the record's rate) goes
 * to out/crops.json, so dumpWaveforms.ts --crops can write the CNN input of the same sub-strips.
 * Usage: nice -n 10 npx tsx training/strip-rhythm/extractFeatures.ts [--crops 3]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeFileSource } from '../../src/io/nodeFileSource.js';
import { readWfdbRecord } from '../../src/io/wfdb/readRecord.js';
import { detectBeats } from '../../src/beats/index.js';
import { STRIP_FEATURE_COUNT, STRIP_SCALAR_FEATURES, TEMPLATE_POINTS, stripFeatures } from '../../src/classify/strip/stripFeatures.js';
import { CINC2017, ROOT } from '../../test/dataPaths.js';

export function cincSplit(name: string): 'train' | 'validation' | 'heldout' {
  const k = Number(name.slice(1));
  return k <= 2100 ? 'train' : k <= 2400 ? 'validation' : 'heldout';
}

const refs = readFileSync(join(CINC2017, 'REFERENCE.csv'), 'utf8').trim().split('\n').map((l) => l.trim().split(','));
const src = nodeFileSource(CINC2017);
const lines: string[] = [['record', 'label', 'split', ...STRIP_SCALAR_FEATURES, ...Array.from({ length: TEMPLATE_POINTS }, (_, i) => `t${i}`)].join(',')];
const t0 = performance.now();
const cropsArg = process.argv.indexOf('--crops');
const crops = cropsArg > 0 ? Number(process.argv[cropsArg + 1]) : 0;
const cropSpans: { name: string; start: number; length: number }[] = [];
let seed = 20170;
const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
for (const [name, label] of refs) {
  const rec = await readWfdbRecord(name, src);
  const beats = detectBeats(rec).samples;
  const f = stripFeatures(rec.leads[0].samples, rec.fs, beats);
  if (f.length !== STRIP_FEATURE_COUNT) throw new Error('feature count');
  const split = cincSplit(name);
  lines.push([name, label, split, ...Array.from(f, (v) => +v.toPrecision(6))].join(','));
  if (split === 'heldout') continue;
  for (let c = 0; c < crops; c++) {
    const lenS = 9 + random() * 21;
    const len = Math.round(lenS * rec.fs);
    if (len >= rec.length) break;
    const start = Math.floor(random() * (rec.length - len));
    const samples = rec.leads[0].samples.slice(start, start + len);
    const sub = { ...rec, length: len, leads: [{ ...rec.leads[0], samples }] };
    const fc = stripFeatures(samples, rec.fs, detectBeats(sub).samples);
    cropSpans.push({ name: `${name}_${c}`, start, length: len });
    lines.push([`${name}_${c}`, label, `${split}-crop`, ...Array.from(fc, (v) => +v.toPrecision(6))].join(','));
  }
}
const outDir = join(ROOT, 'training', 'strip-rhythm', 'out');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'features.csv'), lines.join('\n') + '\n');
writeFileSync(join(outDir, 'crops.json'), JSON.stringify(cropSpans));
console.log(`${refs.length} records, ${STRIP_FEATURE_COUNT} features, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
