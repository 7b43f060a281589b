import type { FastifyInstance } from 'fastify';
import { keyId, presentedKey } from './auth.js';
import type { RequestLogEntry } from './securityOptions.js';

/**
 * One structured entry per answered request to `sink`: time, id, method, the route PATTERN (never
 * the URL: no record ids or query), status, duration, declared body size, client address and a
 * short hash of the API key. No file names, headers or bodies: nothing about the patient.
 *
 * @example
 * registerRequestLog(app, (e) => process.stdout.write(JSON.stringify(e) + '\n'));
 */
export function registerRequestLog(app: FastifyInstance, sink: ((entry: RequestLogEntry) => void) | undefined): void {
  if (!sink) return;
  app.addHook('onResponse', async (req, reply) => {
    const key = presentedKey(req);
    const length = Number(req.headers['content-length']);
    sink({
      time: new Date().toISOString(),
      id: String(req.id),
      method: req.method,
      route: req.routeOptions.url ?? '(no route)',
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      bytesIn: Number.isFinite(length) ? length : null,
      client: req.ip,
      keyId: key ? keyId(key) : null,
    });
  });
}

/**
 * A request-log sink writing JSON lines to stdout.
 *
 * @example
 * buildServer({ security: { requestLog: jsonLinesToStdout } });
 */
export function jsonLinesToStdout(entry: RequestLogEntry): void {
  process.stdout.write(JSON.stringify(entry) + '\n');
}
