/**
 * Bad input for analyze() and the functions behind it (T-lobe choice, per-lead shrinkage and P shifts,
 * paced onsets, QRST-cancelled flutter, P consistency over usable beats, RR irregularity around a
 * beat, the strip waveform CNN): real records cut, blanked, inverted, resampled or spiked, driven
 * through analyze() as the CLI runs it (shipped models) and through the new functions directly.
 * The rule: a typed SinusError or an honest "cannot determine", never a crash, a NaN in the
 * output or an invented answer.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { analyze, type Analysis } from '../src/analyze.js';
import { shippedModelStageOptions } from '../src/analyze/shippedModels.node.js';
import { openRecord } from '../src/io/openRecord.js';
import { isSinusError } from '../src/errors.js';
import { resample } from '../src/dsp/index.js';
import { sliceRecord } from '../src/record/sliceRecord.js';
import type { EcgRecord } from '../src/record/types.js';
import { detectBeats } from '../src/beats/index.js';
import { delineateBeats } from '../src/waves/delineateBeats.js';
import { shrinkToLeadMedian } from '../src/waves/shrinkToLeadMedian.js';
import { stimulusBoundOnsets } from '../src/waves/stimulusBoundOnsets.js';
import { shiftLeadPConventions } from '../src/waves/leadPConventionShifts.js';
import { classifyStrip } from '../src/classify/strip/classifyStrip.js';
import { stripWaveformInput } from '../src/classify/strip/stripWaveformInput.js';
import { rrIrregularityAroundBeat } from '../src/classify/features/rrIrregularityAroundBeat.js';
import { prematureBeats } from '../src/classify/rhythm/rrIntervals.js';
import { flutterRuns } from '../src/classify/rhythm/flutterEpisodes.js';
import { atrialSpectrumWindows, qrstCancelledResidual } from '../src/classify/rhythm/atrialActivity.js';
import { pWaveConsistencyByBeat } from '../src/classify/rhythm/pWaveConsistency.js';
import { CINC2017, LUDB, NSTDB } from './dataPaths.js';
import { analysisSchemaErrors } from './support/analysisSchema.js';


const withLeads = (r: EcgRecord, f: (x: Float32Array, i: number) => Float32Array): EcgRecord => {
  const leads = r.leads.map((l, i) => ({ ...l, raw: undefined, samples: f(l.samples, i) }));
  return { ...r, leads, length: leads[0].samples.length };
};
const resampledTo = (r: EcgRecord, hz: number): EcgRecord => ({ ...withLeads(r, (x) => resample(x, r.fs, hz)), fs: hz });

/** Paths of numbers that are not finite (a raw result, before toJsonValue hides them as null). */
function nonFinitePaths(v: unknown, path = '', out: string[] = []): string[] {
  if (typeof v === 'number') { if (!Number.isFinite(v)) out.push(path); }
  else if (ArrayBuffer.isView(v)) Array.from(v as unknown as ArrayLike<number>).forEach((x, i) => nonFinitePaths(x, `${path}[${i}]`, out));
  else if (Array.isArray(v)) v.forEach((x, i) => nonFinitePaths(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) nonFinitePaths(x, `${path}.${k}`, out);
  return out;
}

/** Every wave point of the waves section is null or a sample index inside the record. */
function wavePointsOutside(a: Analysis, length: number): string[] {
  const bad: string[] = [];
  for (const l of a.results.waves?.leads ?? []) {
    l.beats.forEach((b, k) => {
      for (const wave of ['p', 'qrs', 't'] as const) {
        for (const [key, v] of Object.entries(b[wave])) {
          if (v !== null && typeof v === 'number' && !(Number.isInteger(v) && v >= 0 && v < length)) bad.push(`${l.lead}[${k}].${wave}.${key}=${v}`);
        }
      }
    });
  }
  return bad;
}

/** analyze() as the CLI runs it; the serialised result must validate and hold no NaN/Infinity. */
async function analyzeChecked(rec: EcgRecord, what: string): Promise<Analysis> {
  const a = await analyze(rec, { stageOptions: await shippedModelStageOptions() });
  const text = JSON.stringify(a);
  assert.ok(!/NaN|Infinity/.test(text), `${what}: NaN/Infinity in the JSON`);
  assert.deepEqual(analysisSchemaErrors(JSON.parse(text)), [], `${what}: the Analysis does not fit the schema`);
  for (const s of a.stages) {
    if (s.status === 'failed') assert.ok(s.errorCode !== null, `${what}: stage ${s.name} crashed without a typed error: ${s.reason}`);
  }
  assert.deepEqual(wavePointsOutside(a, rec.length), [], `${what}: wave points outside the record`);
  const strip = a.results.stripRhythm;
  if (strip) {
    const p = Object.values(strip.probabilities);
    assert.ok(p.every((v) => typeof v === 'number' && v >= 0 && v <= 1), `${what}: strip probabilities ${JSON.stringify(strip.probabilities)}`);
    if (strip.determinable) assert.ok(Math.abs(p.reduce((s, v) => s + (v ?? 0), 0) - 1) < 1e-3, `${what}: strip probabilities do not sum to 1`);
  }
  return a;
}

const heartRateOf = (a: Analysis) => a.results.measurements?.heartRateBpm ?? null;
const beatCountOf = (a: Analysis) => a.results.beats!.samples.length;
const stripOf = (a: Analysis) => a.results.stripRhythm;

test('analyze: cut to 2 s, 1 beat and 0 beats of a real record gives "cannot determine", not an answer', async () => {
  const ludb = await openRecord(join(LUDB, '1.hea'));
  const two = await analyzeChecked(sliceRecord(ludb, 0, 2 * ludb.fs), 'LUDB 1, 2 s');
  assert.equal(two.results.rhythm?.determinable, false);
  assert.equal(stripOf(two)?.determinable, false);
  // One beat: LUDB 1's second beat alone (its R at ~1.3 s), 0.4 s on each side.
  const one = await analyzeChecked(sliceRecord(ludb, 470, 870), 'LUDB 1, one beat');
  assert.ok(beatCountOf(one) <= 1, `one beat, ${beatCountOf(one)} found`);
  assert.equal(heartRateOf(one), null, 'no heart rate from one beat');
  // No beats: 10 s of the NSTDB's baseline-wander record (real electrodes, no ECG visible).
  const bw = await openRecord(join(NSTDB, 'bw.hea'));
  const none = await analyzeChecked(sliceRecord(bw, 0, 10 * bw.fs), 'NSTDB bw, no beats');
  assert.equal(beatCountOf(none), 0);
  assert.equal(heartRateOf(none), null);
  assert.equal(stripOf(none)?.determinable, false);
  assert.equal(none.results.rhythm?.determinable, false);
});

// The NSTDB noise records hold only electrode noise (no ECG): every strip cut from them must come
// back "cannot determine" (no beats, rate, rhythm or strip label), whatever the detector fires on.
test('analyze: 2 s and 10 s of pure muscle and electrode-motion noise give no beats, rate, rhythm or strip label', async () => {
  for (const [name, seconds] of [['ma', 2], ['ma', 10], ['em', 10]] as const) {
    const noise = await openRecord(join(NSTDB, `${name}.hea`));
    const a = await analyzeChecked(sliceRecord(noise, 0, seconds * noise.fs), `NSTDB ${name}, ${seconds} s`);
    assert.equal(beatCountOf(a), 0, `${name} ${seconds} s: beats`);
    assert.equal(heartRateOf(a), null, `${name} ${seconds} s: heart rate`);
    assert.equal(a.results.rhythm?.determinable, false, `${name} ${seconds} s: rhythm`);
    assert.equal(stripOf(a)?.determinable, false, `${name} ${seconds} s: strip label`);
  }
});

test('analyze: NaN runs, a NaN lead, a flat lead, an inverted lead and a single lead keep the beats and the rate', async () => {
  const ludb = await openRecord(join(LUDB, '1.hea'));
  const ref = await analyzeChecked(ludb, 'LUDB 1');
  const hr = heartRateOf(ref)!, n = beatCountOf(ref);
  assert.ok(hr > 30 && hr < 150, `reference rate ${hr}`);
  const variants: Record<string, EcgRecord> = {
    'NaN lead II': withLeads(ludb, (x, i) => (i === 1 ? new Float32Array(x.length).fill(NaN) : x)),
    'flat lead II': withLeads(ludb, (x, i) => (i === 1 ? new Float32Array(x.length) : x)),
    'inverted lead II': withLeads(ludb, (x, i) => (i === 1 ? x.map((v) => -v) : x)),
    'lead II only': { ...ludb, leads: [ludb.leads[1]] },
    'x1000 amplitude': withLeads(ludb, (x) => x.map((v) => 1000 * v)),
  };
  for (const [what, rec] of Object.entries(variants)) {
    const a = await analyzeChecked(rec, what);
    assert.ok(Math.abs(beatCountOf(a) - n) <= 1, `${what}: ${beatCountOf(a)} beats, ${n} in the record`);
    const h = heartRateOf(a);
    // IEC 60601-2-25 heart-rate tolerance: +-10% or +-5 bpm.
    assert.ok(h !== null && Math.abs(h - hr) <= Math.max(5, 0.1 * hr), `${what}: ${h} bpm, ${hr} bpm in the record`);
  }
  // 1.5 s of NaN in every lead: analysed around it, nothing read out of the gap.
  const gap = await analyzeChecked(withLeads(ludb, (x) => { const y = Float32Array.from(x); y.fill(NaN, 1000, 1750); return y; }), 'NaN run');
  const beats = gap.results.beats!.samples;
  assert.ok(beats.every((s) => s < 1000 || s >= 1750), `beats inside the NaN run: ${beats}`);
});

test('analyze: one Infinity sample (an overflowed gain) gives no NaN probabilities or invented strip label', async () => {
  const cinc = await openRecord(join(CINC2017, 'A00001.hea'));
  const ref = stripOf(await analyzeChecked(cinc, 'A00001'))!;
  const spiked = withLeads(cinc, (x) => { const y = Float32Array.from(x); y[3000] = Infinity; return y; });
  const a = stripOf(await analyzeChecked(spiked, 'A00001 with one Infinity sample'))!;
  // One missing sample in 30 s: the same strip, the same label.
  assert.ok(!a.determinable || a.label === ref.label, `label ${a.label}, ${ref.label} without the spike`);
});

test('analyze: 100 Hz, 1000 Hz and 2000 Hz versions of a real strip give the same beats and rate', async () => {
  const cinc = sliceRecord(await openRecord(join(CINC2017, 'A00001.hea')), 0, 300 * 20);
  const ref = await analyzeChecked(cinc, 'A00001 300 Hz');
  const hr = heartRateOf(ref)!;
  for (const hz of [100, 1000, 2000]) {
    const a = await analyzeChecked(resampledTo(cinc, hz), `A00001 ${hz} Hz`);
    assert.ok(Math.abs(beatCountOf(a) - beatCountOf(ref)) <= 1, `${hz} Hz: ${beatCountOf(a)} beats, ${beatCountOf(ref)} at 300 Hz`);
    const h = heartRateOf(a);
    assert.ok(h !== null && Math.abs(h - hr) <= Math.max(5, 0.1 * hr), `${hz} Hz: ${h} bpm, ${hr} bpm at 300 Hz`);
  }
});

test('delineateBeats (T-lobe choice, shrinkage, P shifts, paced onsets): beats at the edges, duplicated, 1 beat, 2 leads', async () => {
  const ludb = await openRecord(join(LUDB, '1.hea'));
  const beats = Array.from(detectBeats(ludb).samples);
  const L = ludb.length;
  const sets: Record<string, number[]> = {
    none: [], one: [beats[3]], edges: [0, 1, ...beats, L - 2, L - 1], duplicated: [...beats, beats[4], beats[4]], tooFast: Array.from({ length: 60 }, (_, i) => 100 + 80 * i),
  };
  for (const rec of [ludb, { ...ludb, leads: ludb.leads.slice(0, 2) }, withLeads(ludb, (x) => { const y = Float32Array.from(x); y.fill(NaN, 900, 1400); return y; })]) {
    for (const [what, b] of Object.entries(sets)) {
      const d = delineateBeats(rec, b);
      assert.equal(d.leads[0].beats.length, b.length, what);
      const bad = nonFinitePaths(d.global);
      for (const l of d.leads) {
        l.beats.forEach((bt, k) => {
          for (const w of [bt.p, bt.qrs, bt.t]) {
            for (const v of [w.onset, w.offset, 'peak' in w ? (w as { peak: number | null }).peak : null]) {
              if (v !== null && !(Number.isInteger(v) && v >= 0 && v < L)) bad.push(`${what} ${l.lead}[${k}] ${v}`);
            }
            if (w.onset !== null && w.offset !== null) assert.ok(w.onset <= w.offset, `${what} ${l.lead}[${k}]: onset after offset`);
          }
          for (const w of [bt.p, bt.t]) {
            if (w.peak !== null) assert.ok((w.onset === null || w.onset <= w.peak) && (w.offset === null || w.peak <= w.offset), `${what} ${l.lead}[${k}]: peak outside ${w.onset}/${w.peak}/${w.offset}`);
          }
        });
      }
      assert.deepEqual(bad, [], `${what} (${rec.leads.length} leads)`);
    }
  }
  await assert.rejects(async () => delineateBeats({ ...ludb, fs: NaN }, beats), (e) => isSinusError(e, 'BAD_ARGUMENT'));
});

test('per-lead steps on degenerate delineations: fewer than 3 leads, no beats, null points, spikes after every beat', async () => {
  const ludb = await openRecord(join(LUDB, '2.hea'));
  const beats = detectBeats(ludb).samples;
  const d = delineateBeats({ ...ludb, leads: ludb.leads.slice(0, 2) }, beats);
  const before = JSON.stringify(d.leads);
  shrinkToLeadMedian(d.leads, 0.5, 40, { p: 30, qrs: 20, t: 40 });
  assert.equal(JSON.stringify(d.leads), before, 'two leads have no median to shrink to');
  shrinkToLeadMedian([], 0.5, 40, { p: 30, qrs: 20, t: 40 });
  // Stimuli after the fiducials (not before them) are no pacing: nothing moves.
  stimulusBoundOnsets(d.leads, beats, Int32Array.from(beats, (b) => b + 5), 60);
  stimulusBoundOnsets(d.leads, new Int32Array(0), Int32Array.from([10]), 60);
  assert.equal(JSON.stringify(d.leads), before);
  for (const l of d.leads) for (const b of l.beats) { b.p.onset = null; b.p.peak = null; }
  shiftLeadPConventions(d.leads, { [d.leads[0].lead]: 7 }, { [d.leads[1].lead]: -6 });
  for (const l of d.leads) for (const b of l.beats) assert.ok(b.p.onset === null && (b.p.offset === null || Number.isInteger(b.p.offset)));
});

test('strip classifier and its waveform input: Infinity and NaN samples, very short and very fast input', async () => {
  const cinc = await openRecord(join(CINC2017, 'A00004.hea'));
  const x = Float32Array.from(cinc.leads[0].samples);
  x[1000] = Infinity; x[2000] = -Infinity; x.fill(NaN, 4000, 4300);
  const w = stripWaveformInput(x, cinc.fs);
  assert.deepEqual(nonFinitePaths(w), [], 'waveform input must be finite');
  assert.ok(stripWaveformInput(Float32Array.from(resample(cinc.leads[0].samples, 300, 2000)), 2000).every(Number.isFinite));
  assert.throws(() => stripWaveformInput(new Float32Array(1), 300), (e) => isSinusError(e, 'NOT_ENOUGH_DATA'));
  const models = (await shippedModelStageOptions()).stripRhythm as Parameters<typeof classifyStrip>[1];
  for (const opts of [models, {}]) {
    const r = await classifyStrip({ ...cinc, leads: [{ ...cinc.leads[0], samples: x }] }, opts);
    assert.deepEqual(nonFinitePaths(r), [], `strip result (${opts === models ? 'models' : 'rules'}) must be finite`);
  }
  const short = await classifyStrip(sliceRecord(cinc, 0, 300 * 5), models);
  assert.equal(short.determinable, false);
  await assert.rejects(classifyStrip(cinc, { lead: 'V7' }), (e) => isSinusError(e, 'BAD_ARGUMENT'));
});

test('rhythm helpers on degenerate beat lists: none, one, duplicated, at the record edges, low rates', async () => {
  const cinc = await openRecord(join(CINC2017, 'A00001.hea'));
  const sig = cinc.leads[0].samples, fs = cinc.fs, L = cinc.length;
  const beats = detectBeats(cinc).samples;
  for (const b of [new Int32Array(0), beats.subarray(0, 1), Int32Array.from([0, ...beats, L - 1]), Int32Array.from([...beats, beats[5]])]) {
    assert.deepEqual(nonFinitePaths(qrstCancelledResidual(sig, fs, b)), []);
    assert.deepEqual(nonFinitePaths(flutterRuns(sig, fs, b)), []);
    const pc = pWaveConsistencyByBeat(sig, fs, b, 16, (k) => k % 3 !== 0, { windowOfUsableBeats: true });
    assert.ok(pc.every((v) => v !== v || (v >= 0 && v <= 1 + 1e-9)), 'P consistency is NaN (too few beats) or in [0, 1]');
    assert.equal(prematureBeats(b).length, b.length);
  }
  // NaN runs in the signal do not leak into the residual.
  const gappy = Float32Array.from(sig); gappy.fill(NaN, 3000, 3600);
  assert.deepEqual(nonFinitePaths(qrstCancelledResidual(gappy, fs, beats)), []);
  // The atrial spectrum of a signal at a rate whose Nyquist lies below the 12 Hz band edge reads
  // only the bins there are (no index past the spectrum).
  const low = resample(sig.subarray(0, 20 * fs), fs, 20);
  assert.deepEqual(nonFinitePaths(atrialSpectrumWindows(low, 20, 8, 4)), []);
  for (const rr of [[], [0.8], [0.8, 0.81]]) {
    const r = rrIrregularityAroundBeat(rr, 16);
    assert.equal(r.successiveDiffP35.length, rr.length + 1);
    assert.deepEqual(nonFinitePaths(r), []);
  }
  assert.deepEqual(Array.from(prematureBeats([5, 5, 5])), [0, 0, 0]);
});
