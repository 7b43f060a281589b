/**
 * Typed errors. Every failure that comes from the input (a file, a parameter, a signal) is a
 * {@link SinusError} with a machine-readable `code`, so callers (CLI, HTTP service) can map it to an
 * exit status or a 4xx answer without parsing messages.
 */
export type SinusErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_EMPTY'
  | 'FILE_TRUNCATED'
  | 'BAD_HEADER'
  | 'UNSUPPORTED_FORMAT'
  | 'UNKNOWN_FORMAT'
  | 'CHECKSUM_MISMATCH'
  | 'BAD_ANNOTATION'
  | 'BAD_SIGNAL'
  | 'BAD_ARGUMENT'
  | 'NOT_ENOUGH_DATA'
  /** The record is larger than a configured limit (leads, total samples); checked before decoding. */
  | 'LIMIT_EXCEEDED';

export class SinusError extends Error {
  readonly code: SinusErrorCode;
  /** The file the problem is in, when there is one. */
  readonly file?: string;

  constructor(code: SinusErrorCode, message: string, file?: string) {
    super(file ? `${file}: ${message}` : message);
    this.name = 'SinusError';
    this.code = code;
    this.file = file;
  }
}

/** True when `e` is a {@link SinusError}, optionally of the given code. */
export function isSinusError(e: unknown, code?: SinusErrorCode): e is SinusError {
  return e instanceof SinusError && (code === undefined || e.code === code);
}
