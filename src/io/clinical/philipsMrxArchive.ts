import { gunzipSync } from 'fflate';
import { SinusError } from '../../errors.js';
import type { EcgRecord } from '../../record/types.js';
import type { RecordReader } from '../reader.js';
import { readPhilipsXml } from './philipsXml.js';
import { decodeOrTypedError } from './safeRead.js';

/** Archives inflating beyond this are refused (an MRx data card export is a few MB). */
const MAX_INFLATED_BYTES = 64 << 20;

/** One regular file in a tar archive. */
export interface TarEntry {
  name: string;
  data: Uint8Array;
}

function field(b: Uint8Array, o: number, n: number): string {
  let s = '';
  for (let i = o; i < o + n && b[i] !== 0; i++) s += String.fromCharCode(b[i]);
  return s;
}

/**
 * Regular files of a POSIX/ustar tar archive (no copy). Throws FILE_TRUNCATED when an entry runs
 * past the end and BAD_HEADER on a size that is not octal.
 *
 * @example listTarEntries(gunzipSync(tgz), 'x.tgz').map((e) => e.name)
 */
export function listTarEntries(tar: Uint8Array, file: string): TarEntry[] {
  const out: TarEntry[] = [];
  let o = 0;
  while (o + 512 <= tar.length) {
    if (tar[o] === 0) break; // end-of-archive blocks
    const sizeText = field(tar, o + 124, 12).trim();
    if (!/^[0-7]*$/.test(sizeText)) throw new SinusError('BAD_HEADER', `tar entry at ${o}: size "${sizeText}" is not octal`, file);
    const size = sizeText ? parseInt(sizeText, 8) : 0;
    const type = String.fromCharCode(tar[o + 156] || 48);
    const prefix = field(tar, o + 257, 6).startsWith('ustar') ? field(tar, o + 345, 155) : '';
    const name = (prefix ? `${prefix}/` : '') + field(tar, o, 100);
    const start = o + 512;
    if (start + size > tar.length) throw new SinusError('FILE_TRUNCATED', `tar entry ${name} (${size} bytes) runs past the archive`, file);
    if (type === '0' || type === '7') out.push({ name, data: tar.subarray(start, start + size) });
    o = start + Math.ceil(size / 512) * 512;
  }
  return out;
}

/** The tar inside a gzip file, refusing sizes no MRx card produces before inflating. */
function gunzipBounded(bytes: Uint8Array, file: string): Uint8Array {
  if (bytes.length < 18 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) throw new SinusError('BAD_HEADER', 'not a gzip file', file);
  const n = bytes.length;
  const isize = (bytes[n - 4] | (bytes[n - 3] << 8) | (bytes[n - 2] << 16) | (bytes[n - 1] << 24)) >>> 0;
  // deflate cannot expand more than ~1032:1; a larger ISIZE is damage, not data
  if (isize > MAX_INFLATED_BYTES || isize > n * 1032) throw new SinusError('BAD_HEADER', `gzip says it inflates to ${isize} bytes`, file);
  try {
    return gunzipSync(bytes);
  } catch (e) {
    throw new SinusError('BAD_SIGNAL', `gzip data damaged: ${e instanceof Error ? e.message : String(e)}`, file);
  }
}

/**
 * Names of the 12-lead ECG XML files (`*.MRX/12LEADS/*.XML`) in a Philips MRx data-card archive
 * (.TGZ), in archive order.
 *
 * @example listMrxTwelveLeads(bytes, 'B9A3EKRG-129EFIRG.TGZ') // ['B9A3EKRG.MRX/12LEADS/129DYNRG.XML', ...]
 */
export function listMrxTwelveLeads(bytes: Uint8Array, fileName: string): string[] {
  return listTarEntries(gunzipBounded(bytes, fileName), fileName).filter((e) => /(^|\/)12LEADS\/[^/]+\.xml$/i.test(e.name)).map((e) => e.name);
}

/**
 * Reads one 12-lead ECG from a Philips MRx archive: `entry` names it (see
 * {@link listMrxTwelveLeads}); by default the first. The archive's other 12-lead files are listed
 * in `metadata.archive.twelveLeadEntries`. Monitoring waves (.WV) are not decoded.
 *
 * @example const rec = readPhilipsMrxArchive(bytes, 'x.TGZ', 'B9A3EKRG.MRX/12LEADS/129DYPRG.XML');
 */
export function readPhilipsMrxArchive(bytes: Uint8Array, fileName: string, entry?: string): EcgRecord {
  const entries = listTarEntries(gunzipBounded(bytes, fileName), fileName);
  const ecgs = entries.filter((e) => /(^|\/)12LEADS\/[^/]+\.xml$/i.test(e.name));
  if (ecgs.length === 0) throw new SinusError('NOT_ENOUGH_DATA', 'MRx archive holds no 12-lead ECG (12LEADS/*.XML)', fileName);
  const chosen = entry === undefined ? ecgs[0] : ecgs.find((e) => e.name === entry || e.name.endsWith(`/${entry}`));
  if (!chosen) throw new SinusError('BAD_ARGUMENT', `no 12-lead entry "${entry}" in the archive (${ecgs.map((e) => e.name).join(', ')})`, fileName);
  const rec = readPhilipsXml(chosen.data, chosen.name.split('/').pop()!);
  rec.metadata.archive = { file: fileName, entry: chosen.name, twelveLeadEntries: ecgs.map((e) => e.name), otherEntries: entries.filter((e) => !ecgs.includes(e)).map((e) => e.name) };
  return rec;
}

/** {@link RecordReader} for Philips MRx .TGZ archives (first 12-lead ECG). */
export const philipsMrxArchiveReader: RecordReader = {
  format: 'philips-mrx',
  extensions: ['.tgz'],
  sniff(head, fileName) {
    return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b && /\.tgz$/i.test(fileName);
  },
  async read(bytes, fileName) {
    return decodeOrTypedError(fileName, 'Philips MRx archive', () => readPhilipsMrxArchive(bytes, fileName));
  },
};
