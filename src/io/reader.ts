import type { EcgRecord } from '../record/types.js';
import type { RecordLimits } from './recordLimits.js';
import type { FileSource } from './source.js';

/**
 * A format reader, as format detection sees it. `sniff` looks at the first bytes (and the name) and
 * says whether the file is of this format; `read` decodes it. Readers that need companion files
 * (WFDB `.dat`, MAT `.hea`, ISHNE `.ann`) get them through `source`.
 */
export interface RecordReader {
  /** Short id, e.g. 'wfdb', 'edf', 'mat', 'csv', 'hl7-aecg', 'dicom', 'scp', 'muse', 'philips', 'ishne'. */
  format: string;
  /** Lower-case extensions with the dot, e.g. ['.edf', '.rec']. */
  extensions: string[];
  /** True when `head` (the first up-to-4096 bytes of the file) looks like this format. */
  sniff(head: Uint8Array, fileName: string): boolean;
  /**
   * Decodes the file. Throws SinusError for bad input. A reader whose header declares more than its
   * bytes hold (compression, lengths) checks `options.limits` before decoding (LIMIT_EXCEEDED).
   */
  read(bytes: Uint8Array, fileName: string, source: FileSource, options?: { limits?: Partial<RecordLimits> }): Promise<EcgRecord>;
}
