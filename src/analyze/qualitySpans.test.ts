import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze } from '../analyze.js';
import { openRecord } from '../io/openRecord.js';
import { readWfdbAnnotationSets } from '../io/wfdb/readAnnotations.js';
import { nodeFileSource } from '../io/nodeFileSource.js';
import { episodeCounts, rhythmSpansFromAnnotations } from '../eval/rhythmEpisodeScores.js';
import type { EcgRecord } from '../record/types.js';
import { MIN_UNREADABLE_S } from '../classify/rhythm/analyzeRhythm.js';
import { MITDB } from '../../test/dataPaths.js';

/** Seconds [fromS, toS) of a record, as a record of its own. */
function slice(rec: EcgRecord, fromS: number, toS: number): EcgRecord {
  const a = Math.round(fromS * rec.fs), b = Math.min(rec.length, Math.round(toS * rec.fs));
  return { ...rec, length: b - a, annotations: [], leads: rec.leads.map((l) => ({ ...l, samples: l.samples.subarray(a, b) })) };
}

type Span = { startSample: number; endSample: number };
function mergedSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.endSample >= s.startSample) last.endSample = Math.max(last.endSample, s.endSample);
    else out.push({ startSample: s.startSample, endSample: s.endSample });
  }
  return out;
}
const ONLY = { only: ['quality', 'beats', 'beatClasses', 'rhythm', 'hrv'] };

// MIT-BIH 105 from 1140 s to 1360 s: heavy noise in both channels (the reference holds no VT at all
// in the record), where a beat classifier sees noise spikes as runs of V beats.
test('MIT-BIH 105 noisy stretch: no VT episode inside unusable signal; the noise is a noise episode', async () => {
  const rec = slice(await openRecord(join(MITDB, '105.hea')), 1140, 1360);
  const a = await analyze(rec, ONLY);
  const q = a.results.quality!;
  const r = a.results.rhythm!;
  // Spans under MIN_UNREADABLE_S stay readable by design (one quality window trips on one wide beat).
  const unusable = mergedSpans(q.segments.filter((s) => !s.usable)).filter((s) => s.endSample - s.startSample >= MIN_UNREADABLE_S * rec.fs);
  assert.ok(unusable.length > 0, 'the quality stage finds unusable signal in this stretch');
  const overlaps = (e: Span, s: Span) => e.startSample < s.endSample && e.endSample > s.startSample;
  for (const e of r.episodes.filter((x) => x.label === 'ventricular_tachycardia')) {
    assert.ok(!unusable.some((s) => overlaps(e, s)), `VT at ${e.startSample} lies in unusable signal`);
  }
  const noise = r.episodes.filter((e) => e.label === 'noise');
  assert.ok(noise.length > 0, 'a noise episode is reported');
  for (const e of noise) assert.ok(e.reason.length > 10 && unusable.some((s) => overlaps(e, s)), 'noise episodes sit on unusable spans, with a reason');
  // Noise episodes are unusable spans; the Holter summary reports that time (1-decimal rounding).
  const noiseS = noise.reduce((t, e) => t + (e.endSample - e.startSample), 0) / rec.fs;
  assert.ok(Math.abs(r.holter.unreadableS - noiseS) <= 0.05 + 1e-9);
  assert.ok(r.determinable);
});

// MIT-BIH 201, first 10 min: AF with aberrant and ectopic beats, little noise. Passing the quality
// spans must not cost the AF: the epicmp check of the rhythm test (every reference AF episode
// overlapped; EC38 duration Se/+P, 80% on one slice for the ~10 s boundary smear) still holds.
test('MIT-BIH 201 AF stretch: with quality spans the AF is still found', async () => {
  const full = await openRecord(join(MITDB, '201.hea'));
  const rec = slice(full, 0, 600);
  const atr = (await readWfdbAnnotationSets('201', ['atr'], nodeFileSource(MITDB)))[0].annotations.filter((x) => x.sample < rec.length);
  const refAf = rhythmSpansFromAnnotations(atr, rec.length).get('(AFIB') ?? [];
  assert.ok(refAf.length >= 2);
  const r = (await analyze(rec, ONLY)).results.rhythm!;
  const c = episodeCounts(refAf, r.episodes.filter((e) => e.label === 'atrial_fibrillation'));
  assert.equal(c.refDetected, refAf.length, 'every reference AF episode is overlapped');
  assert.ok(c.overlapSamples / c.refSamples >= 0.8, `AF duration Se ${(c.overlapSamples / c.refSamples).toFixed(2)}`);
  assert.ok(c.overlapSamples / c.testSamples >= 0.8, `AF duration +P ${(c.overlapSamples / c.testSamples).toFixed(2)}`);
  // MIT-BIH marks under 1% of this stretch noisy in every channel; a few seconds unreadable at most.
  assert.ok(r.holter.unreadableS < 0.05 * 600, `unreadable ${r.holter.unreadableS} s`);
});
