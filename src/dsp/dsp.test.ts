import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  butterworthSos, sosResponseAt, zeroPhaseFilter, notchSos, removeMains, removeBaselineWander, resample,
  movingMean, movingRms, movingMax, movingMin, movingMedian, sosFilterInPlace, sosSteadyState,
} from './index.js';
import { isSinusError } from '../errors.js';

const sine = (n: number, fHz: number, fsHz: number, amp = 1, phase = 0) =>
  Float32Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * fHz * i) / fsHz + phase));
const db = (g: number) => 20 * Math.log10(g);

test('Butterworth designs: -3.01 dB at the cut-off, flat passband, n*20 dB/decade roll-off', () => {
  for (const fs of [100, 360, 500, 1000]) {
    for (const order of [1, 2, 3, 4, 5]) {
      const lp = butterworthSos('lowpass', order, fs / 10, fs);
      assert.ok(Math.abs(db(sosResponseAt(lp, fs / 10, fs).magnitude) + 3.0103) < 0.01, `lp fs=${fs} n=${order}`);
      assert.ok(Math.abs(sosResponseAt(lp, 0, fs).magnitude - 1) < 1e-9);
      // Maximally flat: monotonic, no ripple, in the passband.
      let prev = 1 + 1e-12;
      for (let f = 0; f < fs / 10; f += fs / 1000) {
        const m = sosResponseAt(lp, f, fs).magnitude;
        assert.ok(m <= prev + 1e-12, `ripple at ${f} Hz`);
        prev = m;
      }
      const hp = butterworthSos('highpass', order, 0.5, fs);
      assert.ok(Math.abs(db(sosResponseAt(hp, 0.5, fs).magnitude) + 3.0103) < 0.01, `hp fs=${fs} n=${order}`);
      assert.ok(Math.abs(sosResponseAt(hp, fs / 2 - 1e-9, fs).magnitude - 1) < 1e-6);
      // An order-n high-pass falls ~6n dB per octave well below the cut-off.
      const slope = db(sosResponseAt(hp, 0.05, fs).magnitude) - db(sosResponseAt(hp, 0.1, fs).magnitude);
      assert.ok(Math.abs(slope + 6.02 * order) < 0.3, `hp slope ${slope} for n=${order}`);
      const bp = butterworthSos('bandpass', order, [5, 20], fs);
      assert.ok(Math.abs(db(sosResponseAt(bp, 5, fs).magnitude) + 3.0103) < 0.01);
      assert.ok(Math.abs(db(sosResponseAt(bp, 20, fs).magnitude) + 3.0103) < 0.01);
      // Peak gain 1 at the (pre-warped) geometric centre.
      const f0 = (fs / Math.PI) * Math.atan(Math.sqrt(Math.tan((Math.PI * 5) / fs) * Math.tan((Math.PI * 20) / fs)));
      assert.ok(Math.abs(sosResponseAt(bp, f0, fs).magnitude - 1) < 1e-9);
    }
  }
});

test('bad filter parameters throw SinusError BAD_ARGUMENT', () => {
  assert.throws(() => butterworthSos('lowpass', 2, 200, 360), (e) => isSinusError(e, 'BAD_ARGUMENT'));
  assert.throws(() => butterworthSos('bandpass', 2, [20, 5], 360), (e) => isSinusError(e, 'BAD_ARGUMENT'));
  assert.throws(() => butterworthSos('lowpass', 0, 20, 360), (e) => isSinusError(e, 'BAD_ARGUMENT'));
  assert.throws(() => zeroPhaseFilter(butterworthSos('lowpass', 2, 20, 360), [1]), (e) => isSinusError(e, 'NOT_ENOUGH_DATA'));
});

test('zero-phase filtering: no delay, gain |H|^2, odd-extension keeps the ends', () => {
  const fs = 360;
  const sos = butterworthSos('lowpass', 2, 20, fs);
  const x = sine(3600, 20, fs, 1, 0.3);
  const y = zeroPhaseFilter(sos, x);
  // At the cut-off one pass gives 1/sqrt(2), two passes 1/2; phase stays zero: y = x / 2.
  let maxErr = 0;
  for (let i = 500; i < 3100; i++) maxErr = Math.max(maxErr, Math.abs(y[i] - x[i] / 2));
  assert.ok(maxErr < 0.005, `max error ${maxErr}`);
  // A ramp passes a low-pass unchanged, ends included, thanks to the odd extension.
  const ramp = Float32Array.from({ length: 1000 }, (_, i) => 0.001 * i - 0.2);
  const yr = zeroPhaseFilter(sos, ramp);
  for (const i of [0, 1, 500, 998, 999]) assert.ok(Math.abs(yr[i] - ramp[i]) < 1e-3, `ramp at ${i}: ${yr[i]} vs ${ramp[i]}`);
  // A causal pass from steady state has no start-up transient on a constant.
  const c = new Float64Array(100).fill(3);
  const st = sosSteadyState(sos).map((v) => v * 3);
  sosFilterInPlace(sos, c, st);
  assert.ok(c.every((v) => Math.abs(v - 3) < 1e-9));
});

test('50/60 Hz notch: > 40 dB depth at the mains frequency, < 0.1 dB loss at 10 and 30 Hz', () => {
  for (const [fs, mains] of [[500, 50], [360, 60], [1000, 50]] as const) {
    const sos = notchSos(mains, fs, 30);
    assert.ok(sosResponseAt(sos, mains, fs).magnitude < 1e-6);
    assert.ok(Math.abs(db(sosResponseAt(sos, 10, fs).magnitude)) < 0.1);
    const n = fs * 10;
    const hum = sine(n, mains, fs, 0.5);
    const ecgLike = sine(n, 10, fs, 1);
    const mixed = Float32Array.from(ecgLike, (v, i) => v + hum[i]);
    const y = removeMains(mixed, fs, mains);
    let err = 0;
    for (let i = fs * 2; i < n - fs * 2; i++) err = Math.max(err, Math.abs(y[i] - ecgLike[i]));
    assert.ok(err < 0.5 * 0.01 + 0.012, `residual ${err} (hum 0.5 mV must drop > 40 dB)`);
  }
});

test('baseline wander removal: 0.15 Hz drift removed, 10 Hz content kept (both methods)', () => {
  const fs = 360, n = fs * 30;
  const signal = sine(n, 10, fs, 0.5);
  const drift = sine(n, 0.15, fs, 1.5);
  const x = Float32Array.from(signal, (v, i) => v + drift[i] + 0.3);
  const y = removeBaselineWander(x, fs);
  let err = 0;
  for (let i = fs * 5; i < n - fs * 5; i++) err = Math.max(err, Math.abs(y[i] - signal[i]));
  // 2nd-order high-pass at 0.5 Hz, run twice: |H(0.15)|^2 ~ 0.0081, so 1.5 mV leaves ~0.012 mV.
  assert.ok(err < 0.03, `high-pass residual ${err} mV`);
  // Median method on a spiky (QRS-like) signal: the baseline under the spikes is recovered.
  const spikes = new Float32Array(n);
  for (let i = 100; i < n; i += fs) for (let k = -3; k <= 3; k++) spikes[i + k] = 1 - Math.abs(k) / 4;
  const xm = Float32Array.from(spikes, (v, i) => v + drift[i]);
  const ym = removeBaselineWander(xm, fs, { method: 'median' });
  let errM = 0;
  for (let i = fs * 2; i < n - fs * 2; i++) errM = Math.max(errM, Math.abs(ym[i] - spikes[i]));
  assert.ok(errM < 0.05, `median residual ${errM} mV`);
});

test('resampling: sines keep amplitude and phase at 100-1000 Hz; above the new Nyquist they are removed', () => {
  for (const [from, to] of [[360, 125], [360, 250], [360, 500], [360, 1000], [500, 360], [1000, 100], [257, 360]] as const) {
    const n = from * 10;
    const f = 7.3;
    const x = sine(n, f, from, 1, 0.2);
    const y = resample(x, from, to);
    assert.equal(y.length, Math.round((n * to) / from));
    const ref = sine(y.length, f, to, 1, 0.2);
    let err = 0;
    for (let j = to; j < y.length - to; j++) err = Math.max(err, Math.abs(y[j] - ref[j]));
    assert.ok(err < 1e-3, `${from}->${to}: max error ${err}`);
  }
  // Anti-aliasing: a 100 Hz tone sampled at 360 must vanish at 125 Hz (Nyquist 62.5).
  const alias = resample(sine(3600, 100, 360), 360, 125);
  let peak = 0;
  for (let j = 125; j < alias.length - 125; j++) peak = Math.max(peak, Math.abs(alias[j]));
  assert.ok(peak < 0.01, `alias residual ${peak}`);
});

test('moving statistics match direct computation, windows shrink at the ends', () => {
  const x = Float32Array.from({ length: 200 }, (_, i) => Math.sin(i * 0.37) * 3 + ((i * 7919) % 13) / 5);
  for (const w of [1, 4, 7, 31]) {
    const mean = movingMean(x, w), rms = movingRms(x, w), mx = movingMax(x, w), mn = movingMin(x, w), md = movingMedian(x, w);
    const back = w >> 1, ahead = w - 1 - back;
    for (let i = 0; i < x.length; i++) {
      const win = Array.from(x.subarray(Math.max(0, i - back), Math.min(x.length, i + ahead + 1)));
      const m = win.reduce((a, b) => a + b, 0) / win.length;
      const r = Math.sqrt(win.reduce((a, b) => a + b * b, 0) / win.length);
      const s = win.slice().sort((a, b) => a - b);
      const med = s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
      assert.ok(Math.abs(mean[i] - m) < 1e-4 && Math.abs(rms[i] - r) < 1e-4, `mean/rms w=${w} i=${i}`);
      assert.equal(mx[i], Math.max(...win));
      assert.equal(mn[i], Math.min(...win));
      assert.ok(Math.abs(md[i] - med) < 1e-5, `median w=${w} i=${i}`);
    }
  }
});
