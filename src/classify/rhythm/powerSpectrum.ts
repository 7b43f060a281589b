/**
 * Power spectrum of a short real segment (Hann window, zero-padded radix-2 FFT). Kept here because
 * the rhythm stage needs only this one small transform; buffers are reused across calls.
 */

/** Reusable FFT workspace for segments of up to `n` samples (n a power of 2). */
export interface SpectrumWorkspace {
  n: number;
  re: Float64Array;
  im: Float64Array;
  window: Float64Array;
  /** power[k] for k = 0..n/2, bin width fs/n. */
  power: Float64Array;
}

/**
 * A workspace for segments of `segmentLength` samples, padded to the next power of 2.
 *
 * @example
 * const ws = spectrumWorkspace(1440); // ws.n = 2048
 */
export function spectrumWorkspace(segmentLength: number): SpectrumWorkspace {
  let n = 1;
  while (n < segmentLength) n <<= 1;
  const window = new Float64Array(segmentLength);
  for (let i = 0; i < segmentLength; i++) window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / Math.max(1, segmentLength - 1));
  return { n, re: new Float64Array(n), im: new Float64Array(n), window, power: new Float64Array(n / 2 + 1) };
}

/**
 * Fills `ws.power` with the power spectrum of `x[start .. start + ws.window.length)` after removing
 * its mean. Bin k is at k * fs / ws.n Hz.
 *
 * @example
 * const ws = spectrumWorkspace(1440);
 * powerSpectrumInto(signal, 0, ws); // ws.power
 */
export function powerSpectrumInto(x: ArrayLike<number>, start: number, ws: SpectrumWorkspace): Float64Array {
  const { n, re, im, window } = ws;
  const len = window.length;
  let mean = 0;
  for (let i = 0; i < len; i++) mean += x[start + i];
  mean /= len;
  re.fill(0);
  im.fill(0);
  for (let i = 0; i < len; i++) {
    const v = x[start + i];
    re[i] = (v === v ? v - mean : 0) * window[i];
  }
  fftInPlace(re, im);
  for (let k = 0; k <= n / 2; k++) ws.power[k] = re[k] * re[k] + im[k] * im[k];
  return ws.power;
}

function fftInPlace(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i]; re[i] = re[j]; re[j] = t;
      t = im[i]; im[i] = im[j]; im[j] = t;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len;
    const wr = Math.cos(ang), wi = Math.sin(ang);
    for (let i = 0; i < n; i += len) {
      let cr = 1, ci = 0;
      for (let k = 0; k < len / 2; k++) {
        const a = i + k, b = a + len / 2;
        const tr = re[b] * cr - im[b] * ci;
        const ti = re[b] * ci + im[b] * cr;
        re[b] = re[a] - tr; im[b] = im[a] - ti;
        re[a] += tr; im[a] += ti;
        const ncr = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = ncr;
      }
    }
  }
}
