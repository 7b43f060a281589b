import { SinusError } from '../../errors.js';
import { normalizeLeadName } from '../../record/leadNames.js';
import type { ChecksumStatus, EcgRecord, Lead } from '../../record/types.js';
import { checkDeclaredRecordSize, recordLimits } from '../recordLimits.js';
import type { FileSource } from '../source.js';
import { parseWfdbHeader, type WfdbHeader, type WfdbSignalSpec } from './header.js';
import type { ReadWfdbOptions } from './readOptions.js';
import { parseWfdbStartTime } from './startTime.js';

const textDecoder = new TextDecoder('latin1');

/** Where one segment of a multi-segment record lies in the joined record. */
export interface WfdbSegmentPlacement {
  name: string;
  startSample: number;
  length: number;
  /** True for a null segment ('~'): a gap, read as NaN. */
  isNull: boolean;
}

/**
 * Reads a multi-segment WFDB record (master header with `name/segments`). With a layout header
 * (first segment of length 0) the layout is variable: each segment's signals are matched to the
 * layout's by description and a signal a segment lacks is NaN there. Without one the layout is
 * fixed: every segment has the same signals in the same order. Null segments ('~') are NaN gaps.
 * Leads have no `raw` (gains may differ between segments); checksums are reported per segment as
 * `segment:lead`. Placement of each segment is in `metadata.segments`. Called by `readWfdbRecord`,
 * which hands itself in as `readSegment` (the reader of each segment's single-segment record).
 *
 * @example
 * const rec = await readWfdbRecord('multi', source); // master header 'multi/3 2 360 ...'
 */
export async function readMultiSegmentRecord(
  header: WfdbHeader, headerFile: string, source: FileSource, options: ReadWfdbOptions,
  readSegment: (name: string, source: FileSource, options: ReadWfdbOptions) => Promise<EcgRecord>,
): Promise<EcgRecord> {
  const segs = header.segments!;
  let layoutSignals: WfdbSignalSpec[] | undefined;
  let dataSegs = segs;
  if (segs.length > 0 && segs[0].length === 0 && segs[0].name !== '~') {
    const layoutFile = `${segs[0].name}.hea`;
    const bytes = await source.read(layoutFile);
    if (bytes.length === 0) throw new SinusError('FILE_EMPTY', 'layout header is empty', layoutFile);
    layoutSignals = parseWfdbHeader(textDecoder.decode(bytes), layoutFile).signals;
    dataSegs = segs.slice(1);
  }
  const total = dataSegs.reduce((s, g) => s + g.length, 0);
  if (header.nSamples !== undefined && header.nSamples !== 0 && header.nSamples !== total) {
    throw new SinusError('BAD_HEADER', `segment lengths add up to ${total} samples but the record line says ${header.nSamples}`, headerFile);
  }
  // The joined record's size is known from the master header and one segment's signal count:
  // judge it before reading the rest (a small segment listed many times must not build a huge record).
  const limits = recordLimits(options.limits);
  checkDeclaredRecordSize(layoutSignals?.length ?? 1, total, limits, headerFile);
  const records: (EcgRecord | null)[] = [];
  let checked = false;
  for (const seg of dataSegs) {
    if (seg.name === '~') { records.push(null); continue; }
    const rec = await readSegment(seg.name, source, options);
    if (!checked) {
      checkDeclaredRecordSize(Math.max(rec.leads.length, layoutSignals?.length ?? 0), Math.round(total * (rec.fs / header.fs)), limits, headerFile);
      checked = true;
    }
    records.push(rec);
  }
  const firstReal = records.find((r): r is EcgRecord => r !== null);
  if (!layoutSignals && !firstReal) throw new SinusError('BAD_HEADER', 'every segment is null and there is no layout header', headerFile);
  // Frames per output sample: a multi-frequency segment comes back at its highest rate.
  const ratio = firstReal ? firstReal.fs / header.fs : 1;
  const names: { name: string; original: string; spec?: WfdbSignalSpec }[] = layoutSignals
    ? layoutSignals.map((s, i) => ({ name: normalizeLeadName(s.description || `sig${i}`), original: s.description, spec: s }))
    : firstReal!.leads.map((l) => ({ name: l.name, original: l.originalName }));
  const n = Math.round(total * ratio);
  const out = names.map(() => new Float32Array(n).fill(Number.NaN));
  const checksums: ChecksumStatus[] = [];
  const placements: WfdbSegmentPlacement[] = [];
  const firstInfo: (Lead['info'] | undefined)[] = names.map(() => undefined);
  let start = 0;
  dataSegs.forEach((seg, k) => {
    const rec = records[k];
    const len = Math.round(seg.length * ratio);
    placements.push({ name: seg.name, startSample: start, length: len, isNull: rec === null });
    if (rec) {
      if (rec.fs !== firstReal!.fs) throw new SinusError('BAD_HEADER', `segment ${seg.name} is sampled at ${rec.fs} Hz, the first at ${firstReal!.fs} Hz`, headerFile);
      if (rec.length !== len) throw new SinusError('BAD_HEADER', `segment ${seg.name} holds ${rec.length} samples but the master header says ${seg.length}`, headerFile);
      if (!layoutSignals && rec.leads.length !== names.length) {
        throw new SinusError('BAD_HEADER', `fixed-layout segment ${seg.name} has ${rec.leads.length} signals, the first has ${names.length}`, headerFile);
      }
      names.forEach((nm, j) => {
        const lead = layoutSignals ? rec.leads.find((l) => l.originalName === nm.original) : rec.leads[j];
        if (!lead) return;
        out[j].set(lead.samples, start);
        firstInfo[j] ??= lead.info;
      });
      for (const c of rec.checksums ?? []) checksums.push({ ...c, lead: `${seg.name}:${c.lead}` });
    }
    start += len;
  });
  const leads: Lead[] = names.map((nm, j) => {
    const info = firstInfo[j] ?? {
      gain: nm.spec?.adcGain ?? 200,
      baseline: nm.spec?.baseline ?? 0,
      units: nm.spec?.units ?? 'mV',
      description: nm.original,
    };
    return { name: nm.name, originalName: nm.original, samples: out[j], info: { ...info, initialValue: undefined, checksum: undefined } };
  });
  return {
    name: header.recordName,
    fs: header.fs * ratio,
    leads,
    length: n,
    startTime: parseWfdbStartTime(header.baseTime, header.baseDate),
    annotations: [],
    sourceFormat: 'wfdb',
    checksums,
    metadata: {
      comments: header.comments,
      wfdbHeader: header,
      layout: layoutSignals ? 'variable' : 'fixed',
      segments: placements,
    },
  };
}
