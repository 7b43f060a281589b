import { SinusError } from '../errors.js';
import type { EcgRecord } from '../record/types.js';
import { checkDeclaredRecordSize, type RecordLimits } from './recordLimits.js';

/**
 * Checks what a reader returned before anyone uses it: a finite sampling rate above 0, at least
 * one lead, every lead `length` samples long, no infinite sample (NaN is a missing sample, allowed),
 * finite gains, and the size limits (a net behind the readers' own header checks). Returns the
 * record; throws SinusError BAD_HEADER (rate, gain), NOT_ENOUGH_DATA (no leads), BAD_SIGNAL
 * (infinite samples, wrong lengths) or LIMIT_EXCEEDED.
 *
 * @example
 * const rec = validatedRecord(await reader.read(bytes, name, source), name, recordLimits());
 */
export function validatedRecord(rec: EcgRecord, fileName: string, limits: RecordLimits): EcgRecord {
  if (!(Number.isFinite(rec.fs) && rec.fs > 0)) {
    throw new SinusError('BAD_HEADER', `sampling rate ${rec.fs} Hz is not a finite number above 0`, fileName);
  }
  if (rec.leads.length === 0) throw new SinusError('NOT_ENOUGH_DATA', 'the record has no leads (0 signals)', fileName);
  if (!(Number.isInteger(rec.length) && rec.length >= 0)) throw new SinusError('BAD_HEADER', `record length ${rec.length} is not a sample count`, fileName);
  checkDeclaredRecordSize(rec.leads.length, rec.length, limits, fileName);
  for (const lead of rec.leads) {
    if (lead.samples.length !== rec.length) {
      throw new SinusError('BAD_SIGNAL', `lead ${lead.name} has ${lead.samples.length} samples, the record ${rec.length}`, fileName);
    }
    if (!Number.isFinite(lead.info.gain)) throw new SinusError('BAD_HEADER', `lead ${lead.name}: gain ${lead.info.gain} is not a finite number`, fileName);
    const s = lead.samples;
    for (let i = 0; i < s.length; i++) {
      const v = s[i];
      if (v === Infinity || v === -Infinity) {
        throw new SinusError('BAD_SIGNAL', `lead ${lead.name}: sample ${i} is infinite (gain ${lead.info.gain} ${lead.info.units}); the gain is not plausible`, fileName);
      }
    }
  }
  return rec;
}
