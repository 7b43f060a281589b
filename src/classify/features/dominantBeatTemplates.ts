import { RR_FEATURE_NAMES, WINDOW_BEFORE, WINDOW_LENGTH } from './layout.js';
import { regionCorrelation } from '../../dsp/regionCorrelation.js';

/** Beats that share one template. */
const BLOCK = 32;
/** Beats on each side of a block that its template is drawn from (a few minutes). */
const NEIGHBOURHOOD = 128;
/** At most this many beats enter a median. */
const MAX_MEMBERS = 64;
/** A beat this much earlier than the local rhythm (pre RR / local RR) is premature: not a template candidate. */
const PREMATURE_LOG_RATIO = Math.log(0.9);
/** Template correlation is measured over the QRS: -100 ms .. +150 ms at 250 Hz. */
const QRS_FROM = WINDOW_BEFORE - 25;
const QRS_TO = WINDOW_BEFORE + 38;
/** Column of logPreOverLocal in the RR features. */
const LOG_PRE_OVER_LOCAL = RR_FEATURE_NAMES.indexOf('logPreOverLocal');

/**
 * The patient's dominant beat around every beat, for one lead: row b of the result is the template
 * that beat b is compared with. The template of a block of 32 beats is the sample-wise median of up
 * to 64 non-premature beats from the surrounding ±128, refined once by keeping the half that
 * correlates best with the first median, so ectopic beats (even in bigeminy) do not shape it.
 *
 * @param windows beat windows of one lead (see beatWindows), n × WINDOW_LENGTH
 * @param rr RR features (see rrFeatures), used to leave premature beats out
 * @example
 * const templates = dominantBeatTemplates(windows, rrFeatures(beats, fs), beats.length);
 */
export function dominantBeatTemplates(windows: Float32Array, rr: Float32Array, n: number): Float32Array {
  const T = WINDOW_LENGTH;
  const out = new Float32Array(n * T);
  const rrK = RR_FEATURE_NAMES.length;
  const members = new Int32Array(2 * NEIGHBOURHOOD + BLOCK);
  const column = new Float32Array(MAX_MEMBERS);
  const first = new Float32Array(T);
  const corr = new Float64Array(MAX_MEMBERS);
  const chosen = new Int32Array(MAX_MEMBERS);
  for (let s = 0; s < n; s += BLOCK) {
    const e = Math.min(n, s + BLOCK);
    const a = Math.max(0, s - NEIGHBOURHOOD);
    const b = Math.min(n, e + NEIGHBOURHOOD);
    let count = 0;
    for (let i = a; i < b; i++) if (rr[i * rrK + LOG_PRE_OVER_LOCAL] >= PREMATURE_LOG_RATIO) members[count++] = i;
    if (count < 8) {
      count = 0;
      for (let i = a; i < b; i++) members[count++] = i;
    }
    const stride = Math.ceil(count / MAX_MEMBERS);
    let m = 0;
    for (let j = 0; j < count && m < MAX_MEMBERS; j += stride) chosen[m++] = members[j];
    medianInto(windows, chosen, m, column, first, 0);
    // Keep the half of the members most like the first median (at least one).
    for (let j = 0; j < m; j++) corr[j] = (regionCorrelation(windows, chosen[j] * T, first, 0, QRS_FROM, QRS_TO) || 0);
    const sorted = Float64Array.from(corr.subarray(0, m)).sort();
    const cut = sorted[Math.floor((m - 1) / 2)];
    let kept = 0;
    for (let j = 0; j < m; j++) if (corr[j] >= cut) chosen[kept++] = chosen[j];
    medianInto(windows, chosen, kept, column, out, s * T);
    for (let i = s + 1; i < e; i++) out.copyWithin(i * T, s * T, s * T + T);
  }
  return out;
}

function medianInto(windows: Float32Array, rows: Int32Array, m: number, column: Float32Array, dest: Float32Array, destOffset: number): void {
  const T = WINDOW_LENGTH;
  const col = column.subarray(0, m);
  const h = m >> 1;
  for (let k = 0; k < T; k++) {
    for (let j = 0; j < m; j++) col[j] = windows[rows[j] * T + k];
    col.sort();
    dest[destOffset + k] = m % 2 ? col[h] : 0.5 * (col[h - 1] + col[h]);
  }
}

