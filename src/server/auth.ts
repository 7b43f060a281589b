import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isLoopback, isPublicRoute } from './securityOptions.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The API key a request carries (`Authorization: Bearer <key>` or `X-API-Key`), or null.
 *
 * @example
 * presentedKey(req); // 'k3y' for 'Authorization: Bearer k3y'
 */
export function presentedKey(req: FastifyRequest): string | null {
  const auth = req.headers.authorization;
  const m = typeof auth === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  if (m) return m[1];
  const x = req.headers['x-api-key'];
  return typeof x === 'string' && x ? x : null;
}

/**
 * Short, non-reversible id of an API key for logs (first 8 hex digits of its SHA-256).
 *
 * @example
 * keyId('secret'); // '2bb80d53'
 */
export function keyId(key: string): string {
  return digest(key).toString('hex').slice(0, 8);
}

/**
 * Requires an API key on `/v1/` routes when `apiKeys` are configured (compared in constant time,
 * 401 otherwise). With none configured, only connections that arrived on a loopback address are
 * served (the safe default: a service bound to 0.0.0.0 without keys answers 401 to the network).
 *
 * @example
 * registerAuth(app, ['k3y']); // curl -H 'Authorization: Bearer k3y' ...
 */
export function registerAuth(app: FastifyInstance, apiKeys: string[] = []): void {
  const keys = apiKeys.filter(Boolean).map(digest);
  app.addHook('onRequest', async (req, reply) => {
    if (isPublicRoute(req.url)) return;
    if (keys.length === 0) {
      if (isLoopback(req.socket.localAddress) || req.socket.localAddress === undefined) return;
      return reply.code(401).send({ error: { code: 'UNAUTHORIZED', message: 'this service has no API keys configured and answers only on loopback; set API keys (sinus serve --api-key / SINUS_API_KEYS)' } });
    }
    const key = presentedKey(req);
    const d = key ? digest(key) : null;
    if (!d || !keys.some((k) => timingSafeEqual(k, d))) {
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: { code: 'UNAUTHORIZED', message: 'missing or unknown API key (Authorization: Bearer <key> or X-API-Key)' } });
    }
  });
}
