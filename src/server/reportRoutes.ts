import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Analysis } from '../analyze.js';
import { safeFileName } from '../analyze/recordFromFiles.js';
import { askEcg } from '../ask/askEcg.js';
import { catalogueQuestionLexicon } from '../ask/catalogueQuestionLexicon.js';
import { MAX_QUESTION_CHARS } from '../ask/guardQuestion.js';
import { isSinusError, SinusError } from '../errors.js';
import { reportBytes, reportFormatAndLanguage } from '../report/reportOutput.node.js';
import { LimitExceededError, type AnalysisJobResult } from './analysisJob.js';

/** What the report and ask routes need from the service: analysing uploaded files (queued, in a worker when the pool is on). */
export interface ReportRouteDeps {
  analyse: (files: Record<string, Uint8Array>, signal: AbortSignal) => Promise<AnalysisJobResult>;
  maxUploadBytes: number;
}

/** Multipart upload split by field: `files` (the record, or the first ECG), `second` (the second ECG), and text fields. */
async function uploadParts(req: FastifyRequest, maxBytes: number): Promise<{ first: Record<string, Uint8Array>; second: Record<string, Uint8Array>; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new SinusError('BAD_ARGUMENT', 'send multipart/form-data: the record in field "files" (and a second ECG in "second"), text fields as needed');
  const first: Record<string, Uint8Array> = {};
  const second: Record<string, Uint8Array> = {};
  const fields: Record<string, string> = {};
  let total = 0;
  for await (const part of req.parts()) {
    if (part.type !== 'file') {
      const v = String(part.value ?? '');
      if (v.length > MAX_QUESTION_CHARS * 4) throw new SinusError('BAD_ARGUMENT', `field ${part.fieldname} is too long`);
      fields[part.fieldname] = v;
      continue;
    }
    const buf = await part.toBuffer();
    total += buf.byteLength;
    if (total > maxBytes) throw new LimitExceededError(`upload too large: over ${maxBytes} bytes`);
    const name = safeFileName(part.filename || part.fieldname);
    if (buf.byteLength === 0) throw new SinusError('FILE_EMPTY', 'file is empty', name);
    (part.fieldname === 'second' ? second : first)[name] = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  if (Object.keys(first).length === 0) throw new SinusError('BAD_ARGUMENT', 'no record file in the upload (field "files")');
  return { first, second, fields };
}

/** Aborts `ac` when the client goes away before the reply is sent. */
function abortOnClose(reply: FastifyReply): { signal: AbortSignal; done: () => void } {
  const ac = new AbortController();
  const onClose = () => {
    if (!reply.raw.writableEnded) ac.abort(new Error('client closed the connection'));
  };
  reply.raw.once('close', onClose);
  return { signal: ac.signal, done: () => reply.raw.off('close', onClose) };
}

/** A client-sent Analysis, checked for the parts answering reads (it is untrusted JSON). */
function checkedAnalysis(v: unknown, i: number): Analysis {
  const a = v as Analysis;
  const ok = !!a && typeof a === 'object' && !!a.record && typeof a.record.name === 'string' && typeof a.record.fsHz === 'number' && typeof a.record.durationS === 'number'
    && Array.isArray(a.record.leads) && Array.isArray(a.stages) && !!a.results && typeof a.results === 'object';
  if (!ok) throw new SinusError('BAD_ARGUMENT', `analyses[${i}] is not a sinus Analysis (as POST /v1/analyze returns)`);
  return a;
}

/**
 * Registers `POST /v1/reports` (upload a record; `?format=pdf|json|html|txt&lang=en|de`; default
 * PDF in English) and `POST /v1/ask` (multipart: field `question`, the record in `files`, an
 * optional second ECG in `second`; or JSON `{ question, analyses: [Analysis, Analysis?] }` to ask
 * about analyses already made, answered in milliseconds).
 *
 * @example await registerReportRoutes(app, { analyse: (files, signal) => runAnalysisJob({ files, maxRecordDurationS: 86400 }, signal), maxUploadBytes: 64e6 });
 */
export async function registerReportRoutes(app: FastifyInstance, deps: ReportRouteDeps): Promise<void> {
  app.post('/v1/reports', async (req, reply) => {
    const q = req.query as Record<string, unknown>;
    const { format, lang } = reportFormatAndLanguage(String(q.format ?? 'pdf').toLowerCase(), String(q.lang ?? 'en').toLowerCase());
    const { first } = await uploadParts(req, deps.maxUploadBytes);
    const c = abortOnClose(reply);
    try {
      const { record, analysis } = await deps.analyse(first, c.signal);
      const { bytes, contentType } = await reportBytes(record, analysis, format, lang);
      return reply.type(contentType).send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } finally {
      c.done();
    }
  });

  app.post('/v1/ask', async (req, reply) => {
    let question: unknown;
    let analyses: Analysis[];
    if (req.isMultipart()) {
      const { first, second, fields } = await uploadParts(req, deps.maxUploadBytes);
      question = fields.question;
      if (typeof question !== 'string') throw new SinusError('BAD_ARGUMENT', 'field "question" is missing');
      const c = abortOnClose(reply);
      try {
        analyses = [(await deps.analyse(first, c.signal)).analysis];
        if (Object.keys(second).length > 0) analyses.push((await deps.analyse(second, c.signal)).analysis);
      } finally {
        c.done();
      }
    } else {
      const body = req.body as { question?: unknown; analyses?: unknown } | null;
      if (!body || typeof body !== 'object') throw new SinusError('BAD_ARGUMENT', 'send JSON { "question": "...", "analyses": [ ... ] } or a multipart upload');
      question = body.question;
      if (!Array.isArray(body.analyses) || body.analyses.length < 1 || body.analyses.length > 2) throw new SinusError('BAD_ARGUMENT', '"analyses" must hold one or two sinus Analyses');
      analyses = body.analyses.map(checkedAnalysis);
    }
    try {
      return askEcg(question as string, analyses, { lexicon: catalogueQuestionLexicon() });
    } catch (e) {
      if (isSinusError(e)) throw e;
      // A client-sent analysis that passed the shape check but not the answerer's reading of it.
      throw new SinusError('BAD_ARGUMENT', `the analysis could not be read: ${(e as Error).message}`);
    }
  });
}
