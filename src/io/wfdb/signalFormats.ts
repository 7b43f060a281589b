import { SinusError } from '../../errors.js';

/** Value that marks a missing sample in each format (WFDB's WFDB_INVALID_SAMPLE after decoding). */
export function invalidSampleValue(format: number): number {
  switch (format) {
    case 80: case 8: return -128;
    case 160: case 16: case 61: return -32768;
    case 212: case 310: case 311: return -2048;
    case 24: return -(2 ** 23);
    case 32: return -(2 ** 31);
    default: return Number.NaN;
  }
}

/** Bytes needed to store `nSamples` samples of one interleaved stream in `format`. */
export function bytesForSamples(format: number, nSamples: number): number {
  switch (format) {
    case 80: case 8: return nSamples;
    case 16: case 61: case 160: return nSamples * 2;
    case 24: return nSamples * 3;
    case 32: return nSamples * 4;
    case 212: return Math.ceil((nSamples * 3) / 2);
    case 310: case 311: return Math.ceil(nSamples / 3) * 4;
    default: throw new SinusError('UNSUPPORTED_FORMAT', `WFDB signal format ${format} is not supported`);
  }
}

/** Number of whole samples stored in `nBytes` bytes of `format`. */
export function samplesInBytes(format: number, nBytes: number): number {
  switch (format) {
    case 80: case 8: return nBytes;
    case 16: case 61: case 160: return Math.floor(nBytes / 2);
    case 24: return Math.floor(nBytes / 3);
    case 32: return Math.floor(nBytes / 4);
    case 212: return Math.floor((nBytes * 2) / 3);
    case 310: case 311: return Math.floor(nBytes / 4) * 3;
    default: throw new SinusError('UNSUPPORTED_FORMAT', `WFDB signal format ${format} is not supported`);
  }
}

/**
 * Decodes `n` samples of one interleaved stream (all signals of one file, frame after frame) into
 * raw ADC values. Format 8 (first differences) is decoded per signal by the caller, since its
 * running sum restarts per signal; here it returns the raw differences.
 */
export function decodeStream(bytes: Uint8Array, format: number, n: number): Int32Array {
  const out = new Int32Array(n);
  const b = bytes;
  switch (format) {
    case 16:
      for (let i = 0, j = 0; i < n; i++, j += 2) out[i] = ((b[j] | (b[j + 1] << 8)) << 16) >> 16;
      break;
    case 61:
      for (let i = 0, j = 0; i < n; i++, j += 2) out[i] = ((b[j + 1] | (b[j] << 8)) << 16) >> 16;
      break;
    case 160:
      for (let i = 0, j = 0; i < n; i++, j += 2) out[i] = (b[j] | (b[j + 1] << 8)) - 32768;
      break;
    case 80:
      for (let i = 0; i < n; i++) out[i] = b[i] - 128;
      break;
    case 8:
      for (let i = 0; i < n; i++) out[i] = (b[i] << 24) >> 24;
      break;
    case 24:
      for (let i = 0, j = 0; i < n; i++, j += 3) out[i] = ((b[j] | (b[j + 1] << 8) | (b[j + 2] << 16)) << 8) >> 8;
      break;
    case 32:
      for (let i = 0, j = 0; i < n; i++, j += 4) out[i] = b[j] | (b[j + 1] << 8) | (b[j + 2] << 16) | (b[j + 3] << 24);
      break;
    case 212: {
      // Two 12-bit samples in three bytes: s0 = b0 | (b1 & 0x0f) << 8, s1 = b2 | (b1 & 0xf0) << 4.
      let i = 0, j = 0;
      for (; i + 1 < n; i += 2, j += 3) {
        out[i] = ((b[j] | ((b[j + 1] & 0x0f) << 8)) << 20) >> 20;
        out[i + 1] = ((b[j + 2] | ((b[j + 1] & 0xf0) << 4)) << 20) >> 20;
      }
      if (i < n) out[i] = ((b[j] | ((b[j + 1] & 0x0f) << 8)) << 20) >> 20;
      break;
    }
    case 310: {
      // Three 10-bit samples in two little-endian 16-bit words (bit 0 of each word unused).
      for (let i = 0, j = 0; i < n; i += 3, j += 4) {
        const w0 = b[j] | (b[j + 1] << 8);
        const w1 = b[j + 2] | (b[j + 3] << 8);
        out[i] = ((w0 >> 1) << 22) >> 22;
        if (i + 1 < n) out[i + 1] = ((w1 >> 1) << 22) >> 22;
        if (i + 2 < n) out[i + 2] = ((((w0 >> 11) & 0x1f) | (((w1 >> 11) & 0x1f) << 5)) << 22) >> 22;
      }
      break;
    }
    case 311: {
      // Three 10-bit samples in one little-endian 32-bit word.
      for (let i = 0, j = 0; i < n; i += 3, j += 4) {
        const w = (b[j] | (b[j + 1] << 8) | (b[j + 2] << 16) | (b[j + 3] << 24)) >>> 0;
        out[i] = ((w & 0x3ff) << 22) >> 22;
        if (i + 1 < n) out[i + 1] = (((w >>> 10) & 0x3ff) << 22) >> 22;
        if (i + 2 < n) out[i + 2] = (((w >>> 20) & 0x3ff) << 22) >> 22;
      }
      break;
    }
    default:
      throw new SinusError('UNSUPPORTED_FORMAT', `WFDB signal format ${format} is not supported`);
  }
  return out;
}
