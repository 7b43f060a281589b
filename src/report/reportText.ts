import { reportLabel } from './reportLabels.js';
import type { ClinicalReport, HolterReport } from './types.js';

const clock = (s: number) => [Math.floor(s / 3600), Math.floor((s % 3600) / 60), Math.floor(s % 60)].map((v) => String(v).padStart(2, '0')).join(':');

/**
 * The Holter summary's lines (shared by text and HTML).
 *
 * @example holterLines(buildReport(a).holter!, 'de')[0] // 'Herzfrequenz min / mittel / max: ...'
 */
export function holterLines(h: HolterReport, lang: ClinicalReport['language']): string[] {
  const L = (k: Parameters<typeof reportLabel>[0]) => reportLabel(k, lang);
  const n = (v: number | null, unit = '') => (v == null ? '—' : `${Math.round(v * 10) / 10}${unit}`);
  const lines = [
    `${L('minMaxHr')}: ${n(h.minRateBpm)} / ${n(h.meanRateBpm)} / ${n(h.maxRateBpm)} bpm`,
    `${L('afBurden')}: ${n(h.afBurdenPct, ' %')}`,
    `${L('longestPause')}: ${n(h.longestPauseS, ' s')} (${h.pauseCount} ${L('pauses')})`,
    `${L('ectopy')}: ${n(h.pvcCount)} / ${n(h.pacCount)} / ${n(h.ventricularCouplets)} / ${n(h.ventricularRuns)}`,
  ];
  if (h.hrv) lines.push(`${L('hrv')}: SDNN ${n(h.hrv.sdnnMs, ' ms')}, RMSSD ${n(h.hrv.rmssdMs, ' ms')}, pNN50 ${n(h.hrv.pnn50Pct, ' %')}, SDANN ${n(h.hrv.sdannMs, ' ms')}, LF/HF ${n(h.hrv.lfHfRatio)}`);
  lines.push(`${L('perHour')}:`);
  for (const hr of h.hours) lines.push(`  ${L('hour')} ${hr.hour + 1}: ${hr.beats} ${L('beats')} (${Object.entries(hr.byClass).map(([c, k]) => `${c} ${k}`).join(', ')}), ${L('meanHr')} ${n(hr.meanRateBpm)} bpm`);
  lines.push(`${L('episodes')} (${h.episodes.length}):`);
  for (const e of h.episodes.slice(0, 40)) lines.push(`  ${e.label.replace(/_/g, ' ')}: ${L('start')} ${clock(e.startS)}, ${L('duration')} ${e.durationS.toFixed(1)} s${e.meanRateBpm != null ? `, ${Math.round(e.meanRateBpm)} bpm` : ''}`);
  if (h.episodes.length > 40) lines.push(`  … +${h.episodes.length - 40}`);
  return lines;
}

/**
 * The report as plain text (one page of a terminal or a chart note), in the report's language.
 *
 * @example process.stdout.write(reportText(buildReport(analysis)));
 */
export function reportText(r: ClinicalReport): string {
  const L = (k: Parameters<typeof reportLabel>[0]) => reportLabel(k, r.language);
  const out: string[] = [r.title, '='.repeat(r.title.length)];
  if (r.patient.length) out.push(`${L('patient')}: ${r.patient.map((p) => `${p.label} ${p.value}`).join(', ')}`);
  out.push(r.recording.map((p) => `${p.label}: ${p.value}`).join('; '));
  out.push('', L('measurements'));
  const w = Math.max(...r.measurements.map((m) => m.label.length));
  for (const m of r.measurements) out.push(`  ${m.label.padEnd(w)}  ${m.text}`);
  out.push('', L('statements'));
  if (r.statements.length === 0 && !r.summary) out.push(`  ${L('noInterpretation')}`);
  for (const s of r.statements) {
    out.push(`  ${s.text}`);
    for (const e of s.evidence.slice(0, 6)) out.push(`      - ${e}`);
  }
  if (r.summary) out.push(`  => ${r.summary.text}`);
  if (r.notDetermined.length) out.push('', `${L('notDetermined')}:`, ...r.notDetermined.map((n) => `  ${n.text}: ${n.reason}`));
  if (r.holter) out.push('', r.title, ...holterLines(r.holter, r.language).map((l) => `  ${l}`));
  out.push('', `${L('quality')}: ${r.quality.text}`);
  if (r.device) out.push(`${L('device')}: ${r.device.statements.join('; ')}${r.device.agreement ? ` (${r.device.agreement})` : ''}`);
  out.push('', r.disclaimer, `${r.source.software}, ${r.source.analysedAt}`);
  return out.join('\n') + '\n';
}
