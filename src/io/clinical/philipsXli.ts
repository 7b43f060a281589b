import { SinusError } from '../../errors.js';

const CODE_BITS = 10;
const MAX_CODE = (1 << CODE_BITS) - 2; // 1023 ends the stream
/** Refuse to inflate one lead beyond 4 MiB (2M samples, an hour at 500 Hz; resting ECGs hold ~11 kB). */
const MAX_OUTPUT_BYTES = 1 << 22;

/**
 * LZW with fixed 10-bit codes, MSB first, as Philips XLI writes it. Like the reference readers, a
 * code is only taken while at least 25 bits can be buffered: the encoder pads the stream, and the
 * lead's byte count (hence how its bytes split into high and low halves) depends on this rule.
 */
function lzwDecode(data: Uint8Array, file: string): Uint8Array {
  const prefix = new Int32Array(MAX_CODE + 1).fill(-1);
  const suffix = new Uint8Array(MAX_CODE + 1);
  const length = new Int32Array(MAX_CODE + 1);
  for (let c = 0; c < 256; c++) { suffix[c] = c; length[c] = 1; }
  let nextCode = 256;
  let out = new Uint8Array(Math.max(64, data.length * 4));
  let n = 0;
  let offset = 0;
  let bitBuf = 0; // kept as an unsigned 32-bit window
  let bitCount = 0;
  let prev = -1;
  const firstByte = (code: number) => { let c = code; while (prefix[c] >= 0) c = prefix[c]; return suffix[c]; };
  for (;;) {
    let ended = false;
    while (bitCount <= 24) {
      if (offset >= data.length) { ended = true; break; }
      bitBuf = (bitBuf | (data[offset++] << (24 - bitCount))) >>> 0;
      bitCount += 8;
    }
    if (ended) break;
    const code = bitBuf >>> (32 - CODE_BITS);
    bitBuf = (bitBuf << CODE_BITS) >>> 0;
    bitCount -= CODE_BITS;
    if (code > MAX_CODE) break;
    let entry: number;
    if (code < nextCode) {
      entry = code;
      if (prev >= 0 && nextCode <= MAX_CODE) {
        prefix[nextCode] = prev; suffix[nextCode] = firstByte(code); length[nextCode] = length[prev] + 1; nextCode++;
      }
    } else if (code === nextCode && prev >= 0) {
      prefix[nextCode] = prev; suffix[nextCode] = firstByte(prev); length[nextCode] = length[prev] + 1; nextCode++;
      entry = code;
    } else {
      throw new SinusError('BAD_SIGNAL', `XLI: LZW code ${code} before it was defined (stream damaged)`, file);
    }
    const len = length[entry];
    if (n + len > out.length) {
      if (n + len > MAX_OUTPUT_BYTES) throw new SinusError('BAD_SIGNAL', 'XLI: lead inflates beyond any plausible size', file);
      const grown = new Uint8Array(Math.min(MAX_OUTPUT_BYTES, Math.max(out.length * 2, n + len)));
      grown.set(out.subarray(0, n));
      out = grown;
    }
    for (let i = len - 1, c = entry; i >= 0; i--, c = prefix[c]) out[n + i] = suffix[c];
    n += len;
    prev = entry;
  }
  return out.subarray(0, n);
}

/**
 * Decodes Philips XLI-compressed waveform bytes (after base64) into one Int16Array per lead.
 * Each lead chunk: int32 LE compressed size, 2 reserved bytes, int16 LE start value, then LZW
 * data. The inflated bytes hold the high bytes of all samples, then all low bytes; the samples are
 * second differences, rebuilt with the start value (XLI's own predictor, offset by 64).
 *
 * @example const leads = decodeXli(bytes, 'ecg.xml'); leads[0].length // 5500
 */
export function decodeXli(data: Uint8Array, file: string): Int16Array[] {
  const leads: Int16Array[] = [];
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 0;
  while (offset < data.length) {
    if (offset + 8 > data.length) throw new SinusError('FILE_TRUNCATED', `XLI: lead ${leads.length + 1} header cut short`, file);
    const size = dv.getInt32(offset, true);
    const start = dv.getInt16(offset + 6, true);
    offset += 8;
    if (size < 0 || offset + size > data.length) throw new SinusError('FILE_TRUNCATED', `XLI: lead ${leads.length + 1} says ${size} bytes but ${data.length - offset} remain`, file);
    if (leads.length >= 64) throw new SinusError('BAD_SIGNAL', 'XLI: more than 64 lead chunks', file);
    const inflated = lzwDecode(data.subarray(offset, offset + size), file);
    offset += size;
    const half = (inflated.length + 1) >> 1; // an odd byte count is padded with a zero low byte
    const s = new Int16Array(half);
    for (let i = 0; i < half; i++) s[i] = (inflated[i] << 8) | (half + i < inflated.length ? inflated[half + i] : 0);
    // Second-difference reconstruction: each stored value is a residual against 2y - x, and the
    // residual that applies to sample i is the one stored at i - 1 (minus 64), seeded by `start`.
    let x = s[0];
    let y = s[1];
    let last = start;
    for (let i = 2; i < half; i++) {
      const z = (2 * y - x - last) << 16 >> 16;
      last = s[i] - 64;
      s[i] = z;
      x = y;
      y = z;
    }
    leads.push(s);
  }
  return leads;
}
