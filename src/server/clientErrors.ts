/** A client error to answer with: status, code, message. */
export interface ClientError {
  status: 400 | 413 | 415;
  code: string;
  message: string;
}

/**
 * What a request-parsing error from Fastify or @fastify/multipart (busboy) means for the client:
 * a malformed body (wrong or missing multipart boundary, truncated body, bad content type) is 400,
 * a body or file over the size limit is 413 stating the limit; null for anything else. Malformed
 * requests used to reach the 500 handler.
 *
 * @example
 * clientErrorOf(new Error('Unexpected end of form'), 1 << 20); // { status: 400, code: 'BAD_REQUEST', ... }
 */
export function clientErrorOf(e: unknown, maxUploadBytes: number): ClientError | null {
  const err = e as { code?: string; message?: string; statusCode?: number };
  const message = err?.message ?? '';
  const code = err?.code ?? '';
  const limit = `the limit is ${maxUploadBytes} bytes (${(maxUploadBytes / 2 ** 20).toFixed(0)} MiB)`;
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
    const what = code === 'FST_FILES_LIMIT' ? 'too many files' : code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT' ? 'too many parts' : `upload too large: ${limit}`;
    return { status: 413, code: 'TOO_LARGE', message: what };
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'send the record as multipart/form-data (field "files", one part per file)' };
  }
  if (/multipart|boundary|unexpected end of (form|multipart)|malformed part header|part terminated early|premature close|aborted/i.test(message) || code === 'FST_PROTO_VIOLATION' || code === 'ERR_STREAM_PREMATURE_CLOSE' || code === 'ECONNRESET') {
    return { status: 400, code: 'BAD_REQUEST', message: `malformed multipart body: ${message.slice(0, 120)}` };
  }
  if (code.startsWith('FST_ERR_CTP_') || code === 'FST_ERR_BAD_URL' || code === 'FST_ERR_VALIDATION') {
    return { status: 400, code: 'BAD_REQUEST', message: message.slice(0, 200) || 'bad request' };
  }
  return null;
}
