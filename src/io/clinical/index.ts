import type { RecordReader } from '../reader.js';

/**
 * Readers for clinical exchange formats (HL7 aECG, DICOM, SCP-ECG, GE MUSE, Philips, ISHNE),
 * owned by the `formats` stage. Format detection (`../detect.ts`) consults them before the generic
 * CSV reader.
 */
export const CLINICAL_READERS: RecordReader[] = [];
