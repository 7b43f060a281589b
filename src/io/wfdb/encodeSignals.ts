import { SinusError } from '../../errors.js';
import { bytesForSamples } from './signalFormats.js';

/** Smallest and largest value each writable format can store (the smallest is WFDB's invalid-sample marker). */
export function formatRange(format: number): [number, number] {
  switch (format) {
    case 80: return [-128, 127];
    case 16: case 61: case 160: return [-32768, 32767];
    case 212: return [-2048, 2047];
    case 310: case 311: return [-512, 511];
    case 24: return [-(2 ** 23), 2 ** 23 - 1];
    case 32: return [-(2 ** 31), 2 ** 31 - 1];
    default: throw new SinusError('UNSUPPORTED_FORMAT', `writing WFDB signal format ${format} is not supported`);
  }
}

/**
 * Encodes one interleaved stream of raw ADC values (all signals of one file, frame after frame) in
 * a WFDB storage format; the inverse of `decodeStream`. Values outside the format's range are an
 * error (BAD_SIGNAL), never clipped.
 *
 * @example
 * const dat = encodeStream(Int32Array.from([995, 1011, 995, 1011]), 212); // 6 bytes
 */
export function encodeStream(values: Int32Array, format: number): Uint8Array {
  const [lo, hi] = formatRange(format);
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v < lo || v > hi) throw new SinusError('BAD_SIGNAL', `value ${v} at stream position ${i} does not fit WFDB format ${format} (${lo}..${hi})`);
  }
  const out = new Uint8Array(bytesForSamples(format, n));
  const v = values;
  switch (format) {
    case 16:
      for (let i = 0, j = 0; i < n; i++, j += 2) { out[j] = v[i] & 0xff; out[j + 1] = (v[i] >> 8) & 0xff; }
      break;
    case 61:
      for (let i = 0, j = 0; i < n; i++, j += 2) { out[j + 1] = v[i] & 0xff; out[j] = (v[i] >> 8) & 0xff; }
      break;
    case 160:
      for (let i = 0, j = 0; i < n; i++, j += 2) { const u = v[i] + 32768; out[j] = u & 0xff; out[j + 1] = u >> 8; }
      break;
    case 80:
      for (let i = 0; i < n; i++) out[i] = v[i] + 128;
      break;
    case 24:
      for (let i = 0, j = 0; i < n; i++, j += 3) { out[j] = v[i] & 0xff; out[j + 1] = (v[i] >> 8) & 0xff; out[j + 2] = (v[i] >> 16) & 0xff; }
      break;
    case 32:
      for (let i = 0, j = 0; i < n; i++, j += 4) { out[j] = v[i] & 0xff; out[j + 1] = (v[i] >> 8) & 0xff; out[j + 2] = (v[i] >> 16) & 0xff; out[j + 3] = (v[i] >>> 24) & 0xff; }
      break;
    case 212: {
      let i = 0, j = 0;
      for (; i + 1 < n; i += 2, j += 3) {
        const a = v[i] & 0xfff, b = v[i + 1] & 0xfff;
        out[j] = a & 0xff;
        out[j + 1] = (a >> 8) | ((b >> 8) << 4);
        out[j + 2] = b & 0xff;
      }
      if (i < n) { const a = v[i] & 0xfff; out[j] = a & 0xff; out[j + 1] = a >> 8; }
      break;
    }
    case 310:
      for (let i = 0, j = 0; i < n; i += 3, j += 4) {
        const a = v[i] & 0x3ff, b = i + 1 < n ? v[i + 1] & 0x3ff : 0, c = i + 2 < n ? v[i + 2] & 0x3ff : 0;
        const w0 = (a << 1) | ((c & 0x1f) << 11), w1 = (b << 1) | ((c >> 5) << 11);
        out[j] = w0 & 0xff; out[j + 1] = w0 >> 8; out[j + 2] = w1 & 0xff; out[j + 3] = w1 >> 8;
      }
      break;
    case 311:
      for (let i = 0, j = 0; i < n; i += 3, j += 4) {
        const a = v[i] & 0x3ff, b = i + 1 < n ? v[i + 1] & 0x3ff : 0, c = i + 2 < n ? v[i + 2] & 0x3ff : 0;
        const w = (a | (b << 10) | (c << 20)) >>> 0;
        out[j] = w & 0xff; out[j + 1] = (w >>> 8) & 0xff; out[j + 2] = (w >>> 16) & 0xff; out[j + 3] = (w >>> 24) & 0xff;
      }
      break;
  }
  return out;
}
