/**
 * The stored-record routes of the HTTP service, over an {@link EcgStore}: list, fetch, delete, and
 * the nearest stored records of one record (`GET /v1/records/:id/similar`).
 */
import type { FastifyInstance } from 'fastify';
import { SinusError } from '../errors.js';
import { similarRecords } from '../similar/similarInStore.js';
import type { EcgStore } from '../store/types.js';

const notFound = (id: string) => Object.assign(new Error(`no record ${id.slice(0, 64)}`), { statusCode: 404, code: 'NOT_FOUND' });

function optionalNumber(q: Record<string, unknown>, key: string): number | undefined {
  const v = q[key];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new SinusError('BAD_ARGUMENT', `query parameter ${key} must be a number`);
  return n;
}

/**
 * Registers `GET /v1/records`, `GET /v1/records/:id`, `DELETE /v1/records/:id` and
 * `GET /v1/records/:id/similar`.
 *
 * @example registerStoreRoutes(app, await openStore(':memory:'));
 */
export function registerStoreRoutes(app: FastifyInstance, store: EcgStore): void {
  app.get('/v1/records', async (req) => {
    const q = req.query as Record<string, unknown>;
    const limit = optionalNumber(q, 'limit') ?? 100;
    if (!(limit >= 1 && limit <= 1000)) throw new SinusError('BAD_ARGUMENT', 'limit must be between 1 and 1000');
    const records = await store.listRecords({ limit, afterId: typeof q.after === 'string' ? q.after : undefined, patientId: typeof q.patient === 'string' ? q.patient : undefined });
    return { records, next: records.length === limit ? records[records.length - 1].id : null };
  });

  app.get<{ Params: { id: string } }>('/v1/records/:id', async (req) => {
    const r = await store.getRecord(req.params.id);
    if (!r) throw notFound(req.params.id);
    return r;
  });

  app.delete<{ Params: { id: string } }>('/v1/records/:id', async (req, reply) => {
    if (!(await store.deleteRecord(req.params.id))) throw notFound(req.params.id);
    return reply.code(204).send();
  });

  app.get<{ Params: { id: string } }>('/v1/records/:id/similar', async (req) => {
    const q = req.query as Record<string, unknown>;
    const stored = await store.getAnalysis(req.params.id);
    if (!stored) throw notFound(req.params.id);
    const k = optionalNumber(q, 'k') ?? 10;
    if (!(k >= 1 && k <= 100)) throw new SinusError('BAD_ARGUMENT', 'k must be between 1 and 100');
    const self = await store.getRecord(req.params.id);
    const neighbours = await similarRecords(store, stored.analysis, {
      k, excludeId: req.params.id,
      filters: {
        patientId: q.samePatient === 'true' ? (self?.patientId ?? '\u0000none') : undefined,
        statement: typeof q.statement === 'string' && q.statement ? q.statement : undefined,
        minAgeYears: optionalNumber(q, 'minAge'), maxAgeYears: optionalNumber(q, 'maxAge'),
      },
    });
    return { id: req.params.id, neighbours };
  });
}
