import { SinusError } from '../../errors.js';

/** The header of one MATLAB level-4 matrix (the PhysioNet challenge `.mat` files). */
export interface MatV4Header {
  /** 'le' or 'be': the M digit of the type field (0 little-endian, 1 big-endian). */
  byteOrder: 'le' | 'be';
  /** Element type: the P digit (0 float64, 1 float32, 2 int32, 3 int16, 4 uint16, 5 uint8). */
  precision: 0 | 1 | 2 | 3 | 4 | 5;
  rows: number;
  cols: number;
  imaginary: boolean;
  name: string;
  /** Byte offset of the first element. */
  dataOffset: number;
}

const ELEMENT_BYTES = [8, 4, 4, 2, 2, 1] as const;

/** Bytes per element of a MAT v4 precision code. */
export function matV4ElementBytes(precision: MatV4Header['precision']): number {
  return ELEMENT_BYTES[precision];
}

function int32(b: Uint8Array, i: number, le: boolean): number {
  return le ? (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) : ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
}

/**
 * Parses the 20-byte header and name of a MATLAB level-4 matrix, or returns null when the bytes
 * are not one (used for detection). A level-5 file (text "MATLAB 5.0 MAT-file") is not level 4.
 *
 * @example
 * const h = parseMatV4Header(bytes); // { rows: 1, cols: 9000, precision: 3, name: 'val', ... }
 */
export function parseMatV4Header(b: Uint8Array): MatV4Header | null {
  if (b.length < 20) return null;
  for (const le of [true, false]) {
    const type = int32(b, 0, le);
    if (type < 0 || type > 4052) continue;
    const m = Math.floor(type / 1000), o = Math.floor(type / 100) % 10, p = Math.floor(type / 10) % 10, t = type % 10;
    if (m !== (le ? 0 : 1) || o !== 0 || p > 5 || t !== 0) continue;
    const rows = int32(b, 4, le), cols = int32(b, 8, le), imagf = int32(b, 12, le), namlen = int32(b, 16, le);
    if (rows < 0 || cols < 0 || (imagf !== 0 && imagf !== 1) || namlen < 1 || namlen > 64 || 20 + namlen > b.length) continue;
    if (b[20 + namlen - 1] !== 0) continue;
    let name = '';
    for (let i = 20; i < 20 + namlen - 1; i++) {
      if (b[i] < 32 || b[i] > 126) return null;
      name += String.fromCharCode(b[i]);
    }
    return { byteOrder: le ? 'le' : 'be', precision: p as MatV4Header['precision'], rows, cols, imaginary: imagf === 1, name, dataOffset: 20 + namlen };
  }
  return null;
}

/**
 * Checks that a `.mat` file named as a WFDB signal file (PhysioNet challenge layout, e.g. CinC
 * 2017's `A00001.mat` with format `16+24`) holds one int16 matrix of `nSignals` rows whose data
 * starts at the header's byte offset, so the WFDB reader can decode it as format 16.
 * Throws {@link SinusError} BAD_HEADER naming the file when the two disagree.
 *
 * @example
 * checkMatV4AgainstWfdb(matBytes, 'A00001.mat', { nSignals: 1, nFrames: 9000, byteOffset: 24, format: 16 });
 */
export function checkMatV4AgainstWfdb(bytes: Uint8Array, fileName: string, expect: { nSignals: number; nFrames?: number; byteOffset: number; format: number }): MatV4Header {
  const h = parseMatV4Header(bytes);
  if (!h) throw new SinusError('BAD_HEADER', 'is not a MATLAB level-4 matrix file (level 5 files are not supported)', fileName);
  const fmt = h.precision === 3 ? 16 : h.precision === 2 ? 32 : h.precision === 5 ? 80 : null;
  if (h.byteOrder !== 'le' || h.imaginary) throw new SinusError('UNSUPPORTED_FORMAT', 'big-endian or complex MAT matrices are not supported', fileName);
  if (fmt === null || (expect.format !== fmt && !(fmt === 80 && expect.format === 80))) {
    throw new SinusError('BAD_HEADER', `MAT precision code ${h.precision} does not match WFDB format ${expect.format} given in the header`, fileName);
  }
  if (h.dataOffset !== expect.byteOffset) throw new SinusError('BAD_HEADER', `matrix data starts at byte ${h.dataOffset} but the header's byte offset is ${expect.byteOffset}`, fileName);
  if (h.rows !== expect.nSignals) throw new SinusError('BAD_HEADER', `matrix has ${h.rows} rows but the header declares ${expect.nSignals} signals`, fileName);
  if (expect.nFrames !== undefined && h.cols !== expect.nFrames) throw new SinusError('BAD_HEADER', `matrix has ${h.cols} columns but the header declares ${expect.nFrames} samples`, fileName);
  const needed = h.dataOffset + h.rows * h.cols * matV4ElementBytes(h.precision);
  if (bytes.length < needed) throw new SinusError('FILE_TRUNCATED', `matrix needs ${needed} bytes, file has ${bytes.length}`, fileName);
  return h;
}
