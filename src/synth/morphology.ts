/** Which wave a Gaussian kernel belongs to (it sets how the kernel moves with heart rate). */
export type KernelWave = 'P' | 'QRS' | 'T';

/**
 * One Gaussian of the ECGSYN model, in time rather than phase: centred `centerMs` from the beat's
 * fiducial (at RR = 1 s), SD `widthMs`, with a peak amplitude per vectorcardiographic component X, Y, Z.
 */
export interface WaveKernel {
  wave: KernelWave;
  centerMs: number;
  widthMs: number;
  amplitudeMv: [number, number, number];
}

/** Wave boundaries of a morphology (ms from the fiducial at RR = 1 s); P null when it has none. */
export interface MorphologyBoundariesMs {
  pOnset: number | null;
  pOffset: number | null;
  qrsOnset: number;
  qrsOffset: number;
  tOffset: number;
}

/** One beat shape: its kernels and the boundaries that define the ground truth. */
export interface BeatMorphology {
  name: string;
  kernels: WaveKernel[];
  boundariesMs: MorphologyBoundariesMs;
  /** Where it comes from (e.g. 'fitted: PTB-XL ecg_id 12 median beat'). */
  source: string;
}

/** How each wave's timing scales with RR (s): ECGSYN's heart-rate factors (P ~ RR^1/4, T ~ RR^1/2, QRS fixed). */
export const RATE_EXPONENT: Readonly<Record<KernelWave, number>> = { P: 0.25, QRS: 0, T: 0.5 };

/**
 * Kernel centre and width (ms from the fiducial) at a given RR: QRS kernels stay; P kernels move
 * away from the QRS as RR^1/4; ST-T kernels stretch from the QRS offset as RR^1/2 (Bazett-like QT).
 *
 * @example
 * const { centerMs } = kernelAtRr(kernel, morphology.boundariesMs, 0.6);
 */
export function kernelAtRr(k: WaveKernel, b: MorphologyBoundariesMs, rrS: number): { centerMs: number; widthMs: number } {
  const f = Math.pow(Math.max(0.2, rrS), RATE_EXPONENT[k.wave]);
  if (k.wave === 'T') return { centerMs: b.qrsOffset + (k.centerMs - b.qrsOffset) * f, widthMs: k.widthMs * f };
  return { centerMs: k.centerMs * f, widthMs: k.widthMs * f };
}
