/**
 * The features the certainty models read: global measurements, per-lead ST, T, Q and voltage
 * summaries, age and sex, and per PTB-XL superclass whether sinus made a statement of it. One function
 * for the fit (bench/interpret.bench.ts) and for use.
 */
import type { EcgMeasurements } from '../measure/measureEcg.js';
import { CATALOGUE } from './catalogue.js';
import type { PatientData } from './interpretInput.js';
import { leadFigures } from './leadFigures.js';

/** Feature names, in the order the models use them. */
export const CERTAINTY_FEATURES = [
  'heartRateBpm', 'prMs', 'pDurationMs', 'qrsDurationMs', 'qtcFraminghamMs', 'qrsAxisCos', 'qrsAxisSin', 'tAxisCos', 'tAxisSin',
  'sokolowLyonMv', 'cornellMv', 'qrsP2pMaxMv', 'stElevationMaxMv', 'stDepressionMaxMv', 'tMinMv', 'tLateralMinMv', 'qWaveLeads',
  'rV1Mv', 'sV1Mv', 'ageYears', 'female',
  'flagNORM', 'flagMI', 'flagSTTC', 'flagCD', 'flagHYP', 'flagLVH', 'flagIMI', 'flagASMI',
] as const;

const minOf = (xs: Array<number | null>) => { const v = xs.filter((x): x is number => x !== null); return v.length ? Math.min(...v) : null; };
const maxOf = (xs: Array<number | null>) => { const v = xs.filter((x): x is number => x !== null); return v.length ? Math.max(...v) : null; };

/**
 * The feature table of one record: measurements (null when unknown) and 0/1 flags of the statement
 * codes made, by superclass.
 *
 * @example certaintyFeatures(m, ['SR', 'LVH'], { ageYears: 60, sex: 'male' }).flagHYP // 1
 */
export function certaintyFeatures(m: EcgMeasurements | null, codes: readonly string[], patient: PatientData | null = null): Record<string, number | null> {
  const sup = new Set(codes.map((c) => CATALOGUE[c]?.superclass).filter((s) => s));
  const rad = (d: number | null, f: (x: number) => number) => (d === null ? null : f((d * Math.PI) / 180));
  const f = m ? leadFigures(m) : new Map();
  const leads = [...f.values()];
  const notAvr = leads.filter((x) => x.lead !== 'aVR');
  const tLeads = notAvr.filter((x) => !['III', 'V1', 'aVL'].includes(x.lead));
  return {
    heartRateBpm: m?.heartRateBpm ?? null, prMs: m?.prMs ?? null, pDurationMs: m?.pDurationMs ?? null, qrsDurationMs: m?.qrsDurationMs ?? null,
    qtcFraminghamMs: m?.qtc.framinghamMs ?? null,
    qrsAxisCos: rad(m?.qrsAxisDeg ?? null, Math.cos), qrsAxisSin: rad(m?.qrsAxisDeg ?? null, Math.sin),
    tAxisCos: rad(m?.tAxisDeg ?? null, Math.cos), tAxisSin: rad(m?.tAxisDeg ?? null, Math.sin),
    sokolowLyonMv: m?.voltage.sokolowLyonMv ?? null, cornellMv: m?.voltage.cornellMv ?? null,
    qrsP2pMaxMv: maxOf(leads.map((x) => x.qrsPeakToPeakMv)),
    stElevationMaxMv: maxOf(notAvr.map((x) => x.m.amplitudes.stJMv)),
    stDepressionMaxMv: maxOf(notAvr.map((x) => (x.m.amplitudes.stJ60Mv === null ? null : -x.m.amplitudes.stJ60Mv))),
    tMinMv: minOf(tLeads.map((x) => x.m.amplitudes.tMv)),
    tLateralMinMv: minOf(leads.filter((x) => ['I', 'V5', 'V6'].includes(x.lead)).map((x) => x.m.amplitudes.tMv)),
    qWaveLeads: m ? notAvr.filter((x) => x.lead !== 'V1' && x.qDepthMv >= 0.1 && x.qDurationMs !== null && x.qDurationMs >= 30).length : null,
    rV1Mv: f.get('V1')?.rMv ?? null, sV1Mv: f.get('V1')?.sDepthMv ?? null,
    ageYears: patient?.ageYears ?? null, female: patient?.sex === null || patient?.sex === undefined ? null : patient.sex === 'female' ? 1 : 0,
    flagNORM: codes.includes('NORM') ? 1 : 0, flagMI: sup.has('MI') ? 1 : 0, flagSTTC: sup.has('STTC') || codes.some((c) => ['STE_', 'STD_', 'INVT', 'NST_'].includes(c)) ? 1 : 0,
    flagCD: sup.has('CD') ? 1 : 0, flagHYP: sup.has('HYP') ? 1 : 0,
    flagLVH: codes.includes('LVH') ? 1 : 0, flagIMI: codes.some((c) => c === 'IMI' || c === 'ILMI') ? 1 : 0, flagASMI: codes.some((c) => ['ASMI', 'AMI', 'ALMI'].includes(c)) ? 1 : 0,
  };
}
