import type { StatementEvidence, StatementLanguage } from '../interpret/types.js';

/** German names of the quantities evidence is stated in (the English sentence comes with the evidence). */
const GERMAN_NAMES: Record<string, string> = {
  heartRateBpm: 'Herzfrequenz', rrMs: 'RR-Intervall', prMs: 'PQ-Zeit', pDurationMs: 'P-Dauer', qrsDurationMs: 'QRS-Dauer',
  qtMs: 'QT-Zeit', qtcMs: 'QTc', qtcBazettMs: 'QTc (Bazett)', qtcFridericiaMs: 'QTc (Fridericia)', qrsAxisDeg: 'QRS-Achse',
  pAxisDeg: 'P-Achse', tAxisDeg: 'T-Achse', rAmplitudeMv: 'R-Amplitude', sAmplitudeMv: 'S-Amplitude', qAmplitudeMv: 'Q-Amplitude',
  rMv: 'R-Amplitude', sMv: 'S-Amplitude', qMv: 'Q-Amplitude', tMv: 'T-Amplitude', pMv: 'P-Amplitude', stJMv: 'ST-Strecke am J-Punkt',
  stJ60Mv: 'ST-Strecke J+60 ms', sokolowLyonMv: 'Sokolow-Lyon-Index', cornellMv: 'Cornell-Index', tPolarity: 'T-Polarität',
  afBurdenPct: 'VHF-Anteil', beatClasses: 'Schlagklassen', qDurationMs: 'Q-Dauer', rrIrregularity: 'RR-Unregelmäßigkeit',
};

const COMPARISON_DE: Record<string, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤', between: 'zwischen', outside: 'außerhalb' };

const num = (v: number) => (Math.abs(v) >= 10 ? String(Math.round(v)) : String(Math.round(v * 100) / 100));

/**
 * One evidence sentence in the report's language: the evidence's own English sentence for 'en';
 * for 'de' a sentence built from its structured fields (quantity, lead, value, comparison, threshold).
 *
 * @example evidenceSentence({ kind: 'measurement', name: 'qrsDurationMs', lead: null, value: 132, unit: 'ms', threshold: 120, comparison: '>=', supports: true, text: 'QRS 132 ms >= 120 ms' }, 'de') // 'QRS-Dauer 132 ms ≥ 120 ms'
 */
export function evidenceSentence(e: StatementEvidence, lang: StatementLanguage): string {
  if (lang === 'en' || e.kind === 'note' || e.kind === 'device') return e.text;
  const name = GERMAN_NAMES[e.name] ?? e.name;
  const unit = e.unit ? ` ${e.unit}` : '';
  const value = typeof e.value === 'number' ? `${num(e.value)}${unit}` : e.value === null ? 'unbekannt' : typeof e.value === 'boolean' ? (e.value ? 'ja' : 'nein') : e.value;
  const lead = e.lead ? ` in ${e.lead}` : '';
  const crit = e.comparison && e.threshold != null ? ` ${COMPARISON_DE[e.comparison]} ${num(e.threshold)}${unit}` : '';
  return `${name}${lead} ${value}${crit}`.trim();
}
