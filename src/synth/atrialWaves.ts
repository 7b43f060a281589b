import type { Random } from '../dsp/seededRandom.js';

/**
 * Continuous atrial activity in X, Y, Z (mV) for rhythms without discrete P waves, added to `x, y, z`:
 * fibrillation as f waves (a sine whose frequency wanders 5-7 Hz and amplitude 0.03-0.08 mV, pointing
 * mostly to V1) and flutter as a sawtooth at `flutterHz` (slow fall, fast rise, 0.15 mV, pointing up the
 * inferior axis so II, III and aVF show the negative sawtooth). Returns nothing for other atrial states.
 *
 * @example
 * addAtrialWaves('fibrillation', x, y, z, 500, null, seededRandom(3));
 */
export function addAtrialWaves(kind: 'fibrillation' | 'flutter' | 'sinus' | 'dissociated', x: Float32Array, y: Float32Array, z: Float32Array, fsHz: number, flutterHz: number | null, rng: Random): void {
  if (kind !== 'fibrillation' && kind !== 'flutter') return;
  const dir = kind === 'fibrillation' ? unit([-0.2, 0.35, -0.9]) : unit([0.1, -1, 0.25]);
  let phase = rng.next(), freq = 6, amp = 0.05;
  for (let i = 0; i < x.length; i++) {
    let v: number;
    if (kind === 'fibrillation') {
      // Slow random walks of frequency and amplitude (about 1 s time constant).
      freq += (6 - freq) / fsHz + (0.8 * rng.normal()) / Math.sqrt(fsHz);
      freq = Math.min(7, Math.max(5, freq));
      amp += (0.05 - amp) / fsHz + (0.015 * rng.normal()) / Math.sqrt(fsHz);
      amp = Math.min(0.08, Math.max(0.03, amp));
      phase += freq / fsHz;
      v = amp * Math.sin(2 * Math.PI * phase);
    } else {
      phase += (flutterHz ?? 5) / fsHz;
      const f = phase - Math.floor(phase);
      v = 0.15 * (f < 0.8 ? 0.5 - f / 0.8 : -0.5 + (f - 0.8) / 0.2);
    }
    x[i] += dir[0] * v; y[i] += dir[1] * v; z[i] += dir[2] * v;
  }
}

function unit(v: [number, number, number]): [number, number, number] {
  const n = Math.hypot(...v);
  return [v[0] / n, v[1] / n, v[2] / n];
}
