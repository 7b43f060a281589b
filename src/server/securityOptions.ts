/** One request as the request log records it: no file names, no query, no body, no patient data. */
export interface RequestLogEntry {
  time: string;
  /** Fastify's request id. */
  id: string;
  method: string;
  /** The matched route pattern (e.g. '/v1/records/:id/analysis'), never the raw URL. */
  route: string;
  status: number;
  ms: number;
  /** Request body size as declared (content-length), bytes. */
  bytesIn: number | null;
  /** Client address. */
  client: string;
  /** First 8 hex digits of the SHA-256 of the API key used, or null. */
  keyId: string | null;
}

/**
 * The service's security settings. The safe default: no API keys means the API answers only
 * connections that arrive on a loopback address (127.0.0.1, ::1); anything else gets 401.
 */
export interface SecurityOptions {
  /** Accepted API keys, sent as `Authorization: Bearer <key>` or `X-API-Key: <key>`. */
  apiKeys?: string[];
  /** Origins allowed to call the API from a browser (CORS); default none (same origin only). */
  corsOrigins?: string[];
  /** Requests per minute per client (API key, else address); default 600; 0 turns the limit off. */
  rateLimitPerMinute?: number;
  /** Where request log entries go (one per request); default none. */
  requestLog?: (entry: RequestLogEntry) => void;
}

/**
 * True for a loopback address (127.0.0.0/8, ::1, IPv4-mapped loopback, 'localhost').
 *
 * @example
 * isLoopback('127.0.0.1'); // true
 * isLoopback('0.0.0.0'); // false
 */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/i, '');
  return a === '::1' || a === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(a);
}

/** Routes anyone may call: probes, the API description, the viewer's static files. */
export function isPublicRoute(url: string): boolean {
  const path = url.split('?')[0];
  return path.startsWith('/health') || path === '/openapi.json' || path.startsWith('/schema/') || !path.startsWith('/v1/');
}
