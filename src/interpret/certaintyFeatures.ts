/**
 * The features the certainty models read: global measurements and, per PTB-XL superclass, whether
 * sinus made a statement of it. One function for the fit (bench/interpret.bench.ts) and for use.
 */
import type { EcgMeasurements } from '../measure/measureEcg.js';
import { CATALOGUE } from './catalogue.js';

/** Feature names, in the order the models use them. */
export const CERTAINTY_FEATURES = [
  'heartRateBpm', 'prMs', 'qrsDurationMs', 'qtcFraminghamMs', 'qrsAxisCos', 'qrsAxisSin', 'sokolowLyonMv', 'cornellMv',
  'flagNORM', 'flagMI', 'flagSTTC', 'flagCD', 'flagHYP', 'flagLAD',
] as const;

/**
 * The feature table of one record: measurements (null when unknown) and 0/1 flags of the statement
 * codes made, by superclass.
 *
 * @example certaintyFeatures(m, ['SR', 'LVH']).flagHYP // 1
 */
export function certaintyFeatures(m: EcgMeasurements | null, codes: readonly string[]): Record<string, number | null> {
  const sup = new Set(codes.map((c) => CATALOGUE[c]?.superclass).filter((s) => s));
  const axis = m?.qrsAxisDeg ?? null;
  return {
    heartRateBpm: m?.heartRateBpm ?? null, prMs: m?.prMs ?? null, qrsDurationMs: m?.qrsDurationMs ?? null, qtcFraminghamMs: m?.qtc.framinghamMs ?? null,
    qrsAxisCos: axis === null ? null : Math.cos((axis * Math.PI) / 180), qrsAxisSin: axis === null ? null : Math.sin((axis * Math.PI) / 180),
    sokolowLyonMv: m?.voltage.sokolowLyonMv ?? null, cornellMv: m?.voltage.cornellMv ?? null,
    flagNORM: codes.includes('NORM') ? 1 : 0, flagMI: sup.has('MI') ? 1 : 0, flagSTTC: sup.has('STTC') || codes.some((c) => ['STE_', 'STD_', 'INVT', 'NST_'].includes(c)) ? 1 : 0,
    flagCD: sup.has('CD') ? 1 : 0, flagHYP: sup.has('HYP') ? 1 : 0, flagLAD: codes.includes('LAD') ? 1 : 0,
  };
}
