import { isSinusError, SinusError } from '../../errors.js';

/**
 * Runs a decoder and turns any non-SinusError escape (a decoder bug met by damaged input) into a
 * typed BAD_HEADER error, so callers of the readers only ever see SinusError. The fuzz tests call
 * the decoders directly and fail on such escapes, so the net is not what keeps them green.
 *
 * @example await decodeOrTypedError('x.scp', 'SCP-ECG', () => readScpEcg(bytes, 'x.scp'))
 */
export async function decodeOrTypedError<T>(fileName: string, format: string, decode: () => T | Promise<T>): Promise<T> {
  try {
    return await decode();
  } catch (e) {
    if (isSinusError(e)) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new SinusError('BAD_HEADER', `could not decode as ${format}: ${message.slice(0, 200)}`, fileName);
  }
}
