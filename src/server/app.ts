import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { safeFileName } from '../analyze/recordFromFiles.js';
import { isSinusError, SinusError, type SinusErrorCode } from '../errors.js';
import { renderSvg } from '../render/svg.js';
import type { LayoutName } from '../render/layout.js';
import { overlaysFromAnalysis, overlaysFromAnnotations } from '../render/overlays.js';
import { svgToPdf } from '../render/pdf.node.js';
import { svgToPng } from '../render/png.node.js';
import { SINUS_VERSION } from '../version.js';
import { AnalysisPool } from './analysisPool.js';
import { LimitExceededError, runAnalysisJob, type AnalysisJob } from './analysisJob.js';
import { openApiDocument } from './openapi.js';
import { recordFromFiles } from '../analyze/recordFromFiles.js';
import { featureVector, FEATURE_EMBEDDING_KIND } from '../similar/featureVector.js';
import { openStore } from '../store/openStore.js';
import type { EcgStore } from '../store/types.js';
import { registerStoreRoutes } from './storeRoutes.js';
import { QueueFullError, WorkQueue } from './workQueue.js';
import { registerReportRoutes } from './reportRoutes.js';
import type { RecordLimits } from '../io/recordLimits.js';
import type { SecurityOptions } from './securityOptions.js';
import { registerAuth } from './auth.js';
import { registerCors } from './cors.js';
import { registerRateLimit } from './rateLimit.js';
import { registerRequestLog } from './requestLog.js';
import { registerHealth } from './health.js';
import { clientErrorOf } from './clientErrors.js';

export interface ServerOptions {
  /** Largest upload (all files of one record together), default 64 MiB. */
  maxUploadBytes?: number;
  /** Longest record accepted, default 24 h. */
  maxRecordDurationS?: number;
  /** Analyses run at once (default 2) and waiting (default 64) before answering 503. */
  concurrency?: number;
  /** Run analyses in worker threads (default true), so the event loop keeps answering; false runs them in process. */
  workers?: boolean;
  maxQueued?: number;
  /** Where uploaded records are kept (`POST /v1/records`): an open store; default a throwaway in-memory SQLite store. */
  store?: EcgStore;
  /** Folder of the built web viewer (default dist/web); null serves no viewer. */
  webRoot?: string | null;
  logger?: boolean;
  /** API keys, CORS, rate limit, request log; see {@link SecurityOptions} (safe default: loopback only without keys). */
  security?: SecurityOptions;
  /**
   * Record size limits, checked from the header before decoding; default 32 leads and 40 million
   * samples (e.g. 3 leads x 24 h at 150 Hz, 12 leads x 1 h at 900 Hz): over them, 413.
   */
  limits?: Partial<RecordLimits>;
  /** Seconds idle after which analysis workers are replaced by fresh ones, returning memory after load (default 10; 0 never). */
  workerIdleRecycleS?: number;
  /** Resident memory over which /health/ready answers 503; default 4 GiB. */
  maxRssBytes?: number;
}

const STATUS_OF: Partial<Record<SinusErrorCode, number>> = {
  BAD_ARGUMENT: 400,
  UNSUPPORTED_FORMAT: 415,
  UNKNOWN_FORMAT: 415,
  LIMIT_EXCEEDED: 413,
};

/** Maps errors to HTTP answers: input problems are 4xx with the SinusError code, busy is 503. */
function sendError(reply: FastifyReply, e: unknown, maxUploadBytes: number): FastifyReply {
  if (e instanceof QueueFullError) return reply.code(503).header('retry-after', '1').send({ error: { code: 'BUSY', message: e.message } });
  if (e instanceof LimitExceededError) return reply.code(413).send({ error: { code: 'TOO_LARGE', message: e.message } });
  if (isSinusError(e)) {
    const status = STATUS_OF[e.code] ?? 422;
    // Messages name uploaded files only (never a server path): readers get names, not paths.
    return reply.code(status).send({ error: { code: e.code, message: e.message } });
  }
  const fe = e as { code?: string; statusCode?: number; message?: string };
  const client = clientErrorOf(e, maxUploadBytes);
  if (client) return reply.code(client.status).send({ error: { code: client.code, message: client.message } });
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply.code(fe.statusCode).send({ error: { code: fe.code ?? 'BAD_REQUEST', message: fe.message ?? 'bad request' } });
  }
  reply.log.error(e);
  return reply.code(500).send({ error: { code: 'INTERNAL', message: 'internal error' } });
}

function defaultWebRoot(): string | null {
  for (const rel of ['../web/', '../../dist/web/']) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p + 'index.html')) return p;
  }
  return null;
}

const list = (s: unknown) => (typeof s === 'string' && s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);

function num(q: Record<string, unknown>, key: string): number | undefined {
  const v = q[key];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new SinusError('BAD_ARGUMENT', `query parameter ${key} must be a number`);
  return n;
}

/**
 * Builds the sinus HTTP service (not listening yet): upload a record, get its Analysis and its
 * paper-layout pictures; `/health`, `/openapi.json`, and the web viewer at `/`.
 *
 * @example
 * const app = await buildServer({ concurrency: 2 });
 * await app.listen({ port: 8080, host: '127.0.0.1' });
 */
export async function buildServer(options: ServerOptions = {}): Promise<FastifyInstance> {
  const maxUploadBytes = options.maxUploadBytes ?? 64 * 1024 * 1024;
  const maxRecordDurationS = options.maxRecordDurationS ?? 24 * 3600;
  const queue = new WorkQueue(options.concurrency ?? 2, options.maxQueued ?? 64);
  const store = options.store ?? (await openStore(':memory:'));
  const pool = options.workers === false ? null : new AnalysisPool(options.concurrency ?? 2);
  if (pool) pool.idleRecycleMs = options.workerIdleRecycleS === undefined ? 10_000 : options.workerIdleRecycleS * 1000;
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: maxUploadBytes, requestTimeout: 120_000 });
  await app.register(multipart, { limits: { fileSize: maxUploadBytes, files: 40, fields: 20, parts: 60 } });
  app.setErrorHandler((e, _req, reply) => sendError(reply, e, maxUploadBytes));
  const security = options.security ?? {};
  const limits: Partial<RecordLimits> = { maxLeads: 32, maxTotalSamples: 40_000_000, ...options.limits };
  await registerCors(app, security.corsOrigins);
  await registerRateLimit(app, security.rateLimitPerMinute ?? 600);
  registerAuth(app, security.apiKeys);
  registerRequestLog(app, security.requestLog);
  registerHealth(app, { queued: () => queue.queued, maxQueued: options.maxQueued ?? 64, liveWorkers: () => pool?.liveWorkers ?? null, maxRssBytes: options.maxRssBytes ?? 4 * 2 ** 30 });
  app.addHook('onClose', async () => {
    await pool?.close();
    if (!options.store) await store.close();
  });
  app.setNotFoundHandler((req, reply) => reply.code(404).send({ error: { code: 'NOT_FOUND', message: `no route ${req.method} ${req.url.split('?')[0]}` } }));

  /** Reads the multipart upload into memory, by file name only, within the size limit. */
  async function uploadedFiles(req: FastifyRequest): Promise<Record<string, Uint8Array>> {
    if (!req.isMultipart()) throw new SinusError('BAD_ARGUMENT', 'send the record as multipart/form-data (field "files", one part per file)');
    const files: Record<string, Uint8Array> = Object.create(null);
    let total = 0;
    for await (const part of req.parts()) {
      if (part.type !== 'file') continue;
      const buf = await part.toBuffer();
      total += buf.byteLength;
      if (total > maxUploadBytes) throw new LimitExceededError(`upload too large: the limit is ${maxUploadBytes} bytes (${(maxUploadBytes / 2 ** 20).toFixed(0)} MiB) for all files together`);
      const name = safeFileName(part.filename || part.fieldname);
      if (buf.byteLength === 0) throw new SinusError('FILE_EMPTY', 'file is empty', name);
      files[name] = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    if (Object.keys(files).length === 0) throw new SinusError('BAD_ARGUMENT', 'no file in the upload');
    return files;
  }

  /** Reads and analyses an upload: in a worker thread when the pool is on, else in process. */
  async function analysed(req: FastifyRequest, reply: FastifyReply) {
    const q = req.query as Record<string, unknown>;
    const job: AnalysisJob = { files: await uploadedFiles(req), only: list(q.only), skip: list(q.skip), maxRecordDurationS, limits };
    const ac = new AbortController();
    // The request stream closes as soon as its body is read; the response closing before it was
    // sent is what says the client went away.
    const onClose = () => {
      if (!reply.raw.writableEnded) ac.abort(new Error('client closed the connection'));
    };
    reply.raw.once('close', onClose);
    try {
      return { files: job.files, ...(await queue.run(() => (pool ? pool.run(job, ac.signal) : runAnalysisJob(job, ac.signal)))) };
    } finally {
      reply.raw.off('close', onClose);
    }
  }

  app.get('/health', async () => ({ status: 'ok', version: SINUS_VERSION, running: queue.active, queued: queue.queued, stored: await store.count() }));
  app.get('/openapi.json', async () => openApiDocument({ maxUploadBytes, maxRecordDurationS, limits }));
  // The Analysis JSON Schema, from the package root (two folders up from src/server and dist/server).
  const schemaText = readFileSync(fileURLToPath(new URL('../../schema/analysis.schema.json', import.meta.url)), 'utf8');
  app.get('/schema/analysis.schema.json', async (_req, reply) => reply.type('application/schema+json').send(schemaText));

  app.post('/v1/analyze', async (req, reply) => (await analysed(req, reply)).analysis);

  app.post('/v1/records', async (req, reply) => {
    const { files, analysis } = await analysed(req, reply);
    const id = await store.putRecord({ files, analysis });
    await store.putEmbedding(id, FEATURE_EMBEDDING_KIND, featureVector(analysis));
    const base = `/v1/records/${id}`;
    return reply.code(201).send({ id, analysis, links: { analysis: `${base}/analysis`, svg: `${base}/render.svg`, png: `${base}/render.png`, pdf: `${base}/render.pdf` } });
  });

  const stored = async (id: string) => {
    const [files, a] = [await store.getFiles(id), await store.getAnalysis(id)];
    if (!files || !a) throw Object.assign(new Error(`no record ${id.slice(0, 40)}`), { statusCode: 404, code: 'NOT_FOUND' });
    return { files, analysis: a.analysis };
  };

  app.get<{ Params: { id: string } }>('/v1/records/:id/analysis', async (req) => (await stored(req.params.id)).analysis);
  registerStoreRoutes(app, store);

  app.get<{ Params: { id: string; format: string } }>('/v1/records/:id/render.:format', async (req, reply) => {
    const { files, analysis } = await stored(req.params.id);
    const record = await recordFromFiles(files);
    const format = req.params.format;
    if (!['svg', 'png', 'pdf'].includes(format)) throw new SinusError('BAD_ARGUMENT', `format must be svg, png or pdf`);
    const q = req.query as Record<string, unknown>;
    const marks = (q.marks as string) ?? 'analysis';
    if (!['analysis', 'reference', 'none'].includes(marks)) throw new SinusError('BAD_ARGUMENT', 'marks must be analysis, reference or none');
    const layout = q.layout as LayoutName | undefined;
    if (layout !== undefined && !['3x4', '6x2', 'strips', 'holter'].includes(layout)) throw new SinusError('BAD_ARGUMENT', 'layout must be 3x4, 6x2, strips or holter');
    const show = new Set(list(q.show) ?? ['beats', 'classes', 'rhythm', 'quality']);
    const svg = renderSvg(record, {
      analysis, layout,
      overlays: marks === 'reference' ? overlaysFromAnnotations(record) : marks === 'none' ? null : overlaysFromAnalysis(analysis),
      speedMmPerS: num(q, 'speed'), gainMmPerMv: num(q, 'gain'), startS: num(q, 'start'),
      leads: list(q.lead), page: (num(q, 'page') ?? 1) - 1,
      rowSeconds: num(q, 'rowSeconds'), rowsPerPage: num(q, 'rowsPerPage'),
      rhythmLeads: q.rhythm === 'none' ? [] : list(q.rhythm),
      show: { beats: show.has('beats'), classes: show.has('classes'), waves: show.has('waves'), rhythm: show.has('rhythm'), quality: show.has('quality') },
    });
    if (format === 'svg') return reply.type('image/svg+xml').send(svg);
    const dpi = num(q, 'dpi') ?? 150;
    if (!(dpi >= 10 && dpi <= 600)) throw new SinusError('BAD_ARGUMENT', 'dpi must be between 10 and 600');
    // Rasterising and printing take a CPU for a while: in the pool, like analyses, when it is on.
    const bytes = await queue.run(() =>
      pool ? pool.render(svg, format as 'png' | 'pdf', { dpi, title: record.name }) : format === 'png' ? svgToPng(svg, { dpi }) : svgToPdf(svg, { title: record.name }),
    );
    return reply.type(format === 'png' ? 'image/png' : 'application/pdf').send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  await registerReportRoutes(app, { maxUploadBytes, analyse: (files, signal) => queue.run(() => (pool ? pool.run({ files, maxRecordDurationS }, signal) : runAnalysisJob({ files, maxRecordDurationS }, signal))) });

  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  if (webRoot) {
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', index: ['index.html'] });
  } else {
    app.get('/', async (_req, reply) => reply.code(503).type('text/plain').send('the web viewer is not built: run `npm run build`'));
  }
  return app;
}
