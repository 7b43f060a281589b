/**
 * Readers for the files clinics and devices produce (browser-safe: bytes in, EcgRecord out).
 * Format detection (`src/io/detect.ts`) iterates {@link CLINICAL_READERS}.
 */
import type { RecordReader } from '../reader.js';
import { hl7AecgReader } from './hl7Aecg.js';
import { geMuseReader } from './geMuse.js';
import { philipsXmlReader } from './philipsXml.js';
import { scpEcgReader } from './scp/readScp.js';
import { dicomWaveformReader } from './dicomWaveform.js';
import { ishneHolterReader } from './ishneHolter.js';

export { readHl7Aecg, hl7AecgReader } from './hl7Aecg.js';
export { readGeMuse, geMuseReader } from './geMuse.js';
export { readPhilipsXml, philipsXmlReader } from './philipsXml.js';
export { decodeXli } from './philipsXli.js';
export { readScpEcg, scpEcgReader } from './scp/readScp.js';
export { readDicomWaveform, dicomWaveformReader } from './dicomWaveform.js';
export { readIshneHolter, readIshneAnnotations, ishneHolterReader } from './ishneHolter.js';
export type { DeviceReading, RepresentativeBeats } from './buildRecord.js';

/** Every clinical-format reader, in the order detection should try them. */
export const CLINICAL_READERS: RecordReader[] = [hl7AecgReader, geMuseReader, philipsXmlReader, scpEcgReader, dicomWaveformReader, ishneHolterReader];
