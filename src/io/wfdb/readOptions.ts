import type { RecordLimits } from '../recordLimits.js';

/** Options for reading WFDB records. */
export interface ReadWfdbOptions {
  /**
   * Policy for multi-frequency records (a signal with fewer samples per frame than another).
   * 'interpolate' (default): the record's `fs` is the highest signal rate and slower signals are
   * linearly interpolated up to it; each such lead has `info.nativeFsHz` and is listed in
   * `metadata.interpolatedLeads`. 'reject': throw UNSUPPORTED_FORMAT instead.
   */
  multiFrequency?: 'interpolate' | 'reject';
  /** Size limits checked from the header before any signal is decoded; default {@link DEFAULT_RECORD_LIMITS}. */
  limits?: Partial<RecordLimits>;
}
