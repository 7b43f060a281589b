// Decode time per clinical file (median of repeated reads, warm). Run: npx tsx bench/formats.bench.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORMATS } from '../test/dataPaths.js';
import { readClinicalRecord } from '../src/io/clinical/index.js';
import { nodeFileSource } from '../src/io/nodeFileSource.js';

const FILES = [
  'hl7-aecg/Example aECG.xml', 'hl7-aecg/ad4d3d80-d165_1-04_converted.xml', 'scp-ecg/Example.scp', 'scp-ecg/0000050.ECG.scp', 'scp-ecg/demo.scp',
  'dicom-ecg/waveform_ecg.dcm', 'ge-muse-xml/muse-sinus.xml', 'philips-xml/129DYPRG.XML', 'philips-xml/ad4d3d80-d165_1-04_orig.xml',
  'philips-xml/mrx-archives/B9A3EKRG-129EFIRG.TGZ', 'ishne/ECG_P28.01.ecg',
];
const rows: string[] = ['| file | format | leads x samples | median ms | Msamples/s |', '|---|---|---|---|---|'];
for (const f of FILES) {
  const path = join(FORMATS, f);
  const bytes = new Uint8Array(readFileSync(path));
  const name = f.split('/').pop()!;
  const source = nodeFileSource(join(path, '..'));
  const times: number[] = [];
  let rec = await readClinicalRecord(bytes, name, source);
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    rec = await readClinicalRecord(bytes, name, source);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const med = times[7];
  rows.push(`| ${f} | ${rec.sourceFormat} | ${rec.leads.length} x ${rec.length} | ${med.toFixed(1)} | ${((rec.leads.length * rec.length) / med / 1000).toFixed(1)} |`);
}
console.log(rows.join('\n'));
