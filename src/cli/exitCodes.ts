/** Exit statuses of `sinus` commands; a batch exits with the highest that occurred. */
export const EXIT = {
  OK: 0,
  /** Wrong command line (commander's own). */
  USAGE: 1,
  /** A record could not be read or analysed at all (typed input error). */
  INPUT: 2,
  /** A checksum did not match (the record was still analysed). */
  CHECKSUM: 3,
  /** A pipeline stage failed on a record (its section is null with the reason). */
  STAGE_FAILED: 4,
  /** An output file could not be written (disk full, no permission, a folder in the way); nothing half-written is left. */
  OUTPUT: 5,
  /** A bug: please report it with the record. */
  INTERNAL: 70,
} as const;

export const EXIT_CODES_HELP = `
Exit status:
  0   every record analysed
  1   usage error
  2   a record could not be read (bad, missing or unsupported file)
  3   a checksum mismatch (record analysed anyway)
  4   a stage failed on a record (its section is null, with the reason)
  5   an output file could not be written (convert: nothing half-written is left)
  70  internal error
A batch exits with the highest status any record had.
`;
