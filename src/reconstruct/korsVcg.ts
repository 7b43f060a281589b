import { SinusError } from '../errors.js';
import { withDerivedLimbLeads } from '../record/deriveLeads.js';
import type { EcgRecord } from '../record/types.js';

/** The eight independent leads the Kors regression reads, in its column order. */
export const KORS_LEADS = ['V1', 'V2', 'V3', 'V4', 'V5', 'V6', 'I', 'II'] as const;

/**
 * Kors regression matrix, 12-lead to Frank X, Y, Z (rows X, Y, Z; columns V1-V6, I, II).
 * Kors JA, van Herpen G, Sittig AC, van Bemmel JH. Reconstruction of the Frank vectorcardiogram from
 * standard electrocardiographic leads: diagnostic comparison of different methods. Eur Heart J
 * 1990;11:1083-1092.
 */
export const KORS_MATRIX: readonly (readonly number[])[] = [
  [-0.13, 0.05, -0.01, 0.14, 0.06, 0.54, 0.38, -0.07],
  [0.06, -0.02, -0.05, 0.06, -0.17, 0.13, -0.07, 0.93],
  [-0.43, -0.06, -0.14, -0.2, -0.11, 0.31, 0.11, -0.23],
];

/** A derived vectorcardiogram: Frank X (right to left), Y (head to foot), Z (front to back), in mV. */
export interface Vectorcardiogram {
  fsHz: number;
  x: Float32Array;
  y: Float32Array;
  z: Float32Array;
}

/**
 * The Frank X, Y, Z leads derived from a 12-lead record (or a median beat in record form) by the Kors
 * regression. I and II may be derived from III (Einthoven) where one is missing. Throws SinusError
 * BAD_ARGUMENT when a precordial lead or the limb leads are missing (reconstruct them first).
 *
 * @example
 * const vcg = korsVcg(record);
 * console.log(vcg.x.length === record.length);
 */
export function korsVcg(record: EcgRecord): Vectorcardiogram {
  const full = withDerivedLimbLeads(record);
  const byName = new Map(full.leads.map((l) => [l.name, l.samples]));
  const missing = KORS_LEADS.filter((n) => !byName.has(n));
  if (missing.length) throw new SinusError('BAD_ARGUMENT', `the Kors VCG needs ${missing.join(', ')}; the record has ${record.leads.map((l) => l.name).join(', ')} (reconstruct the missing leads first)`);
  const cols = KORS_LEADS.map((n) => byName.get(n)!);
  const out = KORS_MATRIX.map(() => new Float32Array(full.length));
  for (let i = 0; i < full.length; i++) {
    for (let r = 0; r < 3; r++) {
      let s = 0;
      for (let c = 0; c < cols.length; c++) s += KORS_MATRIX[r][c] * cols[c][i];
      out[r][i] = s;
    }
  }
  return { fsHz: full.fs, x: out[0], y: out[1], z: out[2] };
}

/** Spatial QRS-T angle and the two mean vectors it is taken between. */
export interface SpatialQrsTAngle {
  /** Angle between the mean QRS and mean T vectors, 0-180 degrees. */
  angleDeg: number;
  /** Mean QRS and T vectors (X, Y, Z), mV*s (the integral over the wave). */
  qrsVectorMvS: [number, number, number];
  tVectorMvS: [number, number, number];
}

/**
 * The spatial (mean-vector) QRS-T angle of one beat of a VCG: the angle between the integrals of X, Y, Z
 * over the QRS (onset to offset) and over the ST-T (QRS offset to T offset), each relative to the level
 * at QRS onset. Sample indices are into the VCG. Null when the boundaries are missing or a vector is zero.
 *
 * @example
 * const angle = spatialQrsTAngle(korsVcg(medianRecord), qrsOnset, qrsOffset, tOffset)?.angleDeg;
 */
export function spatialQrsTAngle(vcg: Vectorcardiogram, qrsOnset: number | null, qrsOffset: number | null, tOffset: number | null): SpatialQrsTAngle | null {
  if (qrsOnset === null || qrsOffset === null || tOffset === null) return null;
  if (!(qrsOnset >= 0 && qrsOnset < qrsOffset && qrsOffset < tOffset && tOffset < vcg.x.length)) return null;
  const dt = 1 / vcg.fsHz;
  const area = (s: Float32Array, from: number, to: number) => {
    let a = 0;
    for (let i = from; i < to; i++) a += (s[i] - s[qrsOnset]) * dt;
    return a;
  };
  const q: [number, number, number] = [area(vcg.x, qrsOnset, qrsOffset), area(vcg.y, qrsOnset, qrsOffset), area(vcg.z, qrsOnset, qrsOffset)];
  const t: [number, number, number] = [area(vcg.x, qrsOffset, tOffset), area(vcg.y, qrsOffset, tOffset), area(vcg.z, qrsOffset, tOffset)];
  const nq = Math.hypot(...q), nt = Math.hypot(...t);
  if (!(nq > 0) || !(nt > 0)) return null;
  const cos = Math.max(-1, Math.min(1, (q[0] * t[0] + q[1] * t[1] + q[2] * t[2]) / (nq * nt)));
  return { angleDeg: (Math.acos(cos) * 180) / Math.PI, qrsVectorMvS: q, tVectorMvS: t };
}
