/** Heart-rate-corrected QT (ms) by the four usual formulas; null when QT or RR is unknown. */
export interface QtcMs {
  bazettMs: number | null;
  fridericiaMs: number | null;
  framinghamMs: number | null;
  hodgesMs: number | null;
}

/**
 * QTc from QT and RR (both ms): Bazett QT/RR^(1/2), Fridericia QT/RR^(1/3) (RR in s), Framingham
 * QT + 154 (1 - RR), Hodges QT + 1.75 (HR - 60).
 *
 * @example qtcMs(400, 800).bazettMs // 447.2
 */
export function qtcMs(qtMs: number | null, rrMs: number | null): QtcMs {
  if (qtMs === null || rrMs === null || !(qtMs > 0) || !(rrMs > 0)) return { bazettMs: null, fridericiaMs: null, framinghamMs: null, hodgesMs: null };
  const rrS = rrMs / 1000;
  return {
    bazettMs: qtMs / Math.sqrt(rrS),
    fridericiaMs: qtMs / Math.cbrt(rrS),
    framinghamMs: qtMs + 154 * (1 - rrS),
    hodgesMs: qtMs + 1.75 * (60 / rrS - 60),
  };
}
