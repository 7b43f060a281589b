import { randomBytes } from 'node:crypto';
import { SinusError } from '../errors.js';

/**
 * A new record id: 128 random bits as 32 lowercase hex digits, so ids cannot be guessed or
 * enumerated.
 *
 * @example newRecordId() // 'f3a9...' (32 hex digits)
 */
export function newRecordId(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Checks a caller-chosen or requested id: 1-64 characters of [A-Za-z0-9_.:-].
 *
 * @example checkedRecordId('ptbxl:17') // 'ptbxl:17'
 */
export function checkedRecordId(id: string): string {
  if (typeof id !== 'string' || !/^[A-Za-z0-9_.:-]{1,64}$/.test(id)) throw new SinusError('BAD_ARGUMENT', `"${String(id).slice(0, 70)}" is not a record id (1-64 characters of A-Z a-z 0-9 _ . : -)`);
  return id;
}
