import { open, readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { SinusError } from '../errors.js';
import { openRecord } from '../io/openRecord.js';
import { parseWfdbHeader } from '../io/wfdb/header.js';
import { unitsToMv } from '../io/wfdb/readRecord.js';
import { bytesForSamples, decodeStream, invalidSampleValue } from '../io/wfdb/signalFormats.js';
import { normalizeLeadName } from '../record/leadNames.js';
import { recordBlockSource, type BlockSource } from './recordBlockSource.js';

/** Formats whose interleaved stream can be cut at any frame (format 8 is a running sum: no). */
const SEEKABLE = new Set([16, 61, 160, 80, 24, 32, 212]);

/**
 * A block source over a record file. A single-segment WFDB record whose signals share one file and
 * one seekable format (16, 212, 24, 32, 61, 80, 160; one sample per frame) is read by byte range,
 * a block at a time, so memory does not grow with the record (`streamed: true`). Any other record
 * is opened whole (`streamed: false`: memory grows with it).
 *
 * @example const { source, streamed } = await fileBlockSource('holter.hea');
 */
export async function fileBlockSource(path: string): Promise<{ source: BlockSource; streamed: boolean }> {
  if (extname(path).toLowerCase() === '.hea') {
    const h = parseWfdbHeader(await readFile(path, 'utf8'), basename(path));
    if (streamable(h)) return { source: wfdbStream(path, h), streamed: true };
  }
  return { source: recordBlockSource(await openRecord(path)), streamed: false };
}

/** True when every signal sits in one file, in one seekable format, one sample per frame, no skew. */
function streamable(h: ReturnType<typeof parseWfdbHeader>): boolean {
  const s0 = h.signals[0];
  const oneFile = !!s0 && !h.segments && h.signals.every((s) => s.fileName === s0.fileName && s.format === s0.format && s.samplesPerFrame === 1 && s.skew === 0 && s.byteOffset === s0.byteOffset);
  return oneFile && SEEKABLE.has(s0.format) && s0.fileName !== '~' && !!h.nSamples;
}

function wfdbStream(path: string, h: ReturnType<typeof parseWfdbHeader>): BlockSource {
  const nsig = h.nSignals;
  const format = h.signals[0].format;
  const file = join(dirname(path), h.signals[0].fileName);
  const invalid = invalidSampleValue(format);
  const scale = h.signals.map((s) => unitsToMv(s.units) / (s.adcGain === 0 ? 200 : s.adcGain));
  return {
    name: h.recordName,
    fsHz: h.fs,
    lengthSamples: h.nSamples!,
    leadNames: h.signals.map((s, k) => normalizeLeadName(s.description || `sig${k}`)),
    async read(a, b) {
      if (!(a >= 0 && b <= h.nSamples! && b >= a)) throw new SinusError('BAD_ARGUMENT', `block ${a}-${b} outside the record (0-${h.nSamples})`);
      // Format 212 packs sample pairs: start on an even stream sample.
      const first = format === 212 ? Math.floor((a * nsig) / 2) * 2 : a * nsig;
      const count = b * nsig - first;
      const bytes = new Uint8Array(bytesForSamples(format, count) + 2);
      const fh = await open(file, 'r');
      try {
        await fh.read(bytes, 0, bytes.length, h.signals[0].byteOffset + bytesForSamples(format, first));
      } finally {
        await fh.close();
      }
      const raw = decodeStream(bytes, format, count);
      const skip = a * nsig - first;
      return h.signals.map((s, k) => {
        const out = new Float32Array(b - a);
        for (let i = 0; i < out.length; i++) {
          const v = raw[skip + i * nsig + k];
          out[i] = v === invalid ? Number.NaN : (v - s.baseline) * scale[k];
        }
        return out;
      });
    },
  };
}

/** Records longer than this are analysed in blocks by `sinus batch`, seconds. */
export const LONG_RECORD_S = 3600;

/**
 * A streaming block source for a WFDB record longer than `longRecordS` (default {@link LONG_RECORD_S}), judged from its
 * header alone; null for shorter records and for files that cannot be streamed (they are analysed whole).
 *
 * @example const src = await longRecordSource('holter.hea'); // null for a 10 s ECG
 */
export async function longRecordSource(path: string, longRecordS = LONG_RECORD_S): Promise<BlockSource | null> {
  if (extname(path).toLowerCase() !== '.hea') return null;
  let h;
  try {
    h = parseWfdbHeader(await readFile(path, 'utf8'), basename(path));
  } catch {
    return null; // the ordinary reader reports the error
  }
  if (!h.nSamples || !(h.fs > 0) || h.nSamples / h.fs <= longRecordS || !streamable(h)) return null;
  return wfdbStream(path, h);
}
