import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { FORMATS } from '../../../test/dataPaths.js';
import { isSinusError } from '../../errors.js';
import { nodeFileSource } from '../nodeFileSource.js';
import { readClinicalRecord } from './index.js';
import { formatFile } from '../../../test/formatFiles.js';

/** Files other stages read (EDF, WFDB, CSV) or companions read with their main file (ISHNE .ann). */
const NOT_CLINICAL = /\.(edf|hea|dat|csv|ann)$/i;

test('every clinical file in the shared formats folder opens, or is refused with a typed error that says why', async () => {
  const seen: string[] = [];
  const dirs = readdirSync(FORMATS).filter((d) => statSync(join(FORMATS, d)).isDirectory());
  for (const d of [...dirs]) for (const sub of readdirSync(join(FORMATS, d))) if (statSync(join(FORMATS, d, sub)).isDirectory()) dirs.push(join(d, sub));
  for (const dir of dirs) {
    const path = join(FORMATS, dir);
    for (const f of readdirSync(path)) {
      if (statSync(join(path, f)).isDirectory() || NOT_CLINICAL.test(f)) continue;
      seen.push(`${dir}/${f}`);
      const bytes = formatFile(...dir.split(/[\\/]/), f);
      try {
        const rec = await readClinicalRecord(bytes, f, nodeFileSource(path));
        assert.ok(rec.fs > 0 && rec.length > 0 && rec.leads.length > 0, f);
        assert.ok(rec.leads.every((l) => l.samples.length === rec.length), f);
      } catch (e) {
        assert.ok(isSinusError(e), `${f}: ${e}`);
        // what may be refused, and why: Healforce's SCP variant; the Contec native files (not a clinical exchange format)
        if (/^6[23]\.SCP$/.test(f)) assert.equal(e.code, 'UNSUPPORTED_FORMAT', f);
        else if (dir === 'contec-ecg90a') assert.equal(e.code, 'UNKNOWN_FORMAT', f);
        else assert.fail(`${dir}/${f} was refused: ${e.message}`);
        assert.ok(e.message.length > 20, `${f}: message "${e.message}" says why`);
      }
    }
  }
  assert.ok(seen.some((s) => s.endsWith('.TGZ')), 'MRx archives checked');
  assert.ok(seen.length >= 22, `${seen.length} files checked`);
});
