/**
 * The record model every stage works on. Positions are integer sample indices from the record
 * start; amplitudes are millivolts; rates are hertz.
 */

/** Per-signal metadata kept from the source file, so a record can be written back exactly. */
export interface SignalInfo {
  /** ADC units per physical unit (e.g. 200 adu/mV). */
  gain: number;
  /** ADC value that corresponds to 0 physical units. */
  baseline: number;
  /** ADC resolution in bits, when the format says it. */
  adcResolutionBits?: number;
  /** ADC zero, when the format says it. */
  adcZero?: number;
  /** Physical units as written in the file (e.g. 'mV', 'uV'). Samples are always converted to mV. */
  units: string;
  /** First sample's raw value as the header states it (WFDB). */
  initialValue?: number;
  /** 16-bit checksum of the raw samples as the header states it (WFDB). */
  checksum?: number;
  /** Storage format code in the source (e.g. WFDB '212', 'edf'). */
  storageFormat?: string;
  /** Free-text description from the source file. */
  description?: string;
  /**
   * Rate the signal was stored at, when it differs from the record's `fs` (WFDB multi-frequency,
   * EDF signals with fewer samples per data record). Such a lead's `samples` were linearly
   * interpolated up to `fs`; its `raw` values stay at this native rate.
   */
  nativeFsHz?: number;
  /** EDF physical and digital range and prefiltering, kept so an EDF can be written back unchanged. */
  edf?: { physicalMin: string; physicalMax: string; digitalMin: number; digitalMax: number; transducer: string; prefiltering: string };
}

/** One lead: samples in millivolts at the record's sampling rate. */
export interface Lead {
  /** Normalised name (see {@link normalizeLeadName}); unknown names are kept as given. */
  name: string;
  /** Name exactly as the source file gave it. */
  originalName: string;
  /** Samples in mV. NaN marks a missing sample (e.g. WFDB's invalid value). */
  samples: Float32Array;
  /** Raw ADC values as stored, when the source was digital; used for exact round trips. */
  raw?: Int32Array;
  info: SignalInfo;
  /** True when the lead was computed from others (Einthoven/Goldberger), not recorded. */
  derived?: boolean;
}

/** An annotation: a beat label, a rhythm change, a note. */
export interface Annotation {
  /** Sample index from the record start. */
  sample: number;
  /** Mnemonic code, e.g. 'N', 'V', '+', '~'; WFDB numeric codes are mapped to their mnemonics. */
  code: string;
  /** Numeric annotation code as stored (WFDB), when there is one. */
  codeNum?: number;
  subtype: number;
  channel: number;
  num: number;
  /** Auxiliary text, e.g. '(AFIB' for a rhythm change. */
  aux?: string;
  /**
   * The exact bytes this annotation took in a WFDB annotation file (SKIP, annotation word and its
   * SUB/CHN/NUM/AUX words in stored order). The writer reuses them when they still decode to this
   * annotation, so a file read and written back is byte-identical; edited annotations are re-encoded.
   * The WFDB reader sets it as a non-enumerable property (invisible to JSON and object spread).
   */
  wfdbBytes?: Uint8Array;
  /** Duration in seconds (EDF+ TAL annotations); absent when the source gives none. */
  durationS?: number;
}

/** A named set of annotations (WFDB annotator such as 'atr', or a lead file in LUDB such as 'i'). */
export interface AnnotationSet {
  annotator: string;
  annotations: Annotation[];
  /**
   * Bytes of a WFDB annotation file around its annotations: pseudo-annotation words before the first
   * annotation (`prologue`) and the end marker plus anything after it (`epilogue`). Kept for
   * byte-exact rewriting. Non-enumerable when set by the WFDB reader.
   */
  wfdbFraming?: { prologue: Uint8Array; epilogue: Uint8Array };
}

/** Where a lead's checksum stands after reading. */
export interface ChecksumStatus {
  lead: string;
  expected?: number;
  actual: number;
  ok: boolean | null;
  /** Initial value from the header, when given, and the first stored sample (WFDB). */
  initialValueExpected?: number;
  initialValueActual?: number;
  /** What does not match, in words; absent when everything does. */
  problem?: string;
}

/** An ECG recording in physical units. */
export interface EcgRecord {
  name: string;
  /** Sampling rate in Hz, the same for every lead. */
  fs: number;
  leads: Lead[];
  /** Number of samples per lead. */
  length: number;
  startTime?: Date;
  /** Annotations by annotator name. */
  annotations: AnnotationSet[];
  /** Format the record was read from. */
  sourceFormat?: string;
  /** Checksum verification, one entry per stored signal (WFDB). */
  checksums?: ChecksumStatus[];
  /** Free-form metadata: header comments, patient data, the device's own measurements. */
  metadata: Record<string, unknown>;
}

/** Duration of a record in seconds. */
export function durationS(record: Pick<EcgRecord, 'fs' | 'length'>): number {
  return record.length / record.fs;
}
