import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { nodeFileSource } from '../../io/nodeFileSource.js';
import { readWfdbRecord } from '../../io/wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../../io/wfdb/readAnnotations.js';
import { aamiClass, BEAT_CODES } from '../../io/wfdb/annotationCodes.js';
import { detectBeats } from '../../beats/index.js';
import { LUDB, MITDB, PTBXL } from '../../../test/dataPaths.js';
import { analyzeRhythm } from './analyzeRhythm.js';
import { atrialSpectrumWindows, qrstCancelledResidual } from './atrialActivity.js';
import { flutterRuns } from './flutterEpisodes.js';
import { prematureBeats } from './rrIntervals.js';

async function leadII(db: 'ptbxl' | 'ludb', id: string) {
  const rec = db === 'ptbxl' ? await readWfdbRecord(`${id}_hr`, nodeFileSource(join(PTBXL, 'records500', '00000'))) : await readWfdbRecord(id, nodeFileSource(LUDB));
  const lead = rec.leads.find((l) => l.name.toUpperCase() === 'II')!;
  return { fs: rec.fs, signal: lead.samples, beats: detectBeats(rec).samples };
}

// Typical flutter has F waves at 240-340 /min (4-5.7 Hz); PTB-XL 18 is labelled AFLT (likelihood 100).
test('PTB-XL 18 (atrial flutter): QRST cancellation leaves one organised peak at flutter rate, and the strip is called flutter', async () => {
  const s = await leadII('ptbxl', '00018');
  const [w] = atrialSpectrumWindows(qrstCancelledResidual(s.signal, s.fs, s.beats), s.fs, 8, 4);
  assert.ok(w.dominantHz >= 4 && w.dominantHz <= 5.7, `dominant ${w.dominantHz.toFixed(2)} Hz`);
  assert.ok(w.organisation >= 0.5, `organisation ${w.organisation.toFixed(2)}`);
  const r = analyzeRhythm({ fsHz: s.fs, beatSamples: s.beats, signal: s.signal });
  const fl = r.episodes.filter((e) => e.label === 'atrial_flutter');
  assert.equal(fl.length, 1);
  assert.ok(fl[0].endSample - fl[0].startSample >= 8 * s.fs);
});

test('LUDB sinus and AF strips (1-10, AF 8 38 44 51): no flutter', async () => {
  for (const id of ['1', '2', '3', '4', '5', '6', '7', '9', '10', '8', '38', '44', '51']) {
    const s = await leadII('ludb', id);
    assert.equal(flutterRuns(s.signal, s.fs, s.beats).length, 0, `LUDB ${id}`);
  }
});

// Sinus rhythm with runs of S beats (SVTA bursts) is irregular, but its N beats keep their P waves.
test('MIT-BIH 220, 400-440 s (SVTA bursts in sinus rhythm): not AF, not flutter', async () => {
  const src = nodeFileSource(MITDB);
  const rec = await readWfdbRecord('220', src);
  const atr = (await readWfdbAnnotationSets('220', ['atr'], src))[0].annotations;
  const a = 380 * rec.fs, b = 460 * rec.fs;
  const beats = atr.filter((x) => BEAT_CODES.has(x.code) && x.sample >= a && x.sample < b);
  const r = analyzeRhythm({ fsHz: rec.fs, beatSamples: Int32Array.from(beats, (x) => x.sample - a), beatClasses: beats.map((x) => aamiClass(x.code) ?? 'Q'), signal: rec.leads[0].samples.subarray(a, b) });
  assert.ok(r.episodes.some((e) => e.label === 'svta'), 'the bursts are SVTA');
  assert.deepEqual(r.episodes.filter((e) => e.label === 'atrial_fibrillation' || e.label === 'atrial_flutter'), []);
  // Without classes the premature beats stand in for the S beats.
  const bare = analyzeRhythm({ fsHz: rec.fs, beatSamples: Int32Array.from(beats, (x) => x.sample - a), signal: rec.leads[0].samples.subarray(a, b) });
  assert.deepEqual(bare.episodes.filter((e) => e.label === 'atrial_fibrillation' || e.label === 'atrial_flutter'), []);
});

test('prematureBeats: a beat early by more than 15% of the local median interval', () => {
  assert.deepEqual(Array.from(prematureBeats(new Int32Array([0, 360, 720, 900, 1260, 1620]))), [0, 0, 0, 1, 0, 0]);
});
