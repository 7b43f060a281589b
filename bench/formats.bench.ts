// Decode time per clinical file (median of 15 warm reads): wall and CPU time (CPU time is what to
// compare on a shared, loaded machine). Run: npx tsx bench/formats.bench.ts
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
const rows: string[] = ['| file | format | leads x samples | median wall ms | median CPU ms | Msamples/CPU s |', '|---|---|---|---|---|---|'];
for (const f of FILES) {
  const path = join(FORMATS, f);
  const bytes = new Uint8Array(readFileSync(path));
  const name = f.split('/').pop()!;
  const source = nodeFileSource(join(path, '..'));
  const times: number[] = [];
  const cpu: number[] = [];
  let rec = await readClinicalRecord(bytes, name, source);
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    rec = await readClinicalRecord(bytes, name, source);
    const used = process.cpuUsage(c);
    times.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const med = times[7];
  const medCpu = cpu[7];
  rows.push(`| ${f} | ${rec.sourceFormat} | ${rec.leads.length} x ${rec.length} | ${med.toFixed(1)} | ${medCpu.toFixed(1)} | ${((rec.leads.length * rec.length) / medCpu / 1000).toFixed(1)} |`);
}
console.log(rows.join('\n'));
