import { test } from 'node:test';
import assert from 'node:assert/strict';
import { centredMovingAverage } from './smoothing.js';

test('centred moving average equals the direct mean over the part of the window inside the signal', () => {
  for (const [n, w] of [[10, 3], [7, 7], [5, 11], [200, 21], [1, 1], [2, 3], [50, 4]]) {
    const x = Array.from({ length: n }, (_, i) => Math.sin(i * 1.7) * 3 + 0.01 * i);
    const out = centredMovingAverage(x, w, new Float32Array(n));
    const h = Math.floor(w / 2);
    for (let i = 0; i < n; i++) {
      let s = 0;
      let c = 0;
      for (let j = Math.max(0, i - h); j <= Math.min(n - 1, i + h); j++) {
        s += x[j];
        c++;
      }
      assert.ok(Math.abs(s / c - out[i]) < 1e-5, `n=${n} w=${w} i=${i}`);
    }
  }
});
