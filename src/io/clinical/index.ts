/**
 * Readers for clinical exchange formats (HL7 aECG, DICOM, SCP-ECG, GE MUSE, Philips, ISHNE),
 * owned by the `formats` stage (browser-safe: bytes in, EcgRecord out). Format detection
 * (`../detect.ts`) consults {@link CLINICAL_READERS} before the generic CSV reader.
 */
import { SinusError } from '../../errors.js';
import type { EcgRecord } from '../../record/types.js';
import type { RecordReader } from '../reader.js';
import { memoryFileSource, type FileSource } from '../source.js';
import { hl7AecgReader } from './hl7Aecg.js';
import { geMuseReader } from './geMuse.js';
import { philipsXmlReader } from './philipsXml.js';
import { scpEcgReader } from './scp/readScp.js';
import { dicomWaveformReader } from './dicomWaveform.js';
import { ishneHolterReader } from './ishneHolter.js';
import { philipsMrxArchiveReader } from './philipsMrxArchive.js';

export { readHl7Aecg, hl7AecgReader } from './hl7Aecg.js';
export { readGeMuse, geMuseReader } from './geMuse.js';
export { readPhilipsXml, philipsXmlReader } from './philipsXml.js';
export { decodeXli } from './philipsXli.js';
export { readScpEcg, scpEcgReader } from './scp/readScp.js';
export { readDicomWaveform, dicomWaveformReader } from './dicomWaveform.js';
export { readIshneHolter, readIshneAnnotations, ishneHolterReader } from './ishneHolter.js';
export { readPhilipsMrxArchive, listMrxTwelveLeads, philipsMrxArchiveReader } from './philipsMrxArchive.js';
export type { DeviceReading, RepresentativeBeats } from './buildRecord.js';

/** Every clinical-format reader, in the order detection should try them. */
export const CLINICAL_READERS: RecordReader[] = [hl7AecgReader, geMuseReader, philipsXmlReader, scpEcgReader, dicomWaveformReader, ishneHolterReader, philipsMrxArchiveReader];


/**
 * The clinical reader whose `sniff` accepts the file (content first, then extension), or null.
 *
 * @example pickClinicalReader(head, 'ecg.scp')?.format // 'scp'
 */
export function pickClinicalReader(head: Uint8Array, fileName: string): RecordReader | null {
  return CLINICAL_READERS.find((r) => r.sniff(head.subarray(0, 4096), fileName)) ?? null;
}

/**
 * Reads a clinical-format file with the reader that recognises it; UNKNOWN_FORMAT when none does.
 *
 * @example const rec = await readClinicalRecord(bytes, 'Example.scp');
 */
export async function readClinicalRecord(bytes: Uint8Array, fileName: string, source: FileSource = memoryFileSource({})): Promise<EcgRecord> {
  if (bytes.length === 0) throw new SinusError('FILE_EMPTY', 'file is empty', fileName);
  const reader = pickClinicalReader(bytes, fileName);
  if (!reader) throw new SinusError('UNKNOWN_FORMAT', 'not HL7 aECG, GE MUSE, Philips XML or MRx archive, SCP-ECG, DICOM waveform or ISHNE', fileName);
  return reader.read(bytes, fileName, source);
}
