import { SinusError } from '../../../errors.js';

/** One code of an SCP-ECG Huffman table (EN 1064 section 2), base code bit-reversed as stored. */
export interface ScpHuffmanCode {
  prefixBits: number;
  totalBits: number;
  /** 1: the code stands for a value; 0: switch to table `value` (1-based). */
  mode: number;
  value: number;
  storedCode: number;
}

export type ScpHuffmanTable = ScpHuffmanCode[];

/**
 * The standard's default table (EN 1064 annex, 19 codes): 0 -> '0'; +-n (n = 1..8) -> n ones, a
 * zero and the sign bit, except +-8 which use 1111111100 / 1111111101; then the 8-bit and 16-bit
 * literal escapes 1111111110 and 1111111111. Checked bit by bit against the verified aECG/SCP
 * pair (Example.scp), whose QRS complexes need +-8 and 8-bit literals.
 */
export const DEFAULT_SCP_HUFFMAN_TABLE: ScpHuffmanTable = (() => {
  const prefix = [1, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 10, 10];
  const total = [1, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 18, 26];
  const value = [0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6, 7, -7, 8, -8, 0, 0];
  // stored (bit-reversed) base codes, as section 2 would spell them
  const code = [0, 1, 5, 3, 11, 7, 23, 15, 47, 31, 95, 63, 191, 127, 383, 255, 767, 511, 1023];
  return prefix.map((p, i) => ({ prefixBits: p, totalBits: total[i], mode: 1, value: value[i], storedCode: code[i] }));
})();

function reverseBits(v: number, n: number): number {
  let r = 0;
  for (let i = 0; i < n; i++) r = (r << 1) | ((v >>> i) & 1);
  return r >>> 0;
}

/**
 * A table as a lookup on the next `maxPrefix` bits: every bit pattern starting with a code's
 * prefix points at that code, so one peek decodes one value.
 */
interface CompiledTable {
  lut: Int16Array;
  codes: ScpHuffmanCode[];
  maxPrefix: number;
}

const MAX_PREFIX_BITS = 16;

function compile(table: ScpHuffmanTable, file: string): CompiledTable {
  let maxPrefix = 1;
  for (const c of table) {
    if (c.prefixBits < 1 || c.prefixBits > MAX_PREFIX_BITS || c.totalBits < c.prefixBits || c.totalBits - c.prefixBits > 32) {
      throw new SinusError('UNSUPPORTED_FORMAT', `SCP Huffman code with ${c.prefixBits} prefix bits and ${c.totalBits} total bits (prefixes up to ${MAX_PREFIX_BITS} bits are supported)`, file);
    }
    maxPrefix = Math.max(maxPrefix, c.prefixBits);
  }
  const lut = new Int16Array(1 << maxPrefix).fill(-1);
  table.forEach((c, i) => {
    const first = reverseBits(c.storedCode, c.prefixBits) << (maxPrefix - c.prefixBits);
    const span = 1 << (maxPrefix - c.prefixBits);
    for (let k = 0; k < span; k++) if (lut[first + k] < 0) lut[first + k] = i;
  });
  return { lut, codes: table, maxPrefix };
}

/** `n` (<= 24) bits from bit position `bit`, MSB first, zeros past the end. */
function peekBits(data: Uint8Array, bit: number, n: number): number {
  const byte = bit >>> 3;
  const w = ((data[byte] ?? 0) << 24 | (data[byte + 1] ?? 0) << 16 | (data[byte + 2] ?? 0) << 8 | (data[byte + 3] ?? 0)) >>> 0;
  return (w << (bit & 7)) >>> (32 - n);
}

/**
 * Decodes up to `count` values from one lead's Huffman bit stream (MSB first). Stops early, and
 * says so by the returned length, when the stream ends; throws BAD_SIGNAL on a bit pattern no
 * code matches or a switch to a table that does not exist.
 *
 * @example decodeScpHuffman(Uint8Array.of(0b10010100), 2, [DEFAULT_SCP_HUFFMAN_TABLE], 'x') // Int32Array [1, -1]
 */
export function decodeScpHuffman(data: Uint8Array, count: number, tables: ScpHuffmanTable[], file: string): Int32Array {
  const compiled = tables.map((t) => compile(t, file));
  if (compiled.length === 0) throw new SinusError('BAD_HEADER', 'SCP section 2 holds no Huffman table', file);
  const out = new Int32Array(count);
  const totalBits = data.length * 8;
  let bit = 0;
  let n = 0;
  let table = compiled[0];
  let switches = 0;
  while (n < count) {
    if (bit >= totalBits) break;
    const idx = table.lut[peekBits(data, bit, table.maxPrefix)];
    if (idx < 0) throw new SinusError('BAD_SIGNAL', `SCP Huffman: no code matches the bits at ${bit}`, file);
    const code = table.codes[idx];
    if (bit + code.totalBits > totalBits) break;
    bit += code.prefixBits;
    if (code.mode === 0) {
      const next = compiled[code.value - 1];
      if (!next) throw new SinusError('BAD_SIGNAL', `SCP Huffman: switch to missing table ${code.value}`, file);
      // two switches in a row without a value would loop forever on a damaged stream
      if (++switches > 2) throw new SinusError('BAD_SIGNAL', 'SCP Huffman: table switches without values', file);
      table = next;
      continue;
    }
    switches = 0;
    const extra = code.totalBits - code.prefixBits;
    if (extra === 0) out[n++] = code.value;
    else {
      let v = extra <= 24 ? peekBits(data, bit, extra) : peekBits(data, bit, extra - 16) * 65536 + peekBits(data, bit + extra - 16, 16);
      bit += extra;
      // the literal is two's complement in `extra` bits
      if (v >= 2 ** (extra - 1)) v -= 2 ** extra;
      out[n++] = v;
    }
  }
  return n === count ? out : out.subarray(0, n);
}

/**
 * Section 2's tables: the default (code 19999) or the custom tables it spells out.
 *
 * @example parseScpHuffmanTables(Uint8Array.of(0x1f, 0x4e), 'x') // [DEFAULT_SCP_HUFFMAN_TABLE] (19999 = default)
 */
export function parseScpHuffmanTables(sec: Uint8Array, file: string): ScpHuffmanTable[] {
  const dv = new DataView(sec.buffer, sec.byteOffset, sec.byteLength);
  const need = (o: number, n: number) => { if (o + n > sec.length) throw new SinusError('FILE_TRUNCATED', 'SCP section 2 cut short', file); };
  need(0, 2);
  const nTables = dv.getUint16(0, true);
  if (nTables === 19999) return [DEFAULT_SCP_HUFFMAN_TABLE];
  if (nTables === 0 || nTables > 256) throw new SinusError('BAD_HEADER', `SCP section 2 says ${nTables} Huffman tables`, file);
  const tables: ScpHuffmanTable[] = [];
  let o = 2;
  for (let t = 0; t < nTables; t++) {
    need(o, 2);
    const nCodes = dv.getUint16(o, true);
    o += 2;
    const table: ScpHuffmanTable = [];
    for (let c = 0; c < nCodes; c++) {
      need(o, 9);
      table.push({ prefixBits: sec[o], totalBits: sec[o + 1], mode: sec[o + 2], value: dv.getInt16(o + 3, true), storedCode: dv.getUint32(o + 5, true) });
      o += 9;
    }
    tables.push(table);
  }
  return tables;
}
