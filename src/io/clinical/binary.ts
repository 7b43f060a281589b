import { SinusError } from '../../errors.js';

/**
 * Bounds-checked little-endian reads over a byte array: every read past the end throws
 * FILE_TRUNCATED instead of returning undefined, so a damaged file can never produce garbage.
 */
export class ByteView {
  readonly bytes: Uint8Array;
  readonly file: string;
  private readonly dv: DataView;

  constructor(bytes: Uint8Array, file: string) {
    this.bytes = bytes;
    this.file = file;
    this.dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  /** Throws FILE_TRUNCATED unless `[offset, offset + n)` lies inside the data. */
  need(offset: number, n: number, what: string): void {
    if (!Number.isInteger(offset) || offset < 0 || n < 0 || offset + n > this.bytes.length) {
      throw new SinusError('FILE_TRUNCATED', `${what} at byte ${offset} (+${n}) lies past the end of the data (${this.bytes.length} bytes)`, this.file);
    }
  }

  u8(o: number): number { this.need(o, 1, 'byte'); return this.bytes[o]; }
  i8(o: number): number { this.need(o, 1, 'byte'); return this.dv.getInt8(o); }
  u16(o: number): number { this.need(o, 2, 'uint16'); return this.dv.getUint16(o, true); }
  i16(o: number): number { this.need(o, 2, 'int16'); return this.dv.getInt16(o, true); }
  u32(o: number): number { this.need(o, 4, 'uint32'); return this.dv.getUint32(o, true); }
  i32(o: number): number { this.need(o, 4, 'int32'); return this.dv.getInt32(o, true); }

  /** Text of a fixed-size, NUL-padded field (Latin-1), trimmed. */
  text(o: number, n: number): string {
    this.need(o, n, 'text field');
    let s = '';
    for (let i = o; i < o + n; i++) {
      const c = this.bytes[i];
      if (c === 0) break;
      s += String.fromCharCode(c);
    }
    return s.trim();
  }

  /** A view of `[o, o + n)` (no copy). */
  slice(o: number, n: number, what: string): Uint8Array {
    this.need(o, n, what);
    return this.bytes.subarray(o, o + n);
  }
}
