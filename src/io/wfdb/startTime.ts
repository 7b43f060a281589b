/**
 * Start time from WFDB's base time (hh:mm:ss) and date (dd/mm/yyyy), read as UTC; undefined when absent.
 *
 * @example
 * parseWfdbStartTime('05:05:15', '1/05/2000'); // 2000-05-01T05:05:15Z
 */
export function parseWfdbStartTime(time?: string, date?: string): Date | undefined {
  if (!time || !date) return undefined;
  const t = /^(\d{1,2}):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/.exec(time);
  const d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(date);
  if (!t || !d) return undefined;
  const sec = Number(t[3]);
  const ms = Date.UTC(Number(d[3]), Number(d[2]) - 1, Number(d[1]), Number(t[1]), Number(t[2]), Math.floor(sec), Math.round((sec % 1) * 1000));
  return Number.isFinite(ms) ? new Date(ms) : undefined;
}
