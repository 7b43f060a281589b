import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nodeFileSource } from '../../io/nodeFileSource.js';
import { readWfdbRecord } from '../../io/wfdb/readRecord.js';
import { readWfdbAnnotationSets } from '../../io/wfdb/readAnnotations.js';
import { aamiClass, BEAT_CODES } from '../../io/wfdb/annotationCodes.js';
import { detectBeatsInSignal } from '../../beats/index.js';
import { episodeCounts, rhythmSpansFromAnnotations, type Span } from '../../eval/rhythmEpisodeScores.js';
import { isSinusError } from '../../errors.js';
import { MITDB } from '../../../test/dataPaths.js';
import { analyzeRhythm, MIN_UNREADABLE_S, PAUSE_S } from './analyzeRhythm.js';
import { ventricularGeminyRuns, runsOfClass } from './ectopicRuns.js';
import type { RhythmLabel } from './types.js';

/** A slice [0, seconds) of a MIT-BIH record: lead 0, reference beats and AAMI classes, rhythm spans. */
async function mitdbSlice(name: string, seconds: number) {
  const src = nodeFileSource(MITDB);
  const rec = await readWfdbRecord(name, src);
  const atr = (await readWfdbAnnotationSets(name, ['atr'], src))[0].annotations;
  const end = Math.round(seconds * rec.fs);
  const beats = atr.filter((a) => BEAT_CODES.has(a.code) && a.sample < end);
  return {
    fs: rec.fs,
    signal: rec.leads[0].samples.subarray(0, end),
    beats: Int32Array.from(beats.map((a) => a.sample)),
    classes: beats.map((a) => aamiClass(a.code) ?? 'Q'),
    ref: rhythmSpansFromAnnotations(atr.filter((a) => a.sample < end), end),
  };
}

const spans = (episodes: Array<Span & { label: RhythmLabel }>, label: RhythmLabel): Span[] => episodes.filter((e) => e.label === label);

// EC38/EC57 report AF as episode and duration sensitivity; the issue targets >= 95%. On one slice
// the check is looser (80% duration) because a 24-interval window smears each boundary by ~10 s.
test('MIT-BIH 201, first 10 min: the AF episodes are found and the sinus stretch is not called AF', async () => {
  const s = await mitdbSlice('201', 600);
  const r = analyzeRhythm({ fsHz: s.fs, beatSamples: s.beats, beatClasses: s.classes, signal: s.signal });
  assert.equal(r.determinable, true);
  const af = spans(r.episodes, 'atrial_fibrillation');
  const refAf = s.ref.get('(AFIB') ?? [];
  assert.ok(refAf.length >= 2, 'slice holds reference AF');
  const c = episodeCounts(refAf, af);
  assert.equal(c.refDetected, refAf.length, 'every reference AF episode is overlapped');
  assert.ok(c.overlapSamples / c.refSamples >= 0.8, `AF duration Se ${(c.overlapSamples / c.refSamples).toFixed(2)}`);
  assert.ok(c.overlapSamples / c.testSamples >= 0.8, `AF duration +P ${(c.overlapSamples / c.testSamples).toFixed(2)}`);
  assert.ok(r.holter.afBurdenPct > 50 && r.holter.afBurdenPct < 95, `AF burden ${r.holter.afBurdenPct}%`);
});

test('MIT-BIH 232 (sinus bradycardia with long pauses): every RR > 2 s is a pause, none else', async () => {
  const s = await mitdbSlice('232', 600);
  const r = analyzeRhythm({ fsHz: s.fs, beatSamples: s.beats, beatClasses: s.classes, signal: s.signal });
  const expected: number[] = [];
  for (let i = 0; i + 1 < s.beats.length; i++) if ((s.beats[i + 1] - s.beats[i]) / s.fs > PAUSE_S) expected.push(s.beats[i]);
  assert.ok(expected.length >= 5, `slice has ${expected.length} pauses`);
  const pauses = r.episodes.filter((e) => e.label === 'pause');
  assert.deepEqual(pauses.map((p) => p.startSample), expected);
  assert.equal(r.holter.pauseCount, expected.length);
  const longest = Math.max(...pauses.map((p) => (p.endSample - p.startSample) / s.fs));
  assert.ok(Math.abs((r.holter.longestPauseS ?? 0) - longest) < 1e-3);
});

test('MIT-BIH 233: VT runs from beat classes match the reference VT episodes', async () => {
  const s = await mitdbSlice('233', 1805);
  const r = analyzeRhythm({ fsHz: s.fs, beatSamples: s.beats, beatClasses: s.classes, signal: s.signal });
  const c = episodeCounts(s.ref.get('(VT') ?? [], spans(r.episodes, 'ventricular_tachycardia'));
  assert.ok(c.refEpisodes >= 4);
  // EC57 VT episode Se/+P; reference classes make the runs exact, so only boundary effects remain.
  assert.ok(c.refDetected / c.refEpisodes >= 0.9, `VT ESe ${c.refDetected}/${c.refEpisodes}`);
  assert.ok(c.testConfirmed / c.testEpisodes >= 0.9, `VT E+P ${c.testConfirmed}/${c.testEpisodes}`);
  assert.ok((r.holter.pvcCount ?? 0) > 500 && (r.holter.ventricularCouplets ?? 0) > 0);
});

test('MIT-BIH 207: ventricular flutter is found on the signal alone, with no beats at all', async () => {
  const s = await mitdbSlice('207', 1805);
  const r = analyzeRhythm({ fsHz: s.fs, beatSamples: new Int32Array(0), signal: s.signal });
  const vfl = s.ref.get('(VFL') ?? [];
  const c = episodeCounts(vfl, spans(r.episodes, 'ventricular_flutter_fibrillation'));
  assert.ok(vfl.length >= 4);
  assert.ok(c.refDetected >= vfl.length - 1, `VFL episodes found ${c.refDetected}/${vfl.length}`);
  assert.ok(c.overlapSamples / c.refSamples >= 0.7, `VFL duration Se ${(c.overlapSamples / c.refSamples).toFixed(2)}`);
});

test('0 beats, 2 s of noise: cannot determine, with a reason; bad arguments are typed errors', () => {
  const none = analyzeRhythm({ fsHz: 360, beatSamples: [], lengthSamples: 3600 });
  assert.equal(none.determinable, false);
  assert.match(none.reason ?? '', /no beats/);
  assert.equal(none.episodes[0].label, 'undetermined');
  let seed = 7;
  const noise = Float32Array.from({ length: 720 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.4);
  const beats = detectBeatsInSignal(noise, 360).samples;
  const r = analyzeRhythm({ fsHz: 360, beatSamples: beats, signal: noise });
  assert.equal(r.determinable, false);
  assert.ok(r.reason && r.reason.length > 0);
  // 20 s of noise: long enough for a rhythm, but the "beats" found in it do not resemble each other.
  const long = Float32Array.from({ length: 7200 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.4);
  const r20 = analyzeRhythm({ fsHz: 360, beatSamples: detectBeatsInSignal(long, 360).samples, signal: long });
  assert.equal(r20.determinable, false, `20 s of noise labelled ${r20.episodes.map((e) => e.label).join(', ')}`);
  assert.match(r20.reason ?? '', /noise|beats/);
  assert.throws(() => analyzeRhythm({ fsHz: 0, beatSamples: [1, 2] }), (e) => isSinusError(e, 'BAD_ARGUMENT'));
  assert.throws(() => analyzeRhythm({ fsHz: 360, beatSamples: [100, 5000], lengthSamples: 3600 }), (e) => isSinusError(e, 'BAD_ARGUMENT'));
  assert.throws(() => analyzeRhythm({ fsHz: 360, beatSamples: [5, 3, 9] }), (e) => isSinusError(e, 'BAD_ARGUMENT'));
  assert.throws(() => analyzeRhythm({ fsHz: 360, beatSamples: [1, 400, 800], beatClasses: ['N'] }), (e) => isSinusError(e, 'BAD_ARGUMENT'));
});

test('ectopic patterns: runs, bigeminy and trigeminy', () => {
  assert.deepEqual(runsOfClass('NVVVNVVN'.split(''), 'V', 3), [{ first: 1, last: 3 }]);
  assert.deepEqual(ventricularGeminyRuns('NNVNVNVNVNN'.split(''), 2, 3), [{ first: 1, last: 8 }]);
  assert.deepEqual(ventricularGeminyRuns('NNVNNVNNVN'.split(''), 3, 3), [{ first: 0, last: 8 }]);
  assert.deepEqual(ventricularGeminyRuns('NVNVN'.split(''), 2, 3), []);
});

test('unusable spans: beats inside count toward no VT run, PVC count or rate, and the span is a noise episode', () => {
  // 40 s at 1 beat/s, then 6 V beats at 150 bpm inside an unusable span, then 40 s more: without the
  // span the V run is VT; with it, nothing is claimed there and the 6 beats leave every count.
  const fs = 250;
  const b: number[] = [], c: string[] = [];
  for (let t = 1; t <= 40; t++) { b.push(t * fs); c.push('N'); }
  for (let k = 1; k <= 6; k++) { b.push(40 * fs + k * 100); c.push('V'); }
  for (let t = 43; t <= 82; t++) { b.push(t * fs); c.push('N'); }
  const beats = Int32Array.from(b);
  // 5.8 s (>= MIN_UNREADABLE_S): the V run and the N beats at 43-45 s.
  const span = { startSample: 40 * fs + 50, endSample: 46 * fs, reason: 'test artefact' };
  assert.ok(span.endSample - span.startSample >= MIN_UNREADABLE_S * fs);
  const plain = analyzeRhythm({ fsHz: fs, beatSamples: beats, beatClasses: c, lengthSamples: 84 * fs });
  assert.equal(spans(plain.episodes, 'ventricular_tachycardia').length, 1, 'without the span the run is VT');
  const r = analyzeRhythm({ fsHz: fs, beatSamples: beats, beatClasses: c, lengthSamples: 84 * fs, unusableSpans: [span] });
  assert.equal(spans(r.episodes, 'ventricular_tachycardia').length, 0);
  const noise = r.episodes.filter((e) => e.label === 'noise');
  assert.deepEqual(noise.map((e) => [e.startSample, e.endSample]), [[span.startSample, span.endSample]]);
  assert.match(noise[0].reason, /test artefact/);
  assert.equal(noise[0].meanRateBpm, null, 'no rate is quoted from unreadable beats');
  assert.equal(r.holter.pvcCount, 0);
  assert.equal(r.holter.ventricularRuns, 0);
  assert.equal(r.holter.beatsInUnreadable, 9);
  assert.equal(r.holter.unreadableS, 6 - 50 / fs);
  // Rates come from the 1 s intervals only (60 bpm), not the 150 bpm run or the gaps around it.
  assert.equal(r.holter.maxRateBpm, 60);
  assert.equal(r.holter.minRateBpm, 60);
  assert.ok(r.evidence.some((e) => /signal quality/.test(e)));
  // 2 s of sinus beats between two unreadable spans is too short to name: undetermined, not sinus.
  const gap = analyzeRhythm({ fsHz: fs, beatSamples: beats, beatClasses: c, lengthSamples: 84 * fs, unusableSpans: [span, { startSample: 48 * fs, endSample: 60 * fs }] });
  const between = gap.episodes.filter((e) => e.startSample >= 46 * fs && e.endSample <= 48 * fs);
  assert.deepEqual(between.map((e) => e.label), ['undetermined']);
  // A span shorter than MIN_UNREADABLE_S (one quality window, often one wide beat) stays readable.
  const short = analyzeRhythm({ fsHz: fs, beatSamples: beats, beatClasses: c, lengthSamples: 84 * fs, unusableSpans: [{ startSample: 40 * fs + 50, endSample: 41 * fs + 50 }] });
  assert.ok(MIN_UNREADABLE_S > 1);
  assert.equal(short.episodes.filter((e) => e.label === 'noise').length, 0);
  assert.equal(spans(short.episodes, 'ventricular_tachycardia').length, 1);
});

test('unusable spans covering nearly the whole record: the rhythm is not determinable', () => {
  const fs = 250;
  const beats = Int32Array.from({ length: 60 }, (_, i) => (i + 1) * fs);
  const r = analyzeRhythm({ fsHz: fs, beatSamples: beats, lengthSamples: 62 * fs, unusableSpans: [{ startSample: 2 * fs, endSample: 60 * fs }] });
  assert.equal(r.determinable, false);
  assert.match(r.reason ?? '', /readable/);
  assert.ok(r.episodes.some((e) => e.label === 'noise'));
  assert.ok(!r.episodes.some((e) => e.label === 'sinus_rhythm'));
});
