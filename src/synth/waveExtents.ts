import { kernelAtRr, type BeatMorphology, type KernelWave } from './morphology.js';

/** A wave's extent: where its kernels' dipole magnitude first and last exceeds the threshold. */
export interface WaveExtentMs {
  onsetMs: number;
  offsetMs: number;
}

/** Thresholds (fraction of the wave's own peak dipole magnitude) that define the ground-truth boundaries. */
export const EXTENT_THRESHOLD: Readonly<Record<KernelWave, number>> = { P: 0.05, QRS: 0.03, T: 0.05 };

/**
 * The ground-truth extent of each wave of a shape at a given RR, from the model alone (never from a
 * delineator): the sum of the wave's kernels as a 3-D dipole, its magnitude on a 1 ms grid, onset and offset
 * where it crosses `EXTENT_THRESHOLD` of its peak. The T extent runs from the QRS offset (ST-T). Null for a
 * wave the shape lacks. Times are ms from the fiducial.
 *
 * @example
 * const { QRS } = waveExtentsMs(morphology, 0.8); // { onsetMs: -48, offsetMs: 44 }
 */
export function waveExtentsMs(m: BeatMorphology, rrS: number): Record<KernelWave, WaveExtentMs | null> {
  const out: Record<KernelWave, WaveExtentMs | null> = { P: null, QRS: null, T: null };
  for (const wave of ['P', 'QRS', 'T'] as const) {
    const ks = m.kernels.filter((k) => k.wave === wave).map((k) => ({ ...kernelAtRr(k, m.boundariesMs, rrS), a: k.amplitudeMv }));
    if (ks.length === 0) continue;
    const from = Math.floor(Math.min(...ks.map((k) => k.centerMs - 5 * k.widthMs)));
    const to = Math.ceil(Math.max(...ks.map((k) => k.centerMs + 5 * k.widthMs)));
    const mag: number[] = [];
    for (let t = from; t <= to; t++) {
      const v = [0, 0, 0];
      for (const k of ks) { const g = Math.exp(-((t - k.centerMs) ** 2) / (2 * k.widthMs * k.widthMs)); v[0] += k.a[0] * g; v[1] += k.a[1] * g; v[2] += k.a[2] * g; }
      mag.push(Math.hypot(v[0], v[1], v[2]));
    }
    const peak = Math.max(...mag);
    if (!(peak > 0)) continue;
    const bar = EXTENT_THRESHOLD[wave] * peak;
    const first = mag.findIndex((v) => v >= bar);
    let last = mag.length - 1;
    while (last > first && mag[last] < bar) last--;
    out[wave] = { onsetMs: from + first, offsetMs: from + last };
  }
  return out;
}
