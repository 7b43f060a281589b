/**
 * Rebuilds samples/: the first 60 s of MIT-BIH record 100 (format 212, its .atr cut to that span),
 * written with sinus's own WFDB writers, and LUDB record 1 copied unchanged. Run with
 * `npx tsx scripts/make-samples.ts`.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openRecord } from '../src/io/openRecord.js';
import { writeFilesToDir } from '../src/io/nodeWriteFiles.js';
import { writeWfdbRecord } from '../src/io/wfdb/writeRecord.js';
import { sliceRecord } from '../src/record/sliceRecord.js';
import { LUDB, MITDB, SAMPLES } from '../test/dataPaths.js';

mkdirSync(SAMPLES, { recursive: true });
const rec = await openRecord(join(MITDB, '100.hea'), { annotators: ['atr'] });
const minute = sliceRecord(rec, 0, 60 * rec.fs);
minute.metadata.comments = [...(rec.metadata.comments as string[]), 'First 60 s of MIT-BIH Arrhythmia Database record 100 (ODC-By 1.0), written by sinus'];
await writeFilesToDir(SAMPLES, writeWfdbRecord(minute, { format: 212 }));
for (const f of readdirSync(LUDB)) if (/^1\.[a-z0-9]+$/.test(f)) copyFileSync(join(LUDB, f), join(SAMPLES, f));
console.log(readdirSync(SAMPLES).join(' '));
