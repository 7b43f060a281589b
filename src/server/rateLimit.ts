import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { keyId, presentedKey } from './auth.js';
import { isPublicRoute } from './securityOptions.js';

/**
 * Per-client rate limit (@fastify/rate-limit) on the API: `perMinute` requests per minute per API
 * key, or per address without one; over it, 429 with Retry-After. Probes and static files are not
 * counted. `perMinute` 0 registers nothing.
 *
 * @example
 * await registerRateLimit(app, 600);
 */
export async function registerRateLimit(app: FastifyInstance, perMinute: number): Promise<void> {
  if (!(perMinute > 0)) return;
  await app.register(rateLimit, {
    global: true,
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (req) => {
      const key = presentedKey(req);
      return key ? `key:${keyId(key)}` : `ip:${req.ip}`;
    },
    allowList: (req) => isPublicRoute(req.url),
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      error: { code: 'RATE_LIMITED', message: `over ${ctx.max} requests per minute for this client; retry in ${ctx.after}` },
    }),
  });
}
