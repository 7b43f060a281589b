import { SinusError } from '../errors.js';

/**
 * Size limits a reader checks from a record's header BEFORE it decodes (allocates) any signal, so a
 * small file that declares a huge record (a WFDB multi-segment header listing one segment many
 * times, a '~' signal with a huge length, 1,000 signal lines, EDF+D records placed days apart) is
 * refused at the cost of reading its header.
 */
export interface RecordLimits {
  /** Most leads (signals) a record may have. */
  maxLeads: number;
  /** Most samples over all leads (duration x rate x leads) a record may have. */
  maxTotalSamples: number;
}

/**
 * The library's defaults: 256 leads, 300 million samples (about 2.4 GB as Float32 samples plus
 * Int32 raw values; e.g. 3 leads x 24 h at 1 kHz). The service configures its own, lower ones.
 *
 * @example
 * DEFAULT_RECORD_LIMITS.maxLeads; // 256
 */
export const DEFAULT_RECORD_LIMITS: RecordLimits = { maxLeads: 256, maxTotalSamples: 300_000_000 };

/**
 * The limits to apply: `given` over the defaults.
 *
 * @example
 * recordLimits({ maxLeads: 16 }).maxTotalSamples; // 300_000_000
 */
export function recordLimits(given?: Partial<RecordLimits>): RecordLimits {
  return { ...DEFAULT_RECORD_LIMITS, ...given };
}

/**
 * Throws SinusError LIMIT_EXCEEDED when a record of `nLeads` leads of `samplesPerLead` samples
 * (as its header declares them) is over `limits`; call it before allocating the signals.
 *
 * @example
 * checkDeclaredRecordSize(12, 5000, recordLimits(), '1.hea'); // fine
 * checkDeclaredRecordSize(1000, 5000, recordLimits(), 'x.hea'); // throws LIMIT_EXCEEDED
 */
export function checkDeclaredRecordSize(nLeads: number, samplesPerLead: number, limits: RecordLimits, fileName?: string): void {
  if (nLeads > limits.maxLeads) {
    throw new SinusError('LIMIT_EXCEEDED', `the header declares ${nLeads} leads; the limit is ${limits.maxLeads}`, fileName);
  }
  const total = nLeads * samplesPerLead;
  if (!(total <= limits.maxTotalSamples)) {
    throw new SinusError('LIMIT_EXCEEDED', `the header declares ${nLeads} leads x ${samplesPerLead} samples = ${total} samples; the limit is ${limits.maxTotalSamples}`, fileName);
  }
}
