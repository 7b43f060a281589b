/**
 * Solves A w = b for a small square A (Gaussian elimination with partial pivoting); null when A is
 * singular to working precision. For the normal equations of small least-squares fits.
 *
 * @example
 * solveLinearSystem([[2, 0], [0, 4]], [2, 2]); // [1, 0.5]
 */
export function solveLinearSystem(aIn: readonly (readonly number[])[], bIn: readonly number[]): number[] | null {
  const n = bIn.length;
  const a = aIn.map((r) => [...r]);
  const b = [...bIn];
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    [b[c], b[p]] = [b[p], b[c]];
    if (Math.abs(a[c][c]) < 1e-12) return null;
    for (let r = c + 1; r < n; r++) {
      const f = a[r][c] / a[c][c];
      for (let k = c; k < n; k++) a[r][k] -= f * a[c][k];
      b[r] -= f * b[c];
    }
  }
  const w = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = b[r];
    for (let k = r + 1; k < n; k++) s -= a[r][k] * w[k];
    w[r] = s / a[r][r];
  }
  return w;
}
